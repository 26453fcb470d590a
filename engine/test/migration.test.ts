// 流程版本迁移: running cases move from version 1 to version 2 of their process — each then runs
// to the end on the new version, through the step it added; a case waiting at an element the new
// version removed is refused with a reason and still runs to the end on its old version. Parallel
// branches, a boundary timer, a message catch move too (a timer the new version adds to a waiting step is armed
// by the migration); a case inside a called process or multi-instance sub-process is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, ManualClock, openDatabase, type CaseView, type Database, type MigrationRequest } from '../src';
import { bpmn } from './support/bpmn';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { deployInput, routeHandler } from './support/fixture';

const task = (id: string, name = id) => `<bpmn:userTask id="${id}" name="${name}" camunda:candidateGroups="g" camunda:dueDate="P3D" />`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const end = '<bpmn:endEvent id="end" />';

/** a → b → c → end; version 2 drops c and adds 复核 (added) after b. */
const LINE_V1 = bpmn([task('a', '受理'), task('b', '调处'), task('c', '旧回访'), end, flow('f0', 'start', 'a'), flow('f1', 'a', 'b'), flow('f2', 'b', 'c'), flow('f3', 'c', 'end')].join(''));
const LINE_V2 = bpmn([task('a', '受理'), task('b', '调处'), task('added', '复核'), end, flow('f0', 'start', 'a'), flow('f1', 'a', 'b'), flow('f2', 'b', 'added'), flow('f4', 'added', 'end')].join(''));

/** Two parallel branches (p1, p2) joined; version 2 adds a step after the join. */
const PAR = (added: boolean) => bpmn([
  '<bpmn:parallelGateway id="split" />', '<bpmn:parallelGateway id="join" />', task('p1'), task('p2'), end, added ? task('added') : '',
  flow('f0', 'start', 'split'), flow('f1', 'split', 'p1'), flow('f2', 'split', 'p2'), flow('f3', 'p1', 'join'), flow('f4', 'p2', 'join'),
  added ? flow('f5', 'join', 'added') + flow('f6', 'added', 'end') : flow('f5', 'join', 'end'),
].join(''));

