// Packs through the API (JSON bundle and multipart upload) and the `yizhan pack` commands.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { FIXTURE_PACK, fixtureFiles, otherCountyPack, packFiles, PASSWORD, startTestServer, type Json, type TestServer } from './support/harness';

/** A test that runs the `yizhan` CLI several times: each run starts Node and tsx (seconds apiece on a busy machine). */
const CLI_TIMEOUT = 180_000;

const BIN = fileURLToPath(new URL('../bin/yizhan.js', import.meta.url));
const run = promisify(execFile);

async function yizhan(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.each(databaseTargets())('packs on $name PostgreSQL', (target) => {
  let s: TestServer;
  let integrator: string;

  beforeAll(async () => {
    s = await startTestServer(target);
    integrator = await s.login('integrator');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('deploys a JSON bundle as a new immutable version; the same version again is a conflict', async () => {
    let r = await s.request('POST', '/api/packs', { token: integrator, body: { files: packFiles('1.1.0') } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ packId: 'servertest', version: '1.1.0', deployedBy: 'integrator', processes: [{ key: 'servertest/dispute', version: 2 }] });
    r = await s.request('POST', '/api/packs', { token: integrator, body: { files: packFiles('1.1.0') } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('PACK_VERSION_EXISTS');
    r = await s.request('GET', '/api/packs', { token: integrator });
    expect(r.body).toEqual([expect.objectContaining({ packId: 'servertest', version: '1.1.0' })]);
    r = await s.request('GET', '/api/packs/servertest/versions', { token: integrator });
    expect(r.body.map((v: Json) => v.version)).toEqual(['1.1.0', '1.0.0']);
  });

  it('deploys a multipart upload whose file names are the paths inside the pack', async () => {
    const form = new FormData();
    for (const [path, content] of Object.entries(packFiles('1.2.0'))) form.append('files', new Blob([content]), path);
    const r = await s.request('POST', '/api/packs', { token: integrator, raw: form });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.processes[0]).toMatchObject({ key: 'servertest/dispute', version: 3 });
  });

  it('answers 422 PACK_INVALID with every problem located, and deploys nothing', async () => {
    const files = packFiles('2.0.0');
    delete files['forms/feedback.json'];
    files['rules/routing.json'] = '{ not json';
    const r = await s.request('POST', '/api/packs', { token: integrator, body: { files } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('PACK_INVALID');
    const details = r.body.error.details as Json[];
    expect(details.map((d) => d.file)).toEqual(expect.arrayContaining(['rules/routing.json', 'dispute.bpmn']));
    expect(details.filter((d) => d.file === 'dispute.bpmn').map((d) => d.elementId)).toEqual(expect.arrayContaining(['feedback', 'route']));
    const versions = await s.request('GET', '/api/packs/servertest/versions', { token: integrator });
    expect(versions.body.map((v: Json) => v.version)).not.toContain('2.0.0');
    const empty = await s.request('POST', '/api/packs', { token: integrator, body: { files: {} } });
    expect(empty.status).toBe(400);
  });

  it('answers 413 for a pack beyond the body limit', async () => {
    const files = packFiles('3.0.0');
    files['forms/huge.json'] = JSON.stringify({ schema: { type: 'object', description: 'x'.repeat(1_200_000) } });
    const r = await s.request('POST', '/api/packs', { token: integrator, body: { files } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('runs `yizhan pack validate | test | deploy --server`', async () => {
    let out = await yizhan(['pack', 'validate', FIXTURE_PACK]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('校验通过');

    const broken = mkdtempSync(join(tmpdir(), 'yizhan-pack-'));
    try {
      cpSync(FIXTURE_PACK, broken, { recursive: true });
      rmSync(join(broken, 'forms', 'mediation.json'));
      out = await yizhan(['pack', 'validate', broken]);
      expect(out.code).toBe(1);
      expect(out.stderr).toMatch(/dispute\.bpmn.*handle/);

      out = await yizhan(['pack', 'test', FIXTURE_PACK, '--database-url', new URL(target.adminUrl).toString()]);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toContain('✓ 甲镇邻里纠纷');
      expect(out.stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed');

      const manifest = JSON.parse(readFileSync(join(FIXTURE_PACK, 'pack.json'), 'utf8'));
      cpSync(FIXTURE_PACK, broken, { recursive: true });
      writeFileSync(join(broken, 'pack.json'), JSON.stringify({ ...manifest, version: '9.0.0' }));
      out = await yizhan(['pack', 'deploy', broken, '--server', s.url], { YIZHAN_TOKEN: integrator });
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toContain('servertest/dispute');
      out = await yizhan(['pack', 'deploy', broken, '--server', s.url, '--token', await s.login('clerka')]);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain('FORBIDDEN');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, CLI_TIMEOUT);
  it('gives a deployed version back as files that deploy again, and a definition with its BPMN', async () => {
    let r = await s.request('POST', '/api/packs', { token: integrator, body: { files: packFiles('7.0.0') } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const definitionId = (r.body as { processes: { definitionId: string }[] }).processes[0].definitionId;
    r = await s.request('GET', '/api/packs/servertest/files?version=7.0.0', { token: integrator });
    expect(r.status).toBe(200);
    const files = (r.body as { files: Record<string, string> }).files;
    expect(Object.keys(files).sort()).toEqual(Object.keys(packFiles()).sort());
    expect(files['dispute.bpmn']).toBe(packFiles()['dispute.bpmn']);
    expect(JSON.parse(files['forms/intake.json'])).toEqual(JSON.parse(packFiles()['forms/intake.json']));
    // what comes back deploys again as the next version
    const manifest = JSON.parse(files['pack.json']);
    manifest.version = '7.0.1';
    r = await s.request('POST', '/api/packs', { token: integrator, body: { files: { ...files, 'pack.json': JSON.stringify(manifest) } } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    r = await s.request('GET', '/api/packs/servertest/files', { token: integrator });
    expect((r.body as { version: string }).version).toBe('7.0.1');
    expect((await s.request('GET', '/api/packs/nope/files', { token: integrator })).status).toBe(404);

    r = await s.request('GET', `/api/definitions/${definitionId}`, { token: integrator });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: definitionId, key: 'servertest/dispute', startFormKey: 'intake' });
    expect((r.body as { bpmn: string }).bpmn).toContain('<bpmn:definitions');
    expect((await s.request('GET', '/api/definitions/999999', { token: integrator })).status).toBe(404);
    expect((await s.request('GET', '/api/definitions/abc', { token: integrator })).status).toBe(404);
  });


  it('refuses a pack that reuses another pack\'s unit or department codes (409 ORG_CODE_TAKEN) and keeps the org tree', async () => {
    const orgBefore = (await s.request('GET', '/api/org', { token: integrator })).body;
    // An "integrator pack" sorting before servertest, with the same org: it would have won the merge.
    const files = fixtureFiles();
    files['pack.json'] = JSON.stringify({ ...JSON.parse(files['pack.json']), id: 'aaa-intruder', name: '冒用组织架构的包' });
    let r = await s.request('POST', '/api/packs', { token: integrator, body: { files } });
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.error.code).toBe('ORG_CODE_TAKEN');
    expect(r.body.error.message).toContain('servertest');
    const details = r.body.error.details as Json[];
    expect(details).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'ORG_CODE_TAKEN', owner: 'servertest', pointer: '/org/units/0/children/0/code', message: expect.stringContaining('单位编码「t-a」已属于流程包「servertest」') }),
      expect.objectContaining({ code: 'ORG_CODE_TAKEN', owner: 'servertest', pointer: '/org/departments/2/code', message: expect.stringContaining('部门编码「t-a-centre」') }),
    ]));
    // One shared department code is enough.
    const one = otherCountyPack('1.0.0');
    const m = JSON.parse(one['pack.json']);
    m.id = 'aaa-one';
    m.org.departments.push({ code: 't-labour', name: '借用的人社局', unit: 'u', kind: 'department' });
    r = await s.request('POST', '/api/packs', { token: integrator, body: { files: { ...one, 'pack.json': JSON.stringify(m) } } });
    expect(r.status).toBe(409);
    expect(r.body.error.details).toEqual([expect.objectContaining({ owner: 'servertest', pointer: '/org/departments/4/code' })]);
    // Nothing deployed, the org tree unchanged.
    expect((await s.request('GET', '/api/packs/aaa-intruder/versions', { token: integrator })).status).toBe(404);
    expect((await s.request('GET', '/api/packs/aaa-one/versions', { token: integrator })).status).toBe(404);
    expect((await s.request('GET', '/api/org', { token: integrator })).body).toEqual(orgBefore);
    // The owner itself deploys new versions with its codes.
    r = await s.request('POST', '/api/packs', { token: integrator, body: { files: packFiles('8.0.0') } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });

  it('lets an integrator scoped to a county deploy only that county\'s pack', async () => {
    const admin = await s.login('admin');
    let r = await s.request('POST', '/api/users', { token: admin, body: { username: 'tintegrator', password: PASSWORD, role: 'integrator', unit: 't' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const scoped = await s.login('tintegrator');
    // Another county's new pack: refused, nothing deployed.
    r = await s.request('POST', '/api/packs', { token: scoped, body: { files: otherCountyPack('1.0.0') } });
    expect(r.status, JSON.stringify(r.body)).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
    expect((await s.request('GET', '/api/packs/othertest/versions', { token: integrator })).status).toBe(404);
    // Its own county's pack: deployed.
    r = await s.request('POST', '/api/packs', { token: scoped, body: { files: packFiles('8.1.0') } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // The global integrator deploys the other county; the scoped one still may not replace it,
    // neither as is nor with its own county's org under the other pack's id.
    r = await s.request('POST', '/api/packs', { token: integrator, body: { files: otherCountyPack('1.0.0') } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    r = await s.request('POST', '/api/packs', { token: scoped, body: { files: otherCountyPack('1.1.0') } });
    expect(r.status).toBe(403);
    const hijack = packFiles('1.2.0');
    hijack['pack.json'] = JSON.stringify({ ...JSON.parse(hijack['pack.json']), id: 'othertest' });
    r = await s.request('POST', '/api/packs', { token: scoped, body: { files: hijack } });
    expect(r.status).toBe(403);
    r = await s.request('GET', '/api/packs/othertest/versions', { token: integrator });
    expect(r.body.map((v: Json) => v.version)).toEqual(['1.0.0']);
  });

  // The last writes of a deploy fail for real (a trigger raises): nothing of it may remain.
  it.each([
    { table: 'pack_deployments', id: 'atomic-a', code: 'w' },
    { table: 'org_models', id: 'atomic-b', code: 'x' },
  ])('leaves nothing behind when writing $table fails, and the same pack then deploys as version 1', async ({ table, id, code }) => {
    const files: Record<string, string> = {};
    for (const [path, content] of Object.entries(otherCountyPack('1.0.0'))) {
      let text = content.replace(/(["\s=,])u(?=["-])/g, `$1${code}`);
      if (path === 'pack.json') text = JSON.stringify({ ...JSON.parse(text), id, county: code });
      files[path] = text;
    }
    const pool = s.db.pool;
    // every row of every table of the database (the engine's and the server's), as text
    const snapshot = async () => {
      const { rows: tables } = await pool.query<{ name: string }>(
        `select quote_ident(tablename) as name from pg_tables where schemaname = current_schema() order by tablename`);
      const out: Record<string, string[]> = {};
      for (const { name } of tables) {
        out[name] = (await pool.query<{ row: string }>(`select t::text as row from ${name} t order by t::text`)).rows.map((r) => r.row);
      }
      return out;
    };
    const orgBefore = (await s.request('GET', '/api/org', { token: integrator })).body;
    const before = await snapshot();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['definitions', 'pack_deployments', 'org_models', 'cases', 'users']));
    await pool.query(`create function atomic_fail() returns trigger language plpgsql as $$ begin raise exception 'atomic test: % refused', tg_table_name; end $$`);
    await pool.query(`create trigger atomic_fail before insert on ${table} for each row execute function atomic_fail()`);
    try {
      const r = await s.request('POST', '/api/packs', { token: integrator, body: { files } });
      expect(r.status, JSON.stringify(r.body)).toBe(500);
    } finally {
      await pool.query(`drop trigger atomic_fail on ${table}`);
      await pool.query('drop function atomic_fail()');
    }
    expect(await snapshot()).toEqual(before);
    expect((await s.request('GET', '/api/org', { token: integrator })).body).toEqual(orgBefore);
    expect((await s.request('GET', `/api/packs/${id}/versions`, { token: integrator })).status).toBe(404);
    await expect(s.engine.definitions.byKey(`${id}/dispute`)).rejects.toMatchObject({ code: 'DEFINITION_NOT_FOUND' });
    const r = await s.request('POST', '/api/packs', { token: integrator, body: { files } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ packId: id, version: '1.0.0', processes: [{ key: `${id}/dispute`, version: 1 }] });
    expect((await s.request('GET', '/api/org', { token: integrator })).body.units.map((u: Json) => u.code)).toContain(code);
  });
});
