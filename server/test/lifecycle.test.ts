// The life of a case over HTTP: 撤回 through a BPMN message to an end event marked
// outcome=withdrawn (who and why in the history, counted apart in /api/stats), 不予受理 at intake,
// 中止 / 恢复 by a leader, 延期 requested by the handling staff and approved by the pack's role.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { intake, packFiles, PROCESS, startTestServer, type TestServer } from './support/harness';

/** The fixture pack with 撤回 on the handling task, its end event marked as a withdrawal. */
function lifecyclePack(version: string): Record<string, string> {
  const files = packFiles(version);
  files['dispute.bpmn'] = readFileSync(new URL('./fixtures/withdrawal.bpmn', import.meta.url), 'utf8').replace(
    '<bpmn:endEvent id="closed_withdrawn" name="已撤回">',
    `<bpmn:endEvent id="closed_withdrawn" name="已撤回"><bpmn:extensionElements><camunda:properties>
       <camunda:property name="outcome" value="withdrawn" /><camunda:property name="reasonField" value="reason" />
     </camunda:properties></bpmn:extensionElements>`,
  );
  files['forms/withdraw.json'] = JSON.stringify({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 2, title: '撤回理由' } } } });
  return files;
}

describe.each(databaseTargets())('the life of a case over HTTP on $name PostgreSQL', (target) => {
  let s: TestServer;
  let clerka: string;
  let leader: string;

  beforeAll(async () => {
    s = await startTestServer(target);
    const integrator = await s.login('integrator');
    const files = lifecyclePack('3.0.0');
    expect(files['dispute.bpmn']).toContain('name="outcome" value="withdrawn"');
    const r = await s.request('POST', '/api/packs', { token: integrator, body: { files } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    clerka = await s.login('clerka');
    leader = await s.login('leader');
  });
  afterAll(async () => {
    await s?.close();
  });

  const start = async () => {
    const r = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: intake('t-a') } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; openTasks: { id: string; elementId: string; dueAt: string | null }[] };
  };
  const totals = async () => (await s.request('GET', '/api/stats', { token: leader })).body.totals as Record<string, number | null>;

  it('撤回 ends the case withdrawn — who and why in the history — and /api/stats counts it apart from 办结', async () => {
    const before = await totals();
    const c = await start();
    const r = await s.request('POST', `/api/cases/${c.id}/messages`, { token: clerka, body: { name: '撤回', payload: { reason: '双方已自行和解' } } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'withdrawn', openTasks: [] });
    expect(r.body.completedAt).not.toBeNull();
    expect(r.body.tasks.map((t: { status: string }) => t.status)).toEqual(['cancelled']);
    expect(r.body.history).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'case.withdrawn', actor: 'clerka', data: { endEvent: 'closed_withdrawn', reason: '双方已自行和解' } }),
    ]));
    const after = await totals();
    expect(after.total).toBe((before.total as number) + 1);
    expect(after.withdrawn).toBe((before.withdrawn as number) + 1);
    expect(after.closed).toBe(before.closed);
    const again = await s.request('POST', `/api/cases/${c.id}/messages`, { token: clerka, body: { name: '撤回', payload: { reason: '再次撤回' } } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CASE_NOT_ACTIVE');
  });

  it('不予受理 needs a reason, ends the case refused and is counted apart; another township cannot see it', async () => {
    const before = await totals();
    const c = await start();
    const clerkb = await s.login('clerkb');
    expect((await s.request('POST', `/api/cases/${c.id}/refuse`, { token: clerkb, body: { reason: '不属于受理范围' } })).status).toBe(404);
    expect((await s.request('POST', `/api/cases/${c.id}/refuse`, { token: clerka, body: { reason: '' } })).status).toBe(400);
    const r = await s.request('POST', `/api/cases/${c.id}/refuse`, { token: clerka, body: { reason: '属于法院受理范围', notice: '请向县人民法院起诉' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'refused', openTasks: [] });
    expect(r.body.history.at(-1)).toMatchObject({ kind: 'case.refused', actor: 'clerka', data: { reason: '属于法院受理范围', notice: '请向县人民法院起诉' } });
    const after = await totals();
    expect(after.refused).toBe((before.refused as number) + 1);
    expect(after.closed).toBe(before.closed);
  });

  it('中止 / 恢复 by a leader (staff may not); 延期 requested by the handler and approved by the leader', async () => {
    const c = await start();
    expect((await s.request('POST', `/api/cases/${c.id}/suspend`, { token: clerka, body: { reason: '等待鉴定' } })).status).toBe(403);
    let r = await s.request('POST', `/api/cases/${c.id}/suspend`, { token: leader, body: { reason: '等待鉴定' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.suspendedAt).not.toBeNull();
    r = await s.request('POST', `/api/cases/${c.id}/resume`, { token: leader });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.suspendedAt).toBeNull();
    expect(r.body.history.map((h: { kind: string }) => h.kind)).toEqual(expect.arrayContaining(['case.suspended', 'case.resumed']));

    const task = c.openTasks[0];
    r = await s.request('POST', `/api/tasks/${task.id}/extensions`, { token: clerka, body: { days: 3, reason: '需现场勘验' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const ext = r.body as { id: number; status: string };
    expect(ext.status).toBe('pending');
    expect((await s.request('POST', `/api/extensions/${ext.id}/decision`, { token: clerka, body: { approve: true } })).status).toBe(403);
    r = await s.request('POST', `/api/extensions/${ext.id}/decision`, { token: leader, body: { approve: true, note: '同意' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'approved', decidedBy: 'leader' });
    const list = await s.request('GET', `/api/cases/${c.id}/extensions`, { token: clerka });
    expect(list.body).toHaveLength(1);
    const after = await s.request('GET', `/api/cases/${c.id}`, { token: clerka });
    expect(after.body.openTasks[0].dueAt).toBe(r.body.newDueAt);
    expect(new Date(r.body.newDueAt).getTime()).toBeGreaterThan(new Date(task.dueAt as string).getTime());
  });
});
