// Read side: a case with its tasks, incidents and history; case and task lists, unscoped or
// within a reader's scope (read-scope.ts). The views and their row mappers are in case-views.ts.
import type pg from 'pg';
import type { Clock } from './clock';
import { NotFoundError } from './errors';
import { isUuid } from './ids';
import { caseKeysetSql, caseWhereSql, searchByPeriodSql, searchesByPeriod } from './case-list-sql';
import { decodeTaskCursor, encodeCursor, type ListPage } from './list-cursor';
import { caseVisibleSql, offeredToParts, SqlArgs, taskActionableSql, type ReadScope } from './read-scope';
import {
  caseSummary, caseViewFromRow, scopedTaskView, taskView, type CaseViewRow,
  type CaseFilter, type CaseSummary, type CaseSummaryRow, type CaseView, type ScopedTaskFilter, type ScopedTaskRow,
  type ScopedTaskView, type TaskFilter, type TaskRow, type TaskView,
} from './case-views';

export type {
  CaseFilter, CaseSummary, CaseView, HistoryEntry, IncidentView, ScopedTaskFilter, ScopedTaskView, TaskFilter, TaskView,
} from './case-views';

/**
 * The columns of a task as a reader sees it: its case's number, title, type and process, the latest
 * active 督办 (批示), and whether the case is under supervision now — an active 督办 or an open
 * supervision step of the process (`forms`: the placeholder of their form keys).
 */
const scopedTaskColumns = (forms: string) => `t.*, c.number as case_number, c.title as case_title, c.type as case_type, c.process_key,
  (select json_build_object('id', s.id, 'instruction', s.instruction, 'deadline', s.deadline, 'leaderInCharge', s.leader_in_charge, 'by', s.created_by, 'at', s.created_at)
     from supervisions s where s.case_id = c.id and s.status = 'active' order by s.id desc limit 1) as supervision,
  (c.supervised_at is not null and (exists (select 1 from supervisions s where s.case_id = c.id and s.status = 'active')
     or exists (select 1 from tasks st where st.case_id = c.id and st.status = 'open' and st.form_key = any(${forms}::text[])))) as supervised`;

/** A case's place in the newest-first order. */
interface CaseKey { id: string; at: string; number: string }

/** How many of the newest cases a search reads before it turns to the bigram index, by default (listCasesPage). */
const SEARCH_WALK = 2000;

/** The SQL reading a case's view in one statement; `caseId` is an SQL expression (a parameter or a checked literal). */
export const caseViewSql = (caseId: string) =>
  `select c.id, c.number, c.process_key, c.definition_id, c.version, c.status, c.title, c.type, c.channel, c.unit, c.variables,
          c.routing, c.created_by, c.created_at, c.updated_at, c.completed_at, c.suspended_at, c.supervised_at, c.leader_in_charge,
          coalesce((select json_agg(t order by t.created_at, t.iteration nulls first, t.id) from tasks t where t.case_id = c.id), '[]') as tasks,
          coalesce((select json_agg(i order by i.id) from incidents i where i.case_id = c.id), '[]') as incidents,
          coalesce((select json_agg(h order by h.id) from history h where h.case_id = c.id), '[]') as history
     from cases c where c.id = ${caseId}`;

