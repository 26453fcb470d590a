// Embedded sub-processes: plain, nested, with an interrupting boundary timer, multi-instance —
// on both databases, the engine recovered from the store before every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases';
import { elementHarness, type ElementHarness } from '../support/elements';

describe.each(databaseTargets())('embedded sub-processes on $name PostgreSQL', (target) => {
  let h: ElementHarness;
  beforeAll(async () => {
    h = await elementHarness(target);
    for (const f of ['subprocess-simple', 'subprocess-nested', 'subprocess-timer', 'subprocess-multi']) await h.deploy(f);
  });
  afterAll(() => h?.close());

  it('runs start → sub-process (one user task) → task after it → end', async () => {
    let c = await h.start('subprocess-simple');
    expect(c.status).toBe('active');
    expect(c.openTasks.map((t) => [t.elementId, t.name, t.candidateGroups])).toEqual([['inner', '子流程任务', ['centre']]]);
    c = await h.complete(c, 'inner', { ok: true });
    expect(h.open(c)).toEqual(['after']);
    c = await h.complete(c, 'after');
    expect(c.status).toBe('completed');
    expect(c.tasks.map((t) => [t.elementId, t.status]).sort()).toEqual([['after', 'completed'], ['inner', 'completed']]);
    expect(c.variables.outputs).toMatchObject({ inner: { ok: true } });
    expect(c.history.filter((h) => h.kind === 'task.created').map((e) => e.elementId)).toEqual(['inner', 'after']);
  });

  it('runs a sub-process nested in a sub-process', async () => {
    let c = await h.start('subprocess-nested');
    expect(h.open(c)).toEqual(['first']);
    c = await h.complete(c, 'first');
    expect(h.open(c)).toEqual(['deep']);
    c = await h.complete(c, 'deep');
    expect(h.open(c)).toEqual(['after']);
    c = await h.complete(c, 'after');
    expect(c.status).toBe('completed');
  });

  it('finishes the sub-process in time: its boundary timer is cancelled', async () => {
    let c = await h.start('subprocess-timer');
    const { rows } = await h.db.pool.query(`select element_id, status from timers where case_id = $1`, [c.id]);
    expect(rows).toEqual([{ element_id: 'late', status: 'pending' }]);
    c = await h.complete(c, 'a');
    expect(h.open(c)).toEqual(['b']);
    c = await h.complete(c, 'b');
    expect(h.open(c)).toEqual(['done']);
    const after = await h.db.pool.query(`select status from timers where case_id = $1`, [c.id]);
    expect(after.rows).toEqual([{ status: 'cancelled' }]);
    c = await h.complete(c, 'done');
    expect(c.status).toBe('completed');
  });

  it('interrupts the sub-process when its boundary timer fires: the inner task is cancelled', async () => {
    let c = await h.start('subprocess-timer');
    c = await h.complete(c, 'a');
    expect(h.open(c)).toEqual(['b']);
    h.clock.advance('P1D');
    expect(await h.engine.fireDueTimers()).toBe(0);
    h.clock.advance('P1DT1M');
    expect(await h.engine.fireDueTimers()).toBe(1);
    c = await h.engine.getCase(c.id);
    expect(h.open(c)).toEqual(['escalate']);
    expect(c.tasks.find((t) => t.elementId === 'b')?.status).toBe('cancelled');
    expect(c.history.some((e) => e.kind === 'timer.fired' && e.elementId === 'late')).toBe(true);
    c = await h.complete(c, 'escalate');
    expect(c.status).toBe('completed');
    expect(c.tasks.some((t) => t.elementId === 'done')).toBe(false);
  });

  it('runs a multi-instance sub-process: one instance per department, each with its own tasks', async () => {
    let c = await h.start('subprocess-multi', { departments: ['land', 'agri'] });
    expect(c.openTasks.map((t) => t.elementId)).toEqual(['handle', 'handle']);
    expect(c.openTasks.map((t) => t.candidateGroups).sort()).toEqual([['agri'], ['land']]);
    const agri = c.openTasks.find((t) => t.candidateGroups[0] === 'agri');
    c = await h.engine.completeTask(agri?.id ?? '', { by: 'agri' }, 'staff');
    expect(h.open(c)).toEqual(['check', 'handle']);
    c = await h.complete(c, 'check');
    expect(h.open(c)).toEqual(['handle']);
    c = await h.complete(c, 'handle', { by: 'land' });
    expect(h.open(c)).toEqual(['check']);
    c = await h.complete(c, 'check');
    expect(h.open(c)).toEqual(['after']);
    c = await h.complete(c, 'after');
    expect(c.status).toBe('completed');
    expect(c.tasks.filter((t) => t.status === 'completed')).toHaveLength(5);
  });
});
