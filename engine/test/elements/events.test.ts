// Manual and plain tasks, signal throw / catch within a case, link events, a terminate end inside
// a sub-process, error and escalation boundary events on a sub-process, standard loops — on both
// databases, the engine recovered from the store before every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases';
import { elementBpmn, elementHarness, type ElementHarness } from '../support/elements';

describe.each(databaseTargets())('events and loops on $name PostgreSQL', (target) => {
  let h: ElementHarness;
  beforeAll(async () => {
    h = await elementHarness(target);
    for (const f of ['signal-throw', 'link', 'terminate-sub', 'error-escalation', 'standard-loop', 'manual-task']) await h.deploy(f);
  });
  afterAll(() => h?.close());

  it('a manual task waits like a user task and takes its data; a plain task passes through', async () => {
    let c = await h.start('manual-task');
    expect(c.openTasks.map((t) => [t.elementId, t.name, t.candidateGroups])).toEqual([['visit', '上门走访', []]]);
    h.clock.advance('PT5M'); // tasks are listed by when they were created; without this both would be the same instant
    c = await h.complete(c, 'visit', { visited: true });
    expect(h.open(c)).toEqual(['close']);
    expect(c.variables.outputs).toMatchObject({ visit: { visited: true } });
    c = await h.complete(c, 'close');
    expect(c.status).toBe('completed');
    expect(c.tasks.map((t) => t.elementId)).toEqual(['visit', 'close']);
  });

  it('a signal thrown in the case reaches the catch event waiting in the same case', async () => {
    let c = await h.start('signal-throw');
    expect(h.open(c)).toEqual(['prepare']);
    c = await h.complete(c, 'prepare');
    expect(h.open(c)).toEqual(['proceed']);
    c = await h.complete(c, 'proceed');
    expect(c.status).toBe('completed');
  });

  it('a signal thrown in one case does not reach another case', async () => {
    const a = await h.start('signal-throw');
    const b = await h.start('signal-throw');
    await h.complete(a, 'prepare');
    const other = await h.engine.getCase(b.id);
    expect(h.open(other)).toEqual(['prepare']);
    expect(other.history.some((e) => e.elementId === 'waitReady' && e.kind === 'element.passed')).toBe(false);
  });

  it('a link throw event continues at the link catch event of the same name', async () => {
    let c = await h.start('link');
    c = await h.complete(c, 'first');
    expect(h.open(c)).toEqual(['second']);
    c = await h.complete(c, 'second');
    expect(c.status).toBe('completed');
  });

  it('a terminate end inside a sub-process ends the sub-process only: its other task is cancelled, the case goes on', async () => {
    let c = await h.start('terminate-sub');
    expect(h.open(c)).toEqual(['decide', 'other', 'outside']);
    c = await h.complete(c, 'decide');
    expect(h.open(c)).toEqual(['after', 'outside']);
    expect(c.tasks.find((t) => t.elementId === 'other')?.status).toBe('cancelled');
    c = await h.complete(c, 'after');
    expect(h.open(c)).toEqual(['outside']);
    c = await h.complete(c, 'outside');
    expect(c.status).toBe('completed');
  });

  it('an error end event inside the sub-process is caught by the error boundary event on it', async () => {
    let c = await h.start('error-escalation');
    c = await h.complete(c, 'review', { rejected: true });
    expect(h.open(c)).toEqual(['appeal']);
    c = await h.complete(c, 'appeal');
    expect(c.status).toBe('completed');
    expect(c.tasks.some((t) => t.elementId === 'approved')).toBe(false);
  });

  it('an escalation end event inside the sub-process is caught by the escalation boundary event on it', async () => {
    let c = await h.start('error-escalation');
    c = await h.complete(c, 'review', { senior: true });
    expect(h.open(c)).toEqual(['seniorReview']);
    c = await h.complete(c, 'seniorReview');
    expect(c.status).toBe('completed');
    expect(c.tasks.some((t) => t.elementId === 'approved')).toBe(false);
  });

  it('the sub-process ends normally when neither is thrown', async () => {
    let c = await h.start('error-escalation');
    c = await h.complete(c, 'review', {});
    expect(h.open(c)).toEqual(['approved']);
    c = await h.complete(c, 'approved');
    expect(c.status).toBe('completed');
  });

  it('a standard loop repeats the task while its loop condition is true (tested after each pass)', async () => {
    let c = await h.start('standard-loop');
    c = await h.complete(c, 'visit', { again: true });
    expect(h.open(c)).toEqual(['visit']);
    c = await h.complete(c, 'visit', { again: true });
    expect(h.open(c)).toEqual(['visit']);
    c = await h.complete(c, 'visit', { again: false });
    // testBefore: recheck is false, so the second loop runs no pass at all
    expect(h.open(c)).toEqual(['close']);
    expect(c.tasks.filter((t) => t.elementId === 'visit' && t.status === 'completed')).toHaveLength(3);
    expect(c.tasks.some((t) => t.elementId === 'recheck')).toBe(false);
    c = await h.complete(c, 'close');
    expect(c.status).toBe('completed');
  });

  it('a standard loop with testBefore runs while its condition is true before each pass', async () => {
    let c = await h.start('standard-loop', { recheck: true });
    c = await h.complete(c, 'visit', { again: false });
    expect(h.open(c)).toEqual(['recheck']);
    c = await h.complete(c, 'recheck', { recheck: true });
    expect(h.open(c)).toEqual(['recheck']);
    c = await h.complete(c, 'recheck', { recheck: false });
    expect(h.open(c)).toEqual(['close']);
    expect(c.tasks.filter((t) => t.elementId === 'recheck' && t.status === 'completed')).toHaveLength(2);
  });

  it('a standard loop stops at loopMaximum passes', async () => {
    let c = await h.start('standard-loop');
    for (let i = 0; i < 5; i++) c = await h.complete(c, 'visit', { again: true });
    expect(h.open(c)).toEqual(['close']);
    expect(c.tasks.filter((t) => t.elementId === 'visit')).toHaveLength(5);
  });

  it('in working-day mode a duration timer counts working days like the due date beside it, also across a recover', async () => {
    await h.engine.deploy({ key: 'el/working-day-timer', bpmn: elementBpmn('working-day-timer'), deadlines: { mode: 'working-days' } });
    h.clock.set(new Date('2026-03-06T09:00:00+08:00')); // a Friday
    let c = await h.start('working-day-timer');
    const handle = c.openTasks.find((t) => t.elementId === 'handle');
    expect(handle?.dueAt && new Date(handle.dueAt).toISOString()).toBe(new Date('2026-03-11T09:00:00+08:00').toISOString()); // Wednesday
    const timer = async () => (await h.db.pool.query(`select due_at, status from timers where case_id = $1`, [c.id])).rows;
    expect(await timer()).toEqual([{ due_at: new Date('2026-03-11T09:00:00+08:00'), status: 'pending' }]);
    // Tuesday: three days have passed, three working days have not
    h.clock.set(new Date('2026-03-10T09:00:00+08:00'));
    expect(await h.engine.fireDueTimers()).toBe(0);
    c = await h.complete(c, 'note'); // a command recovers the engine (cacheSize 0) and persists it
    expect(h.open(c)).toEqual(['handle']);
    expect(await timer()).toEqual([{ due_at: new Date('2026-03-11T09:00:00+08:00'), status: 'pending' }]);
    h.clock.set(new Date('2026-03-11T09:01:00+08:00'));
    expect(await h.engine.fireDueTimers()).toBe(1);
    c = await h.engine.getCase(c.id);
    expect(h.open(c)).toEqual(['handle', 'supervise']);
    c = await h.complete(c, 'supervise');
    c = await h.complete(c, 'handle');
    expect(c.status).toBe('completed');
  });
});
