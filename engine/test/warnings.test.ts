// 红黄绿 and 督办: a case left idle turns yellow, then red, and its boundary timer escalates it to
// supervision (挂牌督办) — on the injected clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, ManualClock, openDatabase, type Database } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
    <bpmn:userTask id="handle" name="调处" camunda:candidateGroups="labour" camunda:dueDate="P7D" />
    <bpmn:boundaryEvent id="late" name="超期督办" attachedToRef="handle" cancelActivity="false">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P7D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="late" targetRef="supervise" />
    <bpmn:userTask id="supervise" name="挂牌督办" camunda:candidateGroups="leader" camunda:dueDate="P1D" />
    <bpmn:sequenceFlow id="f3" sourceRef="supervise" targetRef="superviseEnd" />
    <bpmn:endEvent id="superviseEnd" />
    <bpmn:sequenceFlow id="f4" sourceRef="handle" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe.each(databaseTargets())('warnings and escalation on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('turns an idle case yellow, then red, then escalates it to supervision while the handling stays open', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const engine = new CaseEngine({ pool: db.pool, clock });
    await engine.deploy({ key: 'warn/p', bpmn, deadlines: { mode: 'calendar-days', yellowShare: 0.5 } });
    const c = await engine.startCase({ process: 'warn/p', data: {} });
    const colour = async () => (await engine.queries.getTask(c.openTasks[0].id)).colour;
    expect(await colour()).toBe('green');
    clock.advance('P3D');
    expect(await colour()).toBe('green');
    clock.advance('PT12H');
    expect(await colour()).toBe('yellow'); // half of the 7-day limit
    expect((await engine.queries.listCases({ units: undefined })).find((x) => x.id === c.id)?.colour).toBe('yellow');
    clock.advance('P3DT12H1M');
    expect(await colour()).toBe('red');
    expect((await engine.queries.listTasks({ overdue: true })).map((t) => t.id)).toContain(c.openTasks[0].id);
    expect(await engine.fireDueTimers()).toBe(1);
    const after = await engine.getCase(c.id);
    expect(after.openTasks.map((t) => [t.elementId, t.candidateGroups, t.colour])).toEqual([
      ['handle', ['labour'], 'red'],
      ['supervise', ['leader'], 'green'],
    ]);
    expect(after.history.some((h) => h.kind === 'timer.fired' && h.elementId === 'late')).toBe(true);
  });
});
