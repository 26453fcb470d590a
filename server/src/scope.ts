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
import type { Role } from './roles';
import { ApiError } from './http-errors';
import { mayActOnTask as engineMayActOnTask, type ReadScope } from '@yizhan/engine';

export interface Scope {
  username: string;
  role: Role;
  /** Null unit: every unit. */
  all: boolean;
  /** The user's own unit (null: every unit). */
  unit: string | null;
  units: string[];
  departments: string[];
  /** The level name of the user's unit ("township" …), as used in candidate groups. */
  levels: string[];
  /**
   * Staff who work for their whole unit (its 综治中心, a township or village office, or staff
   * without a department) see the unit subtree's cases; staff of a line department (进驻部门,
   * 窗口单位, 报到部门, court) only the cases offered to their departments — past or present —
   * and their own.
   */
  wholeUnit: boolean;
}

/** Department kinds whose staff serve the whole unit (see Scope.wholeUnit). */
const UNIT_WIDE_KINDS = new Set(['centre', 'township', 'village']);

export function scopeOf(user: User, directory: OrgDirectory): Scope {
  const level = user.unit ? directory.org.level(user.unit) : undefined;
  return {
    username: user.username,
    role: user.role,
    all: user.unit === null,
    unit: user.unit,
    units: user.unit ? directory.subtree(user.unit) : [],
    departments: user.departments,
    levels: level ? [level] : [],
    wholeUnit: user.role !== 'staff' || user.departments.length === 0
      || user.departments.some((d) => UNIT_WIDE_KINDS.has(directory.department(d)?.kind ?? '')),
  };
}

/** The scope as the engine's scoped reads take it (the engine turns it into SQL, see its read-scope.ts). */
export function readScope(scope: Scope): ReadScope {
  return {
    username: scope.username, all: scope.all, units: scope.units, wholeUnit: scope.wholeUnit, departments: scope.departments, levels: scope.levels,
    handlesTasks: scope.role === 'staff',
    actsOn: scope.role === 'admin' ? 'any' : scope.role === 'staff' ? 'offered' : 'none',
  };
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
 * Whether the user may act on a task as the engine holds it under the case lock (the engine calls
 * this inside its transaction: a task transferred away a moment ago is no longer the user's) —
 * the same rule as the engine's scoped task reads (`actionable`).
 */
export function mayActOnTask(scope: Scope, task: { assignee: string | null; candidateGroups: string[]; unit: string | null }): boolean {
  return engineMayActOnTask(readScope(scope), task);
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
