// One store implementation on pg.Pool, whether PostgreSQL is the embedded child process (default,
// on a data dir) or a server named by DATABASE_URL. Schema changes are versioned SQL migrations.
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded';

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent an embedded server runs on `dataDir`. */
  url?: string;
  dataDir?: string;
  poolSize?: number;
  onLog?: (line: string) => void;
}

export interface Database {
  pool: pg.Pool;
  /** Where it runs, for logs: "embedded:<dir>" or the server URL without password. */
  description: string;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let url = options.url;
  let description: string;
  if (url) {
    const u = new URL(url);
    u.password = '';
    description = u.toString();
  } else {
    const dataDir = options.dataDir ?? './data';
    embedded = await startEmbeddedPostgres({ dataDir, onLog: options.onLog });
    url = embedded.url;
    description = `embedded PostgreSQL in ${dataDir}`;
    await ensureDatabase(url, 'yizhan');
    url = url.replace(/\/postgres$/, '/yizhan');
  }
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  pool.on('error', () => {}); // idle client errors (server restart) surface on the next query
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end();
    await embedded?.stop();
    throw err;
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
