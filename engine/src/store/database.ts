// One store implementation on pg.Pool, whether PostgreSQL is the embedded child process (default,
// on a data dir) or a server named by DATABASE_URL. Schema changes are versioned SQL migrations.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { DatabaseOpenError, startEmbeddedPostgres, type EmbeddedServer } from './embedded';

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent an embedded server runs on `dataDir`. */
  url?: string;
  dataDir?: string;
  poolSize?: number;
  onLog?: (line: string) => void;
  /** One line for the operator when the embedded PostgreSQL did something on their behalf. */
  onNotice?: (line: string) => void;
  /** Other packages' migrations (e.g. the server's tables), applied with the engine's (see migrate). */
  migrations?: MigrationSet[];
}

/**
 * Migrations a package other than the engine owns: a directory of `NNN_name.sql` files, or the
 * files themselves. Every version number is unique across the engine's and all sets (the
 * engine's are below 100); each applied one is recorded as (version, file name).
 */
export type MigrationSet = { dir: URL | string } | { files: { name: string; sql: string }[] };

export interface Database {
  pool: pg.Pool;
  /** Where it runs, for logs: "embedded:<dir>" or the server URL without password. */
  description: string;
  /**
   * The connection URL, password included (the embedded server's own), for other processes of
   * the same deployment (`yizhan serve --workers N`). Never print or log it: `description` is that.
   */
  url: string;
  close(): Promise<void>;
}

/**
 * Opens the store and applies pending migrations. Any failure to get there is an
 * DatabaseOpenError (code + one Chinese sentence saying what to do); nothing is left running.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let url = options.url;
  let description: string;
  if (url) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new DatabaseOpenError('DB_URL_INVALID', '数据库地址格式不对：请按 postgres://用户:密码@主机:端口/库名 设置 DATABASE_URL。');
    }
    u.password = '';
    description = u.toString();
  } else {
    const dataDir = options.dataDir ?? './data';
    embedded = await startEmbeddedPostgres({ dataDir, onLog: options.onLog, onNotice: options.onNotice });
    url = embedded.url;
    description = embedded.clusterDir === resolve(dataDir) ? `embedded PostgreSQL in ${dataDir}` : `embedded PostgreSQL in ${dataDir} (files in ${embedded.clusterDir})`;
  }
  let pool: pg.Pool | undefined;
  try {
    if (embedded) {
      await ensureDatabase(url, 'yizhan');
      url = url.replace(/\/postgres$/, '/yizhan');
    }
    pool = new pg.Pool({
      connectionString: url, max: options.poolSize ?? 10,
      // No parallel workers for a query: every read is an index read of a page or a rollup's few
      // rows, where starting workers and passing them the rows cost more than the read (a county
      // department's inbox at a million cases: 26 ms with two workers, 4.5 ms without). Set before
      // the pool hands the new connection out, as a plain query, so a pooler sees nothing unusual.
      onConnect: async (client) => {
        await client.query('set max_parallel_workers_per_gather = 0');
      },
    });
    pool.on('error', () => {}); // idle client errors (server restart) surface on the next query
    await migrate(pool, options.migrations);
  } catch (err) {
    await pool?.end().catch(() => {});
    await embedded?.stop();
    throw unreachable(err, description);
  }
  return {
    pool,
    description,
    url,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

/** A failure to connect or migrate, as one sentence for the operator (the cause in details). */
function unreachable(err: unknown, where: string): DatabaseOpenError {
  if (err instanceof DatabaseOpenError) return err;
  const e = err as { code?: string; message?: string } | undefined;
  const cause = e?.message ?? String(err);
  const log = [`${e?.code ?? ''} ${cause}`.trim()];
  if (e?.code === '28P01' || e?.code === '28000') {
    return new DatabaseOpenError('DB_AUTH_FAILED', `数据库 ${where} 拒绝了用户名或密码：请检查 DATABASE_URL 里的用户名与密码。`, log);
  }
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === 'ETIMEDOUT' || e?.code === 'EHOSTUNREACH') {
    return new DatabaseOpenError('DB_UNREACHABLE', `连不上数据库 ${where}（${e.code}）：请确认 PostgreSQL 正在运行且 DATABASE_URL 的主机与端口正确。`, log);
  }
  if (e?.code === '3D000') {
    return new DatabaseOpenError('DB_NOT_FOUND', `数据库 ${where} 不存在：请先创建该数据库（createdb）或改正 DATABASE_URL。`, log);
  }
  return new DatabaseOpenError('DB_OPEN_FAILED', `无法打开数据库 ${where}（${cause}）：请按此修正后重新启动。`, log);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const r = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (!r.rowCount) await c.query(`create database ${name}`);
  } finally {
    await c.end();
  }
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const MIGRATION_FILE = /^\d+_.*\.sql$/;

interface Migration { version: number; name: string; sql: () => string }

function migrationsOf(set: MigrationSet): Migration[] {
  if ('files' in set) {
    return set.files.map((f) => {
      if (!MIGRATION_FILE.test(f.name)) throw new Error(`migration name must look like NNN_name.sql: ${f.name}`);
      return { version: Number(f.name.split('_')[0]), name: f.name, sql: () => f.sql };
    });
  }
  const dir = set.dir;
  return readdirSync(dir).filter((f) => MIGRATION_FILE.test(f)).map((f) => ({
    version: Number(f.split('_')[0]),
    name: f,
    sql: () => readFileSync(typeof dir === 'string' ? join(dir, f) : new URL(f, dir), 'utf8'),
  }));
}

/** The engine's migrations and the given sets, in version order; a version twice is refused. */
function allMigrations(extra: MigrationSet[]): Migration[] {
  const all = [{ dir: MIGRATIONS_DIR }, ...extra].flatMap(migrationsOf);
  const seen = new Map<number, string>();
  for (const m of all) {
    const other = seen.get(m.version);
    if (other !== undefined) throw new Error(`two migrations with version ${m.version}: ${other} and ${m.name}`);
    seen.set(m.version, m.name);
  }
  return all.sort((a, b) => a.version - b.version);
}

/** Runs `work` in one transaction on a pooled connection and answers what it answers; `onRollback` runs when it fails. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, onRollback?: () => void): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const out = await work(client);
    await client.query('commit');
    return out;
  } catch (err) {
    onRollback?.();
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Applies pending migrations — the engine's and the caller's `extra` sets — in version order,
 * under an advisory lock so concurrent starts are safe. A version recorded in
 * `schema_migrations` is not applied again, whichever package's directory its file lives in.
 */
export async function migrate(pool: pg.Pool, extra: MigrationSet[] = []): Promise<number[]> {
  const migrations = allMigrations(extra);
  return transaction(pool, async (client) => {
    const applied: number[] = [];
    await client.query('select pg_advisory_xact_lock(7424201)');
    await client.query('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
    const done = new Set((await client.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql());
      await client.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
