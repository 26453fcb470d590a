// `yizhan serve --workers 2`: two HTTP worker processes on one port and one embedded PostgreSQL.
// Concurrent clients start and complete cases through the one port; a worker killed with SIGKILL
// mid-stream is replaced and the others go on answering; every acknowledged start and completion
// is in the store once; Ctrl-C stops the workers, the sweeper and PostgreSQL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, call, FIXTURE_PACKS, intake, login, serve, storeClient, type Served } from './support';

const started: Served[] = [];
/** How long a client waits for an answer before it gives a request up. */
const REQUEST_MS = 20_000;
const temp: string[] = [];
afterAll(async () => {
  for (const s of started) await s.interrupt().catch(() => null);
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** The node processes the primary forked (its PostgreSQL child is not one). */
function workerPids(primary: number): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(primary)], { encoding: 'utf8' });
  } catch {
    return []; // no children
  }
  return out.split('\n').map((l) => l.trim().split(/\s+/)).filter(([, comm]) => comm === 'node').map(([pid]) => Number(pid));
}

async function until<T>(what: string, probe: () => T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('serve --workers 2', () => {
  it('serves from two processes on one port, replaces a killed worker, and stops cleanly', async () => {
    const data = mkdtempSync(join(tmpdir(), 'yizhan-workers-'));
    temp.push(data);
    const s = await serve(['--demo', '--packs', FIXTURE_PACKS, '--data', data, '--workers', '2']);
    started.push(s);
    expect(s.output()).toContain('HTTP 工作进程：2 个');
    const first = await until('two workers', () => {
      const pids = workerPids(s.pid);
      return pids.length === 2 ? pids : undefined;
    });
    const token = await login(s.url);

    const acked: { caseId: string; task: string }[] = [];
    let killedAt = -1;
    let failed = 0;
    const client = async (n: number) => {
      for (let i = 0; i < 6; i++) {
        try {
          const c = await call(s.url, 'POST', '/api/cases', token, { process: 'servertest/dispute', data: intake(`workers-${n}-${i}`) }, REQUEST_MS);
          expect(c.status, JSON.stringify(c.body)).toBe(201);
          const task = c.body.openTasks[0].id as string;
          const done = await call(s.url, 'POST', `/api/tasks/${task}/complete`, token, { data: { result: 'success' } }, REQUEST_MS);
          expect(done.status, JSON.stringify(done.body)).toBe(200);
          acked.push({ caseId: c.body.id, task });
        } catch (err) {
          // a request on the killed worker's connection fails, or (handed to it as it died) is
          // never answered: it may or may not have been applied; the client goes on, on a new
          // connection, as a real client does after its timeout
          const lost = err instanceof TypeError || (err instanceof DOMException && err.name === 'TimeoutError');
          if (killedAt < 0 || !lost) throw err;
          failed++;
        }
        if (acked.length >= 8 && killedAt < 0) {
          killedAt = acked.length;
          process.kill(first[0], 'SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, (_, n) => client(n)));
    expect(killedAt).toBeGreaterThan(0);
    // the other worker went on answering
    expect(acked.length).toBeGreaterThan(killedAt);
    expect(failed).toBeLessThan(acked.length - killedAt);

    // the killed worker is replaced: two workers again, the dead one not among them
    const now = await until('a replacement worker', () => {
      const pids = workerPids(s.pid);
      return pids.length === 2 && !pids.includes(first[0]) ? pids : undefined;
    });
    expect(now).toContain(first[1]);
    const after = await call(s.url, 'POST', '/api/cases', token, { process: 'servertest/dispute', data: intake('workers-after') });
    expect(after.status).toBe(201);

    const db = await storeClient(data);
    try {
      const { rows } = await db.query<{ task_id: string; n: number }>(
        `select task_id, count(*)::int as n from history where kind = 'task.completed' and task_id = any($1::uuid[]) group by task_id`, [acked.map((a) => a.task)]);
      expect(rows.length).toBe(acked.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      const cases = await db.query(`select count(*)::int as n from cases where id = any($1::uuid[])`, [acked.map((a) => a.caseId)]);
      expect(cases.rows[0].n).toBe(acked.length);
    } finally {
      await db.end();
    }

    expect(await s.interrupt()).toBe(0);
    for (const pid of now) expect(alive(pid)).toBe(false);
  }, 300_000);
});
