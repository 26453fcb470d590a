// kill -9 under load: a few concurrent HTTP clients start cases and complete tasks against the
// real server; every 2xx answer is recorded. The server is killed with SIGKILL mid-stream (node
// alone, or node with its PostgreSQL), restarted on the same data dir, and the store must hold
// every acknowledged start and completion exactly once, and nothing twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, FIXTURE_PACKS, intake, login, serve, storeClient, type Served } from './support';

const CLIENTS = 4;
const KILL_AFTER_ACKS = 24;

const started: Served[] = [];
const temp: string[] = [];
afterAll(async () => {
  for (const s of started) await s.interrupt().catch(() => null);
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

interface Tally {
  /** marker → case id, for every 201 of POST /api/cases. */
  starts: Map<string, string>;
  /** markers of every start that was sent (acknowledged or not). */
  sent: Set<string>;
  /** task ids of every 200 of POST /api/tasks/:id/complete. */
  completions: Set<string>;
  /** task ids of every completion that was sent. */
  tried: Set<string>;
}

async function loadThenKill(s: Served, run: string, kill: () => Promise<void>): Promise<Tally> {
  const tally: Tally = { starts: new Map(), sent: new Set(), completions: new Set(), tried: new Set() };
  const token = await login(s.url);
  let acks = 0;
  let killed: Promise<void> | undefined;
  const ack = () => {
    acks++;
    if (acks >= KILL_AFTER_ACKS) killed ??= kill();
  };
  const client = async (n: number) => {
    for (let i = 0; ; i++) {
      const marker = `${run}-${n}-${i}`;
      try {
        tally.sent.add(marker);
        const started = await call(s.url, 'POST', '/api/cases', token, { process: 'servertest/dispute', data: intake(marker) });
        if (started.status !== 201) throw new Error(`start ${started.status} ${JSON.stringify(started.body)}`);
        tally.starts.set(marker, started.body.id);
        ack();
        const task = started.body.openTasks[0].id as string;
        tally.tried.add(task);
        const done = await call(s.url, 'POST', `/api/tasks/${task}/complete`, token, { data: { result: 'success' } });
        if (done.status !== 200) throw new Error(`complete ${done.status} ${JSON.stringify(done.body)}`);
        tally.completions.add(task);
        ack();
      } catch (err) {
        if (killed) return; // the server is gone: this request may or may not have been applied
        throw err;
      }
    }
  };
  const deadline = setTimeout(() => (killed ??= kill()), 60_000);
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  clearTimeout(deadline);
  await killed;
  return tally;
}

async function verify(data: string, run: string, tally: Tally): Promise<void> {
  const db = await storeClient(data);
  try {
    // A case's intake data is in its case.started history entry.
    const cases = await db.query<{ id: string; summary: string }>(
      `select c.id, h.data->'data'->>'summary' as summary from cases c join history h on h.case_id = c.id and h.kind = 'case.started'
        where h.data->'data'->>'summary' like $1`, [`${run}-%`]);
    const byMarker = new Map<string, string[]>();
    for (const c of cases.rows) byMarker.set(c.summary, [...(byMarker.get(c.summary) ?? []), c.id]);
    for (const [marker, id] of tally.starts) expect(byMarker.get(marker), `acknowledged start ${marker}`).toEqual([id]);
    for (const [marker, ids] of byMarker) {
      expect(tally.sent.has(marker), `case ${marker} was never sent`).toBe(true);
      expect(ids, `start ${marker} stored more than once`).toHaveLength(1);
    }
    const completed = await db.query<{ task_id: string; n: number }>(
      `select task_id, count(*)::int as n from history where kind = 'task.completed' and task_id = any($1::uuid[]) group by task_id`, [[...tally.tried]]);
    const counts = new Map(completed.rows.map((r) => [r.task_id, r.n]));
    for (const task of tally.completions) expect(counts.get(task), `acknowledged completion of ${task}`).toBe(1);
    for (const [task, n] of counts) expect(n, `completion of ${task} stored more than once`).toBe(1);
    const open = await db.query(`select id from tasks where id = any($1::uuid[]) and status <> 'completed'`, [[...tally.completions]]);
    expect(open.rows).toEqual([]);
  } finally {
    await db.end();
  }
}

describe('kill -9 of the server under load', () => {
  for (const [what, kill] of [['node alone', (s: Served) => s.killNode()], ['node and PostgreSQL', (s: Served) => s.killAll()]] as const) {
    it(`${what}: after a restart every acknowledged start and completion is there exactly once`, async () => {
      const data = mkdtempSync(join(tmpdir(), 'yizhan-load-kill-'));
      temp.push(data);
      const args = ['--demo', '--packs', FIXTURE_PACKS, '--data', data];
      const first = await serve(args);
      started.push(first);
      const run = `run${Date.now()}`;
      const tally = await loadThenKill(first, run, () => kill(first));
      expect(tally.starts.size + tally.completions.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

      const second = await serve(args);
      started.push(second);
      await verify(data, run, tally);
      // The restarted server goes on where the killed one stopped: an acknowledged case completes.
      const token = await login(second.url);
      const [, anyCase] = [...tally.starts][0];
      const c = await call(second.url, 'GET', `/api/cases/${anyCase}`, token);
      expect(c.status).toBe(200);
      process.stdout.write(`kill -9 (${what}): ${tally.starts.size} starts and ${tally.completions.size} completions acknowledged, ` +
        `${tally.sent.size - tally.starts.size} starts and ${tally.tried.size - tally.completions.size} completions in flight; 0 lost, 0 duplicated\n`);
      expect(await second.interrupt()).toBe(0);
    }, 240_000);
  }
});
