// Routes are declared once, as data: method, path, access, parameter and body schemas, documented
// responses, handler. The same declarations mount the express routes, validate requests and
// write the OpenAPI document — so every route served is documented, with the schemas it enforces.
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { createFormValidator, type FormSchema } from '@yizhan/forms';
import { ApiError, forbidden } from './http-errors';
import type { IdempotencyStore } from './idempotency';
import { can, PERMISSION_LABELS, ROLE_LABELS, type Permission } from './roles';
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
  /** JSON body limit of this route (default: the app's; public routes 16 kB). */
  bodyLimit?: string;
  /**
   * Honours an `Idempotency-Key` header: a retry with the same key and body answers the first
   * answer again instead of acting twice (see idempotency.ts).
   */
  idempotent?: boolean;
  /** An alternative multipart/form-data body (documented; parsed by `middleware`). */
  multipart?: JsonSchema;
  /** Route-specific middleware, run after authentication and before JSON parsing and validation (multipart parsing). */
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
    // Only finite numbers (integers: safe integers) become numbers; `1e20` stays text and fails validation.
    if (typeof v === 'string' && (type === 'integer' || type === 'number') && v.trim() !== '') {
      const n = Number(v);
      if (type === 'integer' ? Number.isSafeInteger(n) : Number.isFinite(n)) v = n;
    }
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
  /** JSON body limit of routes that require a signed-in user (413 beyond). */
  bodyLimit: string;
  /** Stores the answers of `idempotent` routes by user and Idempotency-Key. */
  idempotency: IdempotencyStore;
}

/** Public routes (login) read at most this much before anyone is known. */
export const PUBLIC_BODY_LIMIT = '16kb';
/** JSON nested deeper than this is refused (no form needs more; deep nesting only costs). */
export const MAX_JSON_DEPTH = 64;

/**
 * Text the database cannot store or that is not text at all: NUL, and UTF-16 surrogates that are
 * not in a pair (`"\ud800"` in JSON). Checked on every path parameter, query value and body string.
 */
function badText(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return '含有 NUL 字符（\\u0000）';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return '含有不成对的 UTF-16 代理字符';
    }
    if (c >= 0xdc00 && c <= 0xdfff) return '含有不成对的 UTF-16 代理字符';
  }
  return undefined;
}

/** Throws 400 when a value holds text that cannot be stored, or nests deeper than MAX_JSON_DEPTH. */
export function assertCleanValue(value: unknown, where: 'body' | 'query' | 'path'): void {
  const stack: { v: unknown; at: string; depth: number }[] = [{ v: value, at: '', depth: 0 }];
  while (stack.length) {
    const { v, at, depth } = stack.pop()!;
    const fail = (message: string) => {
      throw new ApiError('BAD_REQUEST', '请求中含有无法处理的内容', [{ field: at || '/', code: 'text', message, in: where }]);
    };
    if (typeof v === 'string') {
      const bad = badText(v);
      if (bad) fail(bad);
    } else if (v && typeof v === 'object') {
      if (depth >= MAX_JSON_DEPTH) fail(`嵌套层级超过 ${MAX_JSON_DEPTH}`);
      for (const [k, child] of Object.entries(v)) {
        const bad = badText(k);
        if (bad) fail(`字段名${bad}`);
        stack.push({ v: child, at: `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth: depth + 1 });
      }
    }
  }
}

export function mountRoutes(router: Router, routes: RouteDef[], options: MountOptions): void {
  for (const route of routes) {
    // Authentication and the role check come first: nothing of the body is read for a caller who is
    // not signed in (only public routes — login — read a body before that, and only a small one).
    const authorise: RequestHandler = async (req, res, next) => {
      if (route.access !== 'public') {
        const { user, scope } = await options.authenticate(req);
        if (route.access !== 'user' && !can(user.role, route.access)) throw forbidden(`当前角色（${ROLE_LABELS[user.role]}）无权执行此操作：需要「${PERMISSION_LABELS[route.access]}」权限（${route.access}）`);
        res.locals.user = user;
        res.locals.scope = scope;
      }
      next();
    };
    const ignoredJson = express.json({ limit: PUBLIC_BODY_LIMIT });
    const limit = route.bodyLimit ?? (route.access === 'public' ? PUBLIC_BODY_LIMIT : options.bodyLimit);
    const json = express.json({ limit });
    const readBody: RequestHandler = (req, res, next) => {
      // A multipart-only route (a file upload): its middleware has read the parts already.
      if (!route.body && route.multipart && req.is('multipart/form-data')) return next();
      if (!route.body) {
        // A route without a body still refuses a malformed one: a body sent anyway must be small
        // JSON (clients send `{}`), and is ignored.
        const sent = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
        if (!sent) return next();
        if (!req.is('application/json')) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', '此接口不接受请求体（如有，须为 application/json）');
        return ignoredJson(req, res, next);
      }
      if (req.is('multipart/form-data')) {
        if (!route.multipart) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', '请求体须为 application/json');
        return next();
      }
      // JSON is UTF-8 (RFC 8259): a charset parameter, if any, must say so — an empty or other one is refused, not guessed.
      const charset = /;\s*charset\s*=\s*"?([^";]*)"?/i.exec(req.headers['content-type'] ?? '')?.[1];
      if (charset !== undefined && !/^utf-?8$/i.test(charset.trim())) {
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `请求体须为 UTF-8 编码的 JSON（收到 charset=${charset.slice(0, 40)}）`);
      }
      json(req, res, next);
    };
    const handler: RequestHandler = async (req, res) => {
      assertCleanValue(req.params, 'path');
      const query = route.query ? coerceQuery(req.query as Record<string, unknown>, route.query) : {};
      if (route.query) {
        assertCleanValue(query, 'query');
        validate(querySchema(route.query), query, 'query');
      }
      if (!route.body && req.body !== undefined) assertCleanValue(req.body, 'body');
      if (route.body) {
        const multipart = !!route.multipart && req.is('multipart/form-data');
        const empty = !req.headers['content-type'] && !req.headers['transfer-encoding'] && Number(req.headers['content-length'] ?? 0) === 0;
        if (empty && route.bodyOptional) req.body = undefined;
        else if (!multipart && !req.is('application/json')) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', '请求体须为 application/json');
        else {
          assertCleanValue(req.body, 'body');
          validate(route.body, req.body, 'body');
        }
      }
      const run = async (): Promise<{ status: number; body: unknown } | undefined> => {
        const value = await route.handler({
          body: req.body, query, params: req.params as Record<string, string>,
          user: res.locals.user as User, scope: res.locals.scope as Scope, req, res,
        });
        if (res.headersSent) return undefined;
        const status = isResult(value) ? value.status ?? route.success.status : route.success.status;
        return { status, body: isResult(value) ? value.body : value };
      };
      const key = route.idempotent ? req.get('idempotency-key') : undefined;
      const answer = key !== undefined && res.locals.user
        ? await options.idempotency.run({ username: (res.locals.user as User).username, key, method: req.method, path: req.path, body: req.body }, run, res)
        : await run();
      if (!answer) return;
      if (answer.status === 204 || answer.body === undefined) res.status(answer.status).end();
      else res.status(answer.status).json(answer.body);
    };
    router[route.method](route.path, authorise, ...(route.middleware ?? []), readBody, handler);
  }
}
