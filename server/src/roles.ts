// Roles and what each may do. Handlers declare the permission they need; org scoping (which
// cases and tasks) is applied on top of this in the queries (see scope.ts). The model itself is
// shared with `yizhan pack test` (@yizhan/packs, people.ts), so scenarios act as users do here.
export { ROLES, ROLE_LABELS, PERMISSIONS, can, isRole, type Role, type Permission } from '@yizhan/packs';
import type { Permission } from '@yizhan/packs';

/** Each permission in words, for the 403 message (the web app has the same list in Chinese and English). */
export const PERMISSION_LABELS: Record<Permission, string> = {
  'case:read': '查看案件', 'case:create': '受理登记案件', 'case:retry': '重试异常案件', 'case:message': '向案件发送消息（如撤回）',
  'signal:send': '发送信号', 'attachment:upload': '上传附件', 'task:read': '查看待办', 'task:act': '办理待办（认领、提交、退回、转办）',
  'case:refuse': '不予受理', 'case:suspend': '中止 / 恢复案件时限', 'deadline:request': '申请延期', 'deadline:approve': '审批延期',
  'pack:read': '查看流程包', 'pack:deploy': '部署流程包', 'form:read': '查看表单', 'stats:read': '查看统计分析',
  'org:read': '查看组织机构', 'user:read': '查看用户', 'user:manage': '管理用户',
  'case:supervise': '挂牌督办（批示、包案领导、销号）', 'analysis:read': '研判查询与预警', 'analysis:write': '撰写研判记录',
  'analysis:signoff': '签批研判记录', 'analysis:audit': '查看研判查询审计', 'pii:read': '在研判结果中查看完整个人信息',
};
