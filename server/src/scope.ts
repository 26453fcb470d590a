// Org scoping: which cases and tasks a user may see and act on. The server computes a user's Scope
// from the org model; the engine's scoped reads (its read-scope.ts) turn it into the SQL predicates
// every read of the API includes (so a filter or id from the client can never widen it).
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
import type { ReadScope } from '@yizhan/engine';
import { actorScope, mayActOnTask as sharedMayActOnTask, readScopeOf, type ActorScope, type TaskOffer } from '@yizhan/packs';

/** What a user may see and act on (computed by the shared people model of @yizhan/packs). */
export type Scope = ActorScope;

export function scopeOf(user: User, directory: OrgDirectory): Scope {
  return actorScope(user, directory.org);
}

/** The scope as the engine's scoped reads take it (the engine turns it into SQL, see its read-scope.ts). */
export const readScope: (scope: Scope) => ReadScope = readScopeOf;

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
 * Whether the user may act on a task as the engine holds it under the case lock (the engine calls
 * this inside its transaction: a task transferred away a moment ago is no longer the user's) —
 * the same rule as the engine's scoped task reads (`actionable`) and as `yizhan pack test`.
 */
export function mayActOnTask(scope: Scope, task: TaskOffer): boolean {
  return sharedMayActOnTask(scope, task);
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
