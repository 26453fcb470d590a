// The life of a case: 撤回 (an end event marked outcome=withdrawn), 不予受理 at intake, 中止 / 恢复
// (the SLA clock stops: due dates, warning times and timers move by the suspended working days)
// and 延期 on approval — on the injected clock, the engine recovered from the store before every
// step (no live cache).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, CaseNotActiveError, ManualClock, openDatabase, WorkingCalendar, workingDaysBetween, type Database } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:message id="Msg_withdraw" name="撤回" />
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="accept" />
    <bpmn:userTask id="accept" name="受理审查" camunda:candidateGroups="centre" camunda:dueDate="P3D" />
    <bpmn:sequenceFlow id="f2" sourceRef="accept" targetRef="handle" />
    <bpmn:userTask id="handle" name="办理" camunda:candidateGroups="labour" camunda:dueDate="P10D" />
    <bpmn:boundaryEvent id="late" name="超期督办" attachedToRef="handle" cancelActivity="false">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P7D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="supervise" />
    <bpmn:userTask id="supervise" name="挂牌督办" camunda:candidateGroups="leader" />
    <bpmn:sequenceFlow id="f4" sourceRef="supervise" targetRef="superviseEnd" />
    <bpmn:endEvent id="superviseEnd" />
    <bpmn:boundaryEvent id="withdrawn" name="当事人撤回" attachedToRef="handle">
      <bpmn:extensionElements><camunda:properties><camunda:property name="formKey" value="withdrawal" /></camunda:properties></bpmn:extensionElements>
      <bpmn:messageEventDefinition id="med" messageRef="Msg_withdraw" />
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f5" sourceRef="withdrawn" targetRef="withdrawnEnd" />
    <bpmn:endEvent id="withdrawnEnd" name="撤回">
      <bpmn:extensionElements><camunda:properties>
        <camunda:property name="outcome" value="withdrawn" /><camunda:property name="reasonField" value="withdrawReason" />
      </camunda:properties></bpmn:extensionElements>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="f6" sourceRef="handle" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** 办理 with its escalation, and beside it on a parallel branch a timer of its own (回访 reminder). */
const parallelBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d2" targetNamespace="t">
  <bpmn:process id="p2" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="handle" />
    <bpmn:userTask id="handle" name="办理" camunda:candidateGroups="labour" camunda:dueDate="P10D" />
    <bpmn:boundaryEvent id="late" name="超期督办" attachedToRef="handle" cancelActivity="false">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P7D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="supervise" />
    <bpmn:userTask id="supervise" name="挂牌督办" camunda:candidateGroups="leader" />
    <bpmn:sequenceFlow id="f4" sourceRef="supervise" targetRef="superviseEnd" />
    <bpmn:endEvent id="superviseEnd" />
    <bpmn:sequenceFlow id="f5" sourceRef="handle" targetRef="end" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f6" sourceRef="fork" targetRef="remind" />
    <bpmn:intermediateCatchEvent id="remind" name="回访提醒">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P20D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f7" sourceRef="remind" targetRef="remindEnd" />
    <bpmn:endEvent id="remindEnd" />
  </bpmn:process>
