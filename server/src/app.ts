// The express app: security headers, structured logs, body limits, the declared routes, the
// OpenAPI document, the web app, and one error handler.
import express, { type Express, type Request } from 'express';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type pg from 'pg';
import { CaseEngine, systemClock, type Clock } from '@yizhan/engine';
import { createFormValidator } from '@yizhan/forms';
import { ApiError, errorHandler, unauthorized } from './http-errors';
import { buildOpenApi } from './openapi';
import { OrgDirectory } from './org-directory';
import { packHandlers, PackService } from './packs';
import { defineRoute, mountRoutes, type JsonSchema, type RouteDef } from './registry';
import { PublicCases } from './public-cases';
import { Reports } from './reports';
import { authRoutes, bearer, type LoginLimit } from './routes/auth';
import { caseRoutes } from './routes/cases';
import { catalogRoutes } from './routes/catalog';
import { reportRoutes } from './routes/reports';
import { taskRoutes } from './routes/tasks';
import { scopeOf } from './scope';
import { ScopedQueries } from './scoped-queries';
import type { Services } from './services';
import { SessionStore } from './sessions';
import { UserRepository } from './users';
import { DEFAULT_WEB_DIR, mountWeb, type DemoLogin } from './web';

export const API_VERSION = '0.1.0';

export interface AppOptions {
  pool: pg.Pool;
  /** An engine to share (e.g. with the timer sweeper); by default one is made on `pool`. */
  engine?: CaseEngine;
  clock?: Clock;
  logger?: Logger;
  /** Token lifetime; 8 hours by default (a working day). */
  tokenTtlMs?: number;
  /** Login attempts per client address per window; 20 per 15 minutes by default. */
  loginLimit?: LoginLimit;
  /** JSON body limit (413 beyond); 1 MB by default. */
  bodyLimit?: string;
  /** The built web app; null: none (the API page only). Default: designer/dist. */
  webDir?: string | null;
  /** Demo logins shown on the start page. */
  demoLogins?: () => DemoLogin[];
}

export interface YizhanApp {
  app: Express;
  services: Services;
  routes: RouteDef[];
  openapi: JsonSchema;
}

/** Validates form data with the forms package (zh-CN messages, CN formats): the browser's rules. */
export function formValidator() {
  const forms = createFormValidator();
  return (form: Parameters<typeof forms.validate>[0], data: unknown) =>
    forms.validate(form, data).map((e) => ({ field: e.field, code: e.keyword, message: e.message }));
}

export async function createApp(options: AppOptions): Promise<YizhanApp> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: 'info' });
  const pool = options.pool;
  const engine = options.engine ?? new CaseEngine({ pool, clock, validateForm: formValidator(), handlers: { ...packHandlers } });
  const directory = new OrgDirectory(pool);
  await directory.refresh();
  const services: Services = {
    pool, engine, clock, logger, directory,
    users: new UserRepository(pool),
    sessions: new SessionStore(pool, clock, options.tokenTtlMs ?? 8 * 3600_000),
    queries: new ScopedQueries(pool, clock),
    reports: new Reports(pool, clock, directory),
    publicCases: new PublicCases(pool, directory),
    packs: new PackService(engine, pool, directory),
  };

  const routes: RouteDef[] = [
    ...authRoutes(services, options.loginLimit ?? { windowMs: 15 * 60_000, limit: 20 }),
    ...caseRoutes(services),
    ...taskRoutes(services),
    ...catalogRoutes(services),
    ...reportRoutes(services),
  ];
  let openapi: JsonSchema = {};
  routes.push(
    defineRoute({
      method: 'get', path: '/api/openapi.json', operationId: 'getOpenApi', tag: 'meta', summary: '本 API 的 OpenAPI 3.1 文档',
      access: 'public', success: { status: 200, description: 'OpenAPI 文档', schema: { type: 'object' } },
      async handler() {
        return openapi;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/health', operationId: 'health', tag: 'meta', summary: '健康检查（含数据库）',
      access: 'public', success: { status: 200, description: '正常', schema: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } },
      async handler() {
        await pool.query('select 1');
        return { status: 'ok' };
      },
    }),
  );
  openapi = buildOpenApi(routes, { version: API_VERSION });

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Helmet's defaults, except forcing https: a county LAN often serves plain http on an internal
  // address, where upgrade-insecure-requests (and HSTS) would break every asset request.
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: null,
        // The web app validates forms in the browser with ajv — the same validator as the server —
        // and ajv compiles each administrator-designed schema to a function at run time.
        scriptSrc: ["'self'", "'unsafe-eval'"],
      },
    },
    strictTransportSecurity: false,
  }));
  app.use(pinoHttp({
    logger,
    // Never log tokens or passwords; bodies are not logged at all.
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  }));
  app.use(express.json({ limit: options.bodyLimit ?? '1mb' }));

  const router = express.Router();
  mountRoutes(router, routes, {
    authenticate: async (req: Request) => {
      const token = bearer(req.headers.authorization);
      if (!token) throw unauthorized('请先登录（缺少 Authorization: Bearer 令牌）');
      const username = await services.sessions.resolve(token);
      const user = username ? await services.users.get(username) : undefined;
      if (!user || user.disabled) throw unauthorized('登录已失效，请重新登录');
      return { user, scope: scopeOf(user, directory) };
    },
  });
  app.use(router);
  app.use('/api', () => {
    throw new ApiError('NOT_FOUND', '接口不存在');
  });
  mountWeb(app, options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir, options.demoLogins ?? (() => []));
  app.use(errorHandler(logger));
  return { app, services, routes, openapi };
}
