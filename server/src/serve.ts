// `yizhan serve`: the store (embedded PostgreSQL on a data dir, or DATABASE_URL), the packs of
// processes/ (each version deployed once), optional demo accounts, the HTTP server and the timer
// sweeper — and a clean stop in reverse order.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino, type Logger } from 'pino';
import { YizhanError, type Database } from '@yizhan/engine';
import { openServerDatabase } from './database';
import { createApp, type YizhanApp } from './app';
import { ensureDemoUsers } from './demo';
import { createPackEngine, listPackDirs, loadPackDir, type PackUser } from './packs';
import type { DemoLogin } from './web';
import { startWorkers, type Workers } from './workers';

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Embedded PostgreSQL data dir (default ./data) unless `databaseUrl`. */
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
  /** Folder whose pack folders are deployed at start; null: none. Default: the repository's processes/. */
  packsRoot?: string | null;
  webDir?: string | null;
  logger?: Logger;
  sweepIntervalMs?: number;
  /**
   * HTTP worker processes (node:cluster) on the one port; 1 (default) serves in this process. With
   * more, this process keeps the store, the pack deploys and the timer sweeper (src/workers.ts).
   */
  workers?: number;
  /** Lines for the operator (URL, demo logins). */
  print?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  yizhan: YizhanApp;
  db: Database;
  demoLogins: DemoLogin[];
  stop(): Promise<void>;
}

export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const db = await openServerDatabase(options.databaseUrl
    ? { url: options.databaseUrl }
    : { dataDir: options.dataDir ?? './data', onNotice: print, onLog: (line) => logger.debug({ postgres: line }) });
  let stopSweeper: (() => Promise<void>) | undefined;
  let server: Server | undefined;
  let workers: Workers | undefined;
  try {
    const engine = createPackEngine({ pool: db.pool });
    let demoLogins: DemoLogin[] = [];
    const yizhan = await createApp({ pool: db.pool, engine, logger, webDir: options.webDir, demoLogins: () => demoLogins });
    const { services } = yizhan;

    const packUsers: PackUser[] = [];
    if (options.packsRoot !== null) {
      for (const dir of await listPackDirs(options.packsRoot)) {
        try {
          const bundle = await loadPackDir(dir);
          const { deployment, created } = await services.packs.deploy(bundle, 'system', { skipExisting: true });
          packUsers.push(...(bundle.manifest.users ?? []));
          logger.info({ pack: deployment.packId, version: deployment.version, created }, created ? 'pack deployed' : 'pack already deployed');
        } catch (err) {
          logger.warn({ dir, code: (err as { code?: string }).code }, 'pack not deployed');
          print(`流程包未部署：${dir}：${(err as Error).message}`);
        }
      }
    }
    // the statistics rollup counts by the packs' conventions (a recount, once, when they changed)
    await services.reports.prepare();
    if (options.demo) demoLogins = await ensureDemoUsers(services, packUsers);
    else await services.users.disableDemoUsers();

    let port: number;
    let listening: string;
    if ((options.workers ?? 1) > 1) {
      workers = await startWorkers(options.workers ?? 1, {
        databaseUrl: db.url, port: options.port ?? 3000, host: options.host ?? '127.0.0.1', webDir: options.webDir, demoLogins,
      }, logger);
      port = workers.port;
      listening = options.host ?? '127.0.0.1';
    } else {
      server = yizhan.listen(options.port ?? 3000, options.host ?? '127.0.0.1');
      await new Promise<void>((ok, fail) => {
        server!.once('listening', ok);
        server!.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' || e.code === 'EACCES'
          ? new YizhanError('PORT_UNAVAILABLE', `端口 ${options.port ?? 3000} ${e.code === 'EADDRINUSE' ? '已被占用' : '无权使用'}：请用 --port 换一个端口，或停止占用它的程序。`)
          : e));
      });
      const address = server.address() as AddressInfo;
      port = address.port;
      listening = address.address;
    }
    const host = listening.includes(':') ? `[${listening}]` : listening;
    const url = `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${port}`;
    stopSweeper = engine.startTimerSweeper(options.sweepIntervalMs ?? 1000, (err) => logger.error({ err }, 'timer sweep failed'));

    print(`一站 yizhan 已启动：${url}`);
    print(`数据库：${db.description}`);
    if (workers) print(`HTTP 工作进程：${options.workers} 个（同一端口、同一数据库）`);
    if (demoLogins.length) {
      print(`演示账号（密码均为 demo1234）：`);
      for (const l of demoLogins) print(`  ${l.username.padEnd(16)} ${l.role}  ${l.position}`);
    }
    print('按 Ctrl-C 停止。');
    let stopping: Promise<void> | undefined;
    const running: RunningServer = {
      url, port, yizhan, db, demoLogins,
      stop() {
        stopping ??= (async () => {
          if (server) {
            await new Promise<void>((ok) => {
              server!.close(() => ok());
              server!.closeAllConnections();
            });
          }
          await workers?.stop();
          await stopSweeper?.();
          await db.close();
        })();
        return stopping;
      },
    };
    return running;
  } catch (err) {
    server?.close();
    await workers?.stop();
    await stopSweeper?.();
    await db.close();
    throw err;
  }
}
