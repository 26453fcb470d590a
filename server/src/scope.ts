// Org scoping: which cases and tasks a user may see and act on, as SQL predicates that every
// query of the API includes (so a filter or id from the client can never widen it).
//
// - A case is visible to its creator, to everyone whose unit subtree contains the case's unit
//   (a township clerk: that township; the county centre: the county), and to staff whose
//   department (or whose own name) a task of the case is assigned to (转办/联合调解 across units).
// - A task is visible when its case is. Staff may act on a task assigned to them or offered to
//   one of their departments, or offered to their level (e.g. "township") within their subtree;
//   an admin may act on any visible task.
import type { User } from './users';
import type { OrgDirectory } from './org-directory';
import { ApiError } from './http-errors';
import { HistoryKind } from '@yizhan/engine';
import { actorScope, mayActOnTask as sharedMayActOnTask, type ActorScope, type TaskOffer } from '@yizhan/packs';

/** What a user may see and act on (computed by the shared people model of @yizhan/packs). */
export type Scope = ActorScope;

export function scopeOf(user: User, directory: OrgDirectory): Scope {
  return actorScope(user, directory.org);
}

/** Binds values as positional parameters while a query is assembled. */
export class SqlArgs {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    return `$${this.values.push(v)}`;
  }
}

/** Tasks offered to the user (by assignee, department or level within the subtree). `t` = tasks. */
export function offeredToSql(scope: Scope, args: Pick<SqlArgs, 'add'>, t = 't'): string {
  const me = args.add(scope.username);
  const departments = args.add(scope.departments);
  const parts = [`${t}.assignee = ${me}`, `${t}.candidate_groups && ${departments}::text[]`];
  if (scope.levels.length) {
    parts.push(`(${t}.candidate_groups && ${args.add(scope.levels)}::text[] and ${t}.unit = any(${args.add(scope.units)}::text[]))`);
  }
  return `(${parts.join(' or ')})`;
}

/** History kinds that offered a task to departments (`data.candidateGroups` or `data.from`). */
const OFFERED_KINDS: readonly HistoryKind[] = [HistoryKind.TaskCreated, HistoryKind.TaskTransferred, HistoryKind.TaskReturned];

/** Cases the user may read. `c` = cases. */
export function caseVisibleSql(scope: Scope, args: Pick<SqlArgs, 'add'>, c = 'c'): string {
  if (scope.all) return 'true';
  const me = args.add(scope.username);
  const parts = [`${c}.created_by = ${me}`];
  if (scope.wholeUnit) parts.push(`${c}.unit = any(${args.add(scope.units)}::text[])`);
  if (scope.role === 'staff') {
    parts.push(`exists (select 1 from tasks it where it.case_id = ${c}.id and (${offeredToSql(scope, args, 'it')} or it.completed_by = ${me}))`);
    if (scope.departments.length) {
      // Offered in the past: a task created for, or transferred / returned from, one of their departments.
      const deps = args.add(scope.departments);
      parts.push(`exists (select 1 from history ih where ih.case_id = ${c}.id and ih.kind = any(${args.add(OFFERED_KINDS)}::text[])
        and (coalesce(ih.data -> 'candidateGroups', '[]'::jsonb) ?| ${deps}::text[] or coalesce(ih.data -> 'from', '[]'::jsonb) ?| ${deps}::text[]))`);
    }
  }
  return `(${parts.join(' or ')})`;
}

/**
 * Whether the user sees personal data (ID numbers, phones, addresses, names) in case data:
 * administrators and handling staff do (they work on it), leaders in a case's details but not in
 * lists, auditors never.
 */
export function seesPersonalData(scope: Scope, view: 'detail' | 'list'): boolean {
  if (scope.role === 'admin' || scope.role === 'staff') return true;
  if (scope.role === 'leader') return view === 'detail';
  return false;
}

/**
 * The same rule as taskActionableSql, on a task row as the engine holds it under the case lock
 * (the engine calls this inside its transaction: a task transferred away a moment ago is no
 * longer the user's). An admin's right rests on the case's unit, which a task command never
 * changes, so the check before the command stands. Shared with `yizhan pack test`.
 */
export function mayActOnTask(scope: Scope, task: TaskOffer): boolean {
  return sharedMayActOnTask(scope, task);
}

/** Tasks the user may act on (claim, complete, return, transfer). `t` = tasks, `c` = its case. */
export function taskActionableSql(scope: Scope, args: SqlArgs, t = 't', c = 'c'): string {
  if (scope.role === 'admin') return caseVisibleSql(scope, args, c);
  if (scope.role !== 'staff') return 'false';
  // Offered to the user implies visible (see caseVisibleSql).
  return offeredToSql(scope, args, t);
}

/**
 * What an administrator may grant: a user in their own unit subtree, holding only departments of
 * units in that subtree. A global administrator (no unit) may grant anything. Throws FORBIDDEN.
 */
export function checkGrant(scope: Scope, grant: { unit: string | null; departments: string[] }, directory: OrgDirectory): void {
  if (scope.all) return;
  if (grant.unit === null || !scope.units.includes(grant.unit)) {
    throw new ApiError('FORBIDDEN', '只能在自己的辖区内建用户：不能授予辖区以外或全部单位的权限', [{ field: '/unit', code: 'OUT_OF_SCOPE', message: `单位「${grant.unit ?? '（全部单位）'}」不在您的辖区内` }]);
  }
  const outside = grant.departments.filter((d) => {
    const unit = directory.department(d)?.unit;
    return !unit || !scope.units.includes(unit);
  });
  if (outside.length) {
    throw new ApiError('FORBIDDEN', '只能授予本辖区的部门', outside.map((d) => ({ field: '/departments', code: 'OUT_OF_SCOPE', message: `部门「${d}」不属于您辖区内的单位` })));
  }
}
