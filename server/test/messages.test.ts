// Messages and signals through the API: POST /api/cases/{id}/messages moves a waiting case on; a
// case not waiting is 409 NOT_WAITING with no change; another township's case is 404; a signal
// reaches every waiting case in the sender's jurisdiction.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { intake, packFiles, PROCESS, startTestServer, type TestServer } from './support/harness';

/** The fixture pack with 撤回 (a boundary message with a reason form) and 台风预警 (a boundary signal) on the handling task. */
function withdrawalPack(version: string): Record<string, string> {
  const files = packFiles(version);
  files['dispute.bpmn'] = readFileSync(new URL('./fixtures/withdrawal.bpmn', import.meta.url), 'utf8');
  files['forms/withdraw.json'] = JSON.stringify({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 2, title: '撤回理由' } } } });
  return files;
}

describe.each(databaseTargets())('messages and signals over HTTP on $name PostgreSQL', (target) => {
  let s: TestServer;
  let clerka: string;

  beforeAll(async () => {
    s = await startTestServer(target);
    const integrator = await s.login('integrator');
    const r = await s.request('POST', '/api/packs', { token: integrator, body: { files: withdrawalPack('2.0.0') } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    clerka = await s.login('clerka');
  });
  afterAll(async () => {
    await s?.close();
  });

  const start = async (token: string, unit: string) => {
    const r = await s.request('POST', '/api/cases', { token, body: { process: PROCESS, data: intake(unit) } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; openTasks: { id: string; elementId: string }[] };
  };
  const rows = async (caseId: string) => ({
    case: (await s.db.pool.query('select status, version, state, variables, updated_at from cases where id = $1', [caseId])).rows[0],
    tasks: (await s.db.pool.query('select * from tasks where case_id = $1 order by created_at, id', [caseId])).rows,
    history: (await s.db.pool.query('select count(*)::int as n from history where case_id = $1', [caseId])).rows[0].n,
  });

  it('GET lists the waiting messages; POST 撤回 with a reason moves the case on (the handling ends)', async () => {
    const c = await start(clerka, 't-a');
    let r = await s.request('GET', `/api/cases/${c.id}/messages`, { token: clerka });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual([{ name: '撤回', elementId: 'withdrawn', label: '当事人撤回', formKey: 'withdraw' }]);

    r = await s.request('POST', `/api/cases/${c.id}/messages`, { token: clerka, body: { name: '撤回', payload: { reason: '' } } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('FORM_INVALID');

    r = await s.request('POST', `/api/cases/${c.id}/messages`, { token: clerka, body: { name: '撤回', payload: { reason: '双方已自行和解' } } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ id: c.id, status: 'completed', openTasks: [] });
    expect(r.body.variables.data.reason).toBe('双方已自行和解');
    expect(r.body.history).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'message.received', actor: 'clerka', elementId: 'withdrawn', data: { name: '撤回', payload: { reason: '双方已自行和解' } } }),
    ]));
    expect((await s.request('GET', `/api/cases/${c.id}/messages`, { token: clerka })).body).toEqual([]);
  });

  it('a case not waiting for the message is 409 NOT_WAITING and nothing changes', async () => {
    const c = await start(clerka, 't-a');
    const before = await rows(c.id);
    for (const name of ['补充材料', '撤回 ']) {
      const r = await s.request('POST', `/api/cases/${c.id}/messages`, { token: clerka, body: { name, payload: { reason: '不再需要' } } });
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'NOT_WAITING', message: expect.stringContaining('没有在等待消息') });
    }
    expect(await rows(c.id)).toEqual(before);
  });

  it('another township\'s case is 404 and unchanged; roles without the permission get 403', async () => {
    const c = await start(clerka, 't-a');
    const before = await rows(c.id);
    const clerkb = await s.login('clerkb');
    for (const [method, body] of [['GET', undefined], ['POST', { name: '撤回', payload: { reason: '不是我的案件' } }]] as const) {
      const r = await s.request(method, `/api/cases/${c.id}/messages`, { token: clerkb, body });
      expect(r.status, JSON.stringify(r.body)).toBe(404);
      expect(r.body.error.code).toBe('CASE_NOT_FOUND');
    }
    for (const who of ['leader', 'auditor']) {
      const r = await s.request('POST', `/api/cases/${c.id}/messages`, { token: await s.login(who), body: { name: '撤回', payload: { reason: '越权撤回' } } });
      expect(r.status).toBe(403);
    }
    expect(await rows(c.id)).toEqual(before);
    expect((await s.request('POST', '/api/cases/00000000-0000-4000-8000-000000000000/messages', { token: clerka, body: { name: '撤回' } })).status).toBe(404);
  });

  it('POST /api/signals reaches every waiting case in the sender\'s jurisdiction, each one once', async () => {
    const a1 = await start(clerka, 't-a');
    const a2 = await start(clerka, 't-a');
    const b1 = await start(await s.login('clerkb'), 't-b');
    const bBefore = await rows(b1.id);

    // a township clerk reaches its township's cases only
    let r = await s.request('POST', '/api/signals', { token: clerka, body: { name: '台风预警', payload: { level: '橙色' } } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.failed).toEqual([]);
    expect(r.body.reached).toEqual(expect.arrayContaining([a1.id, a2.id]));
    expect(r.body.reached).not.toContain(b1.id);
    expect(await rows(b1.id)).toEqual(bBefore);
    for (const c of [a1, a2]) {
      const now = (await s.request('GET', `/api/cases/${c.id}`, { token: clerka })).body;
      expect(now.openTasks.map((t: { elementId: string }) => t.elementId).sort()).toEqual(['handle', 'safety']);
    }

    // the county integrator reaches the rest — and the township's cases again: a non-interrupting
    // boundary signal stays armed while its task is open (BPMN), each case reached once per signal
    r = await s.request('POST', '/api/signals', { token: await s.login('integrator'), body: { name: '台风预警', processes: [PROCESS] } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.reached).toEqual(expect.arrayContaining([b1.id, a1.id, a2.id]));
    expect(new Set(r.body.reached).size).toBe(r.body.reached.length);
    expect((await s.request('POST', '/api/signals', { token: await s.login('auditor'), body: { name: '台风预警' } })).status).toBe(403);
  });
});
