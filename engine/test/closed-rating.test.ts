// 一事一评价 after the end (rateClosedCase): a case that ended without its evaluation step (sent to
// litigation) gets its rating as a completed task of the rating form — which the statistics count
// like any rating — and a `case.rated` history entry; the case stays ended. Data is checked
// against the rating form, a case still running or already rated is refused, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseAlreadyRatedError, CaseEngine, CaseNotActiveError, CaseStatistics, ManualClock, openDatabase, type Database, type ReadScope, type StepConventions } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="litigation" />
    <bpmn:userTask id="litigation" name="引导诉讼" camunda:candidateGroups="court" />
    <bpmn:sequenceFlow id="f2" sourceRef="litigation" targetRef="end" />
    <bpmn:endEvent id="end" name="转诉讼" />
  </bpmn:process>
</bpmn:definitions>`;

const forms = {
  evaluation: {
    schema: {
      type: 'object', required: ['satisfaction'],
      properties: { satisfaction: { type: 'string', enum: ['satisfied', 'basic', 'dissatisfied'] }, comment: { type: 'string', maxLength: 500 } },
    },
  },
};
const conventions: StepConventions = {
  outcome: { field: 'result', values: ['success', 'failed'] },
  rating: { formKey: 'evaluation', field: 'satisfaction', values: ['satisfied', 'basic', 'dissatisfied'] },
  nonHandlingForms: ['evaluation'],
  backlog: { flagField: 'longStanding', days: 90 },
};
const everything: ReadScope = { username: 'leader', all: true, units: [], wholeUnit: true, departments: [], levels: [], handlesTasks: false, actsOn: 'none' };

describe.each(databaseTargets())('a rating after the end on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool, clock, cacheSize: 0 });
    await engine.deploy({ key: 'rate/p', bpmn, forms });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('is kept as the case rating, once; a running case and bad data are refused and change nothing', async () => {
    let c = await engine.startCase({ process: 'rate/p', data: {}, actor: 'clerk' });
    const input = { formKey: 'evaluation', data: { satisfaction: 'dissatisfied', comment: '诉讼费太高' }, name: '当事人评价', actor: 'citizen' };
    await expect(engine.rateClosedCase(c.id, input)).rejects.toBeInstanceOf(CaseNotActiveError);
    c = await engine.completeTask(c.openTasks[0].id, {}, 'judge');
    expect(c.status).toBe('completed');
    await expect(engine.rateClosedCase(c.id, { ...input, data: { satisfaction: 'great' } })).rejects.toMatchObject({ code: 'FORM_INVALID' });
    const before = (await engine.getCase(c.id)).history.length;
    expect(before).toBeGreaterThan(0);

    const rated = await engine.rateClosedCase(c.id, input);
    expect(rated.status).toBe('completed');
    expect(rated.tasks.find((t) => t.formKey === 'evaluation')).toMatchObject({ status: 'completed', name: '当事人评价', data: input.data });
    expect(rated.history.at(-1)).toMatchObject({ kind: 'case.rated', actor: 'citizen', data: { data: input.data } });
    await expect(engine.rateClosedCase(c.id, { ...input, data: { satisfaction: 'satisfied' } })).rejects.toBeInstanceOf(CaseAlreadyRatedError);
    expect((await engine.getCase(c.id)).history.length).toBe(rated.history.length);

    const totals = await new CaseStatistics(db.pool, clock, conventions).totals(everything, {});
    expect(totals).toMatchObject({ closed: 1, rated: 1, dissatisfied: 1, satisfied: 0 });
  });
});
