// The case lock: every command on a case runs in one transaction holding the case's row lock
// (and, for a task command, the task's row lock), reading the rows fresh under it.
import type pg from 'pg';
import { NotFoundError } from '../errors';
import { isUuid } from '../ids';

export type Client = pg.PoolClient;

/** The case row a command works on, read under its lock (the engine state is read only when needed). */
export interface CaseRow {
  id: string;
  definition_id: string;
  status: string;
  version: number;
  unit: string | null;
  /** The task a command is about, read under the same lock (completeTask). */
  task?: TaskRow | null;
  /**
   * The case's open tasks, pending timers and open incidents, read under the lock — where the
   * projection starts from. Undefined: the projection reads them itself.
   */
  open?: OpenRow[];
}

/** An open task, pending timer or open incident of a case, as the projection compares them with the engine. */
export interface OpenRow {
  kind: 'task' | 'timer' | 'incident';
  id: string;
  execution_id: string;
  element_id: string;
}

/** The SQL reading a case's open rows (`OpenRow`); `caseId` is an SQL expression. */
export const openRowsSql = (caseId: string) =>
  `select 'task' as kind, id::text, execution_id, element_id from tasks where case_id = ${caseId} and status = 'open'
   union all select 'timer', id::text, execution_id, element_id from timers where case_id = ${caseId} and status = 'pending'
   union all select 'incident', id::text, '', element_id from incidents where case_id = ${caseId} and status = 'open'`;

export interface TaskRow {
  id: string;
  case_id: string;
  execution_id: string;
  element_id: string;
  form_key: string | null;
  candidate_groups: string[];
  assignee: string | null;
  unit: string | null;
  status: string;
}

/** A task as it stands under the case lock, given to a command's `authorize` callback. */
export interface LockedTask {
  id: string;
  caseId: string;
  elementId: string;
  candidateGroups: string[];
  assignee: string | null;
  unit: string | null;
  status: string;
  /** The task's form (its step: `supervise`, `evaluation` …). */
  formKey: string | null;
}

/**
 * A permission check run inside a task command's transaction, after the row lock, on the fresh
 * task row: it throws to refuse (the transaction rolls back, nothing changes). The caller's check
 * before the command can be stale by then — another user may just have transferred the task.
 */
export type AuthorizeTask = (task: LockedTask) => void | Promise<void>;

export const lockedTask = (t: TaskRow): LockedTask => ({
  id: t.id, caseId: t.case_id, elementId: t.element_id, candidateGroups: t.candidate_groups, assignee: t.assignee, unit: t.unit ?? null, status: t.status, formKey: t.form_key ?? null,
});

/**
 * Opens the command's transaction, locks the case row (with `taskId` the task's row too, and the
 * case is the task's) and reads it and the case's open rows — in one round trip: `begin`, the
 * locking select, then the open rows in their own statement, whose snapshot is taken once the
 * lock is held (a select list evaluated with the lock would see the rows as they were before the
 * wait). The ids are checked to be UUIDs and written into the text (a multi-statement query takes
 * no parameters). Undefined only with `skipLocked` when the case is busy or gone; else a missing
 * case or task is NOT_FOUND. The caller commits or rolls back.
 */
export async function beginLocked(client: Client, target: { caseId: string } | { taskId: string }, options: { skipLocked?: boolean } = {}): Promise<CaseRow | undefined> {
  const taskId = 'taskId' in target ? target.taskId : undefined;
  if (taskId !== undefined && !isUuid(taskId)) throw new NotFoundError('TASK', taskId);
  if ('caseId' in target && !isUuid(target.caseId)) throw new NotFoundError('CASE', target.caseId);
  const caseId = 'caseId' in target ? `'${target.caseId}'::uuid` : `(select case_id from tasks where id = '${taskId}'::uuid)`;
  const results = await client.query(
    `begin;
     select c.id, c.definition_id, c.status, c.version, c.unit${taskId ? ', row_to_json(t) as task' : ''}
       from cases c${taskId ? ` join tasks t on t.id = '${taskId}'::uuid and t.case_id = c.id` : ''}
      where c.id = ${caseId} for update of c${taskId ? ', t' : ''}${options.skipLocked ? ' skip locked' : ''};
     ${openRowsSql(caseId)}`,
  ) as unknown as [pg.QueryResult, pg.QueryResult<CaseRow>, pg.QueryResult<OpenRow>];
  const row = results[1].rows[0];
  if (!row) {
    if (options.skipLocked) return undefined;
    if (taskId) throw new NotFoundError('TASK', taskId);
    throw new NotFoundError('CASE', (target as { caseId: string }).caseId);
  }
  row.open = results[2].rows;
  return row;
}

export { transaction } from '../store/database';

/** The case a task belongs to (read without a lock, to know which case to lock). */
export async function caseOfTask(pool: pg.Pool, taskId: string): Promise<string> {
  if (!isUuid(taskId)) throw new NotFoundError('TASK', taskId);
  const { rows } = await pool.query<{ case_id: string }>('select case_id from tasks where id = $1', [taskId]);
  if (!rows[0]) throw new NotFoundError('TASK', taskId);
  return rows[0].case_id;
}

/** Locks the case row only, for a change to a task row (no engine step). */
export async function lockCaseRow(client: Client, caseId: string): Promise<{ id: string; definition_id: string }> {
  const { rows } = await client.query<{ id: string; definition_id: string }>('select id, definition_id from cases where id = $1 for update', [caseId]);
  if (!rows[0]) throw new NotFoundError('CASE', caseId);
  return rows[0];
}

/** A task row, read under its case's lock. */
export async function readTask(client: Client, taskId: string): Promise<TaskRow> {
  const { rows } = await client.query<TaskRow>('select * from tasks where id = $1', [taskId]);
  if (!rows[0]) throw new NotFoundError('TASK', taskId);
  return rows[0];
}
