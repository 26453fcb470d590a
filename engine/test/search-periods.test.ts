// A search past the walk of the newest cases reads the bigram index one 30-day period at a time,
// newest first (migration 021). Over cases spread across many periods, every page of every search
// (common, rare, old-only and absent words; a reader's scope; any page size) gives exactly the
// matching cases, newest first, each once, as a plain filter of all the cases does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, CaseQueries, ManualClock, openDatabase, type Database, type ReadScope } from '../src';
import { bpmn } from './support/bpmn';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { admin, reader } from './support/scopes';

const definition = bpmn(`<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
    <bpmn:userTask id="handle" name="办理" camunda:candidateGroups="labour" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
    <bpmn:endEvent id="end" />`);
const east = reader({ username: 'leader-e', units: ['east'] });

const DAY = 24 * 3600_000;
const PLACES = ['东关村', '西街社区', '南河镇', '北山村'];

describe.each(databaseTargets())('search by period on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  const clock = new ManualClock('2025-01-03T09:00:00+08:00');
  let engine: CaseEngine;
  const made: { id: string; number: number; unit: string; title: string; at: number }[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool, clock });
    await engine.deploy({ key: 'periods/p', bpmn: definition });
    // 60 cases over about 15 months: some days hold several cases (one moment shared by two), some
    // periods none; 老宅 only in the oldest cases, 鱼塘 in every seventh
    for (let i = 0; i < 60; i++) {
      if (i % 4 === 0) clock.advance((i % 3) * 17 * DAY + 3 * DAY);
      else if (i % 4 === 1) clock.advance(3600_000);
      const unit = i % 3 ? 'east' : 'west';
      const title = `${PLACES[i % PLACES.length]}${i < 6 ? '老宅' : ''}${i % 7 === 0 ? '鱼塘' : ''}纠纷`;
      const c = await engine.startCase({ process: 'periods/p', title, data: {}, unit, actor: `clerk-${unit}` });
      made.push({ id: c.id, number: c.number, unit, title, at: clock.now().getTime() });
    }
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  /** Every page of a search, in order. */
  async function pages(queries: CaseQueries, scope: ReadScope, size: number, q: string): Promise<string[]> {
    const out: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 200; guard++) {
      const page = await queries.listCasesPage({ scope, limit: size, cursor, q });
      expect(page.items.length).toBeLessThanOrEqual(size);
      out.push(...page.items.map((c) => c.id));
      if (!page.next) return out;
      cursor = page.next;
    }
    throw new Error('no last page');
  }

  const expected = (q: string, scope: ReadScope) => made
    .filter((c) => c.title.toLowerCase().includes(q) && (scope.all || scope.units.includes(c.unit)))
    .sort((a, b) => b.at - a.at || b.number - a.number)
    .map((c) => c.id);

  it('spans many periods', async () => {
    const { rows } = await db.pool.query<{ n: number }>('select count(distinct search_period(created_at))::int as n from cases');
    expect(rows[0].n).toBeGreaterThan(10);
  });

  it('pages through every search exactly, whatever the walk, the page size and the scope', async () => {
    for (const walk of [1, 3, 2000]) {
      const queries = new CaseQueries(db.pool, clock, [], walk);
      for (const q of ['纠纷', '鱼塘', '老宅', '南河', '宅纠', '山村鱼', '没有的词', '河']) {
        for (const scope of [admin, east]) {
          const want = expected(q, scope);
          for (const size of [1, 2, 5, 50]) expect(await pages(queries, scope, size, q), `${q} walk ${walk} size ${size}`).toEqual(want);
        }
      }
    }
    // a word found only in the oldest period, seen from the newest page
    expect(expected('老宅', admin).length).toBe(6);
  }, 120_000);

  it('reads the candidates through the period index', async () => {
    // a tiny table may be read whole; with sequential scans off, the index serves the lookup
    const client = await db.pool.connect();
    try {
      await client.query('begin; set local enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `explain (costs off) select c.id from cases c
          where search_period_grams(c.search_grams, c.created_at) @> search_period_grams(search_bigrams('鱼塘'), now())`);
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('cases_search_period_idx');
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});
