// 案件：受理、列表、详情（变量、分流决定及解释、待办任务、办理时间线）、异常重试.
import { ref } from '../api-schemas';
import { ApiError, forbidden } from '../http-errors';
import { defineRoute, type RouteDef } from '../registry';
import { redactCase } from '../mask';
import { seesPersonalData, type Scope } from '../scope';
import type { CaseListFilter } from '../scoped-queries';
import type { Services } from '../services';
import { caseAccess } from './case-access';

/** Past this many cases a list's count is given as "10000+" (see countCases). */
const COUNT_BOUND = 10_000;

export function caseRoutes(services: Services): RouteDef[] {
  const { checkVisible, withUnitName: view } = caseAccess(services);

  /** The case when the caller may see it (scoped in SQL), else CASE_NOT_FOUND. */
  const visibleCase = async (scope: Scope, id: string) => view(await services.engine.getCase(await checkVisible(scope, id)));

  return [
    defineRoute<{ process: string; version?: number; title?: string; data: Record<string, unknown> }>({
      method: 'post', path: '/api/cases', operationId: 'startCase', tag: 'cases', summary: '受理：新建案件',
      description: '按流程的受理表单校验 data（不合格返回 400 与逐字段错误）；分流规则决定去向。'
        + 'data.unit（发生地单位编码）须在本人辖区内，缺省为本人所属单位。'
        + '带 Idempotency-Key 头时，同一用户以同一键重发同一请求只返回第一次的结果，不会重复受理。',
      access: 'case:create', idempotent: true,
      body: {
        type: 'object', additionalProperties: false, required: ['process', 'data'],
        properties: {
          process: { type: 'string', minLength: 1, maxLength: 200, title: '流程标识（如 longxi/dispute）' },
          version: { type: 'integer', minimum: 1, title: '流程版本（缺省为最新）' },
          title: { type: 'string', maxLength: 200, title: '案件标题' },
          data: { type: 'object', title: '受理表单数据' },
        },
      },
      success: { status: 201, description: '已受理：案件及其待办任务', schema: ref('Case') },
      errors: [404, 422],
      async handler({ body, user, scope }) {
        const given = typeof body.data.unit === 'string' && body.data.unit ? body.data.unit : undefined;
        const unit = given ?? user.unit ?? undefined;
        if (given && !scope.all && !scope.units.includes(given)) throw forbidden(`单位「${given}」不在您的辖区内，不能代为受理`);
        const staged = await services.attachments.checkRefs(body.data, user.username, null);
        const started = await services.engine.startCase({
          process: body.process, version: body.version, title: body.title, data: body.data, actor: user.username, unit,
        });
        await services.attachments.bind(staged, started.id, user.username);
        return view(started);
      },
    }),
    defineRoute<unknown, { status?: CaseListFilter['status']; type?: string; unit?: string; process?: string; q?: string; supervised?: boolean; limit: number; offset: number; cursor?: string; count?: boolean }>({
      method: 'get', path: '/api/cases', operationId: 'listCases', tag: 'cases', summary: '案件列表（本辖区）',
      description: '新受理的在前。翻页：还有下一页时响应头 X-Next-Cursor 给出游标，原样作为 cursor 参数取下一页（按索引定位，不论多深都一样快）；offset 仍可用，但越深越慢。'
        + `count=true 时响应头 X-Total-Count 给出总数，超过 ${COUNT_BOUND} 件时为「${COUNT_BOUND}+」（不为计数读完全部案件）。`
        + 'q 在标题、类型、编号与当事人姓名（申请人、被申请人）中查找子串，中文亦可。',
      access: 'case:read',
      query: [
        { name: 'status', schema: { type: 'string', enum: ['active', 'completed', 'incident', 'failed', 'withdrawn', 'refused'] }, description: '状态' },
        { name: 'type', schema: { type: 'string', maxLength: 100 }, description: '案件类型' },
        { name: 'unit', schema: { type: 'string', maxLength: 100 }, description: '发生地单位编码（仅在辖区内生效）' },
        { name: 'process', schema: { type: 'string', maxLength: 200 }, description: '流程标识' },
        { name: 'q', schema: { type: 'string', maxLength: 100 }, description: '标题、类型、编号或当事人姓名中的关键字' },
        { name: 'supervised', schema: { type: 'boolean' }, description: 'true：只看挂牌督办的案件' },
        { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, description: '条数' },
        { name: 'offset', schema: { type: 'integer', minimum: 0, default: 0 }, description: '偏移（有 cursor 时不用）' },
        { name: 'cursor', schema: { type: 'string', maxLength: 200 }, description: '上一页响应头 X-Next-Cursor 的游标' },
        { name: 'count', schema: { type: 'boolean', default: false }, description: '是否在响应头 X-Total-Count 给出总数（有上限）' },
      ],
      success: { status: 200, description: '案件', schema: { type: 'array', items: ref('CaseSummary') } },
      async handler({ query, scope, res }) {
        const filter = { status: query.status, type: query.type, unit: query.unit, processKey: query.process, q: query.q, supervised: query.supervised };
        const [{ items: rows, next }, count] = await Promise.all([
          services.queries.listCases(scope, { ...filter, limit: query.limit ?? 50, offset: query.offset ?? 0, cursor: query.cursor }),
          query.count ? services.queries.countCases(scope, filter, COUNT_BOUND) : undefined,
        ]);
        if (next) res.setHeader('x-next-cursor', next);
        if (count !== undefined) res.setHeader('x-total-count', count > COUNT_BOUND ? `${COUNT_BOUND}+` : String(count));
        return rows.map((r) => ({ ...r, unitName: services.directory.unitName(r.unit) }));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/cases/:id', operationId: 'getCase', tag: 'cases', summary: '案件详情',
      description: '案件、流程变量、分流决定及其解释（routing）、待办任务、异常与办理时间线（history），以及时间线和任务中工作人员的姓名（people）。审计人员看到的身份证号、电话、住址、姓名等个人信息已脱敏。',
      access: 'case:read', pathParams: { id: '案件 id' },
      success: { status: 200, description: '案件', schema: ref('CaseDetail') },
      errors: [404],
      async handler({ params, scope }) {
        const c = await visibleCase(scope, params.id);
        // who did what, by name: the staff in the timeline and on the tasks
        const people = await services.users.displayNames([
          ...c.history.map((h) => h.actor), ...c.tasks.flatMap((t) => [t.assignee, t.completedBy]), c.leaderInCharge,
        ].filter((u): u is string => typeof u === 'string'));
        return { ...(seesPersonalData(scope, 'detail') ? c : redactCase(c)), people };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/cases/:id/retry', operationId: 'retryCase', tag: 'cases', summary: '重试异常（重新执行出错的服务任务）',
      access: 'case:retry', pathParams: { id: '案件 id' },
      success: { status: 200, description: '案件', schema: ref('Case') },
      errors: [404, 409, 422],
      async handler({ params, scope, user }) {
        const c = await visibleCase(scope, params.id);
        if (c.status !== 'incident') throw new ApiError('CONFLICT', '案件没有待处理的异常', [{ code: 'CONFLICT', message: `status: ${c.status}` }]);
        return view(await services.engine.retryIncidents(params.id, user.username));
      },
    }),
  ];
}
