// Scoped reads: who may see which cases and act on which tasks, as SQL predicates that every
// scoped read of the engine includes (so a filter or id from a client can never widen it). The
// caller (the server's org scoping) computes a ReadScope for its user; the engine alone turns it
// into SQL over its own tables.
//
// - A case is visible to its creator, to a reader whose units contain the case's unit when the
//   reader works for the whole unit, and to task handlers whose department (or own name) a task of
//   the case is or was offered to (转办 / 联合调解 across units).
// - A task is visible when its case is. A handler may act on a task assigned to them or offered to
//   one of their departments, or offered to their level within their units; `actsOn: 'any'`
//   (an administrator) on any visible task.

/** What the caller computed for one reader (see the file comment). */
export interface ReadScope {
  /** The reader's user name (creator, assignee, who completed a task). */
  username: string;
  /** Every case (a reader of no unit): the rest does not narrow visibility then. */
  all: boolean;
  /** Org-unit codes of the reader's subtree. */
  units: string[];
  /** Sees every case of `units` (else only the cases offered to them and their own). */
  wholeUnit: boolean;
  /** Candidate groups (department codes) the reader belongs to. */
  departments: string[];
  /** Level candidate groups (e.g. "township") offered to the reader within `units`. */
  levels: string[];
  /** A task handler: also sees the cases with a task offered to them, now or in the past. */
  handlesTasks: boolean;
  /** Which visible tasks the reader may claim / complete / return / transfer. */
  actsOn: 'any' | 'offered' | 'none';
  /**
   * With `actsOn: 'offered'`, only tasks of these forms (a leader acts on the supervision steps
   * offered to them, 督办, and on nothing else). Absent: any form.
   */
  actsOnForms?: readonly string[];
}

/** Binds values as positional parameters while a query is assembled. */
export class SqlArgs {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    return `$${this.values.push(v)}`;
  }
}

type Bind = Pick<SqlArgs, 'add'>;

/** Tasks offered to the reader (by assignee, department or level within their units). `t` = tasks. */
export function offeredToSql(scope: ReadScope, args: Bind, t = 't'): string {
  return `(${offeredToParts(scope, args, t).join(' or ')})`;
}

/** The ways a task is offered to the reader (offeredToSql is any of them), each one index-friendly. */
export function offeredToParts(scope: ReadScope, args: Bind, t = 't'): string[] {
  const me = args.add(scope.username);
  const departments = args.add(scope.departments);
  const parts = [`${t}.assignee = ${me}`, `${t}.candidate_groups && ${departments}::text[]`];
  if (scope.levels.length) {
    parts.push(`(${t}.candidate_groups && ${args.add(scope.levels)}::text[] and ${t}.unit = any(${args.add(scope.units)}::text[]))`);
  }
  return parts;
}

/** Cases the reader may see. `c` = cases. */
export function caseVisibleSql(scope: ReadScope, args: Bind, c = 'c'): string {
  if (scope.all) return 'true';
  const me = args.add(scope.username);
  // the tests on the case row first: most rows of a list are decided without a subquery
  const parts = [`${c}.created_by = ${me}`];
  if (scope.wholeUnit) parts.push(`${c}.unit = any(${args.add(scope.units)}::text[])`);
  if (scope.handlesTasks) {
    // Offered now or in the past: a task created for, or transferred / returned from, one of their
    // departments (cases.offered_groups keeps every group any task of the case had, migration 009).
    if (scope.departments.length) parts.push(`${c}.offered_groups && ${args.add(scope.departments)}::text[]`);
    // A task of the case assigned to them, completed by them, or offered to their level within
    // their units (offeredToSql, as the case's tasks are now: cases.task_audience, migration 009).
    parts.push(`${c}.task_audience && ${args.add(audienceKeys(scope))}::text[]`);
  }
  return `(${parts.join(' or ')})`;
}

/** The reader's keys in cases.task_audience: their name as assignee and completer, their levels in each of their units. */
function audienceKeys(scope: ReadScope): string[] {
  return [`u:${scope.username}`, `c:${scope.username}`, ...scope.levels.flatMap((l) => scope.units.map((u) => `l:${l}@${u}`))];
}

/** Tasks the reader may act on. `t` = tasks, `c` = its case. */
export function taskActionableSql(scope: ReadScope, args: Bind, t = 't', c = 'c'): string {
  if (scope.actsOn === 'any') return caseVisibleSql(scope, args, c);
  if (scope.actsOn === 'none') return 'false';
  // Offered to the reader implies visible (see caseVisibleSql).
  const offered = offeredToSql(scope, args, t);
  return scope.actsOnForms ? `(${offered} and coalesce(${t}.form_key, '') = any(${args.add(scope.actsOnForms)}::text[]))` : offered;
}

/**
 * The same rule as taskActionableSql, on a task as the engine holds it under the case lock (the
 * engine calls an AuthorizeTask inside its transaction: a task transferred away a moment ago is
 * no longer the reader's). `actsOn: 'any'` rests on the case's unit, which a task command never
 * changes, so the check before the command stands.
 */
export function mayActOnTask(scope: ReadScope, task: { assignee: string | null; candidateGroups: string[]; unit: string | null; formKey?: string | null }): boolean {
  if (scope.actsOn === 'any') return true;
  if (scope.actsOn === 'none') return false;
  if (scope.actsOnForms && !scope.actsOnForms.includes(task.formKey ?? '')) return false;
  if (task.assignee === scope.username) return true;
  if (task.candidateGroups.some((g) => scope.departments.includes(g))) return true;
  return task.candidateGroups.some((g) => scope.levels.includes(g)) && task.unit !== null && scope.units.includes(task.unit);
}
