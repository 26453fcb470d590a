// What a role may not do, said in words: the server's permission names (server/src/roles.ts
// PERMISSIONS) and the app's abilities (session.tsx) in Chinese and English, the 403 message made
// readable, and the panel shown instead of a page the role may not open.
import { Alert } from 'antd';
import type { Role } from '../api/types';
import { useI18n, type Lang } from './i18n';
import { useSession, type Ability } from './session';

type Words = Record<Lang, string>;

/** The server's permissions (server/src/roles.ts PERMISSIONS). */
export const PERMISSION_WORDS: Record<string, Words> = {
  'case:read': { 'zh-CN': '查看案件', en: 'view cases' },
  'case:create': { 'zh-CN': '受理登记案件', en: 'register cases' },
  'case:retry': { 'zh-CN': '重试异常案件', en: 'retry failed cases' },
  'case:message': { 'zh-CN': '向案件发送消息（如撤回）', en: 'send messages to cases' },
  'signal:send': { 'zh-CN': '发送信号', en: 'send signals' },
  'attachment:upload': { 'zh-CN': '上传附件', en: 'upload attachments' },
  'case:refuse': { 'zh-CN': '不予受理', en: 'refuse cases at intake' },
  'case:suspend': { 'zh-CN': '中止 / 恢复案件时限', en: 'suspend and resume case deadlines' },
  'deadline:request': { 'zh-CN': '申请延期', en: 'request extensions' },
  'deadline:approve': { 'zh-CN': '审批延期', en: 'approve extensions' },
  'task:read': { 'zh-CN': '查看待办', en: 'view tasks' },
  'task:act': { 'zh-CN': '办理待办（认领、提交、退回、转办）', en: 'act on tasks' },
  'pack:read': { 'zh-CN': '查看流程包', en: 'view process packs' },
  'pack:deploy': { 'zh-CN': '部署流程包', en: 'deploy process packs' },
  'form:read': { 'zh-CN': '查看表单', en: 'view forms' },
  'stats:read': { 'zh-CN': '查看统计分析', en: 'view statistics' },
  'org:read': { 'zh-CN': '查看组织机构', en: 'view the organisation' },
  'user:read': { 'zh-CN': '查看用户', en: 'view users' },
  'user:manage': { 'zh-CN': '管理用户', en: 'manage users' },
  'case:supervise': { 'zh-CN': '挂牌督办（批示、包案领导、销号）', en: 'supervise cases (instructions, leader in charge, closing)' },
  'analysis:read': { 'zh-CN': '研判查询与预警', en: 'search parties and see alerts' },
  'analysis:write': { 'zh-CN': '撰写研判记录', en: 'write analysis records' },
  'analysis:signoff': { 'zh-CN': '签批研判记录', en: 'sign off analysis records' },
  'analysis:audit': { 'zh-CN': '查看研判查询审计', en: 'view the search audit log' },
  'pii:read': { 'zh-CN': '在研判结果中查看完整个人信息', en: 'see personal data in full in search results' },
};

/** The app's abilities (session.tsx), as what the role lacks. */
export const ABILITY_WORDS: Record<Ability, Words> = {
  workspace: { 'zh-CN': '使用工作台（待办、案件）', en: 'use the workspace (inbox, cases)' },
  act: { 'zh-CN': '办理待办', en: 'act on tasks' },
  createCase: { 'zh-CN': '受理登记案件', en: 'register cases' },
  admin: { 'zh-CN': '查看管理页面（统计、流程包）', en: 'open the admin pages (dashboard, packs)' },
  deploy: { 'zh-CN': '部署流程包', en: 'deploy process packs' },
  message: { 'zh-CN': '向案件发送消息', en: 'send messages to cases' },
  users: { 'zh-CN': '管理用户与组织', en: 'manage users and the organisation' },
};

export const ROLE_WORDS: Record<Role, Words> = {
  admin: { 'zh-CN': '系统管理员', en: 'administrator' },
  integrator: { 'zh-CN': '集成开发人员', en: 'integrator' },
  staff: { 'zh-CN': '办理人员', en: 'staff' },
  leader: { 'zh-CN': '领导', en: 'leader' },
  auditor: { 'zh-CN': '审计人员', en: 'auditor' },
};

/**
 * A 403's message with the permission named in words: the server says
 * 「当前角色无权执行此操作（需要 pack:deploy 权限）」; this reads 「…需要「部署流程包」权限（pack:deploy）」.
 */
export function forbiddenMessage(message: string, lang: Lang): string {
  return message.replace(/需要 ([a-z]+:[a-z]+) 权限/, (all, name: string) => {
    const w = PERMISSION_WORDS[name];
    return w ? `需要「${w[lang]}」权限（${name}）` : all;
  });
}

/** Shown instead of a page the role may not open (never a blank page). */
export function NotAllowed({ ability }: { ability: Ability }) {
  const { user } = useSession();
  const { t, lang } = useI18n();
  const role = user ? ROLE_WORDS[user.role][lang] : '';
  return (
    <Alert
      type="info"
      showIcon
      data-testid="not-allowed"
      title={t('notAllowedTitle', { role, what: ABILITY_WORDS[ability][lang] })}
      description={t(ability === 'createCase' ? 'notAllowedCreateCase' : 'notAllowedHint')}
    />
  );
}