/** a with a non-interrupting boundary timer (2 hours) leading to 催办 (urge); version 2 adds a step after a. */
const TIMER = (added: boolean, duration = 'PT2H') => bpmn([
  task('a'), task('urge', '催办'), end, '<bpmn:endEvent id="urged" />', added ? task('added') : '',
  `<bpmn:boundaryEvent id="late" attachedToRef="a" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
  flow('f0', 'start', 'a'), flow('f1', 'late', 'urge'), flow('f2', 'urge', 'urged'),
  added ? flow('f3', 'a', 'added') + flow('f4', 'added', 'end') : flow('f3', 'a', 'end'),
].join(''));

/** a alone (version 1); version 2 attaches a P1D timer to a — interrupting: to 升级处理 (escalated), else to 催办 (urge) beside a. */
const ESCALATION = (v2: boolean, interrupting: boolean) => bpmn([
  task('a'), end, v2 ? `${task('escalated', '升级处理')}${task('urge', '催办')}<bpmn:endEvent id="urged" />` : '',
  v2 ? `<bpmn:boundaryEvent id="overdue" name="超期升级" attachedToRef="a" cancelActivity="${interrupting}"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>` : '',
  flow('f0', 'start', 'a'), flow('f1', 'a', 'end'),
  v2 ? flow('f2', 'overdue', interrupting ? 'escalated' : 'urge') + flow('f3', 'escalated', 'end') + flow('f4', 'urge', 'urged') : '',
].join(''));

/** a, then a message catch (补充材料); version 2 adds a step after the catch. */
const MESSAGE = (added: boolean) => `${bpmn([
  task('a'), '<bpmn:intermediateCatchEvent id="wait" name="等待补充材料"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>', end, added ? task('added') : '',
  flow('f0', 'start', 'a'), flow('f1', 'a', 'wait'), added ? flow('f2', 'wait', 'added') + flow('f3', 'added', 'end') : flow('f2', 'wait', 'end'),
].join(''))}`.replace('</bpmn:definitions>', '<bpmn:message id="msg" name="补充材料" /></bpmn:definitions>');

/** A sub-process holding task s (`inner` false: without it); `added` a step after it; `many` multi-instance (twice). */
const SUB = (added: boolean, inner = true, many = false) => bpmn([
  `<bpmn:subProcess id="sub" name="联合调解">${many ? '<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>' : ''}`
    + `<bpmn:startEvent id="s0" />${inner ? task('s') + flow('g0', 's0', 's') + flow('g1', 's', 's9') : task('t') + flow('g0', 's0', 't') + flow('g1', 't', 's9')}<bpmn:endEvent id="s9" /></bpmn:subProcess>`,
  end, added ? task('added') : '', flow('f0', 'start', 'sub'), added ? flow('f1', 'sub', 'added') + flow('f2', 'added', 'end') : flow('f1', 'sub', 'end'),
].join(''));

describe.each(databaseTargets())('migrating running cases to a later version on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool, clock, handlers: { route: routeHandler } });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  const start = (key: string) => engine.startCase({ process: key, data: { applicant: '张三' }, actor: 'clerk' });
  const open = (c: CaseView) => c.openTasks.map((t) => t.elementId).sort();
  const complete = async (c: CaseView, elementId: string) => {
    const t = c.openTasks.find((x) => x.elementId === elementId);
    expect(t, `${elementId} open in ${open(c).join()}`).toBeDefined();
    return engine.completeTask(t!.id, { done: true }, 'worker');
  };
  /** Completes open tasks one at a time until the case ends; the element ids passed, in order. */
  const runToEnd = async (c: CaseView) => {
    const passed: string[] = [];
    for (let n = 0; c.status === 'active' && n < 20; n++) {
      const next = open(c)[0];
      passed.push(next);
      c = await complete(c, next);
    }
    expect(c.status).toBe('completed');
    return passed;
  };
  const request = (key: string, extra: Partial<MigrationRequest> = {}): MigrationRequest => ({ processKey: key, fromVersion: 1, toVersion: 2, ...extra });
  const tableRows = async () => (await db.pool.query(
    `select (select md5(string_agg(c::text, '' order by id)) from cases c) as cases, (select md5(string_agg(t::text, '' order by id)) from tasks t) as tasks,
            (select md5(string_agg(t::text, '' order by id)) from timers t) as timers, (select count(*)::int from history) as history`)).rows[0];

  it('50 cases at different steps move to version 2 and each runs to the end through its added step; one at the removed step is refused and ends on version 1', async () => {
    await engine.deploy({ key: 'm/line', bpmn: LINE_V1 });
    const cases: CaseView[] = [];
    for (let i = 0; i < 50; i++) {
      let c = await start('m/line');
      if (i % 2) c = await complete(c, 'a'); // half wait at b
      cases.push(c);
    }
    let atC = await complete(await complete(await start('m/line'), 'a'), 'b');
    expect(open(atC)).toEqual(['c']);
    await engine.deploy({ key: 'm/line', bpmn: LINE_V2 });
    const v2 = (await engine.definitions.byKey('m/line')).id;

    const before = await tableRows();
    const plan = await engine.planMigration(request('m/line'));
    expect(await tableRows()).toEqual(before); // the plan changes nothing
    expect(plan).toMatchObject({ caseCount: 51, migratableCount: 50, ok: false, mapping: { a: 'a', b: 'b' } });
    expect(plan.elements.find((e) => e.elementId === 'c')).toMatchObject({ caseCount: 1, mappedTo: null, problem: { code: 'MIGRATION_UNMAPPED_ELEMENT' } });
    expect(plan.elements.find((e) => e.elementId === 'a')).toMatchObject({ caseCount: 25, mappedTo: 'a', proposed: true });
    expect(plan.cases.find((x) => x.caseId === atC.id)).toMatchObject({ migratable: false, code: 'MIGRATION_UNMAPPED_ELEMENT', waitingAt: ['c'] });
    expect(plan.targetElements.map((e) => e.elementId).sort()).toEqual(['a', 'added', 'b']);

    const tasksBefore = (await db.pool.query(`select id, element_id, assignee, due_at, warn_at from tasks where status = 'open' and case_id = any($1::uuid[]) order by id`, [cases.map((c) => c.id)])).rows;
    const run = await engine.migrateCases({ ...request('m/line'), actor: 'admin' });
    expect(run).toMatchObject({ migrated: 50, refused: 1 });
    expect(run.results.find((r) => r.caseId === atC.id)).toMatchObject({ status: 'refused', code: 'MIGRATION_UNMAPPED_ELEMENT' });
    expect(run.results.find((r) => r.caseId === atC.id)?.reason).toContain('旧回访');
    // the open tasks are the same rows: ids, elements, assignees, due dates (SLA) and warning times
    expect(tasksBefore.every((t) => t.due_at instanceof Date)).toBe(true);
    expect((await db.pool.query(`select id, element_id, assignee, due_at, warn_at from tasks where status = 'open' and case_id = any($1::uuid[]) order by id`, [cases.map((c) => c.id)])).rows).toEqual(tasksBefore);
    engine.forgetLiveEngines();
    for (const [i, c0] of cases.entries()) {
      const c = await engine.getCase(c0.id);
      expect(c.definitionId).toBe(v2);
      expect(c.history.filter((h) => h.kind === 'migrated')).toEqual([expect.objectContaining({ actor: 'admin', data: expect.objectContaining({ fromVersion: 1, toVersion: 2, migrationId: run.migrationId }) })]);
      expect(await runToEnd(c)).toEqual(i % 2 ? ['b', 'added'] : ['a', 'b', 'added']);
    }
    // the refused case is untouched and ends on version 1
    atC = await engine.getCase(atC.id);
    expect(atC.definitionId).not.toBe(v2);
    expect(atC.history.some((h) => h.kind === 'migrated')).toBe(false);
    expect(await runToEnd(atC)).toEqual(['c']);
    const record = (await db.pool.query('select migrated, refused, actor from case_migrations where id = $1', [run.migrationId])).rows[0];
    expect(record).toEqual({ migrated: 50, refused: 1, actor: 'admin' });
  });

  it('a bad mapping is MIGRATION_INVALID with the element id; an explicit mapping moves a renamed step', async () => {
    await expect(engine.planMigration(request('m/line', { mapping: { c: 'nowhere' } }))).rejects.toMatchObject({ code: 'MIGRATION_INVALID', details: [expect.objectContaining({ elementId: 'c' })] });
    await expect(engine.planMigration(request('m/line', { mapping: { c: 'end' } }))).rejects.toMatchObject({ code: 'MIGRATION_INVALID', details: [expect.objectContaining({ code: 'TARGET_CANNOT_WAIT', elementId: 'c' })] });
    await expect(engine.planMigration(request('m/line', { toVersion: 1 }))).rejects.toMatchObject({ code: 'MIGRATION_INVALID' });
    await expect(engine.planMigration(request('m/line', { toVersion: 9 }))).rejects.toMatchObject({ code: 'DEFINITION_NOT_FOUND' });
    // c mapped onto 复核 (added): the case waiting at c moves and its task row becomes 复核
    await engine.deploy({ key: 'm/rename', bpmn: LINE_V1 });
    const c = await complete(await complete(await start('m/rename'), 'a'), 'b');
    await engine.deploy({ key: 'm/rename', bpmn: LINE_V2 });
    const plan = await engine.planMigration(request('m/rename', { mapping: { c: 'added' }, caseIds: [c.id] }));
    expect(plan).toMatchObject({ ok: true, caseCount: 1, elements: [{ elementId: 'c', mappedTo: 'added', proposed: false }] });
    const run = await engine.migrateCases({ ...request('m/rename', { mapping: { c: 'added' } }), actor: 'admin' });
    expect(run).toMatchObject({ migrated: 1, refused: 0 });
    const moved = await engine.getCase(c.id);
    expect(moved.openTasks.map((t) => [t.id, t.elementId, t.name])).toEqual([[c.openTasks[0].id, 'added', '复核']]);
    expect(await runToEnd(moved)).toEqual(['added']);
  });

  it('a case that moved on since the plan is planned again under its lock; a closed one is MIGRATION_CASE_CHANGED', async () => {
    await engine.deploy({ key: 'm/changed', bpmn: LINE_V1 });
    const moving = await start('m/changed');
    const closing = await complete(await complete(await start('m/changed'), 'a'), 'b');
    await engine.deploy({ key: 'm/changed', bpmn: LINE_V2 });
    const ids = [moving.id, closing.id];
    const plan = await engine.planMigration(request('m/changed', { caseIds: ids }));
    expect(plan.cases.map((c) => c.waitingAt)).toEqual([['a'], ['c']]);
    await complete(moving, 'a'); // now at b
    await runToEnd(await engine.getCase(closing.id)); // closed on version 1
    const run = await engine.migrateCases({ ...request('m/changed', { caseIds: ids }), actor: 'admin' });
    expect(run.results.map((r) => [r.status, r.code])).toEqual([['migrated', undefined], ['refused', 'MIGRATION_CASE_CHANGED']]);
    expect(await runToEnd(await engine.getCase(moving.id))).toEqual(['b', 'added']);
  });

  it('a case waiting at two parallel branches moves; both branches join and pass the added step', async () => {
    await engine.deploy({ key: 'm/par', bpmn: PAR(false) });
    const c = await start('m/par');
    const half = await start('m/par');
    await complete(half, 'p1');
    await engine.deploy({ key: 'm/par', bpmn: PAR(true) });
    const run = await engine.migrateCases({ ...request('m/par'), actor: 'admin' });
    expect(run).toMatchObject({ migrated: 2, refused: 0 });
    expect(await runToEnd(await engine.getCase(c.id))).toEqual(['p1', 'p2', 'added']);
    expect(await runToEnd(await engine.getCase(half.id))).toEqual(['p2', 'added']);
  });

  it('a case with a pending boundary timer keeps its timer (same due time) and it fires on the new version', async () => {
    await engine.deploy({ key: 'm/timer', bpmn: TIMER(false) });
    const c = await start('m/timer');
    const timer = (await db.pool.query(`select id, element_id, due_at from timers where case_id = $1 and status = 'pending'`, [c.id])).rows;
    expect(timer).toHaveLength(1);
    clock.advance(3600_000);
    await engine.deploy({ key: 'm/timer', bpmn: TIMER(true) });
    expect(await engine.migrateCases({ ...request('m/timer'), actor: 'admin' })).toMatchObject({ migrated: 1 });
    expect((await db.pool.query(`select id, element_id, due_at from timers where case_id = $1 and status = 'pending'`, [c.id])).rows).toEqual(timer);
    clock.advance(3600_000);
    expect(await engine.fireDueTimers()).toBeGreaterThanOrEqual(1);
    const urged = await engine.getCase(c.id);
    expect(open(urged)).toEqual(['a', 'urge']);
    expect(await runToEnd(urged)).toEqual(['a', 'added', 'urge']);
  });

  it.each([true, false])('a timer boundary event new in version 2 on the step the case waits at is armed by the migration (interrupting %s) and fires from the sweeper a day later', async (interrupting) => {
    const key = `m/escalate-${interrupting}`;
    await engine.deploy({ key, bpmn: ESCALATION(false, interrupting) });
    const c = await start(key);
    expect(open(c)).toEqual(['a']);
    clock.advance(3600_000);
    await engine.deploy({ key, bpmn: ESCALATION(true, interrupting) });
    const plan = await engine.planMigration(request(key));
    expect(plan.elements.find((e) => e.elementId === 'a')?.newTimers).toEqual([{ elementId: 'overdue', name: '超期升级', duration: 'P1D', interrupting }]);
    const migratedAt = clock.now();
    expect(await engine.migrateCases({ ...request(key), actor: 'admin' })).toMatchObject({ migrated: 1 });
    // armed durably: a timers row due a day after the migration, and the engine state holds the running timer
    const rows = (await db.pool.query(`select element_id, due_at from timers where case_id = $1 and status = 'pending'`, [c.id])).rows;
    expect(rows).toEqual([{ element_id: 'overdue', due_at: new Date(migratedAt.getTime() + 86_400_000) }]);
    const moved = await engine.getCase(c.id);
    expect(moved.history.find((h) => h.kind === 'migrated')?.data).toMatchObject({ armedTimers: ['overdue'] });
    engine.forgetLiveEngines(); // the sweeper recovers the saved state
    clock.advance(86_400_000 - 60_000);
    expect(await engine.fireDueTimers()).toBe(0);
    clock.advance(60_000);
    expect(await engine.fireDueTimers()).toBe(1);
    const after = await engine.getCase(c.id);
    expect(after.history.some((h) => h.kind === 'timer.fired' && h.elementId === 'overdue')).toBe(true);
    if (interrupting) {
      expect(open(after)).toEqual(['escalated']);
      expect(await runToEnd(after)).toEqual(['escalated']);
    } else {
      expect(open(after)).toEqual(['a', 'urge']);
      expect(await runToEnd(after)).toEqual(['a', 'urge']);
    }
  });

  it('a timer whose duration version 2 changes keeps its due time (the new duration applies to timers armed after the migration); a new timer on a step inside a sub-process is armed too', async () => {
    await engine.deploy({ key: 'm/longer', bpmn: TIMER(false) });
    const c = await start('m/longer');
    const timer = (await db.pool.query(`select id, element_id, due_at from timers where case_id = $1 and status = 'pending'`, [c.id])).rows;
    await engine.deploy({ key: 'm/longer', bpmn: TIMER(false, 'PT4H') });
    const plan = await engine.planMigration(request('m/longer'));
    expect(plan.elements.map((e) => e.newTimers)).toEqual([undefined, undefined]); // a and its running timer late
    expect(await engine.migrateCases({ ...request('m/longer'), actor: 'admin' })).toMatchObject({ migrated: 1 });
    expect((await db.pool.query(`select id, element_id, due_at from timers where case_id = $1 and status = 'pending'`, [c.id])).rows).toEqual(timer);

    const inner = (timed: boolean) => bpmn([
      `<bpmn:subProcess id="sub"><bpmn:startEvent id="s0" />${task('s')}<bpmn:endEvent id="s9" />${flow('g0', 's0', 's')}${flow('g1', 's', 's9')}`
        + (timed ? `<bpmn:boundaryEvent id="sLate" name="内部超期" attachedToRef="s"><bpmn:timerEventDefinition><bpmn:timeDuration>PT8H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>${task('sEsc', '内部升级')}${flow('g2', 'sLate', 'sEsc')}${flow('g3', 'sEsc', 's9')}` : '')
        + '</bpmn:subProcess>',
      end, flow('f0', 'start', 'sub'), flow('f1', 'sub', 'end'),
    ].join(''));
    await engine.deploy({ key: 'm/inner-timer', bpmn: inner(false) });
    const d = await start('m/inner-timer');
    expect(open(d)).toEqual(['s']);
    await engine.deploy({ key: 'm/inner-timer', bpmn: inner(true) });
    expect((await engine.planMigration(request('m/inner-timer'))).elements.find((e) => e.elementId === 's')?.newTimers).toEqual([{ elementId: 'sLate', name: '内部超期', duration: 'PT8H', interrupting: true }]);
    const at = clock.now();
    expect(await engine.migrateCases({ ...request('m/inner-timer'), actor: 'admin' })).toMatchObject({ migrated: 1 });
    expect((await db.pool.query(`select element_id, due_at from timers where case_id = $1 and status = 'pending'`, [d.id])).rows).toEqual([{ element_id: 'sLate', due_at: new Date(at.getTime() + 8 * 3600_000) }]);
    engine.forgetLiveEngines();
    clock.advance(8 * 3600_000);
    expect(await engine.fireDueTimers()).toBeGreaterThanOrEqual(1);
    const escalated = await engine.getCase(d.id);
    expect(open(escalated)).toEqual(['sEsc']);
    expect(await runToEnd(escalated)).toEqual(['sEsc']);
  });

  it('a case waiting at a message catch moves and the message still reaches it; one inside a sub-process moves with it', async () => {
    await engine.deploy({ key: 'm/msg', bpmn: MESSAGE(false) });
    const c = await complete(await start('m/msg'), 'a');
    expect(c.openTasks).toEqual([]);
    await engine.deploy({ key: 'm/msg', bpmn: MESSAGE(true) });
    const plan = await engine.planMigration(request('m/msg'));
    expect(plan.cases).toEqual([expect.objectContaining({ waitingAt: ['wait'], migratable: true })]);
    expect(await engine.migrateCases({ ...request('m/msg'), actor: 'admin' })).toMatchObject({ migrated: 1 });
    const got = await engine.correlateMessage(c.id, '补充材料', { note: '已补充' }, 'applicant');
    expect(open(got)).toEqual(['added']);
    expect(await runToEnd(got)).toEqual(['added']);

    await engine.deploy({ key: 'm/sub', bpmn: SUB(false) });
    const s = await start('m/sub');
    expect(open(s)).toEqual(['s']);
    await engine.deploy({ key: 'm/sub', bpmn: SUB(true) });
    const subPlan = await engine.planMigration(request('m/sub'));
    expect(subPlan).toMatchObject({ ok: true, elements: [{ elementId: 'sub', mappedTo: 'sub' }, { elementId: 's', mappedTo: 's' }] });
    expect(await engine.migrateCases({ ...request('m/sub'), actor: 'admin' })).toMatchObject({ migrated: 1 });
    expect(await runToEnd(await engine.getCase(s.id))).toEqual(['s', 'added']);
  });

  it('inside a sub-process: an inner step removed is refused, mapped by hand it moves; a multi-instance sub-process is refused clearly', async () => {
    await engine.deploy({ key: 'm/sub2', bpmn: SUB(false) });
    const s1 = await start('m/sub2');
    const s2 = await start('m/sub2');
    await engine.deploy({ key: 'm/sub2', bpmn: SUB(true, false) }); // s replaced by t inside the sub-process
    const plan = await engine.planMigration(request('m/sub2'));
    expect(plan.elements.find((e) => e.elementId === 's')).toMatchObject({ mappedTo: null, problem: { code: 'MIGRATION_UNMAPPED_ELEMENT' } });
    // an inner step may not leave its sub-process
    await expect(engine.planMigration(request('m/sub2', { mapping: { s: 'added' } }))).rejects.toMatchObject({ code: 'MIGRATION_INVALID', details: [expect.objectContaining({ code: 'PARENT_MISMATCH', elementId: 's' })] });
    const refused = await engine.migrateCases({ ...request('m/sub2', { caseIds: [s1.id] }), actor: 'admin' });
    expect(refused.results).toEqual([expect.objectContaining({ status: 'refused', code: 'MIGRATION_UNMAPPED_ELEMENT' })]);
    expect(await runToEnd(await engine.getCase(s1.id))).toEqual(['s']);
    const mapped = await engine.migrateCases({ ...request('m/sub2', { mapping: { s: 't' }, caseIds: [s2.id] }), actor: 'admin' });
    expect(mapped).toMatchObject({ migrated: 1 });
    expect(await runToEnd(await engine.getCase(s2.id))).toEqual(['t', 'added']);

    await engine.deploy({ key: 'm/many', bpmn: SUB(false, true, true) });
    const m = await start('m/many');
    expect(open(m)).toEqual(['s', 's']);
    await engine.deploy({ key: 'm/many', bpmn: SUB(true, true, true) });
    const run = await engine.migrateCases({ ...request('m/many'), actor: 'admin' });
    expect(run.results).toEqual([expect.objectContaining({ status: 'refused', code: 'MIGRATION_UNSUPPORTED_ELEMENT', reason: expect.stringContaining('联合调解') })]);
    expect(await runToEnd(await engine.getCase(m.id))).toEqual(['s', 's']);
  });

  it('refuses a case whose open task\'s form in the new version requires fields the case has no value for', async () => {
    const formed = (formKey: string) => bpmn(`<bpmn:userTask id="a" name="核实" camunda:formKey="${formKey}" camunda:candidateGroups="g" />${end}${flow('f0', 'start', 'a')}${flow('f1', 'a', 'end')}`);
    const forms = {
      check: { schema: { type: 'object', properties: { note: { type: 'string' } } } },
      approve: { schema: { type: 'object', required: ['approval', 'applicant'], properties: { approval: { type: 'string' }, applicant: { type: 'string' } } } },
    };
    await engine.deploy({ key: 'm/form', bpmn: formed('check'), forms });
    const c = await start('m/form');
    await engine.deploy({ key: 'm/form', bpmn: formed('approve'), forms });
    const plan = await engine.planMigration(request('m/form'));
    expect(plan.cases).toEqual([expect.objectContaining({ migratable: false, code: 'MIGRATION_FORM_INCOMPATIBLE', reason: expect.stringContaining('approval') })]);
    // applicant is in the case data: only approval is missing
    expect(plan.cases[0].reason).not.toContain('applicant');
    const run = await engine.migrateCases({ ...request('m/form'), actor: 'admin' });
    expect(run.results).toEqual([expect.objectContaining({ status: 'refused', code: 'MIGRATION_FORM_INCOMPATIBLE' })]);
    expect((await engine.getCase(c.id)).definitionId).toBe(c.definitionId);
  });

  it('a joint mediation case of the real fixture (multi-instance, one department done) moves; the other departments finish it on the new version', async () => {
    await engine.deploy(deployInput('m/joint'));
    const c = await engine.startCase({
      process: 'm/joint', actor: 'clerk', data: { applicant: '张三', type: 'land', townships: ['gongchang', 'wenfeng'], departments: ['land', 'agri', 'justice'] },
    });
    const joint = c.openTasks;
    expect(joint.map((t) => t.iteration)).toEqual([0, 1, 2]);
    await engine.completeTask(joint[0].id, { result: 'success', note: 'by land' }, 'staff-0');
    const v2 = await engine.deploy(deployInput('m/joint'));
    const plan = await engine.planMigration(request('m/joint'));
    expect(plan).toMatchObject({ ok: true, elements: [expect.objectContaining({ elementId: 'jointMediation', mappedTo: 'jointMediation', proposed: true })] });
    expect(await engine.migrateCases({ ...request('m/joint'), actor: 'admin' })).toMatchObject({ migrated: 1, refused: 0 });
    engine.forgetLiveEngines();
    let after = await engine.getCase(c.id);
    expect(after.definitionId).toBe(v2.id);
    expect(after.openTasks.map((t) => [t.id, t.iteration, t.candidateGroups])).toEqual(joint.slice(1).map((t) => [t.id, t.iteration, t.candidateGroups]));
    for (const t of joint.slice(1)) after = await engine.completeTask(t.id, { result: 'success', note: `by ${t.candidateGroups[0]}` }, 'staff');
    expect(after.variables.outputs).toMatchObject({ jointMediation: [{ note: 'by land' }, { note: 'by agri' }, { note: 'by justice' }] });
    expect(open(after)).toEqual(['feedback']);
  });

  it('a step renamed to the id an earlier step had: the case moves to it (the old step\'s state does not overwrite it); one waiting at both is refused', async () => {
    // v1 defines b before a (the saved children are in that order): a → b → end; v2: x → a → end, where a is v1's b
    const v1 = bpmn([task('b', '复核'), task('a', '受理'), end, flow('f0', 'start', 'a'), flow('f1', 'a', 'b'), flow('f2', 'b', 'end')].join(''));
    const v2 = bpmn([task('x', '受理'), task('a', '复核'), end, flow('f0', 'start', 'x'), flow('f1', 'x', 'a'), flow('f2', 'a', 'end')].join(''));
    await engine.deploy({ key: 'm/swap', bpmn: v1 });
    const c = await complete(await start('m/swap'), 'a');
    expect(open(c)).toEqual(['b']);
    await engine.deploy({ key: 'm/swap', bpmn: v2 });
    const run = await engine.migrateCases({ ...request('m/swap', { mapping: { b: 'a' } }), actor: 'admin' });
    expect(run.results).toEqual([expect.objectContaining({ status: 'migrated' })]);
    const moved = await engine.getCase(c.id);
    expect(moved.openTasks.map((t) => [t.id, t.elementId, t.name])).toEqual([[c.openTasks[0].id, 'a', '复核']]);
    expect(await runToEnd(moved)).toEqual(['a']);

    await engine.deploy({ key: 'm/both', bpmn: PAR(false) });
    const p = await start('m/both');
    await engine.deploy({ key: 'm/both', bpmn: PAR(true) });
    const both = await engine.migrateCases({ ...request('m/both', { mapping: { p2: 'p1' } }), actor: 'admin' });
    expect(both.results).toEqual([expect.objectContaining({ status: 'refused', code: 'MIGRATION_MAPPING_CONFLICT' })]);
    expect(await runToEnd(await engine.getCase(p.id))).toEqual(['p1', 'p2']);
  });

  it('a migration and a completion of the same case at the same time: the case lock orders them, the case ends up consistent on the new version', async () => {
    await engine.deploy({ key: 'm/race', bpmn: LINE_V1 });
    const racing = [];
    for (let i = 0; i < 5; i++) racing.push(await start('m/race'));
    await engine.deploy({ key: 'm/race', bpmn: LINE_V2 });
    const v2 = (await engine.definitions.byKey('m/race')).id;
    const [run] = await Promise.all([
      engine.migrateCases({ ...request('m/race', { caseIds: racing.map((c) => c.id) }), actor: 'admin' }),
      ...racing.map((c) => complete(c, 'a')),
    ]);
    expect(run.migrated).toBe(5);
    for (const c0 of racing) {
      const c = await engine.getCase(c0.id);
      expect(c.definitionId).toBe(v2);
      expect(open(c)).toEqual(['b']);
      expect(await runToEnd(c)).toEqual(['b', 'added']);
    }
  });
});
