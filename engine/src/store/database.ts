// One store implementation on pg.Pool, whether PostgreSQL is the embedded child process (default,
// on a data dir) or a server named by DATABASE_URL. Schema changes are versioned SQL migrations.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
}

export interface Database {
  pool: pg.Pool;
  /** Where it runs, for logs: "embedded:<dir>" or the server URL without password. */
  description: string;
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
    pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    pool.on('error', () => {}); // idle client errors (server restart) surface on the next query
    await migrate(pool);
  } catch (err) {
    await pool?.end().catch(() => {});
    await embedded?.stop();
    throw unreachable(err, description);
  }
  return {
    pool,
    description,
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

/** Applies pending migrations in order, under an advisory lock so concurrent starts are safe. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(7424201)');
    await client.query('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
    const done = new Set((await client.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => r.version));
    for (const file of files) {
      const version = Number(file.split('_')[0]);
      if (done.has(version)) continue;
      await client.query(readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8'));
      await client.query('insert into schema_migrations (version, name) values ($1, $2)', [version, file]);
      applied.push(version);
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return applied;
}
