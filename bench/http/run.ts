// bench/http: full cases through the HTTP API, as the demo users work them — 受理 (start, routed by
// the pack's rules) → 调处 (handle) → 反馈 (feedback) → 评价 (evaluate), the longxi pack's scenario
// 02-resident-department — from N concurrent clients (default 32) against one `yizhan serve`
// process and then two on the same PostgreSQL, rounds interleaved. Prints cases/s, the step
// latency (one HTTP command: a start or a completion) p50 / p99, and the ratio 2 procs ÷ 1 proc.
//
//   npx tsx bench/http/run.ts [--seconds 15] [--rounds 3] [--clients 32] [--warm 10] [--workers] [--think MS] [--cpu-prof DIR]
//
// By default each client sends its next command as soon as the last one is answered (the servers'
// capacity; with 32 clients a step then waits for the ~31 others, so its latency is 32 ÷ steps/s).
// --think MS has each client pause 0.5–1.5 × MS between commands, as a clerk at a window does:
// the latency of a step at that load (cases/s is then the load offered, not the capacity).
// The embedded PostgreSQL in a temporary data dir by default; DATABASE_URL for a server (its
// database gets the demo packs and accounts). --workers runs the two processes as one
// `yizhan serve --workers 2` (node:cluster, one port) instead of two servers on two ports with the
// clients spread over them (what a load balancer in front of stateless nodes does). --cpu-prof
// writes each server process's V8 CPU profile into DIR when it stops (open it in Chrome DevTools).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres } from '@yizhan/engine';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '3' },
    clients: { type: 'string', default: '32' },
    warm: { type: 'string', default: '10' },
    workers: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    think: { type: 'string', default: '0' },
  },
});
const SECONDS = Number(opts.seconds);
const ROUNDS = Number(opts.rounds);
const CLIENTS = Number(opts.clients);
const WARM = Number(opts.warm);
const THINK = Number(opts.think);
const pause = () => (THINK > 0 ? new Promise((ok) => setTimeout(ok, THINK * (0.5 + Math.random()))) : Promise.resolve());
const PASSWORD = 'demo1234';

interface ScenarioStep { complete?: string; as?: string; data?: Record<string, unknown> }
interface Scenario { start: { as: string; data: Record<string, unknown> }; steps: ScenarioStep[]; status: string }
const scenario = JSON.parse(readFileSync(join(ROOT, 'processes/longxi/scenarios/02-resident-department.json'), 'utf8')) as Scenario;
const steps = scenario.steps.filter((s): s is Required<ScenarioStep> => typeof s.complete === 'string');

interface CaseBody { id: string; status: string; openTasks: { id: string; elementId: string }[] }

// ---- servers ---------------------------------------------------------------------------------

interface Server { url: string; child: ChildProcess; stop(): Promise<void> }

