// 统计（本辖区）与公示（公开、脱敏）.
import { ref } from '../api-schemas';
import { badRequest } from '../http-errors';
import { defineRoute, type RouteDef } from '../registry';
import type { StatsGroupBy } from '../reports';
import type { Services } from '../services';

const DATE = '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$';

export function reportRoutes(services: Services): RouteDef[] {
  return [
    defineRoute<unknown, { from?: string; to?: string; groupBy?: StatsGroupBy }>({
      method: 'get', path: '/api/stats', operationId: 'getStats', tag: 'stats', summary: '统计：数量、办结率、按时办结率、超期数',
      description: '按受理时间 [from, to) 统计本辖区案件；groupBy=department 时统计各部门的任务。日期为 YYYY-MM-DD（北京时间）或 ISO 8601 时间。',
      access: 'stats:read',
      query: [
        { name: 'from', schema: { type: 'string', pattern: DATE }, description: '起（含）' },
        { name: 'to', schema: { type: 'string', pattern: DATE }, description: '止（不含）' },
        { name: 'groupBy', schema: { type: 'string', enum: ['type', 'unit', 'level', 'department'], default: 'type' }, description: '分组' },
      ],
      success: { status: 200, description: '统计', schema: ref('Stats') },
      async handler({ query, scope }) {
        const from = parseDate(query.from, 'from');
        const to = parseDate(query.to, 'to');
        return services.reports.stats(scope, { from, to, groupBy: query.groupBy ?? 'type' });
      },
    }),
    defineRoute<unknown, { limit?: number; offset?: number }>({
      method: 'get', path: '/api/public/cases', operationId: 'listPublicCases', tag: 'public', summary: '公示：已办结案件（脱敏，无需登录）',
      description: '只含类型、单位名称、日期、状态、结果摘要与脱敏的当事人（如 张*）；从不返回表单原始数据。',
      access: 'public',
      query: [
        { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, description: '条数' },
        { name: 'offset', schema: { type: 'integer', minimum: 0, default: 0 }, description: '偏移' },
      ],
      success: { status: 200, description: '公示列表', schema: { type: 'array', items: ref('PublicCase') } },
      async handler({ query }) {
        return services.reports.publicCases({ limit: query.limit ?? 50, offset: query.offset ?? 0 });
      },
    }),
  ];
}

function parseDate(v: string | undefined, name: string): Date | undefined {
  if (!v) return undefined;
  // A bare date is a day in Beijing time, where the centres are.
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v);
  if (Number.isNaN(d.getTime())) throw badRequest('日期无效', [{ field: name, message: `无法识别的日期：${v}` }]);
  return d;
}
