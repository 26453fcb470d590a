// `yizhan serve --workers N`: N HTTP worker processes (node:cluster) on one port and one database.
// The primary opens the store (starting the embedded PostgreSQL when there is one), deploys the
// packs, makes the demo accounts and runs the timer sweeper; the workers only serve HTTP. They hold
// nothing of their own — every command on a case is a transaction under the case's row lock, timers
// fire once across processes — so they are the stateless nodes the product scales out with, on one
// machine. A worker that dies is replaced; the workers stop when the primary goes away.
import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { openServerDatabase } from './database';
import { createApp } from './app';
import { createPackEngine } from './packs';
import type { DemoLogin } from './web';

/** What a worker needs, handed over in its environment (the URL carries the password: never logged). */
interface WorkerConfig {
  databaseUrl: string;
  port: number;
  host: string;
  webDir?: string | null;
  demoLogins: DemoLogin[];
}

const CONFIG_ENV = 'YIZHAN_WORKER_CONFIG';
/** How many times a replacement that dies before listening is started again. */
const REPLACEMENT_ATTEMPTS = 5;

/** True in a worker process forked by `startWorkers`. */
export function isServeWorker(): boolean {
  return cluster.isWorker && process.env[CONFIG_ENV] !== undefined;
}

export interface Workers {
  port: number;
  stop(): Promise<void>;
}

/** Forks `count` workers listening on `port` (0: one free port shared by all); resolves once all listen. */
export async function startWorkers(count: number, config: WorkerConfig, logger: Logger): Promise<Workers> {
  cluster.setupPrimary({ exec: fileURLToPath(new URL('../bin/yizhan.js', import.meta.url)), args: ['serve'], silent: false });
  let stopping = false;
  let port = config.port;
  const live = new Set<Worker>();
  /** `attempt`: 0 for the first workers, n for the n-th try at replacing one that died. */
  const fork = (attempt = 0): Worker => {
    // a replacement listens on the port the first ones got
    const worker = cluster.fork({ [CONFIG_ENV]: JSON.stringify({ ...config, port }) });
    live.add(worker);
    let served = false;
    worker.once('listening', () => (served = true));
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      if (served) {
        logger.error({ pid: worker.process.pid, code, signal }, 'HTTP worker exited; starting another');
        fork(1);
        return;
      }
      // a first worker that never got to listen fails the start (below); a replacement that died
      // starting (e.g. the database still busy with the dead one's connections) is tried again a
      // few times, a little later each time, never in a tight loop
      if (attempt === 0 || attempt > REPLACEMENT_ATTEMPTS) {
        if (attempt) logger.error({ code, signal, attempts: attempt }, 'HTTP worker could not be replaced');
        return;
      }
      logger.error({ pid: worker.process.pid, code, signal, attempt }, 'replacement HTTP worker exited before listening; trying again');
      setTimeout(() => { if (!stopping) fork(attempt + 1); }, 500 * 2 ** attempt).unref();
    });
    return worker;
  };
  const first = Array.from({ length: count }, () => fork());
  const ports = await Promise.all(first.map((w) => new Promise<number>((ok, fail) => {
    w.once('listening', (address) => ok(address.port));
    w.once('exit', (code) => fail(new Error(`HTTP worker exited with ${code} before listening`)));
  })));
  port = ports[0];
  return {
    port,
    async stop() {
      stopping = true;
      await Promise.all([...live].map((w) => new Promise<void>((ok) => {
        w.once('exit', () => ok());
        w.kill('SIGTERM');
      })));
    },
  };
}

/** A worker's life: serve HTTP until SIGTERM / SIGINT or the primary goes away, then close and exit. */
export async function runServeWorker(logger: Logger): Promise<void> {
  const config = JSON.parse(process.env[CONFIG_ENV] ?? '{}') as WorkerConfig;
  const db = await openServerDatabase({ url: config.databaseUrl });
  const engine = createPackEngine({ pool: db.pool });
  const yizhan = await createApp({ pool: db.pool, engine, logger, webDir: config.webDir, demoLogins: () => config.demoLogins });
  const server = yizhan.listen(config.port, config.host);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await db.close();
      process.exit(0);
    })();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop); // Ctrl-C reaches the whole process group; the primary stops the rest
  process.once('disconnect', stop);
}
