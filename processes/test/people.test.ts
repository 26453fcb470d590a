// Packs and the server agree on people: `yizhan pack test` lets a scenario's actor act only as the
// server would (role grants, candidate department / level / unit), and pack.json's users are
// checked strictly (role, unit, duties that look like roles).
import { describe, expect, it } from 'vitest';
import { OrgIndex } from '@yizhan/rules';
import { actorScope, loadPackDir, mayActOnTask, packUserAccount, runScenarios, validatePack, deployPack, createPackEngine, PackInvalidError, type PackBundle } from '../src';
import { createTestDatabase, databaseTargets } from '../../engine/test/support/databases';
import { openDatabase } from '@yizhan/engine';

const peopleDir = new URL('./fixtures/people/', import.meta.url).pathname;

describe('pack users as server accounts', () => {
  it('role defaults to staff, unit to the first department\'s unit', async () => {
    const bundle = await loadPackDir(peopleDir);
    const org = OrgIndex.of(bundle.manifest.org);
    const accounts = (bundle.manifest.users ?? []).map((u) => packUserAccount(u, org));
    expect(accounts.map((a) => [a.username, a.role, a.unit])).toEqual([
      ['clerk', 'staff', 'mini'], ['labour', 'staff', 'mini'], ['east', 'staff', 'mini.east'], ['director', 'leader', 'mini'], ['county-admin', 'admin', 'mini'],
    ]);
  });

  it('decides like the server: department, level within the unit subtree, assignee, role', async () => {
    const bundle = await loadPackDir(peopleDir);
    const org = OrgIndex.of(bundle.manifest.org);
    const scope = (username: string) => actorScope(packUserAccount(bundle.manifest.users!.find((u) => u.username === username)!, org), org);
    const labourTask = { assignee: null, candidateGroups: ['mini.labour'], unit: 'mini.east' };
    expect(mayActOnTask(scope('labour'), labourTask)).toBe(true);
    expect(mayActOnTask(scope('east'), labourTask)).toBe(false);
    expect(mayActOnTask(scope('director'), { ...labourTask, candidateGroups: ['mini.centre'] })).toBe(false);
    expect(mayActOnTask(scope('county-admin'), labourTask)).toBe(true);
    expect(mayActOnTask(scope('east'), { assignee: 'east', candidateGroups: ['mini.labour'], unit: 'mini.east' })).toBe(true);
    expect(mayActOnTask(scope('east'), { assignee: null, candidateGroups: ['township'], unit: 'mini.east' })).toBe(true);
    expect(mayActOnTask(scope('east'), { assignee: null, candidateGroups: ['township'], unit: 'mini.west' })).toBe(false);
  });
});

describe('pack.json users are checked strictly', () => {
  const withUsers = async (users: unknown[]): Promise<PackBundle> => {
    const bundle = await loadPackDir(peopleDir);
    return { ...bundle, manifest: { ...bundle.manifest, users: users as PackBundle['manifest']['users'] } };
  };

  it('an unknown role is a schema problem at its pointer; deploying it is PACK_INVALID', async () => {
    const bundle = await withUsers([{ username: 'boss', name: '老板', role: 'boss', departments: ['mini.centre'] }]);
    const problems = await validatePack(bundle);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'pack.json', pointer: '/users/0/role', code: 'PACK_SCHEMA' }));
    const [target] = databaseTargets();
    const tdb = await createTestDatabase(target);
    const db = await openDatabase({ url: tdb.url });
    try {
      const error = await deployPack(createPackEngine({ pool: db.pool }), bundle).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PackInvalidError);
      expect((error as PackInvalidError).code).toBe('PACK_INVALID');
      expect(JSON.stringify((error as PackInvalidError).details)).toContain('/users/0/role');
    } finally {
      await db.close();
      await tdb.drop();
    }
  });

  it('a server role among the duties (roles), an unknown unit and a repeated username are problems', async () => {
    const bundle = await withUsers([
      { username: 'chief', name: '主任', roles: ['leader'], departments: ['mini.centre'] },
      { username: 'far', name: '外县', unit: 'elsewhere', departments: ['mini.centre'] },
      { username: 'far', name: '重名', departments: ['mini.centre'] },
    ]);
    const problems = await validatePack(bundle);
    expect(problems).toContainEqual(expect.objectContaining({ pointer: '/users/0/roles/0', code: 'USER_ROLE' }));
    expect(problems.find((p) => p.code === 'USER_ROLE')?.message).toContain('"role": "leader"');
    expect(problems).toContainEqual(expect.objectContaining({ pointer: '/users/1/unit', code: 'UNKNOWN_UNIT' }));
    expect(problems).toContainEqual(expect.objectContaining({ pointer: '/users/2/username', code: 'DUPLICATE_USER' }));
  });

  it('the fixture itself is valid', async () => {
    expect(await validatePack(await loadPackDir(peopleDir))).toEqual([]);
  });
});

describe.each(databaseTargets())('pack test enforces the server\'s permissions on $name PostgreSQL', (target) => {
  it('fails scenarios whose actor the server would refuse, with a Chinese reason', async () => {
    const bundle = await loadPackDir(peopleDir);
    const results = await runScenarios(bundle, { databaseUrl: target.adminUrl });
    const byFile = new Map(results.map((r) => [r.file, r]));
    expect(results.map((r) => [r.file, r.passed])).toEqual([
      ['01-allowed', true], ['02-leader-completes', false], ['03-other-department', false], ['04-leader-starts', false], ['05-refused-as-expected', true],
    ]);
    expect(byFile.get('02-leader-completes')?.failures).toEqual([
      expect.stringMatching(/^第 2 步（办理 feedback）：用户「director」的角色是「领导（督办，查看本辖区）」（leader），只能办理督办任务（表单 supervise），没有办理此任务的权限（task:act），服务器会拒绝（403）/),
    ]);
    expect(byFile.get('03-other-department')?.failures).toEqual([
      '第 1 步（办理 handle）：east（mini.t.east）不在任务「handle」的候选组中（mini.labour，单位 mini.east），也不是认领人或本级本辖区（单位 mini.east）的任务，服务器会拒绝（403）',
    ]);
    expect(byFile.get('04-leader-starts')?.failures).toEqual([expect.stringMatching(/^受理：用户「director」.*没有受理案件的权限（case:create）/)]);
  });
});
