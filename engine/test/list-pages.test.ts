// Lists at scale: keyset pages (an opaque cursor) give exactly the rows of one long list, in its
// order, within the reader's scope; search finds Chinese substrings of the title, the number and
// the party names through the engine's own bigram index; a count stops at its bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, CaseQueries, ManualClock, mayActOnTask, openDatabase, type CaseSummary, type Database, type ReadScope, type ScopedTaskFilter } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { admin, reader } from './support/scopes';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
    <bpmn:userTask id="handle" name="办理" camunda:candidateGroups="labour" camunda:dueDate="P2D" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;


const PLACES = ['东关村', '西街社区', '南河镇', '北山村'];
const NAMES = ['张建国', '李秀英', '王海军', '赵丽娟', '欧阳明'];

describe.each(databaseTargets())('list pages and search on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  let engine: CaseEngine;
  let queries: CaseQueries;
  const made: { id: string; number: number; unit: string; title: string; applicant: string }[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool, clock });
    queries = new CaseQueries(db.pool, clock);
    await engine.deploy({ key: 'pages/p', bpmn });
    for (let i = 0; i < 23; i++) {
      // several cases share a moment (the keyset breaks ties by number)
      if (i % 3 === 0) clock.advance(60_000);
      const unit = i % 2 ? 'east' : 'west';
      const title = `${PLACES[i % PLACES.length]}${i % 5 === 0 ? '工资纠纷' : '邻里纠纷'}`;
      const applicant = NAMES[i % NAMES.length];
      const c = await engine.startCase({ process: 'pages/p', title, data: { applicant, respondent: i === 7 ? '某建筑公司' : undefined }, unit, actor: `clerk-${unit}` });
      made.push({ id: c.id, number: c.number, unit, title, applicant });
    }
    // the task of one west case is transferred to the court, and one east case's task completed
    const moved = (await engine.getCase(made[0].id)).openTasks[0];
    await engine.transferTask(moved.id, { department: 'court', actor: 'clerk-west' });
    const done = (await engine.getCase(made[1].id)).openTasks[0];
    await engine.completeTask(done.id, {}, 'clerk-east');
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  async function walk(scope: ReadScope, size: number, q?: string): Promise<CaseSummary[]> {
    const out: CaseSummary[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await queries.listCasesPage({ scope, limit: size, cursor, q });
      out.push(...page.items);
      expect(page.items.length).toBeLessThanOrEqual(size);
      if (!page.next) return out;
      cursor = page.next;
    }
    throw new Error('no last page');
  }

  it('pages through every case newest first, each once, for any page size', async () => {
    const all = await queries.listCases({ scope: admin, limit: 500 });
    expect(all).toHaveLength(made.length);
    expect(all.map((c) => c.number)).toEqual([...made].reverse().map((c) => c.number));
    for (const size of [1, 4, 7, 23, 50]) expect((await walk(admin, size)).map((c) => c.id)).toEqual(all.map((c) => c.id));
    // the page after the last is empty and has no next; the offset still works
    const last = await queries.listCasesPage({ scope: admin, limit: 23 });
    expect(last.next).toBeNull();
    expect((await queries.listCases({ scope: admin, limit: 5, offset: 20 })).map((c) => c.id)).toEqual(all.slice(20).map((c) => c.id));
  });

  it('pages within the reader\'s scope only', async () => {
    const east = reader({ username: 'leader-e', units: ['east'] });
    const expected = [...made].reverse().filter((c) => c.unit === 'east').map((c) => c.id);
    expect((await walk(east, 3)).map((c) => c.id)).toEqual(expected);
    // the court sees the case transferred to it (offered now) …
    const court = reader({ username: 'judge', wholeUnit: false, departments: ['court'], handlesTasks: true, actsOn: 'offered' });
    expect((await walk(court, 2)).map((c) => c.id)).toEqual([made[0].id]);
    // … and labour, which it was taken from, still sees it (offered in the past), as every case offered to it
    const labour = reader({ username: 'mediator', wholeUnit: false, departments: ['labour'], handlesTasks: true, actsOn: 'offered' });
    expect((await walk(labour, 5)).map((c) => c.id)).toEqual([...made].reverse().map((c) => c.id));
    expect(await walk(reader({ username: 'stranger', units: ['north'] }), 5)).toEqual([]);
  });

  it('refuses a cursor it did not make', async () => {
    for (const bad of ['abc', 'x'.repeat(300), Buffer.from('2026-01-01|1|2').toString('base64url'), Buffer.from('drop table|1').toString('base64url')]) {
      await expect(queries.listCasesPage({ scope: admin, cursor: bad })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(queries.listScopedTasksPage(admin, { view: 'unit', status: 'all', limit: 5, offset: 0, cursor: bad })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it('pages through tasks soonest due first, each once, within the scope', async () => {
    const filter: ScopedTaskFilter = { view: 'unit', status: 'all', limit: 500, offset: 0 };
    const all = (await queries.listScopedTasks(admin, filter)).map((t) => t.id);
    expect(all).toHaveLength(made.length);
    for (const size of [1, 5, 22]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await queries.listScopedTasksPage(admin, { ...filter, limit: size, cursor });
        seen.push(...page.items.map((t) => t.id));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all);
    }
    // a handler's inbox: the open tasks offered to labour, not the one moved to the court
    const labour = reader({ username: 'mediator', wholeUnit: false, departments: ['labour'], handlesTasks: true, actsOn: 'offered' });
    const inbox = await queries.listScopedTasksPage(labour, { view: 'inbox', status: 'open', limit: 10, offset: 0 });
    expect(inbox.items).toHaveLength(10);
    const rest = await queries.listScopedTasksPage(labour, { view: 'inbox', status: 'open', limit: 50, offset: 0, cursor: inbox.next! });
    expect(rest.next).toBeNull();
    expect(new Set([...inbox.items, ...rest.items].map((t) => t.caseId))).toEqual(new Set(made.slice(2).map((c) => c.id)));
  });

  it('finds Chinese substrings of the title, the party names and the number, within the scope', async () => {
    const ids = async (scope: ReadScope, q: string) => (await queries.listCases({ scope, q, limit: 500 })).map((c) => c.id).sort();
    const expect_ = (pred: (c: (typeof made)[number]) => boolean, scope: (c: (typeof made)[number]) => boolean = () => true) =>
      made.filter((c) => pred(c) && scope(c)).map((c) => c.id).sort();
    // the middle of a title, two and more characters
    expect(await ids(admin, '工资')).toEqual(expect_((c) => c.title.includes('工资')));
    expect(await ids(admin, '关村工资纠')).toEqual(expect_((c) => c.title.includes('关村工资纠')));
    expect(await ids(admin, '街社区邻')).toEqual(expect_((c) => c.title.includes('街社区邻')));
    // one character: matched on the text alone
    expect(await ids(admin, '河')).toEqual(expect_((c) => c.title.includes('河')));
    // a party's name, or part of it; the respondent
    expect(await ids(admin, '秀英')).toEqual(expect_((c) => c.applicant === '李秀英'));
    expect(await ids(admin, '欧阳')).toEqual(expect_((c) => c.applicant === '欧阳明'));
    expect(await ids(admin, '建筑公司')).toEqual([made[7].id]);
    // the number, whole or in part
    const n = made[12].number;
    expect(await ids(admin, String(n))).toEqual(expect_((c) => String(c.number).includes(String(n))));
    // words that are there, but not side by side
    expect(await ids(admin, '工资邻里')).toEqual([]);
    // LIKE wildcards are plain characters
    expect(await ids(admin, '%')).toEqual([]);
    expect(await ids(admin, '_')).toEqual([]);
    // within the scope
    const east = reader({ username: 'leader-e', units: ['east'] });
    expect(await ids(east, '工资')).toEqual(expect_((c) => c.title.includes('工资'), (c) => c.unit === 'east'));
    expect(await ids(east, '秀英')).toEqual(expect_((c) => c.applicant === '李秀英', (c) => c.unit === 'east'));
    // pages of a search
    expect((await walk(admin, 2, '邻里')).map((c) => c.id).sort()).toEqual(expect_((c) => c.title.includes('邻里')));
  });

  it('reads without parallel workers on every pooled connection (openDatabase)', async () => {
    const clients = await Promise.all([db.pool.connect(), db.pool.connect(), db.pool.connect()]);
    try {
      for (const c of clients) expect((await c.query('show max_parallel_workers_per_gather')).rows[0].max_parallel_workers_per_gather).toBe('0');
    } finally {
      for (const c of clients) c.release();
    }
  });

  it('counts up to a bound', async () => {
    expect(await queries.countCases({ scope: admin })).toBe(made.length);
    expect(await queries.countCases({ scope: admin }, 5)).toBe(6);
    expect(await queries.countCases({ scope: reader({ units: ['east'] }), q: '纠纷' })).toBe(made.filter((c) => c.unit === 'east').length);
  });

  it("an inbox holds the open tasks offered to the reader in any way (assignee, department, level within units), each once, soonest due first", async () => {
    // offered three ways, one task two ways at once: claimed by the reader and in a unit of their level
    const mixed = reader({ username: 'mediator', units: ['east'], wholeUnit: false, departments: ['court'], levels: ['labour'], handlesTasks: true, actsOn: 'offered' });
    const east = (await engine.getCase(made[3].id)).openTasks[0];
    const west = (await engine.getCase(made[4].id)).openTasks[0];
    await engine.claimTask(east.id, 'mediator');
    await engine.claimTask(west.id, 'mediator');
    const open = await queries.listScopedTasks(admin, { view: 'unit', status: 'open', limit: 500, offset: 0 });
    const wanted = open.filter((t) => mayActOnTask(mixed, t)).map((t) => t.id);
    expect(wanted.length).toBeGreaterThan(3);
    expect(wanted).toEqual(expect.arrayContaining([east.id, west.id]));
    expect((await queries.listScopedTasks(mixed, { view: 'inbox', status: 'open', limit: 500, offset: 0 })).map((t) => t.id)).toEqual(wanted);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queries.listScopedTasksPage(mixed, { view: 'inbox', status: 'open', limit: 2, offset: 0, cursor });
      seen.push(...page.items.map((t) => t.id));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen).toEqual(wanted);
  });

  it('pages through the overdue and the yellow tasks in the order of their time limits, each once', async () => {
    // the tasks fall due a minute or so apart two days after they began: at the middle one's due
    // time, the earlier ones are overdue (红牌) and the later ones yellow (黄牌)
    const open = await queries.listScopedTasks(admin, { view: 'unit', status: 'open', limit: 500, offset: 0 });
    const middle = open[Math.floor(open.length / 2)].dueAt!.getTime();
    clock.advance(middle - clock.now().getTime());
    const byLimit = (status: 'overdue' | 'warning') => open.filter((t) => (status === 'overdue' ? t.dueAt!.getTime() < middle : t.dueAt!.getTime() >= middle)).map((t) => t.id);
    for (const status of ['overdue', 'warning'] as const) {
      expect(byLimit(status).length).toBeGreaterThan(3);
      for (const size of [1, 3, 50]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await queries.listScopedTasksPage(admin, { view: 'unit', status, limit: size, offset: 0, cursor });
          seen.push(...page.items.map((t) => t.id));
          cursor = page.next ?? undefined;
        } while (cursor);
        expect(seen, `${status} by ${size}`).toEqual(byLimit(status));
      }
    }
  });
});
