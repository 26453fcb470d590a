// 研判：按当事人（姓名、身份证号、电话、地址，精确匹配）查询本辖区案件并记入查询审计；重复来访
// （同一身份证号、电话或地址在流程包设定的天数内）；乡镇与事项类型的突增预警；月度研判记录与领导签批.
import type { PartyKind } from '@yizhan/engine';
import { ref } from '../api-schemas';
import { defineRoute, type RouteDef } from '../registry';
import type { Services } from '../services';
import { caseAccess } from './case-access';

const KINDS: PartyKind[] = ['id', 'phone', 'name', 'address'];
const page = [
  { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, description: '条数' },
  { name: 'offset', schema: { type: 'integer', minimum: 0, default: 0 }, description: '偏移' },
];

export function analysisRoutes(services: Services): RouteDef[] {
  const { checkVisible } = caseAccess(services);
  const { analysis } = services;

  return [
    defineRoute<unknown, { kind: PartyKind; value: string }>({
      method: 'get', path: '/api/analysis/search', operationId: 'searchParties', tag: 'analysis', summary: '按当事人查询案件（研判）',
      description: 'kind：id 身份证号、phone 电话、name 姓名、address 地址；按规范化后的值精确匹配（全角转半角、去空格与分隔符、身份证 X 大写、电话去 86）。'
        + '只返回本辖区可见的案件。每次查询记入查询审计（谁、何时、查了什么、返回几件）。无个人信息权限（pii:read）的角色看到脱敏的当事人信息。',
      access: 'analysis:read',
      query: [
        { name: 'kind', schema: { type: 'string', enum: KINDS }, description: '查询种类', required: true },
        { name: 'value', schema: { type: 'string', minLength: 1, maxLength: 200 }, description: '查询值', required: true },
      ],
      success: { status: 200, description: '案件（新的在前，最多 100 件）', schema: { type: 'array', items: ref('AnalysisCase') } },
      async handler({ query, scope, user }) {
        return analysis.search(user, scope, query.kind, query.value);
      },
    }),
    defineRoute<unknown, { username?: string; limit?: number; offset?: number }>({
      method: 'get', path: '/api/analysis/audit', operationId: 'listSearchAudit', tag: 'analysis', summary: '研判查询审计',
      description: '每次按当事人查询的记录（新的在前）：查询人、角色、时间、种类、脱敏后的查询值及其规范化值的 SHA-256、返回案件数。记录不可修改或删除。',
      access: 'analysis:audit',
      query: [{ name: 'username', schema: { type: 'string', maxLength: 100 }, description: '只看某一用户' }, ...page],
      success: { status: 200, description: '查询记录', schema: { type: 'array', items: ref('SearchAudit') } },
      async handler({ query }) {
        return analysis.auditLog({ username: query.username, limit: query.limit ?? 100, offset: query.offset ?? 0 });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/cases/:id/repeats', operationId: 'listRepeats', tag: 'analysis', summary: '重复来访（同一当事人的其他案件）',
      description: '与本案身份证号、电话或地址相同、受理时间在流程包 analysis.repeatDays 天内（前后）的本辖区其他案件。',
      access: 'case:read', pathParams: { id: '案件 id' },
      success: { status: 200, description: '重复案件', schema: ref('Repeats') },
      errors: [404],
      async handler({ params, scope }) {
        await checkVisible(scope, params.id);
        return analysis.repeats(scope, params.id);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/analysis/alerts', operationId: 'listSpikeAlerts', tag: 'analysis', summary: '突增预警',
      description: '本辖区每个乡镇（含其村、网格）和每个事项类型：最近 7 天的受理数达到此前 8 周周均的流程包倍数（analysis.spikeFactor，缺省 3）'
        + '且不少于 analysis.spikeMinimum 件（缺省 5）时预警。',
      access: 'analysis:read',
      success: { status: 200, description: '预警（倍数高的在前）', schema: { type: 'array', items: ref('SpikeAlert') } },
      async handler({ scope }) {
        return analysis.alerts(scope);
      },
    }),
    defineRoute<unknown, { month?: string; limit?: number; offset?: number }>({
      method: 'get', path: '/api/analysis/records', operationId: 'listAnalysisRecords', tag: 'analysis', summary: '月度研判记录',
      access: 'analysis:read',
      query: [{ name: 'month', schema: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }, description: '月份 YYYY-MM' }, ...page],
      success: { status: 200, description: '研判记录（新的月份在前）', schema: { type: 'array', items: ref('AnalysisRecord') } },
      async handler({ query, scope }) {
        return analysis.records(scope, { month: query.month, limit: query.limit ?? 100, offset: query.offset ?? 0 });
      },
    }),
    defineRoute<{ month: string; title: string; analysis: string; caseIds?: string[]; unit?: string }>({
      method: 'post', path: '/api/analysis/records', operationId: 'createAnalysisRecord', tag: 'analysis', summary: '新建月度研判记录（草稿）',
      description: '研判内容与关联案件（须在本人辖区内可见）；单位缺省为本人所属单位。由领导签批后定稿。',
      access: 'analysis:write', idempotent: true,
      body: {
        type: 'object', additionalProperties: false, required: ['month', 'title', 'analysis'],
        properties: {
          month: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', title: '研判月份' },
          title: { type: 'string', minLength: 1, maxLength: 200, title: '标题' },
          analysis: { type: 'string', minLength: 1, maxLength: 20000, title: '研判内容' },
          caseIds: { type: 'array', maxItems: 200, items: { type: 'string', format: 'uuid' }, title: '关联案件' },
          unit: { type: 'string', minLength: 1, maxLength: 100, title: '单位编码' },
        },
      },
      success: { status: 201, description: '研判记录', schema: ref('AnalysisRecord') },
      async handler({ body, scope, user }) {
        return analysis.createRecord(user, scope, { ...body, caseIds: body.caseIds ?? [] });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/analysis/records/:id', operationId: 'getAnalysisRecord', tag: 'analysis', summary: '研判记录',
      access: 'analysis:read', pathParams: { id: '研判记录 id' },
      success: { status: 200, description: '研判记录', schema: ref('AnalysisRecord') },
      errors: [404],
      async handler({ params, scope }) {
        return analysis.record(scope, /^\d{1,15}$/.test(params.id) ? Number(params.id) : NaN);
      },
    }),
    defineRoute<{ note?: string }>({
      method: 'post', path: '/api/analysis/records/:id/sign-off', operationId: 'signOffAnalysisRecord', tag: 'analysis', summary: '领导签批研判记录',
      access: 'analysis:signoff', pathParams: { id: '研判记录 id' }, bodyOptional: true,
      body: { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 2000, title: '签批意见' } } },
      success: { status: 200, description: '签批后的研判记录', schema: ref('AnalysisRecord') },
      errors: [404, 409],
      async handler({ params, body, scope, user }) {
        return analysis.signOff(user, scope, /^\d{1,15}$/.test(params.id) ? Number(params.id) : NaN, body?.note);
      },
    }),
  ];
}