</bpmn:definitions>`;

const forms = {
  withdrawal: { schema: { type: 'object', required: ['withdrawReason'], properties: { withdrawReason: { type: 'string', minLength: 2 } } } },
};

describe.each(databaseTargets())('the life of a case on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let clock: ManualClock;
  let engine: CaseEngine;
  /** A fresh engine for each step: every command recovers the case from the store. */
  const fresh = () => {
    engine = new CaseEngine({ pool: db.pool, clock, cacheSize: 0 });
    return engine;
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    clock = new ManualClock('2026-03-02T09:00:00+08:00'); // a Monday
    await fresh().deploy({ key: 'life/p', bpmn, forms, deadlines: { mode: 'working-days', yellowShare: 0.5 } });
    await fresh().deploy({ key: 'life/parallel', bpmn: parallelBpmn, deadlines: { mode: 'working-days', yellowShare: 0.5 } });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  /** A case past 受理审查, waiting in 办理. */
  const inHandling = async () => {
    const c = await fresh().startCase({ process: 'life/p', data: {}, actor: 'clerk' });
    await fresh().completeTask(c.openTasks[0].id, {}, 'clerk');
    return (await fresh().getCase(c.id)).openTasks[0];
  };

  /** The due time of the case's pending timer on an element (its row, which the sweeper reads). */
  const timerDue = async (caseId: string, elementId: string) =>
    (await db.pool.query(`select due_at from timers where case_id = $1 and element_id = $2 and status = 'pending'`, [caseId, elementId])).rows[0]?.due_at as Date | undefined;
  /** The timer expiries in the case's saved engine state, by the element whose state holds them. */
  const expiries = async (caseId: string) => {
    const { rows } = await db.pool.query(`select state from cases where id = $1`, [caseId]);
    const found: Record<string, string[]> = {};
    const walk = (v: unknown, owner: string): void => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, owner));
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        const here = typeof o.id === 'string' ? o.id : owner;
        for (const [k, x] of Object.entries(o)) {
          if (k === 'expireAt' && typeof x === 'string') found[here] = [...new Set([...(found[here] ?? []), x])];
          else walk(x, here);
        }
      }
    };
    walk(rows[0].state, '');
    return found;
  };
  /** Runs the sweeper at `at`; the case's open tasks after it. */
  const sweepAt = async (caseId: string, at: Date) => {
    clock.set(at);
    await fresh().fireDueTimers();
    return (await fresh().getCase(caseId)).openTasks.map((t) => t.elementId).sort();
  };
  const minute = 60_000;

  it('撤回 ends the case withdrawn: its task cancelled, who and why in the history, no further step', async () => {
    const task = await inHandling();
    const c = await fresh().correlateMessage(task.caseId, '撤回', { withdrawReason: '双方已和解' }, 'window-1');
    expect(c.status).toBe('withdrawn');
    expect(c.completedAt).not.toBeNull();
    expect(c.openTasks).toEqual([]);
    expect(c.tasks.find((t) => t.id === task.id)?.status).toBe('cancelled');
    const kinds = c.history.map((h) => h.kind);
    expect(kinds).toContain('task.cancelled');
    expect(kinds).not.toContain('case.completed');
    const withdrawn = c.history.find((h) => h.kind === 'case.withdrawn');
    expect(withdrawn).toMatchObject({ actor: 'window-1', elementId: 'withdrawnEnd', data: { endEvent: 'withdrawnEnd', reason: '双方已和解' } });
    await expect(fresh().correlateMessage(task.caseId, '撤回', { withdrawReason: '再次撤回' }, 'window-1')).rejects.toBeInstanceOf(CaseNotActiveError);
  });

  it('中止 for 5 working days moves the due date, warning time and timer by exactly 5 working days', async () => {
    const task = await inHandling();
    const calendar = new WorkingCalendar();
    const due0 = task.dueAt as Date;
    const warn0 = task.warnAt as Date;
    expect(due0.toISOString()).toBe(calendar.addWorkingDays(clock.now(), 10).toISOString());
    const timer0 = (await db.pool.query(`select due_at from timers where case_id = $1 and status = 'pending'`, [task.caseId])).rows[0].due_at as Date;
    const expiry0 = (await expiries(task.caseId)).late;
    expect(expiry0.length).toBeGreaterThan(0); // the engine's own record of the escalation timer

    clock.advance('P1D'); // Tuesday
    await fresh().suspendCase(task.caseId, { reason: '等待司法鉴定结果', actor: 'leader-1' });
    expect((await fresh().getCase(task.caseId)).suspendedAt?.toISOString()).toBe(clock.now().toISOString());
    await expect(fresh().suspendCase(task.caseId, { reason: '再次', actor: 'leader-1' })).rejects.toBeInstanceOf(CaseNotActiveError);
    const suspendedAt = clock.now();
    clock.advance('P7D'); // the next Tuesday: Wed, Thu, Fri, Mon, Tue = 5 working days; the timer (P7D) is past due
    expect(workingDaysBetween(calendar, suspendedAt, clock.now())).toBe(5);
    expect(await fresh().fireDueTimers()).toBe(0); // the SLA clock is stopped
    const resumed = await fresh().resumeCase(task.caseId, { actor: 'leader-1' });
    expect(resumed.suspendedAt).toBeNull();
    const after = resumed.openTasks.find((t) => t.id === task.id);
    expect(after?.dueAt?.toISOString()).toBe(calendar.addWorkingDays(due0, 5).toISOString());
    expect(after?.dueAt?.toISOString()).toBe('2026-03-23T01:00:00.000Z'); // Monday 23 March, 09:00 in China
    expect(after?.warnAt?.toISOString()).toBe(calendar.addWorkingDays(warn0, 5).toISOString());
    expect(resumed.history.at(-1)).toMatchObject({ kind: 'case.resumed', actor: 'leader-1', data: { shift: { workingDays: 5 } } });
    const timer1 = (await db.pool.query(`select due_at from timers where case_id = $1 and status = 'pending'`, [task.caseId])).rows[0].due_at as Date;
    expect(timer1.toISOString()).toBe(calendar.addWorkingDays(timer0, 5).toISOString());
    // the engine's saved expiry moved too, so a recovery does not fire the escalation early
    expect((await expiries(task.caseId)).late).toEqual(expiry0.map((x) => calendar.addWorkingDays(new Date(x), 5).toISOString()));

    // the colours follow the moved thresholds
    const colour = async () => (await fresh().queries.getTask(task.id)).colour;
    expect(await colour()).toBe('green');
    clock.set(new Date(after!.warnAt!.getTime() - 60_000));
    expect(await colour()).toBe('green');
    clock.set(new Date(after!.warnAt!.getTime() + 60_000));
    expect(await colour()).toBe('yellow');
    clock.set(new Date(timer1.getTime() - 60_000));
    expect(await fresh().fireDueTimers()).toBe(0);
    clock.set(new Date(timer1.getTime() + 60_000));
    expect(await fresh().fireDueTimers()).toBe(1);
    clock.set(new Date(after!.dueAt!.getTime() + 60_000));
    expect(await colour()).toBe('red');
    expect((await fresh().getCase(task.caseId)).openTasks.map((t) => t.elementId).sort()).toEqual(['handle', 'supervise']);
  });

  it('延期: a request with a reason, then approval moves the due date and recomputes the warning time', async () => {
    clock.set(new Date('2026-03-02T09:00:00+08:00'));
    const task = await inHandling();
    await expect(fresh().requestExtension(task.id, { days: 5, reason: ' ', actor: 'staff-1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const req = await fresh().requestExtension(task.id, { days: 5, reason: '需等待现场勘验', actor: 'staff-1' });
    expect(req).toMatchObject({ status: 'pending', days: 5, requestedBy: 'staff-1' });
    await expect(fresh().requestExtension(task.id, { days: 2, reason: '重复', actor: 'staff-1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const decided = await fresh().decideExtension(req.id, { approve: true, note: '同意', actor: 'leader-1' });
    const calendar = new WorkingCalendar();
    const expected = calendar.addWorkingDays(task.dueAt as Date, 5);
    expect(decided).toMatchObject({ status: 'approved', decidedBy: 'leader-1' });
    expect(decided.newDueAt?.toISOString()).toBe(expected.toISOString());
    const after = await fresh().queries.getTask(task.id);
    expect(after.dueAt?.toISOString()).toBe(expected.toISOString());
    const share = (after.warnAt!.getTime() - after.createdAt.getTime()) / (expected.getTime() - after.createdAt.getTime());
    expect(share).toBeCloseTo(0.5, 6);
    await expect(fresh().decideExtension(req.id, { approve: false, actor: 'leader-1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const second = await fresh().requestExtension(task.id, { days: 3, reason: '再延', actor: 'staff-1' });
    const rejected = await fresh().decideExtension(second.id, { approve: false, note: '理由不足', actor: 'leader-1' });
    expect(rejected.status).toBe('rejected');
    expect((await fresh().queries.getTask(task.id)).dueAt?.toISOString()).toBe(expected.toISOString());
    const kinds = (await fresh().getCase(task.caseId)).history.map((h) => h.kind);
    expect(kinds.filter((k) => k.startsWith('deadline.'))).toEqual([
      'deadline.extension.requested', 'deadline.extension.approved', 'deadline.extension.requested', 'deadline.extension.rejected',
    ]);
    expect((await fresh().extensions(task.caseId)).map((e) => e.status)).toEqual(['approved', 'rejected']);
  });

  it('延期 approved moves the escalation on the task by the same working days; a rejection moves nothing; a timer elsewhere keeps its time', async () => {
    clock.set(new Date('2026-03-02T09:00:00+08:00')); // a Monday
    const calendar = new WorkingCalendar();
    const c = await fresh().startCase({ process: 'life/parallel', data: {}, actor: 'clerk' });
    const task = c.openTasks.find((t) => t.elementId === 'handle')!;
    const late0 = (await timerDue(c.id, 'late'))!;
    const remind0 = (await timerDue(c.id, 'remind'))!;
    const state0 = await expiries(c.id);
    expect(late0.toISOString()).toBe(calendar.addWorkingDays(clock.now(), 7).toISOString());
    expect(state0.late?.length).toBe(1);
    expect(state0.remind?.length).toBe(1);

    const refused = await fresh().requestExtension(task.id, { days: 5, reason: '需补充材料', actor: 'staff-1' });
    await fresh().decideExtension(refused.id, { approve: false, note: '理由不足', actor: 'leader-1' });
    expect((await timerDue(c.id, 'late'))?.toISOString()).toBe(late0.toISOString());
    expect((await fresh().queries.getTask(task.id)).dueAt?.toISOString()).toBe(task.dueAt?.toISOString());
    expect(await expiries(c.id)).toEqual(state0);

    const req = await fresh().requestExtension(task.id, { days: 5, reason: '需等待现场勘验', actor: 'staff-1' });
    const approved = await fresh().decideExtension(req.id, { approve: true, actor: 'leader-1' });
    const late1 = calendar.addWorkingDays(late0, 5);
    expect(approved.newDueAt?.toISOString()).toBe(calendar.addWorkingDays(task.dueAt as Date, 5).toISOString());
    expect((await timerDue(c.id, 'late'))?.toISOString()).toBe(late1.toISOString());
    expect((await timerDue(c.id, 'remind'))?.toISOString()).toBe(remind0.toISOString());
    const state1 = await expiries(c.id);
    expect(state1.late).toEqual(state0.late.map((x) => calendar.addWorkingDays(new Date(x), 5).toISOString()));
    expect(state1.remind).toEqual(state0.remind);
    expect((await fresh().getCase(c.id)).history.at(-1)).toMatchObject({
      kind: 'deadline.extension.approved', data: { timers: [{ elementId: 'late', from: late0.toISOString(), to: late1.toISOString() }] },
    });

    // no 挂牌督办 at the old limit, nor just before the new one; at the new one it comes
    expect(await sweepAt(c.id, new Date(late0.getTime() + minute))).toEqual(['handle']);
    expect(await sweepAt(c.id, new Date(late1.getTime() - minute))).toEqual(['handle']);
    expect(await sweepAt(c.id, new Date(late1.getTime() + minute))).toEqual(['handle', 'supervise']);
    expect((await timerDue(c.id, 'remind'))?.toISOString()).toBe(remind0.toISOString());
  });

  it('延期 approved while the case is suspended: on 恢复 the escalation has moved by both', async () => {
    clock.set(new Date('2026-03-02T09:00:00+08:00')); // a Monday
    const calendar = new WorkingCalendar();
    const task = await inHandling();
    const late0 = (await timerDue(task.caseId, 'late'))!;
    const state0 = (await expiries(task.caseId)).late;
    clock.advance('P1D'); // Tuesday
    await fresh().suspendCase(task.caseId, { reason: '等待司法鉴定结果', actor: 'leader-1' });
    const req = await fresh().requestExtension(task.id, { days: 3, reason: '鉴定后需重新调查', actor: 'staff-1' });
    await fresh().decideExtension(req.id, { approve: true, actor: 'leader-1' });
    expect((await timerDue(task.caseId, 'late'))?.toISOString()).toBe(calendar.addWorkingDays(late0, 3).toISOString());
    clock.advance('P7D'); // the next Tuesday: 5 working days suspended
    const resumed = await fresh().resumeCase(task.caseId, { actor: 'leader-1' });
    const both = (at: Date) => calendar.addWorkingDays(calendar.addWorkingDays(at, 3), 5);
    const late1 = both(late0);
    expect(resumed.openTasks.find((t) => t.id === task.id)?.dueAt?.toISOString()).toBe(both(task.dueAt as Date).toISOString());
    expect((await timerDue(task.caseId, 'late'))?.toISOString()).toBe(late1.toISOString());
    expect((await expiries(task.caseId)).late).toEqual(state0.map((x) => both(new Date(x)).toISOString()));
    expect(await sweepAt(task.caseId, new Date(calendar.addWorkingDays(late0, 5).getTime() + minute))).toEqual(['handle']);
    expect(await sweepAt(task.caseId, new Date(late1.getTime() - minute))).toEqual(['handle']);
    expect(await sweepAt(task.caseId, new Date(late1.getTime() + minute))).toEqual(['handle', 'supervise']);
  });

  it('不予受理 at intake ends the case refused with its reason; once handling started it is refused', async () => {
    const c = await fresh().startCase({ process: 'life/p', data: {}, actor: 'clerk' });
    await expect(fresh().refuseCase(c.id, { reason: '', actor: 'clerk' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const refused = await fresh().refuseCase(c.id, { reason: '不属于本中心受理范围', notice: '请向县法院起诉', actor: 'clerk' });
    expect(refused.status).toBe('refused');
    expect(refused.openTasks).toEqual([]);
    expect(refused.history.at(-1)).toMatchObject({ kind: 'case.refused', actor: 'clerk', data: { reason: '不属于本中心受理范围', notice: '请向县法院起诉' } });
    await expect(fresh().completeTask(c.openTasks[0].id, {}, 'clerk')).rejects.toMatchObject({ code: 'CASE_NOT_ACTIVE' });

    const task = await inHandling();
    await expect(fresh().refuseCase(task.caseId, { reason: '不属于受理范围', actor: 'clerk' })).rejects.toBeInstanceOf(CaseNotActiveError);
  });
});
