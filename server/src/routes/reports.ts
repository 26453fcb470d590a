// 统计（本辖区）：数量与各项比率、下钻到案件、导出 xlsx / CSV；公示（公开、脱敏）.
import { ref } from '../api-schemas';
import { ApiError } from '../http-errors';
import { DATE, parseDate } from './dates';
import { defineRoute, type QueryParam, type RouteDef } from '../registry';
import { STATS_GROUP_BY, type StatsFilter, type StatsGroupBy } from '../reports';
import { clientAddress, PublicRateLimited } from '../public-limits';
import type { Services } from '../services';
import { ExportAborted, statsCsv, writeCasesCsv, writeStatsXlsx } from '../stats-export';

const GROUP_BY = [...STATS_GROUP_BY];

interface StatsQuery { from?: string; to?: string; process?: string; groupBy?: StatsGroupBy }

const filterParams: QueryParam[] = [
  { name: 'from', schema: { type: 'string', pattern: DATE }, description: '受理时间起（含），YYYY-MM-DD（北京时间）或 ISO 8601' },
  { name: 'to', schema: { type: 'string', pattern: DATE }, description: '受理时间止（不含）' },
  { name: 'process', schema: { type: 'string', maxLength: 200 }, description: '只统计某一流程（longxi/dispute）或某一流程包（longxi）' },
];
const groupByParam: QueryParam = {
  name: 'groupBy', schema: { type: 'string', enum: GROUP_BY, default: 'type' },
  description: '分组：type 类型、unit 单位、level 层级、township 乡镇（村、网格计入所在乡镇）、department 部门（办理过该案的部门，一案可计入多个部门）、'
    + 'month 受理月份、channel 来源渠道、caseClass 纠纷等级（分流决定）、handlingLevel 办理层级（分流决定）',
};

export interface ReportLimits {
  /** Exports one user may run at once (429 TOO_MANY_EXPORTS beyond). */
  exportsPerUser: number;
  /** Exports running at once in this process, all users together (429 TOO_MANY_EXPORTS beyond). */
  exportsTotal: number;
}

