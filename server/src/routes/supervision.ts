// 挂牌督办与领导包案：领导对本辖区任一在办案件作出批示（可附督办期限、指定包案领导），责任单位在待办中
// 看到批示；督办列表；督办销号. Scoped like every case route (out of the caller's jurisdiction: 404),
// each action recorded in the case history. Who supervises is the pack's choice (pack.json
// `supervision.by`, default leader); an administrator always may.
import type { DefinitionRecord } from '@yizhan/engine';
import { packSupervisor, ROLE_LABELS } from '@yizhan/packs';
import { ref } from '../api-schemas';
import { badRequest, forbidden, notFound } from '../http-errors';
import { defineRoute, type RouteDef } from '../registry';
import { readScope, scopeOf, type Scope } from '../scope';
import type { Services } from '../services';
import type { User } from '../users';
import { caseAccess } from './case-access';

export function supervisionRoutes(services: Services): RouteDef[] {
  const { checkVisible, shown } = caseAccess(services);

  /** Refuses, under the case lock, a user whose role is not the one the case's pack names to supervise. */
  const supervisor = (user: User) => (def: DefinitionRecord) => {
    const role = packSupervisor(def.meta);
    if (user.role !== 'admin' && user.role !== role) throw forbidden(`本流程包的督办由「${ROLE_LABELS[role]}」作出`);
  };

  /** A 包案领导 must be a leader (or the pack's supervising role) who can see the case. */
  const checkLeader = async (caseId: string, username: string | null | undefined) => {
    if (!username) return;
    const leader = await services.users.get(username);
    const field = [{ field: '/leaderInCharge', code: 'NOT_A_LEADER', message: username }];
    if (!leader || leader.disabled || (leader.role !== 'leader' && leader.role !== 'admin')) throw badRequest(`「${username}」不是领导账号，不能作为包案领导`, field);
    if (!(await services.queries.caseVisible(scopeOf(leader, services.directory), caseId))) {
      throw badRequest(`「${username}」的辖区不含此案件，不能作为包案领导`, field);
    }
  };

  const visibleSupervision = async (scope: Scope, id: string) => {
    const n = /^\d{1,15}$/.test(id) ? Number(id) : NaN;
    const s = Number.isSafeInteger(n) ? await services.engine.supervision(n).catch(() => undefined) : undefined;
    if (!s || !(await services.queries.caseVisible(scope, s.caseId))) throw notFound('SUPERVISION_NOT_FOUND', `督办不存在或不在您的辖区内：${id}`);
    return s;
  };

  return [
    defineRoute<{ instruction: string; deadline?: string; leaderInCharge?: string }>({
      method: 'post', path: '/api/cases/:id/supervise', operationId: 'superviseCase', tag: 'supervision', summary: '挂牌督办（领导批示）',
      description: '领导对本辖区内在办的案件作出批示，可附督办期限（须晚于现在）并指定包案领导（须为辖区含此案的领导）。'
        + '案件标为督办：收件箱、案件详情与统计中都有标记；责任单位的待办任务显示最新批示。可多次批示。'
        + '由流程包指定的角色（pack.json supervision.by，缺省为领导）或系统管理员作出；辖区以外的案件返回 404。',
      access: 'case:supervise', pathParams: { id: '案件 id' }, idempotent: true,
      body: {
        type: 'object', additionalProperties: false, required: ['instruction'],
        properties: {
          instruction: { type: 'string', minLength: 1, maxLength: 2000, title: '批示' },
          deadline: { type: 'string', format: 'date-time', title: '督办期限' },
          leaderInCharge: { type: 'string', minLength: 1, maxLength: 100, title: '包案领导（用户名）' },
        },
      },
      success: { status: 201, description: '督办', schema: ref('Supervision') },
      errors: [404, 409],
      async handler({ params, body, scope, user }) {
        await checkVisible(scope, params.id);
        await checkLeader(params.id, body.leaderInCharge);
        return services.engine.supervise(params.id, {
          instruction: body.instruction, deadline: body.deadline ? new Date(body.deadline) : null, leaderInCharge: body.leaderInCharge ?? null,
          actor: user.username, authorize: supervisor(user),
        });
      },
    }),
    defineRoute<{ leader: string | null }>({
      method: 'post', path: '/api/cases/:id/leader', operationId: 'assignLeader', tag: 'supervision', summary: '指定包案领导',
      description: '领导包案：指定（leader 为 null 时取消）本案的包案领导；须为辖区含此案的领导账号。',
      access: 'case:supervise', pathParams: { id: '案件 id' },
      body: {
        type: 'object', additionalProperties: false, required: ['leader'],
        properties: { leader: { type: ['string', 'null'], minLength: 1, maxLength: 100, title: '包案领导（用户名）' } },
      },
      success: { status: 200, description: '案件', schema: ref('Case') },
      errors: [404, 409],
      async handler({ params, body, scope, user }) {
        await checkVisible(scope, params.id);
        await checkLeader(params.id, body.leader);
        return shown(scope, await services.engine.assignLeader(params.id, { leader: body.leader, actor: user.username, authorize: supervisor(user) }));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/cases/:id/supervisions', operationId: 'listCaseSupervisions', tag: 'supervision', summary: '案件的督办（批示）',
      access: 'case:read', pathParams: { id: '案件 id' },
      success: { status: 200, description: '督办（按先后）', schema: { type: 'array', items: ref('Supervision') } },
      errors: [404],
      async handler({ params, scope }) {
        await checkVisible(scope, params.id);
        return services.engine.caseSupervisions(params.id);
      },
    }),
    defineRoute<unknown, { status?: 'active' | 'closed' | 'all'; limit?: number; offset?: number }>({
      method: 'get', path: '/api/supervisions', operationId: 'listSupervisions', tag: 'supervision', summary: '督办列表（本辖区）',
      description: 'status：active 督办中（默认）、closed 已销号、all。督办中的在前，新的在前；overdue 为已过督办期限。',
      access: 'case:read',
      query: [
        { name: 'status', schema: { type: 'string', enum: ['active', 'closed', 'all'] }, description: '状态' },
        { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, description: '条数' },
        { name: 'offset', schema: { type: 'integer', minimum: 0, default: 0 }, description: '偏移' },
      ],
      success: { status: 200, description: '督办', schema: { type: 'array', items: ref('SupervisionEntry') } },
      async handler({ query, scope }) {
        const rows = await services.engine.listSupervisions(readScope(scope), { status: query.status ?? 'active', limit: query.limit ?? 100, offset: query.offset ?? 0 });
        const names = await services.users.displayNames(rows.flatMap((r) => [r.createdBy, ...(r.leaderInCharge ? [r.leaderInCharge] : [])]));
        return rows.map((r) => ({
          ...r, caseUnitName: services.directory.unitName(r.caseUnit),
          createdByName: names[r.createdBy] ?? null, leaderInChargeName: r.leaderInCharge ? names[r.leaderInCharge] ?? null : null,
        }));
      },
    }),
    defineRoute<{ note?: string }>({
      method: 'post', path: '/api/supervisions/:id/close', operationId: 'closeSupervision', tag: 'supervision', summary: '督办销号',
      access: 'case:supervise', pathParams: { id: '督办 id' },
      body: { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 1000, title: '销号意见' } } },
      bodyOptional: true,
      success: { status: 200, description: '销号后的督办', schema: ref('Supervision') },
      errors: [404, 409],
      async handler({ params, body, scope, user }) {
        await visibleSupervision(scope, params.id);
        return services.engine.closeSupervision(Number(params.id), { note: body?.note, actor: user.username, authorize: supervisor(user) });
      },
    }),
  ];
}
