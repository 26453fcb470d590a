// Roles and what each may do. Handlers declare the permission they need; org scoping (which
// cases and tasks) is applied on top of this in the queries (see scope.ts).

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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // Integrators deploy packs and connect other systems (12345, 110, courts), which submit cases.
  // They also deliver BPMN messages (撤回 …) and signals from those systems to waiting cases.
  integrator: ['pack:read', 'pack:deploy', 'form:read', 'org:read', 'case:create', 'case:message', 'signal:send', 'attachment:upload'],
  // Staff refuse a case at intake (不予受理) and ask for more time (延期); leaders stop and resume
  // the SLA clock (中止 / 恢复) and approve extensions (or the role the pack names: admin).
  staff: ['case:read', 'case:create', 'attachment:upload', 'task:read', 'task:act', 'form:read', 'org:read', 'case:message', 'signal:send', 'case:refuse', 'deadline:request'],
  leader: ['case:read', 'task:read', 'form:read', 'stats:read', 'org:read', 'pack:read', 'user:read', 'case:suspend', 'deadline:approve'],
  auditor: ['case:read', 'task:read', 'form:read', 'stats:read', 'org:read', 'pack:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
