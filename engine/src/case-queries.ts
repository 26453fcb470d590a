// Read side: a case with its tasks, incidents and history; case and task lists, unscoped or
// within a reader's scope (read-scope.ts). One mapper turns a task row into a TaskView
// (taskView), one a case row into a CaseView (caseView) and one into a CaseSummary (caseSummary).
import type pg from 'pg';
import type { Clock } from './clock';
import { taskColour, type DueColour } from './due-colour';
import { NotFoundError } from './errors';
import type { HistoryEvent } from './history';
import { isUuid } from './ids';
import { caseVisibleSql, offeredToSql, SqlArgs, taskActionableSql, type ReadScope } from './read-scope';

export interface TaskView {
  id: string;
  caseId: string;
  executionId: string;
  elementId: string;
  name: string | null;
  formKey: string | null;
  candidateGroups: string[];
  assignee: string | null;
  unit: string | null;
  iteration: number | null;
  item: unknown;
  dueAt: Date | null;
  /** When the task turns yellow (a share of its time limit, per pack). */
  warnAt: Date | null;
  priority: number | null;
  status: 'open' | 'completed' | 'cancelled';
  /** 红黄绿: red when overdue, yellow past two thirds of the time limit, else green. */
  colour: DueColour | null;
  data: unknown;
  createdAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
}

/** A history entry as read: the event (kind and its data, see history.ts) with who and when. */
export type HistoryEntry = HistoryEvent & {
  id: number;
  at: Date;
  actor: string | null;
  elementId: string | null;
  taskId: string | null;
};

