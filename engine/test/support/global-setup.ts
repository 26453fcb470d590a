// Starts one embedded PostgreSQL for the whole test run and checks that the PostgreSQL server
// (127.0.0.1:5432 unless YIZHAN_TEST_SERVER_URL says otherwise) answers. Tests that need a
// database run against both; an unreachable server fails the run loudly instead of skipping.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/store/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedUrl: string;
    serverUrl: string;
  }
}

let embedded: EmbeddedServer | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const serverUrl = process.env.YIZHAN_TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new Error(`PostgreSQL server at ${serverUrl} is unreachable: ${(err as Error).message}. ` +
      'Tests run against it as well as the embedded server; start it (or set YIZHAN_TEST_SERVER_URL).');
  } finally {
    await client.end().catch(() => {});
  }
  dir = mkdtempSync(join(tmpdir(), 'yizhan-test-pg-'));
  embedded = await startEmbeddedPostgres({ dataDir: dir });
  project.provide('embeddedUrl', embedded.url);
  project.provide('serverUrl', serverUrl);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
