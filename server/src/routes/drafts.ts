// 流程包草稿：保存未部署的修改（BPMN、规则、表单），列出、打开、继续保存、与已部署版本比较、删除，
// 准备好后部署. A draft belongs to its pack and is shared by the pack's editors (see pack-drafts.ts).
// Only who may deploy the pack (pack:deploy, in their county) sees its drafts: another county's pack
// and its drafts answer 404. The comparison is the 版本比较 of two deployed versions (diffPacks).
import { diffPacks, type PackDiff } from '@yizhan/packs';
import { ref } from '../api-schemas';
import { ApiError, notFound } from '../http-errors';
import { MAX_PACK_FILES } from '../pack-upload';
import { packFromFiles } from '../packs';
import { defineRoute, result, type RouteDef } from '../registry';
import type { Scope } from '../scope';
import type { Services } from '../services';

const FILES_SCHEMA = {
  type: 'object', minProperties: 1, maxProperties: MAX_PACK_FILES,
  propertyNames: { type: 'string', minLength: 1, maxLength: 200 },
  additionalProperties: { type: 'string' }, title: '包内路径 → 文件内容',
};
const TITLE_SCHEMA = { type: 'string', minLength: 1, maxLength: 100, title: '草稿说明' };

/** pack.json's id and version, when it parses. */
function manifestOf(files: Record<string, string>): { id?: unknown; version?: unknown } | undefined {
  try {
    const m = JSON.parse(files['pack.json'] ?? '') as unknown;
    return m && typeof m === 'object' && !Array.isArray(m) ? (m as { id?: unknown; version?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

export function draftRoutes(services: Services): RouteDef[] {
  const { drafts, packs } = services;
  // Another county's pack is not there for this user (its drafts neither).
  const inScope = async (packId: string, scope: Scope) => {
    try {
      await packs.checkPackScope(packId, scope);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'FORBIDDEN') throw notFound('PACK_NOT_FOUND', `流程包不存在或不在您的辖区内：${packId}`);
      throw err;
    }
  };
  const samePack = (packId: string, files: Record<string, string>) => {
    const m = manifestOf(files);
    if (m && m.id !== undefined && m.id !== packId) {
      throw new ApiError('VALIDATION_FAILED', `草稿的 pack.json 中 id 为「${String(m.id)}」，不是流程包「${packId}」`, [
        { file: 'pack.json', pointer: '/id', message: `应为「${packId}」` },
      ]);
    }
  };
  const pathParams = { id: '流程包 id', draftId: '草稿 id' };
  /** What `files` change against the pack's latest deployed version; files that do not parse answer 422. */
  const diffWithDeployed = async (packId: string, files: Record<string, string>): Promise<PackDiff> => {
    const deployed = await packs.files(packId);
    if (!deployed) throw notFound('PACK_NOT_FOUND', `流程包「${packId}」尚未部署，没有可比较的版本`);
    const draft = packFromFiles(files);
    const unreadable = draft.parseErrors ?? [];
    if (unreadable.length) throw new ApiError('PACK_INVALID', '草稿中有文件无法解析，无法与已部署版本比较', unreadable.map(({ file, pointer, message }) => ({ file, pointer, message })));
    try {
      return await diffPacks(packFromFiles(deployed.files), draft);
    } catch (err) {
      throw new ApiError('PACK_INVALID', `草稿中有 BPMN 文件无法读取，无法与已部署版本比较：${(err as Error).message}`);
    }
  };
  const diffNote = '与「版本比较」（GET /api/packs/{id}/diff）相同的差异：BPMN 元素、规则、表单字段、组织架构和 pack.json 设置，并给出中文摘要；'
    + '与最新的已部署版本比较。文件无法解析时返回 422 PACK_INVALID，流程包未部署时返回 404。';

  return [
    defineRoute({
      method: 'get', path: '/api/packs/:id/drafts', operationId: 'listPackDrafts', tag: 'packs', summary: '流程包的草稿（未部署的修改）',
      description: '草稿属于流程包，由可部署该包的人员共享；按最后保存时间排列（新的在前），不含文件内容。',
      access: 'pack:deploy', pathParams: { id: '流程包 id' },
      success: { status: 200, description: '草稿', schema: { type: 'array', items: ref('PackDraftSummary') } },
      errors: [404],
      async handler({ params, scope }) {
        await inScope(params.id, scope);
        return drafts.list(params.id);
      },
    }),
    defineRoute<{ title: string; baseVersion?: string | null; files: Record<string, string> }>({
      method: 'post', path: '/api/packs/:id/drafts', operationId: 'createPackDraft', tag: 'packs', summary: '保存为新草稿（不部署）',
      description: '草稿不必通过校验；部署时才校验。pack.json 的 id 须与流程包一致。baseVersion：草稿所依据的已部署版本（用于对比）。',
      access: 'pack:deploy', pathParams: { id: '流程包 id' },
      body: {
        type: 'object', additionalProperties: false, required: ['title', 'files'],
        properties: { title: TITLE_SCHEMA, baseVersion: { type: ['string', 'null'], maxLength: 50, title: '依据的已部署版本' }, files: FILES_SCHEMA },
      },
      success: { status: 201, description: '已保存', schema: ref('PackDraft') },
      errors: [404, 413],
      async handler({ params, body, user, scope }) {
        await inScope(params.id, scope);
        samePack(params.id, body.files);
        return result(201, await drafts.create({ packId: params.id, title: body.title, baseVersion: body.baseVersion ?? null, files: body.files, actor: user.username }));
      },
    }),
    defineRoute<{ files: Record<string, string> }>({
      method: 'post', path: '/api/packs/:id/diff', operationId: 'diffPackFiles', tag: 'packs', summary: '未保存的修改与已部署版本比较',
      description: `编辑器中尚未保存的文件与已部署版本的差异，不保存、不部署。${diffNote}`,
      access: 'pack:deploy', pathParams: { id: '流程包 id' },
      body: { type: 'object', additionalProperties: false, required: ['files'], properties: { files: FILES_SCHEMA } },
      success: { status: 200, description: '差异', schema: ref('PackDiff') },
      errors: [404, 413, 422],
      async handler({ params, body, scope }) {
        await inScope(params.id, scope);
        return diffWithDeployed(params.id, body.files);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/packs/:id/drafts/:draftId/diff', operationId: 'diffPackDraft', tag: 'packs', summary: '草稿与已部署版本比较',
      description: diffNote,
      access: 'pack:deploy', pathParams,
      success: { status: 200, description: '差异', schema: ref('PackDiff') },
      errors: [404, 422],
      async handler({ params, scope }) {
        await inScope(params.id, scope);
        return diffWithDeployed(params.id, (await drafts.get(params.id, params.draftId)).files);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/packs/:id/drafts/:draftId', operationId: 'getPackDraft', tag: 'packs', summary: '草稿（含文件）',
      access: 'pack:deploy', pathParams,
      success: { status: 200, description: '草稿', schema: ref('PackDraft') },
      errors: [404],
      async handler({ params, scope }) {
        await inScope(params.id, scope);
        return drafts.get(params.id, params.draftId);
      },
    }),
    defineRoute<{ revision: number; title?: string; files: Record<string, string> }>({
      method: 'post', path: '/api/packs/:id/drafts/:draftId', operationId: 'savePackDraft', tag: 'packs', summary: '保存草稿（覆盖同一草稿）',
      description: 'revision 为打开或上次保存时的版次；其间他人已保存则返回 409 DRAFT_CHANGED，不覆盖。',
      access: 'pack:deploy', pathParams,
      body: {
        type: 'object', additionalProperties: false, required: ['revision', 'files'],
        properties: { revision: { type: 'integer', minimum: 1, title: '版次' }, title: TITLE_SCHEMA, files: FILES_SCHEMA },
      },
      success: { status: 200, description: '已保存', schema: ref('PackDraft') },
      errors: [404, 409, 413],
      async handler({ params, body, user, scope }) {
        await inScope(params.id, scope);
        samePack(params.id, body.files);
        return drafts.save(params.id, params.draftId, { revision: body.revision, title: body.title, files: body.files, actor: user.username });
      },
    }),
    defineRoute({
      method: 'delete', path: '/api/packs/:id/drafts/:draftId', operationId: 'deletePackDraft', tag: 'packs', summary: '删除草稿',
      access: 'pack:deploy', pathParams,
      success: { status: 204, description: '已删除' },
      errors: [404],
      async handler({ params, scope }) {
        await inScope(params.id, scope);
        await drafts.remove(params.id, params.draftId);
        return undefined;
      },
    }),
    defineRoute<{ version?: string; revision?: number }>({
      method: 'post', path: '/api/packs/:id/drafts/:draftId/deploy', operationId: 'deployPackDraft', tag: 'packs', summary: '部署草稿为新版本',
      description: '与 POST /api/packs 相同的校验与部署；version 给出时写入 pack.json。部署成功后草稿删除（已部署的版本即为记录）；'
        + '校验不通过返回 422 PACK_INVALID，草稿保留。revision 给出且草稿其间已被他人保存时返回 409 DRAFT_CHANGED。',
      access: 'pack:deploy', pathParams, bodyOptional: true,
      body: {
        type: 'object', additionalProperties: false,
        properties: { version: { type: 'string', minLength: 1, maxLength: 50, title: '新版本号' }, revision: { type: 'integer', minimum: 1, title: '版次' } },
      },
      success: { status: 201, description: '已部署', schema: ref('PackDeployment') },
      errors: [404, 409, 422],
      async handler({ params, body, user, scope }) {
        await inScope(params.id, scope);
        const draft = await drafts.get(params.id, params.draftId);
        if (body?.revision !== undefined && body.revision !== draft.revision) {
          throw new ApiError('DRAFT_CHANGED', `草稿已被 ${draft.updatedBy} 修改（第 ${draft.revision} 版），请重新打开草稿确认后再部署`);
        }
        samePack(params.id, draft.files);
        let files = draft.files;
        if (body?.version) {
          const m = manifestOf(files);
          if (m) files = { ...files, 'pack.json': `${JSON.stringify({ ...m, version: body.version }, null, 2)}\n` };
        }
        const { deployment } = await packs.deploy(packFromFiles(files), user.username, { scope });
        await drafts.remove(params.id, params.draftId);
        return result(201, deployment);
      },
    }),
  ];
}
