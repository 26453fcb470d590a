// Receive tasks, message catch and boundary events, event-based gateways: messages correlated to
// one case and signals broadcast — on both databases, the engine recovered before every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases';
import { elementHarness, type ElementHarness } from '../support/elements';

describe.each(databaseTargets())('messages and event-based gateways on $name PostgreSQL', (target) => {
  let h: ElementHarness;
  beforeAll(async () => {
    h = await elementHarness(target);
    for (const f of ['receive-task', 'message-catch', 'event-gateway', 'subprocess-waits', 'signal-boundary', 'non-interrupting-rearm']) await h.deploy(f);
  });
  afterAll(() => h?.close());
  const waiting = async (caseId: string) => (await h.engine.waitingMessages(caseId)).map(({ name, elementId }) => ({ name, elementId }));
  const broadcast = async (name: string, payload: Record<string, unknown>, actor?: string) => (await h.engine.broadcastSignal(name, payload, actor)).reached;

  it('a receive task waits for its message; the payload becomes its step data', async () => {
    let c = await h.start('receive-task');
    expect(c.openTasks).toEqual([]);
    expect(await waiting(c.id)).toEqual([{ name: 'reply', elementId: 'waitReply' }]);
    const wrong = await h.engine.correlateMessage(c.id, 'other', {}).catch((e) => e);
    expect(wrong.code).toBe('NOT_WAITING');
    c = await h.engine.correlateMessage(c.id, 'reply', { answer: '同意' }, 'gateway');
    expect(h.open(c)).toEqual(['review']);
    expect(c.variables.outputs).toMatchObject({ waitReply: { answer: '同意' } });
    expect(c.variables.data).toMatchObject({ answer: '同意' });
    expect(c.history.filter((e) => e.kind === 'message.received').map((e) => [e.elementId, e.actor])).toEqual([['waitReply', 'gateway']]);
    expect(await waiting(c.id)).toEqual([]);
    expect((await h.engine.correlateMessage(c.id, 'reply', {}).catch((e) => e)).code).toBe('NOT_WAITING');
    c = await h.complete(c, 'review');
    expect(c.status).toBe('completed');
  });

  it('an intermediate message catch event waits after the task; a message for the boundary is not awaited any more', async () => {
    let c = await h.start('message-catch');
    expect(await waiting(c.id)).toEqual([{ name: 'withdraw', elementId: 'withdrawn' }]);
    c = await h.complete(c, 'work');
    expect(c.openTasks).toEqual([]);
    expect(await waiting(c.id)).toEqual([{ name: 'done', elementId: 'waitDone' }]);
    expect((await h.engine.correlateMessage(c.id, 'withdraw', {}).catch((e) => e)).code).toBe('NOT_WAITING');
    c = await h.engine.correlateMessage(c.id, 'done', {});
    expect(h.open(c)).toEqual(['close']);
    c = await h.complete(c, 'close');
    expect(c.status).toBe('completed');
    expect(c.tasks.some((t) => t.elementId === 'archive')).toBe(false);
  });

  it('an interrupting boundary message event cancels the task and takes its own path', async () => {
    let c = await h.start('message-catch');
    c = await h.engine.correlateMessage(c.id, 'withdraw', { reason: '撤回' });
    expect(h.open(c)).toEqual(['archive']);
    expect(c.tasks.find((t) => t.elementId === 'work')?.status).toBe('cancelled');
    expect(await waiting(c.id)).toEqual([]);
    c = await h.complete(c, 'archive');
    expect(c.status).toBe('completed');
  });

  it('inside a sub-process: a message reaches the receive task there, its payload steers the gateway after a timer', async () => {
    let c = await h.start('subprocess-waits');
    expect(await waiting(c.id)).toEqual([{ name: 'ack', elementId: 'ack' }]);
    c = await h.engine.correlateMessage(c.id, 'ack', { urgent: true });
    const { rows } = await h.db.pool.query(`select element_id, status from timers where case_id = $1`, [c.id]);
    expect(rows).toEqual([{ element_id: 'pause', status: 'pending' }]);
    h.clock.advance('PT61M');
    expect(await h.engine.fireDueTimers()).toBeGreaterThanOrEqual(1);
    c = await h.engine.getCase(c.id);
    expect(h.open(c)).toEqual(['urgent']);
    expect(c.variables.outputs).toMatchObject({ ack: { urgent: true } });
    c = await h.complete(c, 'urgent');
    expect(c.status).toBe('completed');
  });

  it('an interrupting signal boundary event on a task inside a sub-process: a broadcast cancels the task', async () => {
    let c = await h.start('signal-boundary');
    const done = await h.start('signal-boundary');
    await h.complete(done, 'work');
    const reached = await broadcast('suspendAll', { reason: '汛期' }, 'admin');
    expect(reached).toContain(c.id);
    expect(reached).not.toContain(done.id);
    c = await h.engine.getCase(c.id);
    expect(h.open(c)).toEqual(['wrapUp']);
    expect(c.tasks.find((t) => t.elementId === 'work')?.status).toBe('cancelled');
    expect(c.variables.outputs).toMatchObject({ suspended: { reason: '汛期' } });
    c = await h.complete(c, 'wrapUp');
    expect(c.status).toBe('completed');
  });

  it('event-based gateway: the message branch wins, the timer is cancelled', async () => {
    let c = await h.start('event-gateway');
    expect(await waiting(c.id)).toEqual([{ name: 'reply', elementId: 'onReply' }]);
    const timers = await h.db.pool.query(`select element_id, status from timers where case_id = $1`, [c.id]);
    expect(timers.rows).toEqual([{ element_id: 'onTimeout', status: 'pending' }]);
    c = await h.engine.correlateMessage(c.id, 'reply', {});
    expect(h.open(c)).toEqual(['handleReply']);
    const after = await h.db.pool.query(`select status from timers where case_id = $1`, [c.id]);
    expect(after.rows).toEqual([{ status: 'cancelled' }]);
    expect(await waiting(c.id)).toEqual([]);
    expect(await broadcast('cancelAll', {})).not.toContain(c.id);
    c = await h.complete(c, 'handleReply');
    expect(c.status).toBe('completed');
  });

  it('event-based gateway: the timer branch wins when nothing arrives in time', async () => {
    let c = await h.start('event-gateway');
    h.clock.advance('P3DT1M');
    expect(await h.engine.fireDueTimers()).toBeGreaterThanOrEqual(1);
    c = await h.engine.getCase(c.id);
    expect(h.open(c)).toEqual(['chase']);
    expect(await waiting(c.id)).toEqual([]);
    expect((await h.engine.correlateMessage(c.id, 'reply', {}).catch((e) => e)).code).toBe('NOT_WAITING');
    c = await h.complete(c, 'chase');
    expect(c.status).toBe('completed');
  });

  it('event-based gateway: a broadcast signal reaches exactly the cases waiting for it', async () => {
    const a = await h.start('event-gateway');
    const b = await h.start('event-gateway');
    const other = await h.start('receive-task');
    const reached = await broadcast('cancelAll', { by: 'centre' }, 'admin');
    expect(reached.sort()).toEqual([a.id, b.id].sort());
    expect(reached).not.toContain(other.id);
    for (const id of [a.id, b.id]) {
      const c = await h.engine.getCase(id);
      expect(c.status).toBe('completed');
      expect(c.history.filter((e) => e.kind === 'signal.received').map((e) => e.elementId)).toEqual(['onCancel']);
      const { rows } = await h.db.pool.query(`select status from timers where case_id = $1`, [id]);
      expect(rows).toEqual([{ status: 'cancelled' }]);
    }
    expect(await broadcast('cancelAll', {})).toEqual([]);
    expect((await h.engine.getCase(other.id)).status).toBe('active');
  });

  it('a non-interrupting message boundary event stays armed while its task is open: every message fires it', async () => {
    let c = await h.start('non-interrupting-rearm');
    expect(await waiting(c.id)).toEqual([{ name: 'urge', elementId: 'urged' }]);
    for (const round of [1, 2, 3]) {
      c = await h.engine.correlateMessage(c.id, 'urge', { round }, 'centre');
      // armed again at once, the handling task untouched
      expect(await waiting(c.id)).toEqual([{ name: 'urge', elementId: 'urged' }]);
      expect(h.open(c)).toEqual(['answer', 'handle']);
    }
    expect(c.history.filter((e) => e.kind === 'message.received').map((e) => (e.data as { payload: Record<string, unknown> }).payload.round)).toEqual([1, 2, 3]);
    expect(c.variables.outputs).toMatchObject({ urged: { round: 3 } });
    // each firing runs the path after it; bpmn-engine runs one instance of an element at a time,
    // so the second and third answers open as the one before them is done
    c = await h.complete(c, 'answer');
    expect(h.open(c)).toEqual(['answer', 'handle']);
    // the handling task ends: the boundary event is disarmed; the firings already made go on
    c = await h.complete(c, 'handle');
    expect(await waiting(c.id)).toEqual([]);
    expect((await h.engine.correlateMessage(c.id, 'urge', {}).catch((e) => e)).code).toBe('NOT_WAITING');
    expect(h.open(c)).toEqual(['answer', 'review']);
    c = await h.complete(c, 'answer');
    expect(h.open(c)).toEqual(['answer', 'review']);
    c = await h.complete(c, 'answer');
    expect(h.open(c)).toEqual(['review']);
    c = await h.complete(c, 'review');
    expect(c.status).toBe('completed');
    expect(c.history.filter((e) => e.kind === 'task.completed' && e.elementId === 'answer').length).toBe(3);
  });

  it('a non-interrupting signal boundary event fires on every broadcast while its task is open', async () => {
    let c = await h.start('non-interrupting-rearm');
    expect(await broadcast('alert', { level: '橙色' })).toContain(c.id);
    expect(await broadcast('alert', { level: '红色' })).toContain(c.id);
    // a message between the signals: each boundary event keeps its own arming
    c = await h.engine.correlateMessage(c.id, 'urge', {});
    expect(await broadcast('alert', { level: '红色' })).toContain(c.id);
    c = await h.engine.getCase(c.id);
    expect(c.history.filter((e) => e.kind === 'signal.received').length).toBe(3);
    expect(h.open(c)).toEqual(['answer', 'check', 'handle']);
    c = await h.complete(c, 'handle');
    expect(await broadcast('alert', {})).not.toContain(c.id);
    for (let i = 0; i < 3; i++) c = await h.complete(c, 'check');
    c = await h.complete(c, 'answer');
    expect(h.open(c)).toEqual(['review']);
    c = await h.complete(c, 'review');
    expect(c.status).toBe('completed');
  });
});
