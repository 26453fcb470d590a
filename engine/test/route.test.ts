// The built-in route handler with a real county rule set (Longxi, seed 001): a case spanning two
// townships goes to the county centre as joint mediation, one task per department.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, openDatabase, UnitOutsideProcessError, type Database } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { forms, jointMediationBpmn } from './support/fixture';

const longxi = (f: string) => JSON.parse(readFileSync(new URL(`../../rules/examples/longxi/${f}`, import.meta.url), 'utf8'));

describe.each(databaseTargets())('route handler on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool, cacheSize: 0 });
    await engine.deploy({
      key: 'longxi/dispute',
      bpmn: jointMediationBpmn,
      forms: { ...forms, intake: {
        schema: {
          type: 'object',
          required: ['applicant'],
          properties: {
            applicant: { type: 'string' }, type: { type: 'string' }, channel: { type: 'string' }, unit: { type: 'string' },
            units: { type: 'array', items: { type: 'string' } }, partyCount: { type: 'integer' },
          },
        },
      } },
      ruleSets: { routing: longxi('routing.json') },
      org: longxi('org.json'),
    });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('sends a case spanning two townships to the county centre as joint mediation, one task per department', async () => {
    const c = await engine.startCase({
      process: 'longxi/dispute',
      data: { applicant: '张三', type: '土地权属纠纷', channel: '来访', unit: 'longxi.gongchang', units: ['longxi.wenfeng'], partyCount: 4 },
    });
    expect(c.variables.decision).toMatchObject({ joint: true, level: 'county', leadUnit: 'lx.centre', caseClass: 'larger', dueIn: 'P7D' });
    const departments = (c.variables.decision as { departments: string[] }).departments;
    expect(departments).toEqual(['lx.centre', 'lx.land', 'lx.t.gongchang', 'lx.t.wenfeng']);
    expect(c.openTasks.map((t) => t.candidateGroups[0])).toEqual(departments);
    expect(c.openTasks.every((t) => t.elementId === 'jointMediation')).toBe(true);
    const routing = c.routing as { ruleSet: string; explanation: { summary: string } };
    expect(routing.ruleSet).toBe('routing');
    expect(routing.explanation.summary).toContain('联合调解');
    expect(c.history.find((h) => h.kind === 'service.completed')?.data).toMatchObject({ routing: { decision: { joint: true } } });
  });

  it('keeps a single-township case local with a one-day limit', async () => {
    const c = await engine.startCase({
      process: 'longxi/dispute',
      data: { applicant: '李四', type: '邻里纠纷', channel: '来访', unit: 'longxi.gongchang' },
    });
    expect(c.variables.decision).toMatchObject({ joint: false });
    expect(c.openTasks).toHaveLength(1);
    expect(c.openTasks[0].elementId).toBe('handle');
  });

  it('refuses a case whose unit belongs to another county (not in the process\'s org model) and stores nothing', async () => {
    const count = async () => (await db.pool.query<{ n: string }>('select count(*)::text as n from cases')).rows[0].n;
    const before = await count();
    const start = engine.startCase({
      process: 'longxi/dispute',
      data: { applicant: '王五', type: '邻里纠纷', channel: '来访', unit: 'fugu.huangfu' },
    });
    await expect(start).rejects.toBeInstanceOf(UnitOutsideProcessError);
    await expect(start).rejects.toMatchObject({ code: 'UNIT_OUTSIDE_PROCESS', details: [{ field: '/data/unit' }] });
    await expect(start).rejects.toThrow(/fugu\.huangfu.*longxi\/dispute/);
    expect(await count()).toBe(before);
  });
});