export interface IncidentView {
  id: number;
  /** `service`: a built-in service failed; `halted`: a command ran away and was rolled back. */
  kind: 'service' | 'halted';
  elementId: string;
  message: string;
  status: 'open' | 'resolved';
  attempts: number;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface CaseView {
  id: string;
  number: number;
  processKey: string;
  definitionId: string;
  version: number;
  /** `withdrawn`: ended by 撤回; `refused`: 不予受理 at intake (see commands/outcome.ts, lifecycle.ts). */
  status: 'active' | 'completed' | 'incident' | 'failed' | 'withdrawn' | 'refused';
  /** 中止: since when the case's SLA clock is stopped (null while it runs). */
  suspendedAt: Date | null;
  title: string | null;
  type: string | null;
  channel: string | null;
  unit: string | null;
  variables: Record<string, unknown>;
  routing: unknown;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  openTasks: TaskView[];
  tasks: TaskView[];
  incidents: IncidentView[];
  history: HistoryEntry[];
}

export interface CaseSummary {
  id: string;
  number: number;
  processKey: string;
  status: CaseView['status'];
  title: string | null;
  type: string | null;
  channel: string | null;
  unit: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  openTaskCount: number;
  /** Earliest due date among open tasks, and its 红黄绿 colour. */
  nextDueAt: Date | null;
  colour: DueColour | null;
}

export interface CaseFilter {
  status?: CaseView['status'];
  type?: string;
  processKey?: string;
  /** Exact reporting unit. */
  unit?: string;
  /** Scope: only cases whose unit is one of these (a user's unit subtree). Empty = nothing. */
  units?: string[];
  /** Free text over title, number and type. */
  q?: string;
  limit?: number;
  offset?: number;
  /** Only the cases this reader may see (see read-scope.ts), enforced in the query itself. */
  scope?: ReadScope;
}

export interface TaskFilter {
  caseId?: string;
  /** Scope: only tasks of cases whose unit is one of these. Empty = nothing. */
  units?: string[];
  status?: 'open' | 'completed' | 'cancelled';
  /** Tasks whose candidate groups overlap these (department / level codes). */
  groups?: string[];
  assignee?: string;
  overdue?: boolean;
  limit?: number;
}

export interface ScopedTaskFilter {
  /**
   * `inbox`: assigned or offered to the reader; `mine`: assigned to them; `department`: offered
   * to their departments; `unit`: of their units (all, for a reader of every unit).
   */
  view: 'inbox' | 'mine' | 'department' | 'unit';
  /** `warning`: open and yellow (past its warning time, not yet due); `overdue`: open and red. */
  status: 'open' | 'warning' | 'overdue' | 'completed' | 'all';
  caseId?: string;
  limit: number;
  offset: number;
}

/** A task as a reader sees it in a list: the task, a little of its case, and whether they may act on it. */
export interface ScopedTaskView extends TaskView {
  caseNumber: number;
  caseTitle: string | null;
  caseType: string | null;
  processKey: string;
  /** Whether the reader may claim / complete / return / transfer it. */
  actionable: boolean;
}

/** A row of the tasks table. */
interface TaskRow {
  id: string; case_id: string; execution_id: string; element_id: string; name: string | null; form_key: string | null;
  candidate_groups: string[]; assignee: string | null; unit: string | null; iteration: number | null; item: unknown;
  due_at: Date | null; warn_at: Date | null; priority: number | null; status: TaskView['status']; data: unknown; created_at: Date;
  completed_at: Date | null; completed_by: string | null;
}

/** A task row with its case's number, title, type and process, and whether the reader may act on it. */
interface ScopedTaskRow extends TaskRow {
  case_number: string; case_title: string | null; case_type: string | null; process_key: string; actionable: boolean;
}

type TaskJson = Omit<TaskRow, 'due_at' | 'warn_at' | 'created_at' | 'completed_at'> & { due_at: string | null; warn_at: string | null; created_at: string; completed_at: string | null };

interface CaseRow {
  id: string; number: string; process_key: string; definition_id: string | number; version: number; status: CaseView['status'];
  title: string | null; type: string | null; channel: string | null; unit: string | null; variables: Record<string, unknown>;
  routing: unknown; created_by: string | null; created_at: Date; updated_at: Date; completed_at: Date | null;
  suspended_at?: Date | null;
}

interface CaseSummaryRow extends Omit<CaseRow, 'definition_id' | 'version' | 'variables' | 'routing'> {
  open_count: number | null; next_due: Date | null; next_created: Date; next_warn: Date | null;
}

function date(v: string | null | undefined): Date | null {
  return v ? new Date(v) : null;
}

function taskFromJson(t: TaskJson): TaskRow {
  return { ...t, due_at: date(t.due_at), warn_at: date(t.warn_at), created_at: new Date(t.created_at), completed_at: date(t.completed_at) };
}

/** The one mapping of a task row to its view (its 红黄绿 colour as of `now`). */
function taskView(t: TaskRow, now: Date): TaskView {
  return {
    id: t.id,
    caseId: t.case_id,
    executionId: t.execution_id,
    elementId: t.element_id,
    name: t.name,
    formKey: t.form_key,
    candidateGroups: t.candidate_groups,
    assignee: t.assignee,
    unit: t.unit,
    iteration: t.iteration,
    item: t.item,
    dueAt: t.due_at,
    warnAt: t.warn_at,
    priority: t.priority,
    status: t.status,
    colour: t.status === 'open' ? taskColour({ createdAt: t.created_at, dueAt: t.due_at, warnAt: t.warn_at }, now) : null,
    data: t.data,
    createdAt: t.created_at,
    completedAt: t.completed_at,
    completedBy: t.completed_by,
  };
}

function scopedTaskView(t: ScopedTaskRow, now: Date): ScopedTaskView {
  return {
    ...taskView(t, now),
    caseNumber: Number(t.case_number), caseTitle: t.case_title, caseType: t.case_type, processKey: t.process_key, actionable: t.actionable,
  };
}

/** The one mapping of a case row (with its tasks, incidents and history) to its view. */
function caseView(r: CaseRow, tasks: TaskView[], incidents: IncidentView[], history: HistoryEntry[]): CaseView {
  return {
    id: r.id,
    number: Number(r.number),
    processKey: r.process_key,
    definitionId: String(r.definition_id),
    version: r.version,
    status: r.status,
    suspendedAt: r.suspended_at ?? null,
    title: r.title,
    type: r.type,
    channel: r.channel,
    unit: r.unit,
    variables: r.variables,
    routing: r.routing,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
    openTasks: tasks.filter((t) => t.status === 'open'),
    tasks,
    incidents,
    history,
  };
}

/** The one mapping of a case row (with its open-task aggregate) to a list entry. */
function caseSummary(r: CaseSummaryRow, now: Date): CaseSummary {
  return {
    id: r.id,
    number: Number(r.number),
    processKey: r.process_key,
    status: r.status,
    title: r.title,
    type: r.type,
    channel: r.channel,
    unit: r.unit,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
    openTaskCount: r.open_count ?? 0,
    nextDueAt: r.next_due,
    colour: r.next_due ? taskColour({ createdAt: r.next_created, dueAt: r.next_due, warnAt: r.next_warn }, now) : null,
  };
}

const SCOPED_TASK_COLUMNS = 't.*, c.number as case_number, c.title as case_title, c.type as case_type, c.process_key';

export class CaseQueries {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock) {}

  /** One round trip: the case row with its tasks, incidents and history aggregated as JSON. */
  async getCase(caseId: string): Promise<CaseView> {
    if (!isUuid(caseId)) throw new NotFoundError('CASE', caseId);
    const { rows } = await this.pool.query<CaseRow & { tasks: TaskJson[]; incidents: Record<string, never>[]; history: Record<string, never>[] }>(
      `select c.id, c.number, c.process_key, c.definition_id, c.version, c.status, c.title, c.type, c.channel, c.unit, c.variables,
              c.routing, c.created_by, c.created_at, c.updated_at, c.completed_at, c.suspended_at,
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
    if (filter.q) {
      const q = arg(`%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      where.push(`(c.title ilike ${q} or c.type ilike ${q} or c.number::text like ${q})`);
    }
    const { rows } = await this.pool.query<CaseSummaryRow>(
      `select c.id, c.number, c.process_key, c.status, c.title, c.type, c.channel, c.unit, c.created_by, c.created_at, c.updated_at, c.completed_at,
              t.open_count, t.next_due, t.next_created, t.next_warn
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
