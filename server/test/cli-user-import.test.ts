// `yizhan pack deploy` lists the pack's users that have no account yet, and `yizhan user import`
// creates them — passwords from a file or standard input, never from the pack; existing accounts
// are reported and left unchanged. Against the database and against a running server. And
// `yizhan pack test` on the same pack fails the scenarios whose actor the server would refuse.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@yizhan/engine';
import { createTestDatabase, databaseTargets } from '../../engine/test/support/databases';
import { UserRepository } from '../src/users';
import { startTestServer } from './support/harness';
import { runYizhan } from './support/cli';

const PACK = fileURLToPath(new URL('../../processes/test/fixtures/people', import.meta.url));


const tmp = mkdtempSync(join(tmpdir(), 'yizhan-user-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The fixture pack as another version (a version deploys once). */
function packVersion(version: string, name: string): string {
  const dir = join(tmp, name);
  cpSync(PACK, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'pack.json'), JSON.stringify({ ...manifest, $schema: undefined, version }, null, 2));
  return dir;
}

describe.each(databaseTargets())('yizhan user import on $name PostgreSQL', (target) => {
  it('`yizhan pack test` fails (exit 1) the scenarios whose actor the server would refuse, each with its reason', async () => {
    const r = await runYizhan(['pack', 'test', PACK, '--database-url', target.adminUrl]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/^✓ 有权限的人办理 /m);
    expect(r.out).toMatch(/^✓ 预期被拒绝的越权步骤 /m);
    expect(r.out).toMatch(/^✗ 领导办理任务 [^\n]*\n\s+- 第 2 步（办理 feedback）：用户「director」[^\n]*没有办理此任务的权限（task:act），服务器会拒绝（403）/m);
    expect(r.out).toMatch(/^✗ 他部门办理 [^\n]*\n\s+- 第 1 步（办理 handle）：east（mini\.t\.east）不在任务「handle」的候选组中/m);
    expect(r.out).toMatch(/^✗ 领导受理 [^\n]*\n\s+- 受理：用户「director」[^\n]*没有受理案件的权限（case:create）/m);
    expect(r.out.trim().split('\n').at(-1)).toBe('2 passed, 3 failed');
  });

  it('against the database: deploy lists the missing users, import creates them and leaves existing ones alone', async () => {
    const tdb = await createTestDatabase(target);
    const db = await openDatabase({ url: tdb.url });
    try {
      const url = ['--database-url', tdb.url];
      // An account of the same name exists already, with another role.
      let r = await runYizhan(['user', 'add', 'clerk', '--role', 'auditor', '--unit', 'mini', ...url], { env: { YIZHAN_PASSWORD: 'existing-pass-1' } });
      expect(r.code, r.out).toBe(0);

      r = await runYizhan(['pack', 'deploy', PACK, ...url]);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('流程包中有 4 个用户在服务器上还没有账号');
      expect(r.out).toContain('director（中心主任，领导（督办，查看本辖区），mini，部门 mini.centre）');
      expect(r.out).toContain('east（东镇调解员，办理人员，mini.east，部门 mini.t.east）');
      expect(r.out).not.toMatch(/^\s+clerk（/m);
      expect(r.out).toContain('yizhan user import');

      // A user to create without a password: nothing is created.
      const partial = join(tmp, `partial-${target.name}.txt`);
      writeFileSync(partial, 'labour:labour-pass-1\n');
      r = await runYizhan(['user', 'import', PACK, '--passwords', partial, ...url]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('用户「east」没有密码');
      expect(r.out).toContain('未创建任何用户');
      const users = new UserRepository(db.pool);
      expect((await users.list()).map((u) => u.username)).toEqual(['clerk']);

      const file = join(tmp, `passwords-${target.name}.txt`);
      writeFileSync(file, '# 初始密码\nlabour:labour-pass-1\neast:east-pass-12\n\ndirector:director-pass-1\ncounty-admin:admin:pass:1\n');
      r = await runYizhan(['user', 'import', PACK, '--passwords', file, ...url]);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('已创建 director（中心主任，领导（督办，查看本辖区），mini，部门 mini.centre）');
      expect(r.out).toContain('已存在，未改动 clerk');
      expect(r.out).toContain('创建 4 个用户，1 个已存在');
      expect(r.out).not.toContain('director-pass-1');

      const director = await users.verifyPassword('director', 'director-pass-1');
      expect(director).toMatchObject({ role: 'leader', unit: 'mini', departments: ['mini.centre'], displayName: '中心主任', demo: false });
      expect(await users.verifyPassword('county-admin', 'admin:pass:1')).toMatchObject({ role: 'admin', unit: 'mini' });
      expect(await users.verifyPassword('east', 'east-pass-12')).toMatchObject({ role: 'staff', unit: 'mini.east', departments: ['mini.t.east'] });
      expect(await users.verifyPassword('clerk', 'existing-pass-1')).toMatchObject({ role: 'auditor' });

      // Again, one password for all from standard input: everything exists, nothing changes.
      r = await runYizhan(['user', 'import', PACK, ...url], { input: 'another-pass-1\n' });
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('创建 0 个用户，5 个已存在');
      expect(await users.verifyPassword('director', 'director-pass-1')).toBeDefined();

      r = await runYizhan(['pack', 'deploy', packVersion('0.2.0', `again-${target.name}`), ...url]);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('流程包的 5 个用户在服务器上都已有账号');
    } finally {
      await db.close();
      await tdb.drop();
    }
  });

  it('against a running server: POST /api/users with an administrator\'s token', async () => {
    const s = await startTestServer(target);
    try {
      const integrator = await s.login('integrator');
      let r = await runYizhan(['pack', 'deploy', PACK, '--server', s.url, '--token', integrator]);
      expect(r.code, r.out).toBe(0);
      // An integrator may deploy but not list users: the report says so instead of guessing.
      expect(r.out).toContain('无法核对流程包的 5 个用户是否已在服务器上');

      r = await runYizhan(['user', 'import', PACK, '--server', s.url, '--token', integrator], { input: 'shared-pass-1\n' });
      expect(r.code).toBe(1);
      expect(r.out).toContain('403');

      // The test server has a `labour` of its own (测试县 t): reported and left unchanged.
      const admin = await s.login('admin');
      r = await runYizhan(['pack', 'deploy', packVersion('0.2.0', `server-${target.name}`), '--server', s.url, '--token', admin]);
      expect(r.out).toContain('流程包中有 4 个用户在服务器上还没有账号');
      expect(r.out).not.toMatch(/^\s+labour（/m);

      r = await runYizhan(['user', 'import', PACK, '--server', s.url, '--token', admin], { input: 'shared-pass-1\n' });
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('创建 4 个用户，1 个已存在');
      expect(r.out).toContain('已存在，未改动 labour');
      const login = await s.request('POST', '/api/auth/login', { body: { username: 'east', password: 'shared-pass-1' } });
      expect(login.status).toBe(200);
      const me = await s.request('GET', '/api/me', { token: login.body.token });
      expect(me.body).toMatchObject({ username: 'east', role: 'staff', unit: 'mini.east', departments: ['mini.t.east'] });
      expect((await s.yizhan.services.users.get('labour'))).toMatchObject({ unit: 't', departments: ['t-labour'] });

      r = await runYizhan(['user', 'import', PACK, '--server', s.url, '--token', admin], { input: 'shared-pass-1\n' });
      expect(r.out).toContain('创建 0 个用户，5 个已存在');
    } finally {
      await s.close();
    }
  });
});
