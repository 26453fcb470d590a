// Scoped reads: the engine puts a reader's ReadScope into the SQL of case and task lists, single
// tasks and statistics, and reads outcomes and ratings by the conventions its caller passes (here
// not the packs' ones, to show the engine names no step or field of its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseQueries, CaseStatistics, ManualClock, CaseEngine, mayActOnTask, openDatabase, type Database, type ReadScope, type StepConventions } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { reader } from './support/scopes';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="judge" />
    <bpmn:userTask id="judge" name="裁决" camunda:formKey="judge" camunda:candidateGroups="court" camunda:dueDate="P2D" />
    <bpmn:sequenceFlow id="f2" sourceRef="judge" targetRef="rate" />
    <bpmn:userTask id="rate" name="打分" camunda:formKey="rating" camunda:candidateGroups="township" />
    <bpmn:sequenceFlow id="f3" sourceRef="rate" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const forms = {
  judge: { schema: { type: 'object', properties: { verdict: { type: 'string' } } } },
  rating: { schema: { type: 'object', properties: { score: { type: 'string' } } } },
};

const conventions: StepConventions = {
  outcome: { field: 'verdict', values: ['upheld', 'dismissed'] },
  rating: { formKey: 'rating', field: 'score', values: ['good', 'fair', 'poor'] },
  nonHandlingForms: ['rating'],
  backlog: { flagField: 'old', days: 30 },
};


describe.each(databaseTargets())('scoped reads on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  let engine: CaseEngine;
  let queries: CaseQueries;
  let statistics: CaseStatistics;
  let east: string;
  let west: string;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool, clock });
    queries = new CaseQueries(db.pool, clock);
    statistics = new CaseStatistics(db.pool, clock, conventions);
    await engine.deploy({ key: 'scoped/p', bpmn, forms });
    // east: judged "upheld" and rated "fair", closed; west: still waiting for the court.
    east = (await engine.startCase({ process: 'scoped/p', data: {}, unit: 'east', type: 'A', actor: 'clerk-e' })).id;
    west = (await engine.startCase({ process: 'scoped/p', data: {}, unit: 'west', type: 'B', actor: 'clerk-w' })).id;
    const judge = (await engine.getCase(east)).openTasks[0];
    await engine.completeTask(judge.id, { verdict: 'upheld' }, 'judge-1');
    const rate = (await engine.getCase(east)).openTasks[0];
    await engine.completeTask(rate.id, { score: 'fair' }, 'clerk-e');
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('shows a whole-unit reader the cases of their units, a handler those offered to them, everyone their own', async () => {
    const ids = async (scope: ReadScope) => (await queries.listCases({ scope })).map((c) => c.id).sort();
    expect(await ids(reader({ units: ['east'] }))).toEqual([east]);
    expect(await ids(reader({ all: true }))).toEqual([east, west].sort());
    expect(await ids(reader({ username: 'clerk-w' }))).toEqual([west]);
    // A court clerk who works for no unit: the case waiting for the court, and the one it judged (in its history).
    expect(await ids(reader({ wholeUnit: false, departments: ['court'], handlesTasks: true }))).toEqual([east, west].sort());
    expect(await queries.caseVisible(reader({ units: ['east'] }), west)).toBe(false);
    expect(await queries.caseVisible(reader({ units: ['west'] }), west)).toBe(true);
  });

  it('lists and reads tasks within the scope, with whether the reader may act on them', async () => {
    const court = reader({ wholeUnit: false, departments: ['court'], handlesTasks: true, actsOn: 'offered' });
    const inbox = await queries.listScopedTasks(court, { view: 'inbox', status: 'open', limit: 10, offset: 0 });
    expect(inbox.map((t) => [t.caseId, t.elementId, t.caseType, t.processKey, t.actionable])).toEqual([[west, 'judge', 'B', 'scoped/p', true]]);
    const task = inbox[0];
    expect(mayActOnTask(court, task)).toBe(true);
    expect(await queries.getScopedTask(reader({ units: ['east'] }), task.id)).toBeUndefined();
    const leader = await queries.getScopedTask(reader({ units: ['west'] }), task.id);
    expect(leader?.actionable).toBe(false);
    expect(mayActOnTask(reader({ units: ['west'] }), task)).toBe(false);
    expect((await queries.getScopedTask(reader({ units: ['west'], actsOn: 'any' }), task.id))?.actionable).toBe(true);
    // Completed: the court's judgement on the east case; a reader of the west unit sees only west's tasks.
    expect((await queries.listScopedTasks(court, { view: 'inbox', status: 'completed', limit: 10, offset: 0 })).map((t) => [t.caseId, t.completedBy]))
      .toEqual([[east, 'judge-1']]);
    expect((await queries.listScopedTasks(reader({ units: ['west'] }), { view: 'unit', status: 'all', limit: 10, offset: 0 })).map((t) => t.caseId))
      .toEqual([west]);
  });

  it('counts outcomes and ratings by the conventions it is given, and drills down to the same cases', async () => {
    const all = reader({ all: true });
    const byType = await statistics.counts(all, {}, 'type');
    expect(byType.map((r) => [r.key, r.counts.total, r.counts.closed, r.counts.mediated, r.counts.succeeded, r.counts.rated, r.counts.basic])).toEqual([
      ['A', 1, 1, 1, 1, 1, 1],
      ['B', 1, 0, 0, 0, 0, 0],
    ]);
    // The rating task's candidate group is not a handling department.
    expect((await statistics.counts(all, {}, 'department')).map((r) => r.key)).toEqual(['court']);
    const cases = await statistics.cases(all, { select: { groupBy: 'type', key: 'A' }, limit: 10, offset: 0 });
    expect(cases.map((c) => [c.id, c.result, c.satisfaction, c.onTime])).toEqual([[east, 'upheld', 'fair', true]]);
    expect((await statistics.cases(all, { select: { units: ['east'], outside: true }, limit: 10, offset: 0 })).map((c) => c.id)).toEqual([west]);
    expect((await statistics.totals(reader({ units: ['west'] }), {})).total).toBe(1);
    const snapshot = await statistics.snapshot(all, {}, async (s) => {
      const batches: string[] = [];
      for await (const batch of s.cases()) batches.push(...batch.map((c) => c.id));
      return { totals: await s.totals(all, {}), batches };
    });
    expect(snapshot.totals.total).toBe(snapshot.batches.length);
    expect(snapshot.batches.sort()).toEqual([east, west].sort());
  });
});
