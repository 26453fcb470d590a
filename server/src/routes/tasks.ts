// 待办：收件箱、认领 / 释放 / 办理 / 退回 / 转办. Every action is checked against the caller's
// scope in SQL first (out of scope: 404; visible but not theirs: 403), then done by the engine,
// which records it in the case history with the actor.
import { ref } from '../api-schemas';
import { ApiError, forbidden, notFound } from '../http-errors';
import { defineRoute, type RouteDef } from '../registry';
import { intakeNames, redactTaskData } from '../mask';
import { mayActOnTask, seesPersonalData, type Scope } from '../scope';
import type { AuthorizeTask, TaskView } from '@yizhan/engine';
import type { InboxScope, TaskListItem } from '../scoped-queries';
import type { Services } from '../services';

const taskNotFound = (id: string) => notFound('TASK_NOT_FOUND', `任务不存在或不在您的辖区内：${id}`);
const idParam = { id: '任务 id' };

export function taskRoutes(services: Services): RouteDef[] {
  const visibleTask = async (scope: Scope, id: string) => {
    const task = await services.queries.getTask(scope, id);
    if (!task) throw taskNotFound(id);
    return task;
  };
  /** The task when the caller may act on it. */
  const actionableTask = async (scope: Scope, id: string) => {
    const task = await visibleTask(scope, id);
    if (!task.actionable) throw forbidden('该任务不属于您或您的部门，不能办理');
    return task;
  };
  /** The intake names of each case, to mask them in redacted task data. */
  const intakeNamesOf = async (caseIds: string[]) => {
    const data = await services.engine.queries.caseData(caseIds);
    return new Map([...data].map(([id, d]) => [id, intakeNames(d)]));
  };
  /** Re-checks the caller's right on the task under the case lock (see mayActOnTask). */
  const authorize = (scope: Scope): AuthorizeTask => (task) => {
    if (!mayActOnTask(scope, task)) throw forbidden('该任务已转办、退回或由他人处理，不再属于您或您的部门，不能办理');
  };
  /** The task after an action, as the caller now sees it (after 转办 it may no longer be theirs). */
  const after = async (scope: Scope, before: TaskListItem, changed: TaskView) =>
    withCaseUnit((await services.queries.getTask(scope, before.id)) ?? {
      ...changed, caseNumber: before.caseNumber, caseTitle: before.caseTitle, caseType: before.caseType, processKey: before.processKey, actionable: false,
    });
  const withCaseUnit = <T extends { unit: string | null }>(t: T) => ({ ...t, unitName: services.directory.unitName(t.unit) });

  return [
    defineRoute<unknown, { scope?: InboxScope; status?: 'open' | 'warning' | 'overdue' | 'completed' | 'all'; caseId?: string; limit?: number; offset?: number; cursor?: string }>({
      method: 'get', path: '/api/tasks', operationId: 'listTasks', tag: 'tasks', summary: '待办（收件箱）',
      description: 'scope：mine 我认领的；department 我部门的；unit 本辖区案件的；缺省为 inbox（我认领的与可认领的）。'
        + 'status：open（默认）、warning 黄牌预警（已过转黄时间、未到期）、overdue 红牌超期、completed、all。每条任务带办理时限 dueAt、转黄时间 warnAt 与红黄绿 colour。'
        + '翻页：还有下一页时响应头 X-Next-Cursor 给出游标，原样作为 cursor 参数取下一页（按索引定位，不论多深都一样快）；offset 仍可用，但越深越慢。',
      access: 'task:read',
      query: [
        { name: 'scope', schema: { type: 'string', enum: ['inbox', 'mine', 'department', 'unit'] }, description: '范围' },
        { name: 'status', schema: { type: 'string', enum: ['open', 'warning', 'overdue', 'completed', 'all'] }, description: '状态' },
        { name: 'caseId', schema: { type: 'string', format: 'uuid' }, description: '只看某一案件' },
        { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, description: '条数' },
        { name: 'offset', schema: { type: 'integer', minimum: 0, default: 0 }, description: '偏移（有 cursor 时不用）' },
        { name: 'cursor', schema: { type: 'string', maxLength: 200 }, description: '上一页响应头 X-Next-Cursor 的游标' },
      ],
      success: { status: 200, description: '任务', schema: { type: 'array', items: ref('InboxTask') } },
      async handler({ query, scope, res }) {
        const { items: tasks, next } = await services.queries.listTasks(scope, {
          scope: query.scope ?? 'inbox', status: query.status ?? 'open', caseId: query.caseId, limit: query.limit ?? 100, offset: query.offset ?? 0,
          cursor: query.cursor,
        });
        if (next) res.setHeader('x-next-cursor', next);
        if (seesPersonalData(scope, 'list')) return tasks.map(withCaseUnit);
        const names = await intakeNamesOf(tasks.map((t) => t.caseId));
        return tasks.map((t) => withCaseUnit(redactTaskData(t, names.get(t.caseId))));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/tasks/:id', operationId: 'getTask', tag: 'tasks', summary: '任务详情（含办理表单）',
      access: 'task:read', pathParams: idParam,
      success: {
        status: 200, description: '任务与其表单',
        schema: { allOf: [ref('InboxTask'), { type: 'object', properties: { form: { type: ['object', 'null'], properties: { schema: { type: 'object' }, uiSchema: { type: 'object' } } } } }] },
      },
      errors: [404],
      async handler({ params, scope }) {
        const task = await visibleTask(scope, params.id);
        const c = await services.engine.getCase(task.caseId);
        const def = await services.engine.definitions.byIdOrThrow(c.definitionId);
        const form = task.formKey ? def.forms[task.formKey] ?? null : null;
        const shown = seesPersonalData(scope, 'detail') ? task : redactTaskData(task, (await intakeNamesOf([task.caseId])).get(task.caseId));
        return { ...withCaseUnit(shown), form };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/tasks/:id/claim', operationId: 'claimTask', tag: 'tasks', summary: '认领',
      access: 'task:act', pathParams: idParam,
      success: { status: 200, description: '已认领', schema: ref('InboxTask') },
      errors: [404, 409],
      async handler({ params, scope, user }) {
        const task = await actionableTask(scope, params.id);
        return after(scope, task, await services.engine.claimTask(params.id, user.username, { authorize: authorize(scope) }));
      },
    }),
    defineRoute<{ force?: boolean } | undefined>({
      method: 'post', path: '/api/tasks/:id/unclaim', operationId: 'unclaimTask', tag: 'tasks', summary: '释放（退回到部门待认领）',
      description: '只有认领人可以释放；管理员可用 force 释放他人认领的任务。',
      access: 'task:act', pathParams: idParam,
      body: { type: 'object', additionalProperties: false, properties: { force: { type: 'boolean', title: '强制释放（管理员）' } } },
      bodyOptional: true,
      success: { status: 200, description: '已释放', schema: ref('InboxTask') },
      errors: [404, 409],
      async handler({ params, scope, user, body }) {
        const task = await actionableTask(scope, params.id);
        const force = body?.force === true;
        if (force && user.role !== 'admin') throw forbidden('只有管理员可以强制释放');
        return after(scope, task, await services.engine.unclaimTask(params.id, user.username, { force, authorize: authorize(scope) }));
      },
    }),
    defineRoute<{ data: Record<string, unknown> }>({
      method: 'post', path: '/api/tasks/:id/complete', operationId: 'completeTask', tag: 'tasks', summary: '办理（提交任务表单）',
      description: '按任务表单校验 data：不合格返回 400 FORM_INVALID 与逐字段错误，不做任何改动；'
        + '重复提交返回 409 TASK_ALREADY_COMPLETED；他人已认领返回 409 TASK_CLAIMED。'
        + '带 Idempotency-Key 头时，以同一键重发同一请求返回第一次的结果（200 与办理后的案件）。',
      access: 'task:act', pathParams: idParam, idempotent: true,
      body: { type: 'object', additionalProperties: false, required: ['data'], properties: { data: { type: 'object', title: '表单数据' } } },
      success: { status: 200, description: '办理后的案件', schema: ref('Case') },
      errors: [404, 409, 422],
      async handler({ params, scope, user, body }) {
        const task = await actionableTask(scope, params.id);
        // attachments referenced by the form: staged by this user, or already the case's
        const staged = await services.attachments.checkRefs(body.data, user.username, task.caseId);
        // the engine checks the claim under the case lock (409 TASK_CLAIMED); an admin may complete anyway
        const c = await services.engine.completeTask(params.id, body.data, user.username, { force: user.role === 'admin', authorize: authorize(scope) });
        await services.attachments.bind(staged, c.id, user.username);
        return { ...c, unitName: services.directory.unitName(c.unit) };
      },
    }),
    defineRoute<{ reason: string }>({
      method: 'post', path: '/api/tasks/:id/return', operationId: 'returnTask', tag: 'tasks', summary: '退回（交回综治中心重新分流）',
      access: 'task:act', pathParams: idParam,
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 500, title: '退回理由' } } },
      success: { status: 200, description: '已退回', schema: ref('InboxTask') },
      errors: [404, 409, 422],
      async handler({ params, scope, user, body }) {
        const task = await actionableTask(scope, params.id);
        return after(scope, task, await services.engine.returnTask(params.id, { reason: body.reason, actor: user.username, authorize: authorize(scope) }));
      },
    }),
    defineRoute<{ department: string; reason?: string }>({
      method: 'post', path: '/api/tasks/:id/transfer', operationId: 'transferTask', tag: 'tasks', summary: '转办（交给另一部门）',
      description: '只能转办给本案件流程（所在县的流程包）组织架构中的部门，否则返回 422 TRANSFER_OUT_OF_SCOPE，不做任何改动。',
      access: 'task:act', pathParams: idParam,
      body: {
        type: 'object', additionalProperties: false, required: ['department'],
        properties: { department: { type: 'string', minLength: 1, maxLength: 100, title: '转办部门编码' }, reason: { type: 'string', maxLength: 500, title: '转办理由' } },
      },
      success: { status: 200, description: '已转办', schema: ref('InboxTask') },
      errors: [404, 409, 422],
      async handler({ params, scope, user, body }) {
        const task = await actionableTask(scope, params.id);
        if (!services.directory.department(body.department)) {
          throw new ApiError('VALIDATION_FAILED', '转办部门不存在', [{ field: '/department', code: 'enum', message: `部门编码「${body.department}」不存在` }]);
        }
        // Only to a department of the case's own org model (its pack, its county).
        const def = await services.engine.definitions.byIdOrThrow(await services.engine.queries.definitionIdOfCase(task.caseId));
        const reachable = ((def.org as { departments?: { code: string }[] } | null)?.departments ?? []).map((d) => d.code);
        if (!reachable.includes(body.department)) {
          throw new ApiError('TRANSFER_OUT_OF_SCOPE', `部门「${body.department}」不属于本案件所在县的组织架构，不能转办`, [
            { field: '/department', code: 'TRANSFER_OUT_OF_SCOPE', message: `只能转办给流程「${def.key}」组织架构中的部门` },
          ]);
        }
        return after(scope, task, await services.engine.transferTask(params.id, { department: body.department, actor: user.username, reason: body.reason, authorize: authorize(scope) }));
      },
    }),
  ];
}
