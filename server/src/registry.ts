// Routes are declared once, as data: method, path, access, parameter and body schemas, documented
// responses, handler. The same declarations mount the express routes, validate requests and
// write the OpenAPI document — so every route served is documented, with the schemas it enforces.
import type { Request, RequestHandler, Response, Router } from 'express';
import { createFormValidator, type FormSchema } from '@yizhan/forms';
import { ApiError, forbidden } from './http-errors';
import { can, type Permission } from './roles';
import type { Scope } from './scope';
import type { User } from './users';

export type JsonSchema = Record<string, unknown>;

export interface QueryParam {
  name: string;
  schema: JsonSchema;
  description: string;
  required?: boolean;
}

export interface HandlerContext<Body, Query> {
  body: Body;
  query: Query;
  params: Record<string, string>;
  /** Present on every route except `access: 'public'`. */
  user: User;
  scope: Scope;
  req: Request;
  res: Response;
}

export interface HandlerResult {
  status?: number;
  body?: unknown;
}

export interface RouteDef<Body = unknown, Query = Record<string, unknown>> {
  method: 'get' | 'post' | 'delete';
  /** Express path, e.g. `/api/cases/:id`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** `public`: no token; `user`: any signed-in user; else the permission required. */
  access: 'public' | 'user' | Permission;
  pathParams?: Record<string, string>;
  query?: QueryParam[];
  /** JSON body schema (validated before the handler runs). */
  body?: JsonSchema;
  /** The body may be left out entirely (no content). */
  bodyOptional?: boolean;
  /** An alternative multipart/form-data body (documented; parsed by `middleware`). */
  multipart?: JsonSchema;
  /** Route-specific middleware run before validation (rate limits, multipart parsing). */
  middleware?: RequestHandler[];
  /** `content`: media types other than JSON (file downloads), each with its schema. */
  success: { status: 200 | 201 | 204; description: string; schema?: JsonSchema; content?: Record<string, JsonSchema> };
  /** Documented error statuses besides those implied by `access` (401, 403) and validation (400). */
  errors?: number[];
  /** The handler's value is the JSON body (status `success.status`) unless it returns a HandlerResult via `result()`. */
  handler(ctx: HandlerContext<Body, Query>): Promise<unknown>;
}

const RESULT = Symbol('result');
/** Lets a handler choose the status (e.g. 200 vs 201) explicitly. */
export function result(status: number, body: unknown): HandlerResult & { [RESULT]: true } {
  return { status, body, [RESULT]: true };
}
function isResult(v: unknown): v is HandlerResult & { [RESULT]: true } {
  return !!v && typeof v === 'object' && RESULT in v;
}

export function defineRoute<Body = unknown, Query = Record<string, unknown>>(def: RouteDef<Body, Query>): RouteDef {
  return def as unknown as RouteDef;
}

/** Body and query validation with the forms package's ajv and zh-CN messages (plain JSON Schema: not closed like a form). */
const validator = createFormValidator({ closedByDefault: false });

export function querySchema(params: QueryParam[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

/** Query strings are text: coerce to the declared scalar type before validating. */
function coerceQuery(raw: Record<string, unknown>, params: QueryParam[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of params) {
    let v = raw[p.name];
    if (v === undefined) continue;
    if (Array.isArray(v)) v = v[v.length - 1];
    const type = p.schema.type;
    if (typeof v === 'string' && (type === 'integer' || type === 'number') && v.trim() !== '' && !Number.isNaN(Number(v))) v = Number(v);
    if (typeof v === 'string' && type === 'boolean' && (v === 'true' || v === 'false')) v = v === 'true';
    out[p.name] = v;
  }
  return out;
}

function validate(schema: JsonSchema, data: unknown, where: 'body' | 'query'): void {
  const errors = validator.validate({ schema: schema as FormSchema }, data);
  if (errors.length) {
    throw new ApiError('VALIDATION_FAILED', where === 'body' ? `请求内容有误，共 ${errors.length} 处` : `查询参数有误，共 ${errors.length} 处`,
      errors.map((e) => ({ field: e.field, code: e.keyword, message: e.message, in: where })));
  }
}

export interface MountOptions {
  /** Resolves the Bearer token into the user and scope; throws 401. */
  authenticate(req: Request): Promise<{ user: User; scope: Scope }>;
}

export function mountRoutes(router: Router, routes: RouteDef[], options: MountOptions): void {
  for (const route of routes) {
    // Authentication and the role check come before any body parsing a route adds (multipart).
    const authorise: RequestHandler = async (req, res, next) => {
      if (route.access !== 'public') {
        const { user, scope } = await options.authenticate(req);
        if (route.access !== 'user' && !can(user.role, route.access)) throw forbidden(`当前角色无权执行此操作（需要 ${route.access} 权限）`);
        res.locals.user = user;
        res.locals.scope = scope;
      }
      next();
    };
    const handler: RequestHandler = async (req, res) => {
      const query = route.query ? coerceQuery(req.query as Record<string, unknown>, route.query) : {};
      if (route.query) validate(querySchema(route.query), query, 'query');
      if (route.body && !req.is('multipart/form-data')) {
        const json = req.is('application/json');
        const empty = !req.headers['content-type'] && !req.headers['transfer-encoding'] && Number(req.headers['content-length'] ?? 0) === 0;
        if (empty && route.bodyOptional) req.body = undefined;
        else if (!json) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', '请求体须为 application/json');
        else validate(route.body, req.body, 'body');
      }
      const value = await route.handler({
        body: req.body, query, params: req.params as Record<string, string>,
        user: res.locals.user as User, scope: res.locals.scope as Scope, req, res,
      });
      if (res.headersSent) return;
      const status = isResult(value) ? value.status ?? route.success.status : route.success.status;
      const body = isResult(value) ? value.body : value;
      if (status === 204 || body === undefined) res.status(status).end();
      else res.status(status).json(body);
    };
    router[route.method](route.path, authorise, ...(route.middleware ?? []), handler);
  }
}
