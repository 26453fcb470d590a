// Changing a pack with confidence: 试算影响 (what-if replay — a proposed pack, not deployed,
// re-decides the routing of the past cases of its processes in a period; read-only) and the
// difference between two deployed versions (版本比较).
import { RoutingHistory } from '@yizhan/engine';
import { diffPacks, replayRouting, whatIfProcessKeys } from '@yizhan/packs';
import { ref } from '../api-schemas';
import { ApiError, badRequest, notFound } from '../http-errors';
import { DATE, parseDate } from './dates';
import { MAX_PACK_FILES, MAX_PACK_TOTAL_BYTES, packUpload } from '../pack-upload';
import { packFromFiles } from '../packs';
import { defineRoute, type RouteDef } from '../registry';
import { readScope } from '../scope';
import type { Services } from '../services';

/** Cases one replay decides again at most (the earliest of the period); `truncated` says when more matched. */
export const WHATIF_MAX_CASES = 20_000;
/** Replays running at once in this process: each decides up to WHATIF_MAX_CASES cases. */
export const WHATIF_CONCURRENT = 1;
const DAY_MS = 24 * 3600_000;

interface WhatIfQuery { from?: string; to?: string }

export function whatIfRoutes(services: Services, options: { maxCases?: number } = {}): RouteDef[] {
  const history = new RoutingHistory(services.pool);
  const maxCases = options.maxCases ?? WHATIF_MAX_CASES;
  let running = 0;
  return [
    defineRoute<{ files: Record<string, string> }, WhatIfQuery>({
      method: 'post', path: '/api/packs/whatif', operationId: 'whatIfPack', tag: 'packs', summary: '试算影响：拟部署的流程包对过去案件分流的影响（只读）',
      description: '请求体与 POST /api/packs 相同（JSON { files } 或 multipart）。按受理时间 [from, to)（缺省为最近 90 天）取本辖区内'
        + '该包各流程的过去案件，用拟部署包的规则集和组织架构重新分流（受理数据按当时记录），报告会改变的案件数、原分流 → 新分流、'
        + `命中数改变的规则和逐案明细。不部署、不改变任何案件。一次最多试算 ${WHATIF_MAX_CASES} 个案件（超出时 truncated 为 true）；`
        + '同一时间只运行一个试算（否则 429 WHATIF_BUSY）。包校验不通过返回 422 PACK_INVALID。',
      access: 'pack:deploy', middleware: [packUpload()],
      query: [
        { name: 'from', schema: { type: 'string', pattern: DATE }, description: '受理时间起（含），YYYY-MM-DD（北京时间）或 ISO 8601' },
        { name: 'to', schema: { type: 'string', pattern: DATE }, description: '受理时间止（不含）；缺省为现在' },
      ],
      body: {
        type: 'object', additionalProperties: false, required: ['files'],
        properties: { files: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' }, title: '包内路径 → 文件内容' } },
      },
      multipart: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } },
      success: { status: 200, description: `试算结果（multipart 最多 ${MAX_PACK_FILES} 个文件、合计 ${MAX_PACK_TOTAL_BYTES / 1024 / 1024} MB）`, schema: ref('WhatIfReport') },
      errors: [400, 403, 413, 422, 429],
      async handler({ body, query, scope }) {
        const to = parseDate(query.to, 'to') ?? services.clock.now();
        const from = parseDate(query.from, 'from') ?? new Date(to.getTime() - 90 * DAY_MS);
        if (from >= to) throw badRequest('时间段无效', [{ field: 'from', message: '起始时间应早于截止时间' }]);
        const bundle = packFromFiles(body.files);
        const processes = await whatIfProcessKeys(bundle);
        // only the county's own integrators and administrators replay its pack
        await services.packs.checkPackScope(bundle.manifest.id, scope);
        if (running >= WHATIF_CONCURRENT) throw new ApiError('WHATIF_BUSY', '另一个试算正在进行，请稍后再试');
        running += 1;
        try {
          const { records, cases, truncated } = await history.decisions(readScope(scope), { processKeys: processes, from, to, maxCases });
          const report = await replayRouting(bundle, records, { label: (code) => services.directory.department(code)?.name ?? services.directory.unitName(code) ?? undefined });
          return { packId: bundle.manifest.id, from, to, processes, ...report, cases, truncated, maxCases };
        } finally {
          running -= 1;
        }
      },
    }),
      defineRoute<unknown, { from?: string; to?: string }>({
      method: 'get', path: '/api/packs/:id/diff', operationId: 'diffPackVersions', tag: 'packs', summary: '版本比较：两个已部署版本之间改了什么',
      description: 'BPMN 元素的新增 / 删除 / 修改（bpmn-js-differ）、规则、表单字段（新增 / 删除 / 改为必填）、组织架构和 pack.json 设置，'
        + '并给出中文摘要。from 缺省为 to 的上一个版本，to 缺省为最新版本。',
      access: 'pack:read', pathParams: { id: '流程包 id' },
      query: [
        { name: 'from', schema: { type: 'string', maxLength: 50 }, description: '旧版本（缺省为 to 的上一个版本）' },
        { name: 'to', schema: { type: 'string', maxLength: 50 }, description: '新版本（缺省为最新）' },
      ],
      success: { status: 200, description: '两个版本的差异', schema: ref('PackDiff') },
      errors: [404, 422],
      async handler({ params, query }) {
        const versions = await services.packs.versions(params.id);
        const to = query.to ?? versions[0]?.version;
        const at = versions.findIndex((v) => v.version === to);
        const from = query.from ?? versions[at + 1]?.version;
        const [a, b] = await Promise.all([from ? services.packs.files(params.id, from) : undefined, to ? services.packs.files(params.id, to) : undefined]);
        if (!b) throw notFound('PACK_NOT_FOUND', `流程包不存在：${params.id}${to ? ` ${to}` : ''}`);
        if (!a) throw notFound('PACK_NOT_FOUND', from ? `流程包「${params.id}」没有版本 ${from}` : `流程包「${params.id}」只有一个版本，没有可比较的旧版本`);
        return diffPacks(packFromFiles(a.files), packFromFiles(b.files));
      },
    }),
  ];
}
