// Fresh, isolated databases for a test file, on the embedded PostgreSQL and on the server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface DatabaseTarget {
  name: 'embedded' | 'server';
  adminUrl: string;
}

export function databaseTargets(): DatabaseTarget[] {
  return [
    { name: 'embedded', adminUrl: inject('embeddedUrl') },
    { name: 'server', adminUrl: inject('serverUrl') },
  ];
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database on the target; `drop()` removes it. */
export async function createTestDatabase(target: DatabaseTarget): Promise<TestDatabase> {
  const name = `yz_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(target.adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: target.adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
