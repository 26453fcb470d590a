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
  'task:read', 'task:act',
  'pack:read', 'pack:deploy',
  'form:read', 'stats:read', 'org:read',
  'user:read', 'user:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Each permission in words, for the 403 message (the web app has the same list in Chinese and English). */
export const PERMISSION_LABELS: Record<Permission, string> = {
  'case:read': '查看案件', 'case:create': '受理登记案件', 'case:retry': '重试异常案件', 'case:message': '向案件发送消息（如撤回）',
  'signal:send': '发送信号', 'attachment:upload': '上传附件', 'task:read': '查看待办', 'task:act': '办理待办（认领、提交、退回、转办）',
  'pack:read': '查看流程包', 'pack:deploy': '部署流程包', 'form:read': '查看表单', 'stats:read': '查看统计分析',
  'org:read': '查看组织机构', 'user:read': '查看用户', 'user:manage': '管理用户',
};

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // Integrators deploy packs and connect other systems (12345, 110, courts), which submit cases.
  // They also deliver BPMN messages (撤回 …) and signals from those systems to waiting cases.
  integrator: ['pack:read', 'pack:deploy', 'form:read', 'org:read', 'case:create', 'case:message', 'signal:send', 'attachment:upload'],
  staff: ['case:read', 'case:create', 'attachment:upload', 'task:read', 'task:act', 'form:read', 'org:read', 'case:message', 'signal:send'],
  leader: ['case:read', 'task:read', 'form:read', 'stats:read', 'org:read', 'pack:read', 'user:read'],
  auditor: ['case:read', 'task:read', 'form:read', 'stats:read', 'org:read', 'pack:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
