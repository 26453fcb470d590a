// The express app: security headers, structured logs, body limits, the declared routes, the
// OpenAPI document, the web app, and one error handler.
import { createServer, type Server } from 'node:http';
import express, { type Express, type Request } from 'express';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type pg from 'pg';
import { systemClock, type CaseEngine, type Clock } from '@yizhan/engine';
import { AttachmentStore } from './attachments';
import { CitizenRatings } from './citizen-ratings';
import { ApiError, errorHandler, unauthorized } from './http-errors';
import { IdempotencyStore } from './idempotency';
import { buildOpenApi } from './openapi';
import { OrgDirectory } from './org-directory';
import { createPackEngine, packFormValidator, PackService } from './packs';
import { defineRoute, mountRoutes, type JsonSchema, type RouteDef } from './registry';
import { PublicCases } from './public-cases';
import { DEFAULT_PUBLIC_LIMITS, PublicLimiter, type PublicLimits } from './public-limits';
import { Reports } from './reports';
import { whatIfRoutes } from './routes/whatif';
import { migrationRoutes } from './routes/migrations';
import { DEFAULT_LOGIN_LIMIT, type LoginLimit } from './login-guard';
import { Analysis } from './analysis';
import { analysisRoutes } from './routes/analysis';
import { supervisionRoutes } from './routes/supervision';
import { attachmentRoutes } from './routes/attachments';
import { authRoutes, bearer } from './routes/auth';
import { caseRoutes } from './routes/cases';
import { lifecycleRoutes } from './routes/lifecycle';
import { messageRoutes } from './routes/messages';
import { ratingRoutes } from './routes/ratings';
import { catalogRoutes } from './routes/catalog';
import { draftRoutes } from './routes/drafts';
import { PackDraftStore } from './pack-drafts';
import { reportRoutes } from './routes/reports';
import { assessmentRoutes } from './routes/assessment';
import { AssessmentService } from './assessment';
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
  /** Login throttling (failed logins per account and per client address, see login-guard.ts); DEFAULT_LOGIN_LIMIT by default. */
  loginLimit?: LoginLimit;
  /** JSON body limit of signed-in routes (413 beyond); 1 MB by default. Login reads 16 kB at most. */
  bodyLimit?: string;
  /** Exports running at once per user, and in all (429 TOO_MANY_EXPORTS beyond); 2 and 4 by default. */
  exportsPerUser?: number;
  exportsTotal?: number;
  /** Timeouts and the connection cap of the HTTP server made by `listen`. */
  http?: Partial<HttpLimits>;
  /** The built web app; null: none (the API page only). Default: designer/dist. */
  webDir?: string | null;
  /** Caps on the public endpoints (公示, the applicant's rating page); DEFAULT_PUBLIC_LIMITS by default. */
  publicLimits?: PublicLimits;
  /** Demo logins shown on the start page. */
  demoLogins?: () => DemoLogin[];
}

export interface YizhanApp {
  app: Express;
  services: Services;
  routes: RouteDef[];
  openapi: JsonSchema;
  /** An HTTP server for the app with the timeouts and connection cap of `HttpLimits`, listening. */
  listen(port: number, host: string): Server;
}

/**
 * What one client may hold of the server: slow senders (headers or a body trickled byte by byte)
 * and idle keep-alive sockets are closed, and connections beyond the cap are refused.
 */
export interface HttpLimits {
  /** The request line and headers must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (a 5 MB pack at ~200 kB/s). */
  requestTimeoutMs: number;
  /** An idle keep-alive socket is closed after this. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic either way is closed after this. */
  idleTimeoutMs: number;
  /** Open connections at most; more are refused at once. */
  maxConnections: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, idleTimeoutMs: 60_000, maxConnections: 1000,
};

export function createHttpServer(app: Express, limits: Partial<HttpLimits> = {}): Server {
  const l = { ...DEFAULT_HTTP_LIMITS, ...limits };
  const server = createServer({
    headersTimeout: Math.min(l.headersTimeoutMs, l.requestTimeoutMs),
    requestTimeout: l.requestTimeoutMs,
    keepAliveTimeout: l.keepAliveTimeoutMs,
    // how often the two timeouts above are checked (Node's default is every 30 s)
    connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(l.headersTimeoutMs / 4))),
  }, app);
  server.setTimeout(l.idleTimeoutMs, (socket) => socket.destroy());
  server.maxConnections = l.maxConnections;
  return server;
}

/** Validates form data with the forms package (zh-CN messages, CN formats): the browser's rules. */
export const formValidator = packFormValidator;

export async function createApp(options: AppOptions): Promise<YizhanApp> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: 'info' });
  const pool = options.pool;
  const engine = options.engine ?? createPackEngine({ pool, clock });
  const directory = new OrgDirectory(pool);
  await directory.refresh();
  const publicLimiter = new PublicLimiter(pool, clock, options.publicLimits ?? DEFAULT_PUBLIC_LIMITS);
  const packs = new PackService(engine, pool, directory);
  const services: Services = {
    pool, engine, clock, logger, directory,
    users: new UserRepository(pool),
    sessions: new SessionStore(pool, clock, options.tokenTtlMs ?? 8 * 3600_000),
    queries: new ScopedQueries(pool, clock),
    reports: new Reports(pool, clock, directory),
    publicCases: new PublicCases(pool, directory),
    packs,
    assessment: new AssessmentService(pool, clock, packs),
    idempotency: new IdempotencyStore(pool, clock),
    attachments: new AttachmentStore(pool, clock),
    ratings: new CitizenRatings(pool, engine, directory, clock, publicLimiter),
    publicLimiter,
    analysis: new Analysis(pool, engine, clock, directory),
    drafts: new PackDraftStore(pool, clock),
  };

  const routes: RouteDef[] = [
    ...authRoutes(services, options.loginLimit ?? DEFAULT_LOGIN_LIMIT),
    ...caseRoutes(services),
    ...messageRoutes(services),
    ...lifecycleRoutes(services),
    ...taskRoutes(services),
    ...catalogRoutes(services),
    ...whatIfRoutes(services),
    ...migrationRoutes(services),
    ...draftRoutes(services),
    ...attachmentRoutes(services),
    ...ratingRoutes(services),
    ...assessmentRoutes(services),
    ...supervisionRoutes(services),
    ...analysisRoutes(services),
    ...reportRoutes(services, { exportsPerUser: options.exportsPerUser ?? 2, exportsTotal: options.exportsTotal ?? 4 }),
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
  // No body parser here: each route reads its body after authentication (registry.ts).

  const router = express.Router();
  mountRoutes(router, routes, {
    authenticate: async (req: Request) => {
      const token = bearer(req.headers.authorization);
      if (!token) throw unauthorized('请先登录（缺少 Authorization: Bearer 令牌）');
      const user = await services.sessions.resolveUser(token);
      if (!user) throw unauthorized('登录已失效，请重新登录');
      return { user, scope: scopeOf(user, directory) };
    },
    bodyLimit: options.bodyLimit ?? '1mb',
    idempotency: services.idempotency,
  });
  app.use(router);
  app.use('/api', () => {
    throw new ApiError('NOT_FOUND', '接口不存在');
  });
  mountWeb(app, options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir, options.demoLogins ?? (() => []));
  app.use(errorHandler(logger));
  return {
    app, services, routes, openapi,
    listen(port, host) {
      return createHttpServer(app, options.http).listen(port, host);
    },
  };
}