export function reportRoutes(services: Services, limits: ReportLimits = { exportsPerUser: 2, exportsTotal: 4 }): RouteDef[] {
  // Exports running per user, in this process: each holds a database connection while it streams.
  const running = new Map<string, number>();
  let total = 0;
  const filter = (q: StatsQuery): StatsFilter => ({ from: parseDate(q.from, 'from'), to: parseDate(q.to, 'to'), process: q.process });
  return [
    defineRoute<unknown, StatsQuery>({
      method: 'get', path: '/api/stats', operationId: 'getStats', tag: 'stats', summary: '统计：受理数、办结率、调处成功率、满意率、按时办结率、超期数',
      description: '按受理时间 [from, to) 统计本辖区案件。办结率 = 办结 / 受理；调处成功率 = 最后一次调处结果为成功 / 有调处结果；'
        + '满意率 =（满意 + 基本满意）/ 已评价（以最后一次评价为准）；按时办结率 = 没有任何任务超时完成的办结案件 / 办结；超期 = 未办结且有任务已过办理时限；'
        + '初访化解率 = 初访化解（办结、调处成功、从未退回转办、未因不满意重办）/ 办结；积案化解率 = 积案中办结且调处成功的 / 积案（受理时标记久拖不决，或受理后 90 天未办结）。'
        + '数字来自随每一步办理同时更新的汇总表，不逐案扫描。',
      access: 'stats:read',
      query: [...filterParams, groupByParam],
      success: { status: 200, description: '统计', schema: ref('Stats') },
      async handler({ query, scope }) {
        return services.reports.stats(scope, { ...filter(query), groupBy: query.groupBy ?? 'type' });
      },
    }),
    defineRoute<unknown, StatsQuery & { key?: string; limit?: number; offset?: number }>({
      method: 'get', path: '/api/stats/cases', operationId: 'getStatsCases', tag: 'stats', summary: '统计下钻：某一分组（如某类型、某月）的案件',
      description: '与 /api/stats 同一口径：groupBy 与 key（/api/stats 返回行的 key；缺省为全部，key 为空串表示未填）给出分组，每件案件带调处结果、满意度、是否按时、是否超期。',
      access: 'stats:read',
      query: [...filterParams, groupByParam,
        { name: 'key', schema: { type: 'string', maxLength: 200 }, description: '分组的 key' },
        { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, description: '条数' },
        { name: 'offset', schema: { type: 'integer', minimum: 0, default: 0 }, description: '偏移' }],
      success: { status: 200, description: '案件', schema: { type: 'array', items: ref('StatsCase') } },
      async handler({ query, scope }) {
        const key = query.key === undefined ? undefined : query.key === '' ? null : query.key;
        return services.reports.cases(scope, {
          ...filter(query), groupBy: key === undefined ? undefined : query.groupBy ?? 'type', key, limit: query.limit ?? 100, offset: query.offset ?? 0,
        });
      },
    }),
    defineRoute<unknown, StatsQuery & { format?: 'xlsx' | 'csv'; sheet?: 'summary' | 'cases' }>({
      method: 'get', path: '/api/stats/export', operationId: 'exportStats', tag: 'stats', summary: '统计导出（Excel xlsx 或 CSV）',
      description: '与 /api/stats 同一口径，同一时刻的数据。xlsx：「汇总」表（各分组与合计）和「案件明细」表（全部案件，不截断，明细行数等于合计受理数）；'
        + 'CSV（UTF-8，带 BOM）：sheet=summary（缺省）为汇总表，sheet=cases 为全部案件明细。文件边生成边下载；'
        + `每个用户同时最多 ${limits.exportsPerUser} 个导出、全部用户同时最多 ${limits.exportsTotal} 个，超出返回 429 TOO_MANY_EXPORTS。`,
      access: 'stats:read',
      query: [...filterParams, groupByParam,
        { name: 'format', schema: { type: 'string', enum: ['xlsx', 'csv'], default: 'xlsx' }, description: '文件格式' },
        { name: 'sheet', schema: { type: 'string', enum: ['summary', 'cases'], default: 'summary' }, description: 'CSV 的内容：summary 汇总、cases 案件明细（xlsx 两者都有）' }],
      success: {
        status: 200, description: '统计文件（附件下载）',
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { type: 'string', format: 'binary' },
          'text/csv': { type: 'string' },
        },
      },
      errors: [429],
      async handler({ query, scope, user, res }) {
        const busy = running.get(user.username) ?? 0;
        if (busy >= limits.exportsPerUser) {
          res.setHeader('retry-after', '10');
          throw new ApiError('TOO_MANY_EXPORTS', `您已有 ${busy} 个导出正在进行，请等其完成后再导出`);
        }
        if (total >= limits.exportsTotal) {
          res.setHeader('retry-after', '10');
          throw new ApiError('TOO_MANY_EXPORTS', '当前导出任务较多，请稍后再试');
        }
        running.set(user.username, busy + 1);
        total++;
        try {
          const f = filter(query);
          const groupBy = query.groupBy ?? 'type';
          const name = `统计-${groupBy}-${services.clock.now().toISOString().slice(0, 10)}`;
          const disposition = (ext: string) => `attachment; filename="stats-${groupBy}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;
          if (query.format === 'csv' && query.sheet !== 'cases') {
            const report = await services.reports.stats(scope, { ...f, groupBy });
            res.setHeader('content-type', 'text/csv; charset=utf-8');
            res.setHeader('content-disposition', disposition('csv'));
            res.status(200).send(statsCsv(report));
            return undefined;
          }
          await services.reports.exportSnapshot(scope, { ...f, groupBy }, async (report, cases) => {
            res.status(200);
            // the rows to come (明细 = every case counted), for the web app's progress
            res.setHeader('x-export-rows', String(report.totals.total));
            if (query.format === 'csv') {
              res.setHeader('content-type', 'text/csv; charset=utf-8');
              res.setHeader('content-disposition', `attachment; filename="cases.csv"; filename*=UTF-8''${encodeURIComponent(`案件明细-${name}.csv`)}`);
              await writeCasesCsv(res, cases);
            } else {
              res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
              res.setHeader('content-disposition', disposition('xlsx'));
              await writeStatsXlsx(res, report, cases);
            }
          }).catch((err: unknown) => {
            // the client went away: the snapshot is rolled back, its connection released; nothing to answer
            if (err instanceof ExportAborted) services.logger.info({ user: user.username }, 'export aborted by the client');
            else throw err;
          });
          return undefined;
        } finally {
          total--;
          const left = (running.get(user.username) ?? 1) - 1;
          if (left > 0) running.set(user.username, left);
          else running.delete(user.username);
        }
      },
    }),
    defineRoute<unknown, { limit?: number; offset?: number }>({
      method: 'get', path: '/api/public/cases', operationId: 'listPublicCases', tag: 'public', summary: '公示：已办结案件（脱敏，无需登录）',
      description: '只列出流程包 pack.json 的 public.enabled 为 true 的案件；显示 public.fields 中的受理字段（其中的身份证号、电话号码及脱敏字段的值也会被遮盖）'
        + '和 public.mask 中的字段（脱敏：姓名只留姓，身份证号留前 3 后 2 位，电话留前 3 后 4 位）。从不返回其他表单数据。',
      access: 'public',
      query: [
        { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, description: '条数' },
        { name: 'offset', schema: { type: 'integer', minimum: 0, default: 0 }, description: '偏移' },
      ],
      success: { status: 200, description: '公示列表', schema: { type: 'array', items: ref('PublicCase') } },
      errors: [429],
      async handler({ query, req, res }) {
        // public: capped per client address like the other public routes (public-limits.ts)
        await services.publicLimiter.request(clientAddress(req)).catch((err: unknown) => {
          if (err instanceof PublicRateLimited) res.setHeader('retry-after', String(err.retryAfterSeconds));
          throw err;
        });
        return services.publicCases.list({ limit: query.limit ?? 50, offset: query.offset ?? 0 });
      },
    }),
  ];
}
