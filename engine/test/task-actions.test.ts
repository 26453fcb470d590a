// Staff actions on a task that are not engine steps: claim, unclaim, 转办 transfer, 退回 return;
// and the case list with scope filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, ManualClock, openDatabase, TaskClaimedError, YizhanError, type Database, type LockedTask } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { deployInput, routeHandler } from './support/fixture';

// the units the cases below belong to are the county's towns (a case's unit must be in its process's org)
const towns = ['gongchang', 'scope-a', 'scope-b', 'u'].map((code) => ({ code, name: code, level: 'township' }));
const org = { units: [{ code: 'c', name: '县', level: 'county', children: towns }], departments: [{ code: 'centre', name: '县综治中心', unit: 'c', kind: 'centre' }] };

describe.each(databaseTargets())('task actions on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool, handlers: { route: routeHandler } });
    await engine.deploy({ ...deployInput(), org });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  const start = (unit = 'gongchang') =>
    engine.startCase({ process: 'test/dispute', actor: 'clerk', unit, data: { applicant: '张三', type: 'wages', townships: [unit], departments: ['labour'] } });

  it('claims, refuses a second claimant, unclaims', async () => {
    const c = await start();
    const t = c.openTasks[0];
    expect((await engine.claimTask(t.id, 'wang')).assignee).toBe('wang');
    const err = await engine.claimTask(t.id, 'li').catch((e) => e);
    expect(err).toBeInstanceOf(TaskClaimedError);
    expect(err.code).toBe('TASK_CLAIMED');
    expect((await engine.unclaimTask(t.id, 'li').catch((e) => e)).code).toBe('NOT_ASSIGNEE');
    // completing a task someone else holds is refused under the lock, unless forced
    const held = await engine.completeTask(t.id, { result: 'success' }, 'li').catch((e) => e);
    expect(held.code).toBe('TASK_CLAIMED');
    expect((await engine.unclaimTask(t.id, 'wang')).assignee).toBeNull();
    const h = (await engine.getCase(c.id)).history.filter((x) => x.taskId === t.id).map((x) => [x.kind, x.actor]);
    expect(h).toEqual(expect.arrayContaining([['task.claimed', 'wang'], ['task.unclaimed', 'wang']]));
  });

  it('runs an authorize callback under the lock on the fresh task row; a refusal changes nothing', async () => {
    const c = await start();
    const t = c.openTasks[0];
    const labourOnly = (task: LockedTask) => {
      if (!task.candidateGroups.includes('labour')) throw new YizhanError('FORBIDDEN', '已不属于您的部门');
    };
    await engine.transferTask(t.id, { department: 'housing', actor: 'wang', authorize: labourOnly });
    const seen: LockedTask[] = [];
    // The caller checked before the transfer; the callback sees the task as it is now.
    for (const act of [
      () => engine.completeTask(t.id, { result: 'success' }, 'li', { authorize: (task) => { seen.push(task); labourOnly(task); } }),
      () => engine.claimTask(t.id, 'li', { authorize: labourOnly }),
      () => engine.transferTask(t.id, { department: 'labour', actor: 'li', authorize: labourOnly }),
      () => engine.returnTask(t.id, { reason: '退回', actor: 'li', authorize: labourOnly }),
    ]) {
      expect((await act().catch((e) => e)).code).toBe('FORBIDDEN');
    }
    expect(seen[0]).toMatchObject({ id: t.id, caseId: c.id, candidateGroups: ['housing'], assignee: null, status: 'open', unit: 'gongchang' });
    const after = await engine.getCase(c.id);
    expect(after.openTasks[0]).toMatchObject({ id: t.id, candidateGroups: ['housing'], assignee: null, status: 'open' });
    expect(after.history.filter((x) => x.actor === 'li')).toEqual([]);
  });

  it('transfers (转办) to another department and returns (退回) to the county centre', async () => {
    const c = await start();
    const t = c.openTasks[0];
    await engine.claimTask(t.id, 'wang');
    const moved = await engine.transferTask(t.id, { department: 'housing', actor: 'wang', reason: '属住建职责' });
    expect(moved.candidateGroups).toEqual(['housing']);
    expect(moved.assignee).toBeNull();
    const back = await engine.returnTask(t.id, { reason: '不属本部门职责', actor: 'zhao' });
    expect(back.candidateGroups).toEqual(['centre']);
    expect((await engine.returnTask(t.id, { reason: ' ', actor: 'zhao' }).catch((e) => e)).code).toBe('BAD_REQUEST');
    const hist = (await engine.getCase(c.id)).history.filter((x) => x.taskId === t.id);
    expect(hist.find((x) => x.kind === 'task.returned')?.data).toEqual({ from: ['housing'], to: ['centre'], reason: '不属本部门职责' });
    // the task itself is still open and can be completed after re-dispatch
    const done = await engine.completeTask(t.id, { result: 'success' }, 'centre-staff');
    expect(done.openTasks.map((x) => x.elementId)).toEqual(['feedback']);
    expect((await engine.claimTask(t.id, 'x').catch((e) => e)).code).toBe('TASK_NOT_OPEN');
  });

  it('gives a returned or transferred task its time limit again, counted from now', async () => {
    // P30D (joint mediation, an expression resolved per case) on calendar days: the department
    // that receives the task gets the whole limit, not what the first one left of it.
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const timed = new CaseEngine({ pool: db.pool, clock, handlers: { route: routeHandler } });
    const c = await timed.startCase({ process: 'test/dispute', actor: 'clerk', unit: 'u', data: { applicant: '张三', type: 'land', townships: ['a', 'b'], departments: ['labour'] } });
    const t = c.openTasks[0];
    expect(t.dueAt?.toISOString()).toBe('2026-04-01T01:00:00.000Z');
    clock.advance('P20D');
    const moved = await timed.transferTask(t.id, { department: 'housing', actor: 'wang', reason: '属住建职责' });
    expect(moved.dueAt?.toISOString()).toBe('2026-04-21T01:00:00.000Z');
    // it turns yellow two thirds into the new limit (20 of 30 days), not at the old time
    expect(moved.warnAt?.toISOString()).toBe('2026-04-11T01:00:00.000Z');
    expect(moved.colour).toBe('green');
    clock.advance('P25D');
    expect((await timed.getCase(c.id)).openTasks[0].colour).toBe('yellow');
    const back = await timed.returnTask(t.id, { reason: '不属本部门职责', actor: 'zhao' });
    expect(back.dueAt?.toISOString()).toBe('2026-05-16T01:00:00.000Z');
    expect(back.colour).toBe('green');
  });

  it('lists cases and tasks within a unit scope only', async () => {
    const a = await start('scope-a');
    const b = await start('scope-b');
    const inA = await engine.queries.listCases({ units: ['scope-a'] });
    expect(inA.map((x) => x.id)).toEqual([a.id]);
    expect(inA[0]).toMatchObject({ openTaskCount: 1, colour: 'green', unit: 'scope-a' });
    expect(await engine.queries.listCases({ units: [] })).toEqual([]);
    const tasksB = await engine.queries.listTasks({ units: ['scope-b'], status: 'open' });
    expect(tasksB.map((t) => t.caseId)).toEqual([b.id]);
    expect((await engine.queries.listCases({ q: 'wage', units: ['scope-a', 'scope-b'] })).length).toBe(2);
    expect(await engine.queries.listCases({ q: '%', units: ['scope-a', 'scope-b'] })).toEqual([]);
  });
});
