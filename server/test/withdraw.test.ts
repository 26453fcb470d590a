// Issue 11 through the API and the CLI: a failing definition version is withdrawn without a new
// deploy (and restored), and a hostile rule set (nested 1,000 deep) is a 422, not a 500.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { FIXTURE_PACK, intake, otherCountyPack, packFiles, PASSWORD, PROCESS, startTestServer, type TestServer } from './support/harness';

/** A test that runs the `yizhan` CLI several times: each run starts Node and tsx (seconds apiece on a busy machine). */
const CLI_TIMEOUT = 180_000;

const BIN = fileURLToPath(new URL('../bin/yizhan.js', import.meta.url));
const run = promisify(execFile);

describe.each(databaseTargets())('withdrawing definitions on $name PostgreSQL', (target) => {
  let s: TestServer;
  let integrator: string;

  beforeAll(async () => {
    s = await startTestServer(target);
    integrator = await s.login('integrator');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('POST /api/definitions/{id}/withdraw takes a version out of service for new cases; restore puts it back', async () => {
    expect((await s.request('POST', '/api/packs', { token: integrator, body: { files: packFiles('2.0.0') } })).status).toBe(201);
    const list = (await s.request('GET', `/api/definitions?key=${encodeURIComponent(PROCESS)}`, { token: integrator })).body as { id: string; version: number; withdrawnAt: string | null }[];
    const [v2, v1] = list;
    expect([v2.version, v1.version, v2.withdrawnAt]).toEqual([2, 1, null]);

    const staff = await s.login('centre');
    expect((await s.request('POST', `/api/definitions/${v2.id}/withdraw`, { token: staff })).status).toBe(403);
    let r = await s.request('POST', `/api/definitions/${v2.id}/withdraw`, { token: integrator });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ id: v2.id, version: 2, withdrawnAt: expect.any(String) });

    const clerk = await s.login('clerka');
    r = await s.request('POST', '/api/cases', { token: clerk, body: { process: PROCESS, data: intake('t-a') } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.definitionId).toBe(v1.id);
    r = await s.request('POST', '/api/cases', { token: clerk, body: { process: PROCESS, version: 2, data: intake('t-a') } });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'DEFINITION_WITHDRAWN', message: expect.stringContaining('已撤回') });

    r = await s.request('POST', `/api/definitions/${v2.id}/restore`, { token: integrator });
    expect(r.body).toMatchObject({ version: 2, withdrawnAt: null });
    r = await s.request('POST', '/api/cases', { token: clerk, body: { process: PROCESS, data: intake('t-a') } });
    expect(r.body.definitionId).toBe(v2.id);
    expect((await s.request('POST', '/api/definitions/999999/withdraw', { token: integrator })).status).toBe(404);
  });

  it('only users of the pack\'s county withdraw or restore its versions: another county\'s integrator gets 403 and nothing changes', async () => {
    expect((await s.request('POST', '/api/packs', { token: integrator, body: { files: otherCountyPack('1.0.0') } })).status).toBe(201);
    const admin = await s.login('admin');
    for (const [username, unit] of [['uwithdrawer', 'u'], ['twithdrawer', 't']]) {
      const r = await s.request('POST', '/api/users', { token: admin, body: { username, password: PASSWORD, role: 'integrator', unit } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const [latest] = await s.engine.definitions.list(PROCESS);
    const other = await s.login('uwithdrawer');
    for (const action of ['withdraw', 'restore']) {
      const r = await s.request('POST', `/api/definitions/${latest.id}/${action}`, { token: other });
      expect(r.status, JSON.stringify(r.body)).toBe(403);
    }
    expect((await s.engine.definitions.list(PROCESS))[0].withdrawnAt).toBeNull();
    const own = await s.login('twithdrawer');
    expect((await s.request('POST', `/api/definitions/${latest.id}/withdraw`, { token: own })).status).toBe(200);
    expect((await s.request('POST', `/api/definitions/${latest.id}/restore`, { token: own })).status).toBe(200);
  });

  it('yizhan pack withdraw / restore KEY@VERSION against the server', async () => {
    const env = { ...process.env, YIZHAN_TOKEN: integrator };
    let out = await run(process.execPath, [BIN, 'pack', 'withdraw', `${PROCESS}@1`, '--server', s.url], { env, timeout: 120_000 });
    expect(out.stdout).toContain(`已撤回 ${PROCESS} 第 1 版`);
    const v1 = (await s.engine.definitions.list(PROCESS)).find((d) => d.version === 1);
    expect(v1?.withdrawnAt).toBeInstanceOf(Date);
    out = await run(process.execPath, [BIN, 'pack', 'restore', `${PROCESS}@1`, '--server', s.url], { env, timeout: 120_000 });
    expect(out.stdout).toContain(`已恢复 ${PROCESS} 第 1 版`);
    const bad = await run(process.execPath, [BIN, 'pack', 'withdraw', `${PROCESS}@99`, '--server', s.url], { env, timeout: 120_000 }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('不存在') });
  }, CLI_TIMEOUT);

  it('a rule set nested 1,000 deep is refused with 422 and its code, not a 500', async () => {
    let c: unknown = { fact: 'case', operator: 'equal', value: 'x', path: '$.type' };
    for (let i = 0; i < 1000; i++) c = { all: [c] };
    const routing = JSON.parse(readFileSync(join(FIXTURE_PACK, 'rules/routing.json'), 'utf8'));
    routing.rules[0].conditions = c;
    const r = await s.request('POST', '/api/packs', { token: integrator, body: { files: packFiles('3.0.0', routing) } });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(422);
    expect(r.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'RULESET_TOO_DEEP', file: 'rules/routing.json' })]));
  });
});
