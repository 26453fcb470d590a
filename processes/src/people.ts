// People: the roles of yizhan, what each may do, and which tasks a user may act on given their
// position in the org. Pure (no I/O): the server decides its API's rights with it, and
// `yizhan pack test` decides with the same functions whether a scenario's actor may take a step,
// so a scenario that passes cannot fail in production for want of a right.
//
// - A user has one role and a position: a unit (null: every unit) and departments.
// - Staff may act on a task assigned to them or offered to one of their departments, or offered
//   to their unit's level (e.g. "township") within their unit subtree; an admin may act on any
//   task they can see; leaders act on the supervision steps (督办, form `supervise`) offered to
//   them so, and on nothing else; auditors and integrators act on none.
// - Leaders (or the role a pack names in `supervision.by`) put cases under supervision on demand
//   (挂牌督办 with a 批示, 领导包案); 研判 search shows personal data only with `pii:read`.
import type { OrgIndex, OrgUnit } from '@yizhan/rules';
import { mayActOnTask as engineMayActOnTask, type ReadScope } from '@yizhan/engine';

export const ROLES = ['admin', 'integrator', 'staff', 'leader', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员（县级）',
  integrator: '集成开发人员（流程包）',
  staff: '办理人员',
  leader: '领导（督办，查看本辖区）',
  auditor: '审计人员（只读）',
};

export const PERMISSIONS = [
  'case:read', 'case:create', 'case:retry', 'case:message', 'signal:send', 'attachment:upload',
  'case:refuse', 'case:suspend', 'deadline:request', 'deadline:approve',
  'task:read', 'task:act',
  'pack:read', 'pack:deploy',
  'form:read', 'stats:read', 'org:read',
  'user:read', 'user:manage',
  'case:supervise', 'analysis:read', 'analysis:write', 'analysis:signoff', 'analysis:audit', 'pii:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // Integrators deploy packs and connect other systems (12345, 110, courts), which submit cases.
  // They also deliver BPMN messages (撤回 …) and signals from those systems to waiting cases.
  integrator: ['pack:read', 'pack:deploy', 'form:read', 'org:read', 'case:create', 'case:message', 'signal:send', 'attachment:upload'],
  // Staff refuse a case at intake (不予受理) and ask for more time (延期); leaders stop and resume
  // the SLA clock (中止 / 恢复) and approve extensions (or the role the pack names: admin).
  // Staff search cases by party (研判) with personal data masked, and draft 研判 records.
  staff: [
    'case:read', 'case:create', 'attachment:upload', 'task:read', 'task:act', 'form:read', 'org:read', 'case:message', 'signal:send', 'case:refuse', 'deadline:request',
    'analysis:read', 'analysis:write',
  ],
  // Leaders supervise (督办 with a 批示, 包案领导), act on the supervision steps offered to them
  // (task:act narrowed by SUPERVISION_FORMS), see personal data in 研判 search and sign off records.
  leader: [
    'case:read', 'task:read', 'task:act', 'form:read', 'stats:read', 'org:read', 'pack:read', 'user:read', 'case:suspend', 'deadline:approve',
    'case:supervise', 'analysis:read', 'analysis:write', 'analysis:signoff', 'pii:read',
  ],
  // Auditors read; for 研判 they see masked results and the search audit log.
  auditor: ['case:read', 'task:read', 'form:read', 'stats:read', 'org:read', 'pack:read', 'analysis:read', 'analysis:audit'],
};

/** The form key of the supervision step (督办 / 领导包案; steps.ts names it a step): the only tasks a leader acts on. */
export const SUPERVISION_FORM = 'supervise';
export const SUPERVISION_FORMS: readonly string[] = [SUPERVISION_FORM];

/** The forms a role may act on, when its `task:act` is narrowed to some (a leader: the supervision steps); undefined: any. */
export function actsOnFormsOf(role: Role): readonly string[] | undefined {
  return role === 'leader' ? SUPERVISION_FORMS : undefined;
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** A user's position as the permission model needs it (a server user, or a pack user). */
export interface Person {
  username: string;
  role: Role;
  /** Org unit code; null = every unit. */
  unit: string | null;
  departments: string[];
}

/** What a user may see and act on, computed once from their position in the org. */
export interface ActorScope {
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

/** A task as the permission decision needs it. */
export interface TaskOffer {
  assignee: string | null;
  candidateGroups: string[];
  unit: string | null;
  /** The task's form (a leader acts only on the supervision forms). */
  formKey?: string | null;
}

/** Department kinds whose staff serve the whole unit (see ActorScope.wholeUnit). */
const UNIT_WIDE_KINDS = new Set(['centre', 'township', 'village']);

/** The unit and every unit below it; an unknown code is its own (empty) subtree. */
export function unitSubtree(org: OrgIndex, code: string): string[] {
  const unit = org.unit(code);
  if (!unit) return [code];
  const out: string[] = [];
  const walk = (u: OrgUnit) => {
    out.push(u.code);
    u.children?.forEach(walk);
  };
  walk(unit);
  return out;
}

export function actorScope(person: Person, org: OrgIndex): ActorScope {
  const level = person.unit ? org.level(person.unit) : undefined;
  return {
    username: person.username,
    role: person.role,
    all: person.unit === null,
    unit: person.unit,
    units: person.unit ? unitSubtree(org, person.unit) : [],
    departments: person.departments,
    levels: level ? [level] : [],
    wholeUnit: person.role !== 'staff' || person.departments.length === 0
      || person.departments.some((d) => UNIT_WIDE_KINDS.has(org.department(d)?.kind ?? '')),
  };
}

/**
 * Whether the user may act on (claim, complete, return, transfer) a task they can see. The server
 * checks it on the task as the engine holds it under the case lock; an admin's right rests on the
 * case's unit (visibility), which a task command never changes.
 */
export function mayActOnTask(scope: Pick<ActorScope, 'username' | 'role' | 'units' | 'departments' | 'levels'>, task: TaskOffer): boolean {
  return engineMayActOnTask(readScopeOf({ ...scope, all: false, wholeUnit: false }), task);
}

/** The scope as the engine's scoped reads take it (the engine turns it into SQL and decides "may act" with it). */
export function readScopeOf(scope: Pick<ActorScope, 'username' | 'role' | 'all' | 'units' | 'wholeUnit' | 'departments' | 'levels'>): ReadScope {
  const forms = actsOnFormsOf(scope.role);
  return {
    username: scope.username, all: scope.all, units: scope.units, wholeUnit: scope.wholeUnit, departments: scope.departments, levels: scope.levels,
    handlesTasks: scope.role === 'staff',
    actsOn: scope.role === 'admin' ? 'any' : scope.role === 'staff' || scope.role === 'leader' ? 'offered' : 'none',
    ...(forms ? { actsOnForms: forms } : {}),
  };
}

/** The server account of a pack user: role (default staff), unit (default: the first department's). */
export function packUserAccount(u: { username: string; name: string; departments: string[]; role?: Role; unit?: string }, org: OrgIndex): Person & { displayName: string } {
  return {
    username: u.username,
    displayName: u.name,
    role: u.role ?? 'staff',
    unit: u.unit ?? u.departments.map((d) => org.department(d)?.unit).find((x) => !!x) ?? null,
    departments: u.departments,
  };
}