export class CaseQueries {
  /** `searchWalk`: how many of the newest cases a search reads before it turns to the bigram index. */
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock, private readonly supervisionForms: readonly string[] = [],
    private readonly searchWalk = SEARCH_WALK) {}

  /** One round trip: the case row with its tasks, incidents and history aggregated as JSON. */
  async getCase(caseId: string): Promise<CaseView> {
    if (!isUuid(caseId)) throw new NotFoundError('CASE', caseId);
    const { rows } = await this.pool.query<CaseViewRow>(caseViewSql('$1'), [caseId]);
    if (!rows[0]) throw new NotFoundError('CASE', caseId);
    return caseViewFromRow(rows[0], this.clock.now());
  }

  async listTasks(filter: TaskFilter = {}): Promise<TaskView[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    if (filter.caseId) where.push(`case_id = ${arg(filter.caseId)}`);
    if (filter.units) where.push(`case_id in (select id from cases where unit = any(${arg(filter.units)}::text[]))`);
    if (filter.status) where.push(`status = ${arg(filter.status)}`);
    if (filter.groups) where.push(`candidate_groups && ${arg(filter.groups)}::text[]`);
    if (filter.assignee) where.push(`assignee = ${arg(filter.assignee)}`);
    if (filter.overdue) where.push(`status = 'open' and due_at < ${arg(this.clock.now())}`);
    const { rows } = await this.pool.query<TaskRow>(
      `select * from tasks ${where.length ? `where ${where.join(' and ')}` : ''} order by due_at nulls last, created_at limit ${arg(filter.limit ?? 200)}`,
      args,
    );
    const now = this.clock.now();
    return rows.map((t) => taskView(t, now));
  }

  /** Cases newest first; with `filter.scope`, only those the reader may see. */
  async listCases(filter: CaseFilter = {}): Promise<CaseSummary[]> {
    return (await this.listCasesPage(filter)).items;
  }

  /**
   * A page of cases newest first and the cursor of the next page (keyset: `filter.cursor` from the
   * previous page; `offset` still works but reads every row before it).
   *
   * The page's keys are found first (on the keyset index alone where the filter allows, see
   * migration 009), then its rows are read. A search looks among the newest SEARCH_WALK cases
   * first — a common word fills the page there — and through the bigram index beyond them: where
   * only the cases holding every bigram of a rarer word are read, one 30-day period at a time,
   * newest first, for a reader who sees every case (searchByPeriodSql).
   */
  async listCasesPage(filter: CaseFilter = {}): Promise<ListPage<CaseSummary>> {
    const limit = Math.min(filter.limit ?? 50, 500);
    const q = filter.q?.trim();
    let keys: CaseKey[];
    if (!q || [...q].length < 2 || filter.offset) {
      keys = await this.caseKeys(filter, limit + 1, { grams: !!q });
    } else {
      keys = await this.caseKeys(filter, limit + 1, { walk: this.searchWalk });
      const boundary = keys.length > limit ? undefined : await this.walkEnd(filter.cursor, this.searchWalk);
      if (boundary && searchesByPeriod(filter)) {
        const args = new SqlArgs();
        keys.push(...(await this.pool.query<CaseKey>(searchByPeriodSql(filter, boundary, limit + 1 - keys.length, args), args.values)).rows);
      } else if (boundary) {
        keys.push(...await this.caseKeys({ ...filter, cursor: boundary }, limit + 1 - keys.length, { grams: true }));
      }
    }
    const page = keys.slice(0, limit);
    const { rows } = await this.pool.query<CaseSummaryRow>(
      `select c.id, c.number, c.process_key, c.status, c.title, c.type, c.channel, c.unit, c.created_by, c.created_at, c.updated_at, c.completed_at,
              c.supervised_at, t.open_count, t.next_due, t.next_created, t.next_warn
         from unnest($1::uuid[]) with ordinality k(id, ord) join cases c on c.id = k.id
         left join lateral (
           select count(*)::int as open_count, min(due_at) as next_due,
                  (array_agg(created_at order by due_at nulls last))[1] as next_created,
                  (array_agg(warn_at order by due_at nulls last))[1] as next_warn
             from tasks where case_id = c.id and status = 'open') t on true
        order by k.ord`,
      [page.map((k) => k.id)],
    );
    const now = this.clock.now();
    const last = page.at(-1);
    return { items: rows.map((r) => caseSummary(r, now)), next: keys.length > limit && last ? encodeCursor([last.at, last.number]) : null };
  }

  /**
   * The keys of up to `n` cases of the filter after its cursor, newest first. `walk`: only among
   * the next `walk` cases (no bigram test); `grams`: the bigram test of the search.
   */
  private async caseKeys(filter: CaseFilter, n: number, how: { walk?: number; grams?: boolean }): Promise<CaseKey[]> {
    const args = new SqlArgs();
    const keyset = filter.cursor ? [caseKeysetSql(filter.cursor, args)] : [];
    const where = caseWhereSql(filter, args, how.grams ?? false);
    const order = 'order by c.created_at desc, c.number desc';
    const from = how.walk
      ? `(select c.* from cases c ${keyset.length ? `where ${keyset[0]}` : ''} ${order} limit ${args.add(how.walk)}) c`
      : 'cases c';
    const conditions = how.walk ? where : [...keyset, ...where];
    const { rows } = await this.pool.query<CaseKey>(
      `select c.id, to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as at, c.number::text as number
         from ${from} ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
        ${order} limit ${args.add(n)} offset ${args.add(filter.cursor || how.walk ? 0 : filter.offset ?? 0)}`,
      args.values,
    );
    return rows;
  }

  /** The cursor of the `walk`-th case after `cursor` (undefined: fewer are left). */
  private async walkEnd(cursor: string | undefined, walk: number): Promise<string | undefined> {
    const args = new SqlArgs();
    const keyset = cursor ? `where ${caseKeysetSql(cursor, args)}` : '';
    const { rows } = await this.pool.query<{ at: string; number: string }>(
      `select to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as at, c.number::text as number
         from cases c ${keyset} order by c.created_at desc, c.number desc offset ${args.add(walk - 1)} limit 1`,
      args.values,
    );
    return rows[0] ? encodeCursor([rows[0].at, rows[0].number]) : undefined;
  }

  /**
   * How many cases the filter matches, counted up to `bound`: past it, `bound + 1` (shown as
   * "10000+"), so a count never reads a million rows.
   */
  async countCases(filter: CaseFilter = {}, bound = 10_000): Promise<number> {
    const args = new SqlArgs();
    const where = caseWhereSql(filter, args, true);
    const { rows } = await this.pool.query<{ n: number }>(
      `select count(*)::int as n from (select 1 from cases c ${where.length ? `where ${where.join(' and ')}` : ''} limit ${args.add(bound + 1)}) x`,
      args.values,
    );
    return rows[0].n;
  }

  async getTask(taskId: string): Promise<TaskView> {
    if (!isUuid(taskId)) throw new NotFoundError('TASK', taskId);
    const { rows } = await this.pool.query<TaskRow>('select * from tasks where id = $1', [taskId]);
    if (!rows[0]) throw new NotFoundError('TASK', taskId);
    return taskView(rows[0], this.clock.now());
  }

  /** Whether the case exists and the reader may see it. */
  async caseVisible(scope: ReadScope, caseId: string): Promise<boolean> {
    if (!isUuid(caseId)) return false;
    const args = new SqlArgs();
    const id = args.add(caseId);
    const { rowCount } = await this.pool.query(`select 1 from cases c where c.id = ${id} and ${caseVisibleSql(scope, args)}`, args.values);
    return !!rowCount;
  }

  /** Tasks of the cases the reader may see, soonest due first. */
  async listScopedTasks(scope: ReadScope, filter: ScopedTaskFilter): Promise<ScopedTaskView[]> {
    return (await this.listScopedTasksPage(scope, filter)).items;
  }

  /** A page of them and the cursor of the next page (keyset, as listCasesPage). */
  async listScopedTasksPage(scope: ReadScope, filter: ScopedTaskFilter): Promise<ListPage<ScopedTaskView>> {
    const args = new SqlArgs();
    // A task offered to a handler makes its case visible to them (read-scope.ts), so the views
    // made of offered tasks need no visibility test of their own.
    const offeredOnly = (scope.all || scope.handlesTasks) && filter.view !== 'unit';
    const where = offeredOnly ? [] : [caseVisibleSql(scope, args)];
    if (filter.view === 'mine') where.push(`t.assignee = ${args.add(scope.username)}`);
    if (filter.view === 'department') where.push(`t.candidate_groups && ${args.add(scope.departments)}::text[]`);
    const offeredParts = filter.view === 'inbox' ? offeredToParts(scope, args) : [];
    if (filter.view === 'inbox') where.push(`(${offeredParts.join(' or ')})`);
    if (filter.view === 'unit' && !scope.all) where.push(`t.unit = any(${args.add(scope.units)}::text[])`);
    if (filter.status === 'open') where.push(`t.status = 'open'`);
    if (filter.status === 'completed') where.push(`t.status = 'completed'`);
    if (filter.status === 'overdue') where.push(`t.status = 'open' and t.due_at < ${args.add(this.clock.now())}`);
    if (filter.status === 'warning') {
      const now = args.add(this.clock.now());
      // As taskColour: yellow from warn_at (or two thirds of the limit on rows without one) until due.
      where.push(`t.status = 'open' and t.due_at >= ${now} and coalesce(t.warn_at, t.created_at + (t.due_at - t.created_at) * 2 / 3) <= ${now}`);
    }
    if (filter.caseId) where.push(`t.case_id = ${args.add(filter.caseId)}`);
    // overdue and yellow tasks all have a time limit: ordered by it plainly, so that the due index can give the order
    const due = filter.status === 'overdue' || filter.status === 'warning' ? 't.due_at' : `coalesce(t.due_at, 'infinity'::timestamptz)`;
    if (filter.cursor) {
      const after = decodeTaskCursor(filter.cursor);
      where.push(`(${due}, t.created_at, t.id) > (${args.add(after.due)}::timestamp at time zone 'UTC', ${args.add(after.at)}::timestamp at time zone 'UTC', ${args.add(after.id)}::uuid)`);
    }
    const actionable = taskActionableSql(scope, args);
    const limit = filter.limit;
    const order = `order by ${due}, t.created_at, t.id`;
    const pageSql = `limit ${args.add(limit + 1)} offset ${args.add(filter.cursor ? 0 : filter.offset)}`;
    // An inbox of open tasks (every condition on the task): its tasks are found through the
    // indexes of whom they are offered to, one way of offering at a time (assignee, groups, level
    // within units: each a small index read), sorted, and only the page's tasks are joined to
    // their cases. Left to itself the planner walked every open task in due order, or every open
    // task, and tested each one (a centre's inbox at 300k cases read 18,000 rows to keep 400).
    const offeredOpen = offeredOnly && ['inbox', 'mine', 'department'].includes(filter.view) && ['open', 'warning', 'overdue'].includes(filter.status);
    // each way once: a task offered in two ways comes from the first of them only
    const rest = where.slice(1);
    const offeredSql = filter.view === 'inbox'
      ? offeredParts.map((part, i) => `select * from tasks t where ${[part, ...rest, ...(i ? [`(${offeredParts.slice(0, i).join(' or ')}) is not true`] : [])].join(' and ')}`).join(' union all ')
      : `select * from tasks t where ${where.join(' and ')}`;
    const from = offeredOpen
      ? `(select * from offered t ${order} ${pageSql}) t join cases c on c.id = t.case_id`
      : `tasks t join cases c on c.id = t.case_id ${where.length ? `where ${where.join(' and ')}` : ''}`;
    const text = `${offeredOpen ? `with offered as materialized (${offeredSql}) ` : ''}select ${scopedTaskColumns(args.add(this.supervisionForms))}, coalesce(${actionable}, false) as actionable,
              coalesce(to_char(t.due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), 'infinity') as cursor_due,
              to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as cursor_at
         from ${from}
        ${order} ${offeredOpen ? '' : pageSql}`;
    type Row = ScopedTaskRow & { cursor_due: string; cursor_at: string };
    const { rows } = offeredOpen ? await this.withoutIndexScans<Row>(text, args.values) : await this.pool.query<Row>(text, args.values);
    const now = this.clock.now();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map((r) => scopedTaskView(r, now)), next: rows.length > limit && last ? encodeCursor([last.cursor_due, last.cursor_at, last.id]) : null };
  }

  /**
   * A query planned without plain index scans (bitmap index scans only). An inbox's ways of
   * offering are each a small bitmap read of the open tasks' indexes; but a group that most tasks
   * ever had (the centre's) looks common to the planner, which then reads every open task through
   * an index and tests each one — 18,000 rows for 400 at 300k cases. Both plans give the same rows.
   */
  private async withoutIndexScans<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<T>> {
    const client = await this.pool.connect();
    try {
      await client.query('begin read only; set local enable_indexscan = off');
      const result = await client.query<T>(text, values);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** A task as the reader sees it; undefined when it does not exist or is out of their scope. */
  async getScopedTask(scope: ReadScope, taskId: string): Promise<ScopedTaskView | undefined> {
    if (!isUuid(taskId)) return undefined;
    const args = new SqlArgs();
    const id = args.add(taskId);
    const visible = caseVisibleSql(scope, args);
    const actionable = taskActionableSql(scope, args);
    const { rows } = await this.pool.query<ScopedTaskRow>(
      `select ${scopedTaskColumns(args.add(this.supervisionForms))}, coalesce(${actionable}, false) as actionable
         from tasks t join cases c on c.id = t.case_id where t.id = ${id} and ${visible}`,
      args.values,
    );
    return rows[0] ? scopedTaskView(rows[0], this.clock.now()) : undefined;
  }

  /** Number and title of the cases among `caseIds` the reader may see, in the order given. */
  async visibleCaseTitles(scope: ReadScope, caseIds: string[]): Promise<{ id: string; number: number; title: string | null }[]> {
    const ids = [...new Set(caseIds)].filter(isUuid);
    if (!ids.length) return [];
    const args = new SqlArgs();
    const list = args.add(ids);
    const { rows } = await this.pool.query<{ id: string; number: string; title: string | null }>(
      `select c.id, c.number, c.title from cases c where c.id = any(${list}::uuid[]) and ${caseVisibleSql(scope, args)}`, args.values);
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, number: Number(r.number), title: r.title }]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The form data (`variables.data`) of each existing case among `caseIds`, by case id. */
  async caseData(caseIds: string[]): Promise<Map<string, unknown>> {
    const ids = [...new Set(caseIds)].filter(isUuid);
    const { rows } = await this.pool.query<{ id: string; data: unknown }>(`select id, variables -> 'data' as data from cases where id = any($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.data]));
  }

  /** The id of the definition version a case runs on. */
  async definitionIdOfCase(caseId: string): Promise<string> {
    if (!isUuid(caseId)) throw new NotFoundError('CASE', caseId);
    const { rows } = await this.pool.query<{ definition_id: string | number }>('select definition_id from cases where id = $1', [caseId]);
    if (!rows[0]) throw new NotFoundError('CASE', caseId);
    return String(rows[0].definition_id);
  }
}
