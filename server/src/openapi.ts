// The OpenAPI 3.1 document, written from the route declarations (see registry.ts).
import { componentSchemas, ref } from './api-schemas';
import type { JsonSchema, RouteDef } from './registry';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '请求有误（VALIDATION_FAILED、FORM_INVALID 逐字段错误、BAD_REQUEST）',
  401: '未登录或令牌已失效（UNAUTHORIZED）',
  403: '角色无权或不属于本人 / 本部门（FORBIDDEN）',
  404: '不存在或不在辖区内（CASE_NOT_FOUND、TASK_NOT_FOUND、FORM_NOT_FOUND、PACK_NOT_FOUND、DEFINITION_NOT_FOUND、RATING_LINK_NOT_FOUND）',
  409: '冲突（TASK_ALREADY_COMPLETED、TASK_CLAIMED、NOT_ASSIGNEE、TASK_NOT_OPEN、CASE_ALREADY_RATED、PACK_VERSION_EXISTS、USER_EXISTS、IDEMPOTENCY_KEY_IN_USE）',
  410: '已过期（RATING_LINK_EXPIRED，当事人评价链接已过期）',
  413: '请求体过大（PAYLOAD_TOO_LARGE）',
  415: '请求体须为 JSON（UNSUPPORTED_MEDIA_TYPE）',
  422: '流程、规则或流程包无法执行 / 未通过校验（PROCESS_ERROR、BPMN_INVALID、PACK_INVALID、RULESET_INVALID、FORM_DEFINITION_INVALID），或幂等键已用于另一请求（IDEMPOTENCY_KEY_REUSED）',
  429: '请求过于频繁（RATE_LIMITED，登录失败过多、公开接口请求过多或评价码输错过多；TOO_MANY_EXPORTS，同时导出过多），Retry-After 头给出等待秒数',
};

export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function buildOpenApi(routes: RouteDef[], info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of routes) {
    const p = toOpenApiPath(r.path);
    const parameters: JsonSchema[] = [];
    for (const name of [...r.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1])) {
      parameters.push({ name, in: 'path', required: true, description: r.pathParams?.[name] ?? name, schema: { type: 'string' } });
    }
    for (const q of r.query ?? []) {
      parameters.push({ name: q.name, in: 'query', required: q.required ?? false, description: q.description, schema: q.schema });
    }
    if (r.idempotent) {
      parameters.push({
        name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
        description: '幂等键（如 UUID，本用户内唯一，保留 24 小时）：以同一键重发同一请求（方法、路径、请求体相同）返回第一次的状态码与响应体（响应头 Idempotent-Replayed: true），不会重复执行；'
          + '同一键用于不同请求返回 422 IDEMPOTENCY_KEY_REUSED；第一次请求仍在处理时返回 409 IDEMPOTENCY_KEY_IN_USE。',
      });
    }
    const errors = new Set<number>(r.errors ?? []);
    if (r.idempotent) {
      errors.add(409);
      errors.add(422);
    }
    if (r.body || r.query) errors.add(400);
    if (r.body) {
      errors.add(413);
      errors.add(415);
    }
    if (r.access !== 'public') {
      errors.add(401);
      if (r.access !== 'user') errors.add(403);
    }
    const responses: Record<string, JsonSchema> = {
      [String(r.success.status)]: {
        description: r.success.description,
        ...(r.success.content
          ? { content: Object.fromEntries(Object.entries(r.success.content).map(([type, schema]) => [type, { schema }])) }
          : r.success.schema ? { content: { 'application/json': { schema: r.success.schema } } } : {}),
      },
    };
    for (const status of [...errors].sort()) responses[String(status)] = { $ref: `#/components/responses/E${status}` };
    const op: JsonSchema = {
      operationId: r.operationId,
      tags: [r.tag],
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? {
        requestBody: {
          required: !r.bodyOptional,
          content: {
            'application/json': { schema: r.body },
            ...(r.multipart ? { 'multipart/form-data': { schema: r.multipart } } : {}),
          },
        },
      } : r.multipart ? {
        requestBody: { required: true, content: { 'multipart/form-data': { schema: r.multipart } } },
      } : {}),
      responses,
      security: r.access === 'public' ? [] : [{ bearer: [] }],
      ...(r.access !== 'public' && r.access !== 'user' ? { 'x-permission': r.access } : {}),
    };
    (paths[p] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '一站 yizhan API',
      version: info.version,
      description: '县级综治中心矛盾纠纷多元化解工作流平台的 HTTP API。除登录、公示、健康检查与本文档外，所有接口都需 Bearer 令牌；'
        + '数据按用户所属单位（含下级）与部门限定范围。错误统一为 { error: { code, message, details } }，code 稳定、message 为中文。',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'auth', description: '登录与当前用户' }, { name: 'users', description: '用户' }, { name: 'org', description: '组织架构' },
      { name: 'cases', description: '案件' }, { name: 'tasks', description: '待办任务' }, { name: 'messages', description: '消息与信号（撤回等外部事件）' }, { name: 'forms', description: '表单' },
      { name: 'packs', description: '流程包与流程定义' }, { name: 'stats', description: '统计' }, { name: 'assessment', description: '考核与通报' }, { name: 'public', description: '公示' },
      { name: 'supervision', description: '挂牌督办与领导包案' }, { name: 'analysis', description: '研判：按当事人查询、重复来访、突增预警、月度研判' },
      { name: 'meta', description: '文档与健康检查' },
    ],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'POST /api/auth/login 取得的令牌' } },
      schemas: componentSchemas,
      responses: Object.fromEntries(Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
        `E${status}`, { description, content: { 'application/json': { schema: ref('Error') } } },
      ])),
    },
  };
}
