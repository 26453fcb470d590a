// 考核（本辖区）：按流程包的考核方案（assessment.json）给部门、乡镇评分排名，下钻到失分案件，
// 预览未部署的方案，下载月度 / 季度通报（Word、Excel）.
import { ref } from '../api-schemas';
import { bulletinDocx, bulletinXlsx } from '../bulletin';
import { defineRoute, type QueryParam, type RouteDef } from '../registry';
import type { Services } from '../services';

const PERIOD = '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$';
const periodParam: QueryParam = {
  name: 'period', required: true, schema: { type: 'string', pattern: PERIOD },
  description: '考核周期（北京时间）：2026-03 月度、2026-Q1 季度、2026 年度；统计该周期内受理的案件（积案按周期内是否超期未结）',
};
const groupParam: QueryParam = { name: 'group', schema: { type: 'string', maxLength: 40 }, description: '考核分组（方案 groups 的 key，如 departments、townships）；缺省为第一个分组' };
const pathParams = { packId: '流程包 id（如 longxi）' };

interface ReportQuery { period: string; group?: string }

export function assessmentRoutes(services: Services): RouteDef[] {
  return [
    defineRoute<unknown, ReportQuery>({
      method: 'get', path: '/api/assessment/:packId', operationId: 'getAssessment', tag: 'assessment', summary: '考核结果：各考核对象的得分、排名与红榜',
      description: '按流程包的考核方案（pack.json 的 assessment）计算本辖区各部门或乡镇在周期内的指标与得分：本单位任务按时办结率、调处成功率、满意率、'
        + '初访化解率、积案化解率（比率指标按 full / zero 线性得分），超期任务数、退回次数、被督办案件数（次数指标按次扣分），总分从高到低排名，低于红榜线的列入红榜。',
      access: 'stats:read', pathParams, query: [periodParam, groupParam],
      success: { status: 200, description: '考核结果', schema: ref('AssessmentReport') }, errors: [404],
      async handler({ params, query, scope }) {
        return services.assessment.report(scope, { packId: params.packId, period: query.period, group: query.group });
      },
    }),
    defineRoute<{ period: string; group?: string; scheme: unknown }, unknown>({
      method: 'post', path: '/api/assessment/:packId/preview', operationId: 'previewAssessment', tag: 'assessment', summary: '预览考核方案：用提交的方案计算（不部署、不保存）',
      description: '与 GET /api/assessment/{packId} 同一口径，但用请求中的 scheme（assessment.json 的内容）代替已部署的方案。方案不合格返回 422 ASSESSMENT_INVALID，details 逐条给出位置（JSON 指针）和原因。',
      access: 'stats:read', pathParams, bodyLimit: '256kb',
      body: {
        type: 'object', required: ['period', 'scheme'], additionalProperties: false,
        properties: { period: { type: 'string', pattern: PERIOD }, group: { type: 'string', maxLength: 40 }, scheme: { type: 'object', description: '考核方案（assessment.schema.json）' } },
      },
      success: { status: 200, description: '按提交的方案计算的考核结果', schema: ref('AssessmentReport') }, errors: [404, 422],
      async handler({ params, body, scope }) {
        return services.assessment.report(scope, { packId: params.packId, period: body.period, group: body.group, proposed: body.scheme });
      },
    }),
    defineRoute<unknown, ReportQuery & { unit: string; indicator?: string; limit?: number; offset?: number }>({
      method: 'get', path: '/api/assessment/:packId/cases', operationId: 'getAssessmentCases', tag: 'assessment', summary: '考核下钻：某考核对象在某指标上失分的案件',
      description: 'indicator 为方案中的指标 key：列出使该单位在此指标上失分的案件（如超时完成任务、调处未成功、不满意、退回、被督办、未初访化解、积案未化解）；缺省列出该单位本期的全部案件。',
      access: 'stats:read', pathParams,
      query: [periodParam, groupParam,
        { name: 'unit', required: true, schema: { type: 'string', maxLength: 200 }, description: '考核对象（部门编码或乡镇单位编码）' },
        { name: 'indicator', schema: { type: 'string', maxLength: 40 }, description: '指标 key' },
        { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, description: '条数' },
        { name: 'offset', schema: { type: 'integer', minimum: 0, default: 0 }, description: '偏移' }],
      success: { status: 200, description: '案件', schema: { type: 'array', items: ref('AssessmentCase') } }, errors: [404],
      async handler({ params, query, scope }) {
        return services.assessment.cases(scope, {
          packId: params.packId, period: query.period, group: query.group, unit: query.unit, indicator: query.indicator, limit: query.limit ?? 100, offset: query.offset ?? 0,
        });
      },
    }),
    defineRoute<unknown, { period: string; format?: 'docx' | 'xlsx' }>({
      method: 'get', path: '/api/assessment/:packId/bulletin', operationId: 'getAssessmentBulletin', tag: 'assessment', summary: '考核通报（Word 或 Excel）',
      description: '周期内各分组的排名表、红榜和总分柱状图（PNG 图片）：docx（Word）或 xlsx（Excel）。',
      access: 'stats:read', pathParams,
      query: [periodParam, { name: 'format', schema: { type: 'string', enum: ['docx', 'xlsx'], default: 'docx' }, description: '文件格式' }],
      success: {
        status: 200, description: '通报文件（附件下载）',
        content: {
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { type: 'string', format: 'binary' },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { type: 'string', format: 'binary' },
        },
      },
      errors: [404],
      async handler({ params, query, scope, res }) {
        const reports = await services.assessment.reports(scope, { packId: params.packId, period: query.period });
        const format = query.format ?? 'docx';
        const file = format === 'docx' ? await bulletinDocx(reports, services.clock.now()) : await bulletinXlsx(reports);
        const name = `${params.packId}-${query.period}-考核通报.${format}`;
        res.setHeader('content-type', format === 'docx'
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        res.setHeader('content-disposition', `attachment; filename="bulletin.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
        res.status(200).send(file);
        return undefined;
      },
    }),
  ];
}
