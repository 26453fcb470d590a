// Scenario: a dispute runs through route → gateway → (joint mediation | handling with an
// escalation timer) → feedback → evaluation, durably, on both PostgreSQL targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { CaseEngine, ManualClock, openDatabase, type Database } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { deployInput, routeHandler } from './support/fixture';

describe.each(databaseTargets())('case engine on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let pool: pg.Pool;
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  // cacheSize 0: every step recovers the engine from the store.
  let engine: CaseEngine;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    pool = db.pool;
    engine = new CaseEngine({ pool, clock, handlers: { route: routeHandler }, cacheSize: 0 });
    await engine.deploy(deployInput());
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('keeps each form\'s field order (jsonb sorts keys by length) as ui:order', async () => {
    const [def] = await engine.definitions.list('test/dispute');
    const stored = await engine.definitions.byIdOrThrow(def.id);
    expect(Object.keys(stored.forms.intake.schema.properties as object)).not.toEqual(['applicant', 'type', 'townships', 'departments']);
    expect(stored.forms.intake.uiSchema?.['ui:order']).toEqual(['applicant', 'type', 'townships', 'departments']);
    expect(stored.forms.mediation.uiSchema?.['ui:order']).toEqual(['result', 'note']);
  });

  it('runs joint mediation over three departments, completed out of order, recovering before every step', async () => {
    const started = await engine.startCase({
      process: 'test/dispute',
      actor: 'clerk',
      data: { applicant: '张三', type: 'land', townships: ['gongchang', 'wenfeng'], departments: ['land', 'agri', 'justice'] },
    });
    expect(started.status).toBe('active');
    expect(started.variables.decision).toMatchObject({ joint: true, level: 'county', departments: ['land', 'agri', 'justice'] });
    expect(started.routing).toEqual({ ruleSet: 'routing', joint: true });
    // the history reads in the order things happened: intake, routing, then the tasks it made
    const opening = (await engine.getCase(started.id)).history.map((h) => h.kind).filter((k) => k !== 'element.passed');
    expect(opening).toEqual(['case.started', 'service.completed', 'task.created', 'task.created', 'task.created']);
    const joint = started.openTasks;
    expect(joint.map((t) => [t.elementId, t.candidateGroups, t.iteration])).toEqual([
      ['jointMediation', ['land'], 0],
      ['jointMediation', ['agri'], 1],
      ['jointMediation', ['justice'], 2],
    ]);
    // dueIn P30D from the routing decision
    expect(joint[0].dueAt?.toISOString()).toBe(new Date(clock.now().getTime() + 30 * 86400_000).toISOString());

    for (const i of [2, 0, 1]) {
      const c = await engine.completeTask(joint[i].id, { result: 'success', note: `by ${joint[i].candidateGroups[0]}` }, `staff-${i}`);
      expect(c.tasks.find((t) => t.id === joint[i].id)?.status).toBe('completed');
    }
    let c = await engine.getCase(started.id);
    expect(c.variables.outputs).toMatchObject({ jointMediation: [{ note: 'by land' }, { note: 'by agri' }, { note: 'by justice' }] });
    expect(c.openTasks.map((t) => t.elementId)).toEqual(['feedback']);

    c = await engine.completeTask(c.openTasks[0].id, { message: '已调解成功' }, 'clerk');
    expect(c.openTasks.map((t) => t.elementId)).toEqual(['evaluate']);
    c = await engine.completeTask(c.openTasks[0].id, { satisfaction: 'satisfied' }, 'clerk');
    expect(c.status).toBe('completed');
    expect(c.completedAt).not.toBeNull();
    expect(c.history.map((h) => h.kind)).toEqual(expect.arrayContaining(['case.started', 'service.completed', 'task.created', 'task.completed', 'case.completed']));
    expect(c.history.filter((h) => h.kind === 'task.completed')).toHaveLength(5);
    const { rows } = await pool.query('select count(*)::int as n from timers where case_id = $1', [c.id]);
    expect(rows[0].n).toBe(0);
  });

  it('escalates to supervision when the P30D boundary timer passes on the injected clock', async () => {
    const started = await engine.startCase({ process: 'test/dispute', data: { applicant: '李四', type: 'wages', townships: ['gongchang'], departments: ['labour'] } });
    expect(started.openTasks.map((t) => [t.elementId, t.candidateGroups])).toEqual([['handle', ['labour']]]);
    const { rows: timers } = await pool.query('select element_id, due_at, status from timers where case_id = $1', [started.id]);
    expect(timers).toHaveLength(1);
    expect(timers[0].element_id).toBe('overdue');
    expect(new Date(timers[0].due_at).getTime() - clock.now().getTime()).toBe(30 * 86400_000);

    clock.advance('P29D');
    expect(await engine.fireDueTimers()).toBe(0);
    clock.advance('P1DT1M');
    expect(await engine.fireDueTimers()).toBe(1);

    let c = await engine.getCase(started.id);
    expect(c.tasks.find((t) => t.elementId === 'handle')?.status).toBe('cancelled');
    expect(c.openTasks.map((t) => t.elementId)).toEqual(['supervise']);
    expect(c.history.some((h) => h.kind === 'timer.fired' && h.elementId === 'overdue')).toBe(true);

    c = await engine.completeTask(c.openTasks[0].id, { result: 'success' }, 'leader');
    c = await engine.completeTask(c.openTasks[0].id, { message: '督办后已解决' }, 'clerk');
    c = await engine.completeTask(c.openTasks[0].id, { satisfaction: 'basic' }, 'clerk');
    expect(c.status).toBe('completed');
  });

  it('cancels the timer when the task is done in time', async () => {
    const started = await engine.startCase({ process: 'test/dispute', data: { applicant: '王五', type: 'neighbour', townships: ['gongchang'] } });
    await engine.completeTask(started.openTasks[0].id, { result: 'success' }, 'staff');
    const { rows } = await pool.query('select status from timers where case_id = $1', [started.id]);
    expect(rows.map((r) => r.status)).toEqual(['cancelled']);
    clock.advance('P31D');
    expect(await engine.fireDueTimers()).toBe(0);
  });

  it('rejects invalid form data with per-field details and leaves the case row byte-for-byte unchanged', async () => {
    const started = await engine.startCase({ process: 'test/dispute', data: { applicant: '赵六', type: 'neighbour', townships: ['a'] } });
    const before = await pool.query('select c::text as row from cases c where id = $1', [started.id]);
    const tasksBefore = await pool.query('select t::text as row from tasks t where case_id = $1 order by id', [started.id]);
    const err = await engine.completeTask(started.openTasks[0].id, { result: 'maybe', note: 'x'.repeat(501) }, 'staff').catch((e) => e);
    expect(err.code).toBe('FORM_INVALID');
    expect(err.details.map((d: { field: string }) => d.field).sort()).toEqual(['/note', '/result']);
    // messages come from @yizhan/forms: the same Chinese wording the browser shows
    expect(err.details.every((d: { message: string }) => /[\u4e00-\u9fa5]/.test(d.message))).toBe(true);
    const missing = await engine.completeTask(started.openTasks[0].id, {}, 'staff').catch((e) => e);
    expect(missing.code).toBe('FORM_INVALID');
    expect(missing.details.map((d: { field: string }) => d.field)).toEqual(['/result']);
    expect((await pool.query('select c::text as row from cases c where id = $1', [started.id])).rows).toEqual(before.rows);
    expect((await pool.query('select t::text as row from tasks t where case_id = $1 order by id', [started.id])).rows).toEqual(tasksBefore.rows);

    const badStart = await engine.startCase({ process: 'test/dispute', data: { type: 'other' } }).catch((e) => e);
    expect(badStart.code).toBe('FORM_INVALID');
    expect(badStart.details.map((d: { field: string }) => d.field).sort()).toEqual(['/applicant', '/type']);
  });

  it('refuses a task that is not open (TASK_NOT_OPEN) and an unknown task (TASK_NOT_FOUND)', async () => {
    const started = await engine.startCase({ process: 'test/dispute', data: { applicant: '钱七', type: 'neighbour', townships: ['a'] } });
    const handle = started.openTasks[0];
    clock.advance('P31D');
    await engine.fireDueTimers();
    const err = await engine.completeTask(handle.id, { result: 'success' }, 'staff').catch((e) => e);
    expect(err.code).toBe('TASK_NOT_OPEN');
    const unknown = await engine.completeTask('00000000-0000-4000-8000-000000000000', {}, 'x').catch((e) => e);
    expect(unknown.code).toBe('TASK_NOT_FOUND');
  });

  it('lets exactly one of ten concurrent completions through; the rest get TASK_ALREADY_COMPLETED', async () => {
    const live = new CaseEngine({ pool, clock, handlers: { route: routeHandler } });
    const started = await live.startCase({ process: 'test/dispute', data: { applicant: '孙八', type: 'neighbour', townships: ['a'] } });
    const task = started.openTasks[0];
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => live.completeTask(task.id, { result: 'success', note: `n${i}` }, `staff-${i}`)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed.map((r) => r.reason.code)).toEqual(Array(9).fill('TASK_ALREADY_COMPLETED'));
    const { rows } = await pool.query(`select count(*)::int as n from history where task_id = $1 and kind = 'task.completed'`, [task.id]);
    expect(rows[0].n).toBe(1);
    const c = await live.getCase(started.id);
    expect(c.openTasks.map((t) => t.elementId)).toEqual(['feedback']);
  });

  it('keeps history append-only', async () => {
    const { rows } = await pool.query('select id from history limit 1');
    await expect(pool.query('update history set kind = $1 where id = $2', ['x', rows[0].id])).rejects.toThrow(/append-only/);
  });
});
