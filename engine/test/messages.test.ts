// Messages and signals from outside: a message delivered to a case waiting for it moves it on
// (boundary and intermediate catch events), one nobody waits for is NOT_WAITING and changes
// nothing, a signal reaches every waiting case (each in its own transaction).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, NotWaitingError, openDatabase, type Database } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { forms } from './support/fixture';

const bpmn = readFileSync(new URL('./fixtures/withdrawal.bpmn', import.meta.url), 'utf8');
const withdrawForm = { schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 2, title: '撤回理由' } } } };

describe.each(databaseTargets())('messages and signals on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool });
    await engine.deploy({ key: 'test/withdrawal', bpmn, forms: { ...forms, withdraw: withdrawForm } });
    // the signal test's own processes (the other tests leave cases waiting in test/withdrawal)
    for (const key of ['test/storm', 'test/storm-other']) await engine.deploy({ key, bpmn, forms: { ...forms, withdraw: withdrawForm } });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  const start = (process = 'test/withdrawal') => engine.startCase({ process, actor: 'clerk', data: { applicant: '张三', type: 'wages' } });
  const rows = async (caseId: string) => ({
    case: (await db.pool.query('select status, version, state, variables from cases where id = $1', [caseId])).rows[0],
    tasks: (await db.pool.query('select id, element_id, status from tasks where case_id = $1 order by created_at, id', [caseId])).rows,
    history: (await db.pool.query('select count(*)::int as n from history where case_id = $1', [caseId])).rows[0].n,
  });

  it('lists the messages a case waits for, and delivers 撤回 to the boundary event: the handling ends', async () => {
    const c = await start();
    expect(await engine.waitingMessages(c.id)).toEqual([{ name: '撤回', elementId: 'withdrawn_by_party', label: '当事人撤回', formKey: 'withdraw' }]);
    const after = await engine.correlateMessage(c.id, '撤回', { reason: '双方已和解' }, 'wang');
    expect(after.status).toBe('completed');
    expect(after.openTasks).toEqual([]);
    expect(after.variables.data).toMatchObject({ applicant: '张三', reason: '双方已和解' });
    expect(after.variables.outputs).toMatchObject({ withdrawn_by_party: { reason: '双方已和解' } });
    // the payload lands in data and outputs only, not among the process variables
    expect(Object.keys(after.variables).sort()).toEqual(['case', 'data', 'outputs']);
    const received = after.history.find((h) => h.kind === 'message.received');
    expect(received).toMatchObject({ actor: 'wang', elementId: 'withdrawn_by_party', data: { name: '撤回', payload: { reason: '双方已和解' } } });
    expect(after.history.filter((h) => h.kind === 'task.cancelled').map((h) => h.elementId)).toEqual(['handle']);
    expect(await engine.waitingMessages(c.id)).toEqual([]);
  });

  it('delivers to an intermediate catch event after the task; the path moves on to the next task', async () => {
    const c = await start();
    const handled = await engine.completeTask(c.openTasks[0].id, { result: 'success' }, 'wang');
    expect(handled.openTasks).toEqual([]);
    expect((await engine.waitingMessages(handled.id)).map((m) => m.name)).toEqual(['补充材料']);
    // recovered from the store rather than the live engine: the same wait
    engine.forgetLiveEngines();
    const moved = await engine.correlateMessage(c.id, '补充材料', { files: 2 }, 'applicant-portal');
    expect(moved.openTasks.map((t) => t.elementId)).toEqual(['review']);
    expect(moved.variables.data).toMatchObject({ files: 2 });
  });

  it('refuses a message nobody waits for (NOT_WAITING) and changes nothing', async () => {
    const c = await start();
    const before = await rows(c.id);
    const err = await engine.correlateMessage(c.id, '补充材料', { files: 1 }, 'wang').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotWaitingError);
    expect((err as NotWaitingError).code).toBe('NOT_WAITING');
    expect(await rows(c.id)).toEqual(before);
    // and after a failed delivery the case still moves on normally
    const done = await engine.completeTask(c.openTasks[0].id, { result: 'success' }, 'wang');
    expect(done.openTasks).toEqual([]);
  });

  it('validates the payload against the form the catching element declares; a bad one changes nothing', async () => {
    const c = await start();
    const before = await rows(c.id);
    const err = await engine.correlateMessage(c.id, '撤回', { reason: '' }, 'wang').catch((e: unknown) => e);
    expect((err as { code: string }).code).toBe('FORM_INVALID');
    expect(await rows(c.id)).toEqual(before);
  });

  it('an unknown case is CASE_NOT_FOUND', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await engine.correlateMessage(id, '撤回', {}, 'wang').catch((e: { code: string }) => e.code))).toBe('CASE_NOT_FOUND');
      expect((await engine.waitingMessages(id).catch((e: { code: string }) => e.code))).toBe('CASE_NOT_FOUND');
    }
  });

  it('broadcasts a signal to every waiting case in scope, each on its own; the others are left alone', async () => {
    const waiting = [await start('test/storm'), await start('test/storm'), await start('test/storm-other')];
    const moved = await start('test/storm');
    await engine.completeTask(moved.openTasks[0].id, { result: 'success' }, 'wang'); // past the boundary: not waiting
    const movedBefore = await rows(moved.id);

    // scoped to one process, and to the cases a predicate admits
    const skip = waiting[1].id;
    const scoped = await engine.broadcastSignal('台风预警', { level: '橙色' }, 'county-centre', { processes: ['test/storm'], includes: (id) => id !== skip });
    expect(scoped).toEqual({ reached: [waiting[0].id], failed: [] });

    const all = await engine.broadcastSignal('台风预警', { level: '红色' }, 'county-centre', { processes: ['test/storm', 'test/storm-other'] });
    // the non-interrupting boundary signal stays armed while the handling runs: the first case is
    // reached again (its second safety check opens once the first one is done)
    expect(all.reached.sort()).toEqual(waiting.map((c) => c.id).sort());
    for (const c of waiting) {
      const now = await engine.getCase(c.id);
      // non-interrupting: the handling goes on beside the safety check
      expect(now.openTasks.map((t) => t.elementId).sort()).toEqual(['handle', 'safety_check']);
      expect(await engine.broadcastSignal('台风预警', {}, 'county-centre', { processes: ['test/storm', 'test/storm-other'], includes: (id) => id === c.id })).toEqual({ reached: [c.id], failed: [] });
      expect(now.history.filter((h) => h.kind === 'signal.received').map((h) => h.actor)).toContain('county-centre');
    }
    expect(await rows(moved.id)).toEqual(movedBefore);
    expect(await engine.broadcastSignal('没有人等的信号', {}, 'county-centre')).toEqual({ reached: [], failed: [] });
  });
});
