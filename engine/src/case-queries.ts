// Read side: a case with its tasks, incidents and history; case and task lists, unscoped or
// within a reader's scope (read-scope.ts). The views and their row mappers are in case-views.ts.
import type pg from 'pg';
import type { Clock } from './clock';
import { NotFoundError } from './errors';
import { isUuid } from './ids';
import { caseVisibleSql, offeredToSql, SqlArgs, taskActionableSql, type ReadScope } from './read-scope';
import {
  caseSummary, caseView, date, scopedTaskView, taskFromJson, taskView,
  type CaseFilter, type CaseRow, type CaseSummary, type CaseSummaryRow, type CaseView, type ScopedTaskFilter, type ScopedTaskRow,
  type ScopedTaskView, type TaskFilter, type TaskJson, type TaskRow, type TaskView,
} from './case-views';

export type {
  CaseFilter, CaseSummary, CaseView, HistoryEntry, IncidentView, ScopedTaskFilter, ScopedTaskView, TaskFilter, TaskView,
} from './case-views';

const SCOPED_TASK_COLUMNS = `t.*, c.number as case_number, c.title as case_title, c.type as case_type, c.process_key,
  (select json_build_object('id', s.id, 'instruction', s.instruction, 'deadline', s.deadline, 'leaderInCharge', s.leader_in_charge, 'by', s.created_by, 'at', s.created_at)
     from supervisions s where s.case_id = c.id and s.status = 'active' order by s.id desc limit 1) as supervision`;

export class CaseQueries {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock) {}

  /** One round trip: the case row with its tasks, incidents and history aggregated as JSON. */
  async getCase(caseId: string): Promise<CaseView> {
    if (!isUuid(caseId)) throw new NotFoundError('CASE', caseId);
    const { rows } = await this.pool.query<CaseRow & { tasks: TaskJson[]; incidents: Record<string, never>[]; history: Record<string, never>[] }>(
      `select c.id, c.number, c.process_key, c.definition_id, c.version, c.status, c.title, c.type, c.channel, c.unit, c.variables,
              c.routing, c.created_by, c.created_at, c.updated_at, c.completed_at, c.suspended_at, c.supervised_at, c.leader_in_charge,
              coalesce((select json_agg(t order by t.created_at, t.iteration nulls first, t.id) from tasks t where t.case_id = c.id), '[]') as tasks,
              coalesce((select json_agg(i order by i.id) from incidents i where i.case_id = c.id), '[]') as incidents,
              coalesce((select json_agg(h order by h.id) from history h where h.case_id = c.id), '[]') as history
         from cases c where c.id = $1`,
      [caseId],
    );
    const r = rows[0];
    if (!r) throw new NotFoundError('CASE', caseId);
    const now = this.clock.now();
    return caseView(
      r,
      r.tasks.map((t) => taskView(taskFromJson(t), now)),
      r.incidents.map((i) => ({
        id: Number(i.id), kind: i.kind ?? 'service', elementId: i.element_id, message: i.message, status: i.status, attempts: i.attempts,
        createdAt: new Date(i.created_at), resolvedAt: date(i.resolved_at),
      })),
      r.history.map((h) => ({
        id: Number(h.id), at: new Date(h.at), actor: h.actor, kind: h.kind, elementId: h.element_id, taskId: h.task_id, data: h.data,
      })),
    );
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
    const where: string[] = [];
    const args = new SqlArgs();
    const arg = (v: unknown) => args.add(v);
    if (filter.status) where.push(`c.status = ${arg(filter.status)}`);
    if (filter.type) where.push(`c.type = ${arg(filter.type)}`);
    if (filter.processKey) where.push(`c.process_key = ${arg(filter.processKey)}`);
    if (filter.unit) where.push(`c.unit = ${arg(filter.unit)}`);
    if (filter.units) where.push(`c.unit = any(${arg(filter.units)}::text[])`);
    if (filter.scope) where.push(`(${caseVisibleSql(filter.scope, args)})`);
    if (filter.supervised) where.push('c.supervised_at is not null');
    if (filter.q) {
      const q = arg(`%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      where.push(`(c.title ilike ${q} or c.type ilike ${q} or c.number::text like ${q})`);
    }
    const { rows } = await this.pool.query<CaseSummaryRow>(
      `select c.id, c.number, c.process_key, c.status, c.title, c.type, c.channel, c.unit, c.created_by, c.created_at, c.updated_at, c.completed_at,
              c.supervised_at, t.open_count, t.next_due, t.next_created, t.next_warn
         from cases c
         left join lateral (
           select count(*)::int as open_count, min(due_at) as next_due,
                  (array_agg(created_at order by due_at nulls last))[1] as next_created,
                  (array_agg(warn_at order by due_at nulls last))[1] as next_warn
             from tasks where case_id = c.id and status = 'open') t on true
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by c.created_at desc, c.number desc
        limit ${arg(Math.min(filter.limit ?? 50, 500))} offset ${arg(filter.offset ?? 0)}`,
      args.values,
    );
    const now = this.clock.now();
    return rows.map((r) => caseSummary(r, now));
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
    const args = new SqlArgs();
    const where = [caseVisibleSql(scope, args)];
    if (filter.view === 'mine') where.push(`t.assignee = ${args.add(scope.username)}`);
    if (filter.view === 'department') where.push(`t.candidate_groups && ${args.add(scope.departments)}::text[]`);
    if (filter.view === 'inbox') where.push(offeredToSql(scope, args));
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
    const actionable = taskActionableSql(scope, args);
    const { rows } = await this.pool.query<ScopedTaskRow>(
      `select ${SCOPED_TASK_COLUMNS}, coalesce(${actionable}, false) as actionable
         from tasks t join cases c on c.id = t.case_id
        where ${where.join(' and ')}
        order by t.due_at nulls last, t.created_at, t.id
        limit ${args.add(filter.limit)} offset ${args.add(filter.offset)}`,
      args.values,
    );
    const now = this.clock.now();
    return rows.map((r) => scopedTaskView(r, now));
  }

  /** A task as the reader sees it; undefined when it does not exist or is out of their scope. */
  async getScopedTask(scope: ReadScope, taskId: string): Promise<ScopedTaskView | undefined> {
    if (!isUuid(taskId)) return undefined;
    const args = new SqlArgs();
    const id = args.add(taskId);
    const visible = caseVisibleSql(scope, args);
    const actionable = taskActionableSql(scope, args);
    const { rows } = await this.pool.query<ScopedTaskRow>(
      `select ${SCOPED_TASK_COLUMNS}, coalesce(${actionable}, false) as actionable
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
