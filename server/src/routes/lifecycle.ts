// 案件生命周期：不予受理（受理阶段，须说明理由并告知当事人）、中止 / 恢复（时限停止计算后顺延）、
// 延期（申请 → 流程包指定的角色审批 → 新的办理时限）. 撤回 is a BPMN message (POST /api/cases/{id}/messages)
// caught by an event that leads to an end event marked outcome=withdrawn. Every action is scoped like
// the other case routes (out of the caller's jurisdiction: 404) and recorded in the case history.
import { extensionApprover } from '@yizhan/engine';
import { ref } from '../api-schemas';
import { forbidden, notFound } from '../http-errors';
import { defineRoute, type RouteDef } from '../registry';
import { mayActOnTask } from '../scope';
import type { Services } from '../services';
import { caseAccess } from './case-access';

const reason = (title: string) => ({ type: 'string', minLength: 1, maxLength: 1000, title }) as const;

export function lifecycleRoutes(services: Services): RouteDef[] {
  const { checkVisible, shown: view } = caseAccess(services);

  return [
    defineRoute<{ reason: string; notice?: string }>({
      method: 'post', path: '/api/cases/:id/refuse', operationId: 'refuseCase', tag: 'cases', summary: '不予受理',
      description: '受理阶段（案件尚无已办结的任务）作出不予受理决定：须填写理由，可附告知当事人的内容（如应向何处反映）。'
        + '案件的待办任务和定时器取消，状态为 refused，统计中单列、不计入办结。已开始办理或已结束的案件返回 409 CASE_NOT_ACTIVE。',
      access: 'case:refuse', pathParams: { id: '案件 id' }, idempotent: true,
      body: {
        type: 'object', additionalProperties: false, required: ['reason'],
        properties: { reason: reason('不予受理的理由'), notice: { type: 'string', maxLength: 2000, title: '告知当事人的内容' } },
      },
      success: { status: 200, description: '不予受理后的案件', schema: ref('Case') },
      errors: [404, 409],
      async handler({ params, body, scope, user }) {
        await checkVisible(scope, params.id);
        return view(scope, await services.engine.refuseCase(params.id, { reason: body.reason, notice: body.notice, actor: user.username }));
      },
    }),
    defineRoute<{ reason: string }>({
      method: 'post', path: '/api/cases/:id/suspend', operationId: 'suspendCase', tag: 'cases', summary: '中止（时限停止计算）',
      description: '中止办理：时限停止计算，督办等定时器暂停；恢复时待办任务的办理时限、转黄时间和定时器按中止的时间顺延'
        + '（按工作日计时的流程按中止的工作日数顺延）。须填写理由。',
      access: 'case:suspend', pathParams: { id: '案件 id' },
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: reason('中止的理由') } },
      success: { status: 200, description: '中止后的案件', schema: ref('Case') },
      errors: [404, 409],
      async handler({ params, body, scope, user }) {
        await checkVisible(scope, params.id);
        return view(scope, await services.engine.suspendCase(params.id, { reason: body.reason, actor: user.username }));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/cases/:id/resume', operationId: 'resumeCase', tag: 'cases', summary: '恢复（时限顺延后继续计算）',
      access: 'case:suspend', pathParams: { id: '案件 id' }, bodyOptional: true,
      success: { status: 200, description: '恢复后的案件', schema: ref('Case') },
      errors: [404, 409],
      async handler({ params, scope, user }) {
        await checkVisible(scope, params.id);
        return view(scope, await services.engine.resumeCase(params.id, { actor: user.username }));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/cases/:id/extensions', operationId: 'listExtensions', tag: 'cases', summary: '案件的延期申请',
      access: 'case:read', pathParams: { id: '案件 id' },
      success: { status: 200, description: '延期申请（按申请先后）', schema: { type: 'array', items: ref('Extension') } },
      errors: [404],
      async handler({ params, scope }) {
        await checkVisible(scope, params.id);
        return services.engine.extensions(params.id);
      },
    }),
    defineRoute<{ days: number; reason: string }>({
      method: 'post', path: '/api/tasks/:id/extensions', operationId: 'requestExtension', tag: 'tasks', summary: '申请延期',
      description: '为本人或本部门的待办任务申请延长办理时限：天数（按流程包的时限口径）与理由必填；每个任务同时只能有一份待审批的申请。'
        + '由流程包指定的角色（deadlines.extensionApprover，缺省为领导）审批。',
      access: 'deadline:request', pathParams: { id: '任务 id' }, idempotent: true,
      body: {
        type: 'object', additionalProperties: false, required: ['days', 'reason'],
        properties: { days: { type: 'integer', minimum: 1, maximum: 366, title: '延长天数' }, reason: reason('延期理由') },
      },
      success: { status: 201, description: '延期申请', schema: ref('Extension') },
      errors: [404, 409],
      async handler({ params, body, scope, user }) {
        const task = await services.queries.getTask(scope, params.id);
        if (!task) throw notFound('TASK_NOT_FOUND', `任务不存在或不在您的辖区内：${params.id}`);
        if (!task.actionable) throw forbidden('该任务不属于您或您的部门，不能申请延期');
        return services.engine.requestExtension(params.id, {
          days: body.days, reason: body.reason, actor: user.username,
          authorize: (t) => {
            if (!mayActOnTask(scope, t)) throw forbidden('该任务已转办、退回或由他人处理，不能申请延期');
          },
        });
      },
    }),
    defineRoute<{ approve: boolean; note?: string }>({
      method: 'post', path: '/api/extensions/:id/decision', operationId: 'decideExtension', tag: 'tasks', summary: '审批延期申请',
      description: '批准时任务的办理时限从原时限起顺延申请的天数，转黄时间按流程包的比例重新计算；驳回时时限不变。'
        + '只有流程包指定的审批角色（缺省为领导）或系统管理员可以审批。',
      access: 'deadline:approve', pathParams: { id: '延期申请 id' },
      body: {
        type: 'object', additionalProperties: false, required: ['approve'],
        properties: { approve: { type: 'boolean', title: '是否批准' }, note: { type: 'string', maxLength: 1000, title: '审批意见' } },
      },
      success: { status: 200, description: '审批后的延期申请', schema: ref('Extension') },
      errors: [404, 409],
      async handler({ params, body, scope, user }) {
        const id = /^\d{1,15}$/.test(params.id) ? Number(params.id) : NaN;
        const ext = Number.isSafeInteger(id) ? await services.engine.extension(id).catch(() => undefined) : undefined;
        if (!ext || !(await services.queries.caseVisible(scope, ext.caseId))) throw notFound('EXTENSION_NOT_FOUND', `延期申请不存在或不在您的辖区内：${params.id}`);
        return services.engine.decideExtension(id, {
          approve: body.approve, note: body.note, actor: user.username,
          authorize: (def) => {
            const role = extensionApprover(def);
            if (user.role !== 'admin' && user.role !== role) throw forbidden(`延期须由「${role}」角色审批`);
          },
        });
      },
    }),
  ];
}
