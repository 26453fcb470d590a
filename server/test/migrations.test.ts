// The server's migrations live in server/src/migrations and are applied by the engine's runner as
// an extra set. A database migrated when they were still in the engine's directory (the same
// versions and file names recorded) must open with the new layout without re-running anything.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrate, openDatabase } from '@yizhan/engine';
import { openServerDatabase, SERVER_MIGRATIONS } from '../src/database';
import { UserRepository } from '../src/users';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../engine/test/support/databases';

const ENGINE_DIR = new URL('../../engine/src/store/migrations/', import.meta.url);
const SERVER_DIR = new URL('../src/migrations/', import.meta.url);

/** What the runner did when every migration was one directory: apply in file-name order, record (version, file). */
async function migrateAsOldLayout(url: string): Promise<void> {
  const files = [
    ...readdirSync(ENGINE_DIR).map((f) => ({ f, dir: ENGINE_DIR })),
    ...readdirSync(SERVER_DIR).map((f) => ({ f, dir: SERVER_DIR })),
  ].filter(({ f }) => /^\d+_.*\.sql$/.test(f)).sort((a, b) => a.f.localeCompare(b.f));
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('create table schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
    for (const { f, dir } of files) {
      await c.query(readFileSync(new URL(f, dir), 'utf8'));
      await c.query('insert into schema_migrations (version, name) values ($1, $2)', [Number(f.split('_')[0]), f]);
    }
  } finally {
    await c.end();
  }
}

async function recorded(pool: pg.Pool): Promise<{ version: number; name: string }[]> {
  return (await pool.query<{ version: number; name: string }>('select version, name from schema_migrations order by version')).rows;
}

describe.each(databaseTargets().slice(0, 1))('server migrations ($name PostgreSQL)', (target) => {
  const dbs: TestDatabase[] = [];
  const fresh = async () => {
    const db = await createTestDatabase(target);
    dbs.push(db);
    return db;
  };
  let oldLayout: { version: number; name: string }[] = [];

  beforeAll(async () => {
    const old = await fresh();
    await migrateAsOldLayout(old.url);
    const pool = new pg.Pool({ connectionString: old.url });
    oldLayout = await recorded(pool);
    await pool.end();
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('opens a database migrated by the old layout without re-running or failing, and it works', async () => {
    const old = await fresh();
    await migrateAsOldLayout(old.url);
    const db = await openServerDatabase({ url: old.url });
    try {
      expect(await migrate(db.pool, [SERVER_MIGRATIONS])).toEqual([]);
      expect(await recorded(db.pool)).toEqual(oldLayout);
      const user = await new UserRepository(db.pool).create({ username: 'migrated', password: 'password-123', role: 'staff', unit: null, departments: [] });
      expect(user.username).toBe('migrated');
    } finally {
      await db.close();
    }
  });

  it('records the same versions and names on a new database as the old layout did', async () => {
    const db = await openServerDatabase({ url: (await fresh()).url });
    try {
      expect(oldLayout.map((r) => r.name)).toContain('101_auth.sql');
      expect(await recorded(db.pool)).toEqual(oldLayout);
    } finally {
      await db.close();
    }
  });

  it('adds the server tables to a database the engine alone migrated', async () => {
    const tdb = await fresh();
    const engineOnly = await openDatabase({ url: tdb.url });
    const engineVersions = (await recorded(engineOnly.pool)).map((r) => r.version);
    await engineOnly.close();
    expect(engineVersions.every((v) => v < 100)).toBe(true);
    const db = await openServerDatabase({ url: tdb.url });
    try {
      const serverVersions = readdirSync(SERVER_DIR).filter((f) => f.endsWith('.sql')).map((f) => Number(f.split('_')[0])).sort((a, b) => a - b);
      expect(serverVersions.slice(0, 4)).toEqual([101, 102, 103, 110]);
      expect(serverVersions.every((v) => v > 100)).toBe(true);
      expect((await recorded(db.pool)).map((r) => r.version)).toEqual([...engineVersions, ...serverVersions]);
      expect((await db.pool.query("select to_regclass('users') is not null as ok")).rows[0].ok).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('refuses a set whose version another migration already has', async () => {
    const tdb = await fresh();
    const db = await openDatabase({ url: tdb.url });
    try {
      await expect(migrate(db.pool, [{ files: [{ name: '101_again.sql', sql: 'select 1' }] }, SERVER_MIGRATIONS]))
        .rejects.toThrow(/two migrations with version 101/);
    } finally {
      await db.close();
    }
  });
});
