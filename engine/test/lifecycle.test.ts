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
    const expiries = async () => {
      const { rows } = await db.pool.query(`select state from cases where id = $1`, [task.caseId]);
      const found: string[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            if (k === 'expireAt' && typeof x === 'string') found.push(x);
            else walk(x);
          }
        }
      };
      walk(rows[0].state);
      return [...new Set(found)];
    };
    const expiry0 = await expiries();
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
    expect(await expiries()).toEqual(expiry0.map((x) => calendar.addWorkingDays(new Date(x), 5).toISOString()));

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