function startServer(databaseUrl: string, extra: string[] = []): Promise<Server> {
  const profile = opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${opts['cpu-prof']}`] : [];
  const child = spawn(process.execPath, [...profile, join(ROOT, 'server/bin/yizhan.js'), 'serve', '--port', '0', '--demo', '--database-url', databaseUrl, ...extra], {
    cwd: ROOT, detached: true, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((ok) => child.once('close', () => ok()));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 180_000);
    child.stdout!.on('data', () => {
      const m = /已启动：(http:\/\/\S+)/.exec(out);
      if (m && out.includes('按 Ctrl-C 停止')) {
        clearTimeout(timer);
        ok({
          url: m[1], child,
          async stop() {
            try {
              process.kill(-child.pid!, 'SIGINT');
            } catch {
              // gone already
            }
            await exited;
          },
        });
      }
    });
    void exited.then(() => fail(new Error(`server exited:\n${out}`)));
  });
}

async function call<T>(base: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

// ---- CPU ------------------------------------------------------------------------------------

/** CPU time used so far (ms): the server processes with their children, every `postgres` process, this process; and the machine's busy time. */
interface CpuSample { servers: number; postgres: number; self: number; busy: number }
const TICK = 10; // ms per clock tick (USER_HZ is 100 on Linux)
function cpuSample(serverPids: number[]): CpuSample | undefined {
  if (!existsSync('/proc/stat')) return undefined; // not Linux: no breakdown
  const procs: { pid: number; ppid: number; comm: string; ticks: number }[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const f = stat.slice(close + 2).split(' ');
      procs.push({ pid: Number(d), ppid: Number(f[1]), comm: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const mine = new Set(serverPids);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (!mine.has(p.pid) && mine.has(p.ppid) && p.comm !== 'postgres') {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  const sum = (keep: (p: (typeof procs)[number]) => boolean) => procs.filter(keep).reduce((t, p) => t + p.ticks * TICK, 0);
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const { user, system } = process.cpuUsage();
  return {
    servers: sum((p) => mine.has(p.pid)), postgres: sum((p) => p.comm === 'postgres'), self: (user + system) / 1000,
    busy: (cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7]) * TICK, // user nice system irq softirq steal
  };
}
function cpuPerStep(a: CpuSample | undefined, b: CpuSample | undefined, steps: number, seconds: number) {
  if (!a || !b || !steps) return undefined;
  return {
    servers: (b.servers - a.servers) / steps, postgres: (b.postgres - a.postgres) / steps, self: (b.self - a.self) / steps,
    busy: (b.busy - a.busy) / (seconds * 1000 * availableParallelism()),
  };
}
type CpuPerStep = NonNullable<ReturnType<typeof cpuPerStep>>;
const cpuLine = (c: CpuPerStep) =>
  `CPU per step: servers ${c.servers.toFixed(1)} ms, PostgreSQL ${c.postgres.toFixed(1)} ms, load generator ${c.self.toFixed(1)} ms; cores busy ${(c.busy * 100).toFixed(0)}%`;

// ---- load ------------------------------------------------------------------------------------

interface Tally { cases: number; latencies: number[]; byCommand: Map<string, number[]>; errors: number; firstError?: string; cpu?: CpuPerStep }

/**
 * `CLIENTS` clients, client i on server i mod n, each working one case after another for `ramp`
 * + `seconds` seconds; a case and its steps count when they finish inside the last `seconds`.
 */
async function load(servers: string[], tokens: Map<string, string>, processKey: string, ramp: number, seconds: number, pids: number[] = []): Promise<Tally> {
  const tally: Tally = { cases: 0, latencies: [], byCommand: new Map(), errors: 0 };
  const t0 = performance.now();
  const from = t0 + ramp * 1000;
  const until = from + seconds * 1000;
  // the CPU used inside the measured window (the steps counted are those inside it)
  let first: CpuSample | undefined;
  let last: CpuSample | undefined;
  const sampled = [setTimeout(() => (first = cpuSample(pids)), ramp * 1000), setTimeout(() => (last = cpuSample(pids)), (ramp + seconds) * 1000)];
  const timed = async <T>(command: string, fn: () => Promise<{ status: number; body: T }>, want: number): Promise<T> => {
    const s = performance.now();
    const r = await fn();
    const e = performance.now();
    if (r.status !== want) throw new Error(`${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    if (s >= from && e <= until) {
      tally.latencies.push(e - s);
      tally.byCommand.set(command, [...(tally.byCommand.get(command) ?? []), e - s]);
    }
    return r.body;
  };
  const client = async (n: number) => {
    const base = servers[n % servers.length];
    while (performance.now() < until) {
      try {
        await pause();
        let c = await timed('start', () => call<CaseBody>(base, 'POST', '/api/cases', tokens.get(scenario.start.as), { process: processKey, data: scenario.start.data }), 201);
        for (const step of steps) {
          await pause();
          const task = c.openTasks.find((t) => t.elementId === step.complete);
          if (!task) throw new Error(`no open task ${step.complete} in ${JSON.stringify(c.openTasks)}`);
          c = await timed(step.complete, () => call<CaseBody>(base, 'POST', `/api/tasks/${task.id}/complete`, tokens.get(step.as), { data: step.data }), 200);
        }
        if (c.status !== scenario.status) throw new Error(`case ended ${c.status}, expected ${scenario.status}`);
        const now = performance.now();
        if (now >= from && now <= until) tally.cases++;
      } catch (err) {
        tally.errors++;
        tally.firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  sampled.forEach(clearTimeout);
  tally.cpu = cpuPerStep(first, last, tally.latencies.length, seconds);
  return tally;
}

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---- run -------------------------------------------------------------------------------------

let embeddedStop: (() => Promise<void>) | undefined;
let dataDir: string | undefined;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  dataDir = mkdtempSync(join(tmpdir(), 'yizhan-bench-http-'));
  const embedded = await startEmbeddedPostgres({ dataDir });
  embeddedStop = () => embedded.stop();
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  await admin.query('create database yizhan_bench');
  await admin.end();
  databaseUrl = embedded.url.replace(/\/postgres$/, '/yizhan_bench');
}
const servers: Server[] = [];
try {
  // the first server migrates the database and deploys the packs; the second finds them there
  servers.push(await startServer(databaseUrl));
  const twoProcs = opts.workers ? await startServer(databaseUrl, ['--workers', '2']) : await startServer(databaseUrl);
  servers.push(twoProcs);
  const one = [servers[0].url];
  const two = opts.workers ? [twoProcs.url] : [servers[0].url, twoProcs.url];
  const pidsOf = { one: [servers[0].child.pid!], two: opts.workers ? [twoProcs.child.pid!] : [servers[0].child.pid!, twoProcs.child.pid!] };

  const tokens = new Map<string, string>();
  for (const user of new Set([scenario.start.as, ...steps.map((s) => s.as)])) {
    const r = await call<{ token: string }>(one[0], 'POST', '/api/auth/login', undefined, { username: user, password: PASSWORD });
    if (r.status !== 200) throw new Error(`login ${user}: ${r.status}`);
    tokens.set(user, r.body.token);
  }
  const defs = await call<{ key: string }[]>(one[0], 'GET', '/api/definitions', tokens.get(scenario.start.as));
  const processKey = defs.body.map((d) => d.key).find((k) => k.startsWith('longxi/'));
  if (!processKey) throw new Error('the longxi pack is not deployed');

  console.log(`bench/http — ${CLIENTS} clients, full cases of ${processKey} (start + ${steps.map((s) => s.complete).join(' + ')}), ` +
    `${WARM}s warm-up, then ${ROUNDS} rounds of ${SECONDS}s (+2s ramp) per target${THINK > 0 ? `, each client pausing ~${THINK} ms between commands` : ''}, 1 and 2 server processes ${opts.workers ? '(serve --workers 2)' : '(two serve processes)'} on ${dataDir ? 'the embedded PostgreSQL' : 'DATABASE_URL'}`);
  // both processes warm (JIT, pools, caches) before anything is measured
  const warm = await load(two, tokens, processKey, WARM, 0);
  if (warm.errors) throw new Error(`warm-up: ${warm.errors} errors: ${warm.firstError}`);
  const results: Record<'one' | 'two', { rate: number; steps: number; p50: number; p99: number; cpu?: CpuPerStep }[]> = { one: [], two: [] };
  const perCommand = new Map<string, number[]>();
  for (let r = 0; r < ROUNDS; r++) {
    for (const [label, targets] of [['one', one], ['two', two]] as const) {
      const t = await load(targets, tokens, processKey, 2, SECONDS, pidsOf[label]);
      const row = { rate: t.cases / SECONDS, steps: t.latencies.length / SECONDS, p50: quantile(t.latencies, 0.5), p99: quantile(t.latencies, 0.99), cpu: t.cpu };
      results[label].push(row);
      if (label === 'one') for (const [k, v] of t.byCommand) perCommand.set(k, [...(perCommand.get(k) ?? []), ...v]);
      console.log(`  round ${r + 1}, ${label === 'one' ? '1 process ' : '2 processes'}: ${row.rate.toFixed(1).padStart(6)} cases/s ${row.steps.toFixed(1).padStart(6)} steps/s  step p50 ${row.p50.toFixed(0).padStart(4)} ms  p99 ${row.p99.toFixed(0).padStart(4)} ms` +
        `  (${t.latencies.length} steps${t.errors ? `, ${t.errors} errors: ${t.firstError}` : ''})`);
      if (t.cpu) console.log(`            ${cpuLine(t.cpu)}`);
    }
  }
  const ratios = results.one.map((o, i) => results.two[i].rate / o.rate);
  const stepRatios = results.one.map((o, i) => results.two[i].steps / o.steps);
  const summary = (label: 'one' | 'two') => {
    const rs = results[label];
    return `${median(rs.map((x) => x.rate)).toFixed(1).padStart(6)} cases/s ${median(rs.map((x) => x.steps)).toFixed(1).padStart(6)} steps/s  step p50 ${median(rs.map((x) => x.p50)).toFixed(0).padStart(4)} ms  p99 ${median(rs.map((x) => x.p99)).toFixed(0).padStart(4)} ms`;
  };
  console.log('\nmedians over the rounds:');
  const cpuMedian = (label: 'one' | 'two') => {
    const cs = results[label].map((r) => r.cpu).filter((c): c is CpuPerStep => c !== undefined);
    if (!cs.length) return '';
    const m = (k: keyof CpuPerStep) => median(cs.map((c) => c[k]));
    return `\n                ${cpuLine({ servers: m('servers'), postgres: m('postgres'), self: m('self'), busy: m('busy') })}`;
  };
  console.log(`  1 process    ${summary('one')}${cpuMedian('one')}`);
  console.log(`  2 processes  ${summary('two')}${cpuMedian('two')}`);
  console.log(`  step p50 by command, 1 process: ${[...perCommand].map(([k, v]) => `${k} ${quantile(v, 0.5).toFixed(0)} ms`).join(', ')}`);
  // a round in which one target finished no whole case (a slow machine, a short window) has no cases/s ratio
  const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}` : 'n/a');
  console.log(`  ratio 2 ÷ 1  ${x(median(ratios))}× cases/s (per round: ${ratios.map(x).join(', ')}), ` +
    `${median(stepRatios).toFixed(2)}× steps/s (per round: ${stepRatios.map((x) => x.toFixed(2)).join(', ')})`);
  // What the machine's cores allow: n server processes serve at most n ÷ (a step's server CPU) steps/s
  // (a process uses one core), and everything together at most cores ÷ (the CPU of all per step).
  const cpuOf = (label: 'one' | 'two') => {
    const cs = results[label].map((r) => r.cpu).filter((c): c is CpuPerStep => c !== undefined);
    return cs.length ? { servers: median(cs.map((c) => c.servers)), all: median(cs.map((c) => c.servers + c.postgres + c.self)) } : undefined;
  };
  const c2 = cpuOf('two');
  if (c2) {
    const cores = availableParallelism();
    const cap2 = Math.min(2000 / c2.servers, (cores * 1000) / c2.all);
    const one1 = median(results.one.map((r) => r.steps));
    console.log(`  ceiling of 2 processes from their CPU per step on ${cores} cores: ${cap2.toFixed(0)} steps/s, so 2 ÷ 1 ≤ ${(cap2 / one1).toFixed(2)}× steps/s on this machine` +
      ` (server processes on cores of their own, as stateless nodes are deployed, lift it)`);
  }
} finally {
  for (const s of servers.reverse()) await s.stop();
  await embeddedStop?.();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
