// The views of the read side and the one mapping of each row to its view: a task row to a TaskView
// (taskView), a case row to a CaseView (caseView) and to a CaseSummary (caseSummary).
import { taskColour, type DueColour } from './due-colour';
import type { HistoryEvent } from './history';
import type { ReadScope } from './read-scope';

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
  /** 挂牌督办: since when the case is under supervision (null: never supervised). */
  supervisedAt: Date | null;
  /** 包案领导 (user name), null when none is named. */
  leaderInCharge: string | null;
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
  /** Under supervision (挂牌督办). */
  supervised: boolean;
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
  /** Only the cases under supervision (挂牌督办). */
  supervised?: boolean;
  limit?: number;
  offset?: number;
  /** The previous page's `next` (see list-cursor.ts); the offset is then not used. */
  cursor?: string;
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
  /** The previous page's `next` (see list-cursor.ts); the offset is then not used. */
  cursor?: string;
}

/** A task as a reader sees it in a list: the task, a little of its case, and whether they may act on it. */
export interface ScopedTaskView extends TaskView {
  caseNumber: number;
  caseTitle: string | null;
  caseType: string | null;
  processKey: string;
  /** Whether the reader may claim / complete / return / transfer it. */
  actionable: boolean;
  /** The case's latest active 督办 (the leader's 批示 the handling unit must see), or null. */
  supervision: TaskSupervision | null;
  /** The case is under supervision now: an active 督办, or an open supervision step of its process (挂牌督办 by a timer). */
  supervised: boolean;
}

/** A 督办 as a task shows it to the unit handling it. */
export interface TaskSupervision {
  id: number;
  instruction: string;
  deadline: string | null;
  leaderInCharge: string | null;
  by: string;
  at: string;
}

/** A row of the tasks table. */
export interface TaskRow {
  id: string; case_id: string; execution_id: string; element_id: string; name: string | null; form_key: string | null;
  candidate_groups: string[]; assignee: string | null; unit: string | null; iteration: number | null; item: unknown;
  due_at: Date | null; warn_at: Date | null; priority: number | null; status: TaskView['status']; data: unknown; created_at: Date;
  completed_at: Date | null; completed_by: string | null;
}

/** A task row with its case's number, title, type and process, and whether the reader may act on it. */
export interface ScopedTaskRow extends TaskRow {
  case_number: string; case_title: string | null; case_type: string | null; process_key: string; actionable: boolean;
  supervision: TaskSupervision | null; supervised: boolean;
}

export type TaskJson = Omit<TaskRow, 'due_at' | 'warn_at' | 'created_at' | 'completed_at'> & { due_at: string | null; warn_at: string | null; created_at: string; completed_at: string | null };

export interface CaseRow {
  id: string; number: string; process_key: string; definition_id: string | number; version: number; status: CaseView['status'];
  title: string | null; type: string | null; channel: string | null; unit: string | null; variables: Record<string, unknown>;
  routing: unknown; created_by: string | null; created_at: Date; updated_at: Date; completed_at: Date | null;
  suspended_at?: Date | null;
  supervised_at?: Date | null;
  leader_in_charge?: string | null;
}

export interface CaseSummaryRow extends Omit<CaseRow, 'definition_id' | 'version' | 'variables' | 'routing'> {
  open_count: number | null; next_due: Date | null; next_created: Date; next_warn: Date | null;
}

export function date(v: string | null | undefined): Date | null {
  return v ? new Date(v) : null;
}

export function taskFromJson(t: TaskJson): TaskRow {
  return { ...t, due_at: date(t.due_at), warn_at: date(t.warn_at), created_at: new Date(t.created_at), completed_at: date(t.completed_at) };
}

/** The one mapping of a task row to its view (its 红黄绿 colour as of `now`). */
export function taskView(t: TaskRow, now: Date): TaskView {
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

export function scopedTaskView(t: ScopedTaskRow, now: Date): ScopedTaskView {
  return {
    ...taskView(t, now),
    caseNumber: Number(t.case_number), caseTitle: t.case_title, caseType: t.case_type, processKey: t.process_key, actionable: t.actionable,
    supervision: t.supervision ?? null,
    supervised: !!t.supervised,
  };
}

/** A case row with its tasks, incidents and history aggregated as JSON (`caseViewSql`). */
export type CaseViewRow = CaseRow & { tasks: TaskJson[]; incidents: Record<string, never>[]; history: Record<string, never>[] };


/** The one mapping of a row read by the case view's SQL (case-queries.ts: `caseViewSql`) to the view. */
export function caseViewFromRow(r: CaseViewRow, now: Date): CaseView {
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

/** The one mapping of a case row (with its tasks, incidents and history) to its view. */
export function caseView(r: CaseRow, tasks: TaskView[], incidents: IncidentView[], history: HistoryEntry[]): CaseView {
  return {
    id: r.id,
    number: Number(r.number),
    processKey: r.process_key,
    definitionId: String(r.definition_id),
    version: r.version,
    status: r.status,
    suspendedAt: r.suspended_at ?? null,
    supervisedAt: r.supervised_at ?? null,
    leaderInCharge: r.leader_in_charge ?? null,
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
export function caseSummary(r: CaseSummaryRow, now: Date): CaseSummary {
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
    supervised: !!r.supervised_at,
    openTaskCount: r.open_count ?? 0,
    nextDueAt: r.next_due,
    colour: r.next_due ? taskColour({ createdAt: r.next_created, dueAt: r.next_due, warnAt: r.next_warn }, now) : null,
  };
}
