// 流程包、流程定义与表单：部署（JSON 文件集或 multipart 上传）与查询.
import { DefinitionWithdrawnError, unitInProcess, type DefinitionSummary } from '@yizhan/engine';
import { ref } from '../api-schemas';
import { notFound } from '../http-errors';
import { defineRoute, result, type RouteDef } from '../registry';
import { MAX_PACK_FILES, MAX_PACK_TOTAL_BYTES, packUpload } from '../pack-upload';
import { packFromFiles } from '../packs';
import type { Scope } from '../scope';
import type { Services } from '../services';

function definitionSummary(d: DefinitionSummary) {
  return { id: d.id, key: d.key, version: d.version, name: d.name, processId: d.processId, deployedBy: d.deployedBy, createdAt: d.createdAt, withdrawnAt: d.withdrawnAt };
}

export function catalogRoutes(services: Services): RouteDef[] {
  // Multipart: every part is one file; its filename is the path inside the pack (forms/intake.json).
  const upload = packUpload();
  // A version belongs to the pack its key starts with (`<pack id>/<process id>`); only its county's users may withdraw or restore it.
  const checkDefinitionScope = async (id: string, scope: Scope) => {
    if (!/^\d{1,18}$/.test(id)) throw notFound('DEFINITION_NOT_FOUND', `流程定义不存在：${id}`);
    const d = await services.engine.definitions.byIdOrThrow(id);
    await services.packs.checkPackScope(d.key.split('/')[0], scope);
  };

  return [
    defineRoute({
      method: 'get', path: '/api/packs', operationId: 'listPacks', tag: 'packs', summary: '已部署的流程包（每个包的最新版本）',
      access: 'pack:read', success: { status: 200, description: '流程包', schema: { type: 'array', items: ref('PackDeployment') } },
      async handler() {
        return services.packs.list();
      },
    }),
    defineRoute<{ files: Record<string, string> }>({
      method: 'post', path: '/api/packs', operationId: 'deployPack', tag: 'packs', summary: '部署流程包（生成新的不可变版本）',
      description: 'JSON：{ files: { "pack.json": "…", "dispute.bpmn": "…", "forms/intake.json": "…" } }；'
        + '或 multipart/form-data，每个文件一部分，文件名为包内路径。校验不通过返回 422 PACK_INVALID，逐条给出文件、元素 id / JSON Pointer 与说明；'
        + '同一版本重复部署返回 409 PACK_VERSION_EXISTS；组织架构使用了其他流程包的单位或部门编码返回 409 ORG_CODE_TAKEN；'
        + '限定辖区的用户只能部署本辖区的流程包（否则 403）。进行中的案件仍按其启动时的版本运行。'
        + `multipart 上传最多 ${MAX_PACK_FILES} 个文件、合计 ${MAX_PACK_TOTAL_BYTES / 1024 / 1024} MB，超出即中止并返回 413 PAYLOAD_TOO_LARGE；JSON 请求体最多 1 MB。`,
      access: 'pack:deploy', middleware: [upload],
      body: {
        type: 'object', additionalProperties: false, required: ['files'],
        properties: { files: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' }, title: '包内路径 → 文件内容' } },
      },
      multipart: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } },
      success: { status: 201, description: '已部署', schema: ref('PackDeployment') },
      errors: [409, 413, 422],
      async handler({ body, user, scope }) {
        // multipart parts arrive as the same { files } (pack-upload.ts), validated like JSON
        const { deployment } = await services.packs.deploy(packFromFiles(body.files), user.username, { scope });
        return result(201, deployment);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/packs/:id/versions', operationId: 'listPackVersions', tag: 'packs', summary: '流程包的各个版本',
      access: 'pack:read', pathParams: { id: '流程包 id' },
      success: { status: 200, description: '版本（新的在前）', schema: { type: 'array', items: ref('PackDeployment') } },
      errors: [404],
      async handler({ params }) {
        const versions = await services.packs.versions(params.id);
        if (!versions.length) throw notFound('PACK_NOT_FOUND', `流程包不存在：${params.id}`);
        return versions;
      },
    }),
    defineRoute<unknown, { version?: string }>({
      method: 'get', path: '/api/packs/:id/files', operationId: 'getPackFiles', tag: 'packs', summary: '已部署流程包的文件（用于打开编辑）',
      description: '与 POST /api/packs 相同的 { files } 形式；缺省为最新版本。',
      access: 'pack:read', pathParams: { id: '流程包 id' },
      query: [{ name: 'version', schema: { type: 'string', maxLength: 50 }, description: '版本（缺省为最新）' }],
      success: {
        status: 200, description: '包内路径 → 文件内容',
        schema: {
          type: 'object', required: ['packId', 'version', 'files'],
          properties: { packId: { type: 'string' }, version: { type: 'string' }, files: { type: 'object', additionalProperties: { type: 'string' } } },
        },
      },
      errors: [404],
      async handler({ params, query }) {
        const found = await services.packs.files(params.id, query.version);
        if (!found) throw notFound('PACK_NOT_FOUND', `流程包不存在：${params.id}${query.version ? ` ${query.version}` : ''}`);
        return found;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/definitions/:id', operationId: 'getDefinition', tag: 'packs', summary: '流程定义（含 BPMN，用于显示流程图）',
      access: 'form:read', pathParams: { id: '流程定义 id' },
      success: {
        status: 200, description: '流程定义',
        schema: {
          type: 'object', required: ['id', 'key', 'version', 'bpmn'],
          properties: {
            id: { type: 'string' }, key: { type: 'string' }, version: { type: 'integer' }, name: { type: ['string', 'null'] },
            processId: { type: 'string' }, bpmn: { type: 'string' }, startFormKey: { type: ['string', 'null'] },
            createdAt: { type: 'string', format: 'date-time' },
          },
        },
      },
      errors: [404],
      async handler({ params }) {
        if (!/^\d{1,18}$/.test(params.id)) throw notFound('DEFINITION_NOT_FOUND', `流程定义不存在：${params.id}`);
        const d = await services.engine.definitions.byIdOrThrow(params.id);
        return { id: d.id, key: d.key, version: d.version, name: d.name, processId: d.processId, bpmn: d.bpmn, startFormKey: d.meta.startFormKey ?? null, createdAt: d.createdAt };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/definitions/:id/withdraw', operationId: 'withdrawDefinition', tag: 'packs', summary: '撤回流程定义版本（不再用于新案件）',
      description: '出问题的版本无需重新部署即可停用：新案件改用最新的未撤回版本，明确指定该版本启动返回 409 DEFINITION_WITHDRAWN；进行中的案件不受影响。',
      access: 'pack:deploy', pathParams: { id: '流程定义 id' },
      success: { status: 200, description: '该版本', schema: ref('Definition') },
      errors: [404],
      async handler({ params, user, scope }) {
        await checkDefinitionScope(params.id, scope);
        const d = await services.engine.withdrawDefinition(params.id, user.username);
        return definitionSummary(d);
      },
    }),
    defineRoute({
      method: 'post', path: '/api/definitions/:id/restore', operationId: 'restoreDefinition', tag: 'packs', summary: '恢复已撤回的流程定义版本',
      description: '撤销撤回：该版本重新可用于新案件（若为最新版本，新案件即用它）。',
      access: 'pack:deploy', pathParams: { id: '流程定义 id' },
      success: { status: 200, description: '该版本', schema: ref('Definition') },
      errors: [404],
      async handler({ params, scope }) {
        await checkDefinitionScope(params.id, scope);
        const d = await services.engine.restoreDefinition(params.id);
        return definitionSummary(d);
      },
    }),
    defineRoute<unknown, { key?: string; startable?: boolean }>({
      method: 'get', path: '/api/definitions', operationId: 'listDefinitions', tag: 'packs', summary: '流程定义（各版本）',
      description: 'startable=true 时只返回本人可用于受理的流程（每个流程当前用于新案件的版本）：本人所属单位在该流程所在县的组织架构中；'
        + '不限辖区的用户（如系统管理员）得到全部可用流程。',
      access: 'form:read',
      query: [
        { name: 'key', schema: { type: 'string', maxLength: 200 }, description: '流程标识' },
        { name: 'startable', schema: { type: 'boolean' }, description: '只返回本人可用于受理的流程' },
      ],
      success: { status: 200, description: '流程定义', schema: { type: 'array', items: ref('Definition') } },
      async handler({ query, scope }) {
        const defs = await services.engine.definitions.list(query.key);
        if (!query.startable) return defs.map(definitionSummary);
        // The version new cases start on, per key; kept when the caller's unit is in its county.
        const out: DefinitionSummary[] = [];
        for (const key of [...new Set(defs.map((d) => d.key))]) {
          const current = await services.engine.definitions.byKey(key).catch((e: unknown) => {
            if (e instanceof DefinitionWithdrawnError) return undefined; // every version withdrawn
            throw e;
          });
          const row = current && defs.find((d) => d.id === current.id);
          if (row && (scope.all || (scope.unit !== null && unitInProcess(current, scope.unit)))) out.push(row);
        }
        return out.map(definitionSummary);
      },
    }),
    defineRoute<unknown, { process?: string; version?: number }>({
      method: 'get', path: '/api/forms/:key', operationId: 'getForm', tag: 'forms', summary: '表单定义 { schema, uiSchema }',
      description: '缺省取最近部署的、含该表单的流程定义；process / version 指定流程及版本。',
      access: 'form:read', pathParams: { key: '表单标识（camunda:formKey）' },
      query: [
        { name: 'process', schema: { type: 'string', maxLength: 200 }, description: '流程标识' },
        { name: 'version', schema: { type: 'integer', minimum: 1 }, description: '流程版本' },
      ],
      success: { status: 200, description: '表单', schema: ref('FormDefinition') },
      errors: [404],
      async handler({ params, query }) {
        const formNotFound = () => notFound('FORM_NOT_FOUND', `表单不存在：${params.key}`);
        let defId: string | undefined;
        if (query.process) {
          defId = (await services.engine.definitions.byKey(query.process, query.version)).id;
        } else {
          defId = (await services.engine.definitions.latestWithForm(params.key))?.id;
        }
        if (!defId) throw formNotFound();
        const def = await services.engine.definitions.byIdOrThrow(defId);
        const form = def.forms[params.key];
        if (!form) throw formNotFound();
        return { key: params.key, process: def.key, version: def.version, schema: form.schema, uiSchema: form.uiSchema ?? {} };
      },
    }),
  ];
}
