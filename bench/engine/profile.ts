// bench/engine/profile: where the time of a durable case goes. Sequential five-step cases (the
// bench's five-step.bpmn) on the embedded PostgreSQL, live engines cached, with every SQL statement
// timed by what it does (wall time from send to answer: the round trip, PostgreSQL's work and the
// commit's WAL flush) and the engine's state serialisation timed on its own; the rest is JavaScript
// (bpmn-engine acting and settling, the projection's bookkeeping, pg encoding and decoding).
// Run: npx tsx bench/engine/profile.ts [cases]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CaseEngine, openDatabase, startEmbeddedPostgres, type ServiceHandler } from '@yizhan/engine';
import { CaseExecution } from '../../engine/src/bpmn/case-execution';

const source = readFileSync(new URL('./five-step.bpmn', import.meta.url), 'utf8');
const cases = Number(process.argv[2] ?? 300);
const decision = { department: 'labour', dueIn: 'P1D' };
const route: ServiceHandler = async () => ({ variables: { decision } });

/** What a statement does, by its text. */
function kindOf(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim().toLowerCase();
  if (s.startsWith('begin;') && s.includes('for update')) return 'begin + lock the case (and task) + read its open rows';
  if (s === 'begin') return 'begin';
  if (s === 'commit') return 'commit';
  if (s.startsWith('commit;') && s.includes('json_agg(t order by')) return 'commit + read back the case view (one round trip)';
  if (s.includes('for update')) return 'lock the case (and task)';
  if (s.startsWith('select case_id from tasks')) return 'task → case lookup';
  if (s.includes('json_agg(t order by')) return 'read back the case view';
  if (s.startsWith("select 'task' as kind")) return 'projection: read open tasks / timers / incidents';
  if (s.startsWith('insert into tasks') || s.includes('insert into tasks')) return s.includes('update cases') ? 'projection: one write statement' : 'projection: insert tasks';
  if (s.startsWith('with logged') || s.includes('update cases set state')) return 'projection: history + case row';
  if (s.startsWith("update tasks set status = 'completed'")) return 'mark the task completed';
  if (s.includes('insert into cases')) return 'insert the case row (and case.started)';
  if (s.startsWith('insert into history')) return 'insert a history row';
  if (s.startsWith('select id, version') || s.startsWith('select * from definitions')) return 'definition lookup';
  return `other: ${s.slice(0, 60)}`;
}

const spent = new Map<string, { ms: number; n: number }>();
const add = (kind: string, ms: number) => {
  const e = spent.get(kind) ?? { ms: 0, n: 0 };
  e.ms += ms;
  e.n++;
  spent.set(kind, e);
};
let recording = false;
let overhead = 0;
const stateBytes: number[] = [];

/* eslint-disable @typescript-eslint/no-explicit-any -- patching library prototypes for timing */
const clientQuery = pg.Client.prototype.query as (...args: any[]) => any;
(pg.Client.prototype as any).query = function timedQuery(this: pg.Client, ...args: any[]) {
  const text = typeof args[0] === 'string' ? args[0] : args[0]?.text ?? '';
  const t0 = performance.now();
  const last = args.length - 1;
  if (recording && typeof args[last] === 'function') {
    // pool.query hands the client a callback
    const callback = args[last];
    args[last] = (...answer: unknown[]) => {
      add(`sql ${kindOf(text)}`, performance.now() - t0);
      return callback(...answer);
    };
    return clientQuery.apply(this, args);
  }
  const result = clientQuery.apply(this, args);
  if (recording && result && typeof result.then === 'function') {
    return result.then((r: unknown) => {
      add(`sql ${kindOf(text)}`, performance.now() - t0);
      return r;
    });
  }
  return result;
};
const getState = CaseExecution.prototype.getState;
CaseExecution.prototype.getState = function timedGetState(this: CaseExecution) {
  const t0 = performance.now();
  const state = getState.call(this);
  const t1 = performance.now();
  if (recording) {
    add('js  engine getState()', t1 - t0);
    stateBytes.push(JSON.stringify(state).length);
    overhead += performance.now() - t1; // the profiler's own JSON.stringify, taken out of the total
  }
  return state;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

const dir = mkdtempSync(join(tmpdir(), 'yizhan-profile-'));
const embedded = await startEmbeddedPostgres({ dataDir: dir });
try {
  const db = await openDatabase({ url: embedded.url });
  const engine = new CaseEngine({ pool: db.pool, handlers: { route } });
  await engine.deploy({ key: 'bench/five-step', bpmn: source, ruleSets: { routing: {} } });
  const one = async () => {
    let c = await engine.startCase({ process: 'bench/five-step', data: { applicant: '张三' } });
    while (c.status !== 'completed') c = await engine.completeTask(c.openTasks[0].id, { ok: true }, 'bench');
  };
  for (let i = 0; i < 30; i++) await one();
  recording = true;
  const t0 = performance.now();
  for (let i = 0; i < cases; i++) await one();
  const total = performance.now() - t0 - overhead;
  recording = false;
  // a start and a completion per user task; a completion commits and reads the case back in one round trip
  const commands = (spent.get('sql commit')?.n ?? 0) + (spent.get('sql commit + read back the case view (one round trip)')?.n ?? 0) || 1;
  const perCommand = (ms: number) => (ms / commands).toFixed(2).padStart(6);
  console.log(`bench/engine profile — ${cases} sequential five-step cases (${commands} commands: starts and completions), embedded PostgreSQL, live engines cached`);
  console.log(`  ${(cases / (total / 1000)).toFixed(1)} cases/s; ${perCommand(total)} ms per command (start or completion), of which:`);
  let accounted = 0;
  let trips = 0;
  for (const [kind, e] of [...spent].sort((a, b) => b[1].ms - a[1].ms)) {
    accounted += e.ms;
    if (kind.startsWith('sql')) trips += e.n;
    console.log(`  ${perCommand(e.ms)} ms  ${(e.n / commands).toFixed(2).padStart(5)}×  ${kind}`);
  }
  console.log(`  ${perCommand(total - accounted)} ms         js  the rest: bpmn-engine acting and settling, projection bookkeeping, pg encoding`);
  console.log(`  ${(trips / commands).toFixed(2)} SQL round trips per command; stored engine state ${(stateBytes.reduce((a, b) => a + b, 0) / stateBytes.length / 1024).toFixed(1)} kB on average`);
  await db.close();
} finally {
  await embedded.stop();
  rmSync(dir, { recursive: true, force: true });
}
