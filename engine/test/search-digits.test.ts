// A search of four digits or more (a case number, a phone number, part of either) finds its
// candidates through the runs of four digits of the cases' search text (migration 026): every page
// gives exactly the cases whose number, title or party holds it, newest first, as a plain filter of
// all the cases does, for any walk, page size and scope; words with digits in them and shorter
// digit runs are still searched by their bigrams.
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

describe.each(databaseTargets())('search for digits on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  const clock = new ManualClock('2025-01-03T09:00:00+08:00');
  let engine: CaseEngine;
  const made: { id: string; text: string; unit: string; at: number; number: number }[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool, clock });
    await engine.deploy({ key: 'digits/p', bpmn: definition });
    // numbers of five and six digits, one of which (12021) is also in a title and a phone number
    await db.pool.query(`select setval(pg_get_serial_sequence('cases', 'number'), 11990)`);
    for (let i = 0; i < 48; i++) {
      clock.advance((i % 5) * 9 * DAY + 3600_000);
      const unit = i % 3 ? 'east' : 'west';
      const title = [`2024年第${i}号欠薪纠纷`, `电话13${String(800120210 + i * 7)}反映`, '邻里纠纷', `120${i % 4}21号楼漏水`][i % 4];
      const applicant = i % 6 === 0 ? `张三${1000 + i}` : '李四';
      const c = await engine.startCase({ process: 'digits/p', title, data: { applicant }, unit, actor: `clerk-${unit}` });
      made.push({ id: c.id, text: `${title} | ${c.number} | ${applicant}`.toLowerCase(), unit, at: clock.now().getTime(), number: c.number });
    }
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

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
    .filter((c) => c.text.includes(q) && (scope.all || scope.units.includes(c.unit)))
    .sort((a, b) => b.at - a.at || b.number - a.number)
    .map((c) => c.id);

  it('pages through every search exactly, whatever the walk, the page size and the scope', async () => {
    const queries = ['12021', '1202', '120121', String(made[40].number), '2024', '1012', '10012', '2024年', '号楼', '12', '99999'];
    for (const walk of [1, 5, 2000]) {
      const read = new CaseQueries(db.pool, clock, [], walk);
      for (const q of queries) {
        for (const scope of [admin, east]) {
          const want = expected(q, scope);
          for (const size of [1, 3, 50]) expect(await pages(read, scope, size, q), `${q} walk ${walk} size ${size}`).toEqual(want);
          expect(await read.countCases({ scope, q })).toBe(want.length);
        }
      }
    }
    // the searches above find cases by number, by title and by party, and some find none
    expect(expected('12021', admin).length).toBeGreaterThanOrEqual(2);
    expect(expected(String(made[40].number), admin)).toEqual([made[40].id]);
    expect(expected('1012', admin).length).toBeGreaterThan(0);
    expect(expected('99999', admin)).toEqual([]);
  }, 120_000);

  it('reads the candidates of a number through the digit index', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('begin; set local enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `explain (costs off) select c.id from cases c where search_digit_grams(c.search_text) @> search_digit_grams('12021')`);
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('cases_search_digits_idx');
    } finally {
      await client.query('rollback');
      client.release();
    }
  });

  it('keeps the digit runs of a case that changes', async () => {
    const c = made[3];
    await db.pool.query(`update cases set title = '门牌77889号' where id = $1`, [c.id]);
    const found = await new CaseQueries(db.pool, clock).listCasesPage({ scope: admin, limit: 5, q: '7788' });
    expect(found.items.map((x) => x.id)).toEqual([c.id]);
  });
});
