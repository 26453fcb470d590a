// bench/engine: full 5-step cases (intake → route → handle → feedback → evaluate) per second,
// durable on the embedded PostgreSQL and on the PostgreSQL server, beside raw in-memory
// bpmn-engine measured in the same run. Run: npx tsx bench/engine/run.ts [seconds-per-round] [rounds]
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'bpmn-engine';
import pg from 'pg';
import { CaseEngine, openDatabase, startEmbeddedPostgres, type ServiceHandler } from '@yizhan/engine';

const source = readFileSync(new URL('./five-step.bpmn', import.meta.url), 'utf8');
const seconds = Number(process.argv[2] ?? 2);
const decision = { department: 'labour', dueIn: 'P1D' };
const route: ServiceHandler = async () => ({ variables: { decision } });
const ROLLUP_OFF = 'rollup trigger off';
const silent = () => ({ debug() {}, error() {}, warn() {} });

/* eslint-disable @typescript-eslint/no-explicit-any -- raw bpmn-engine baseline, deliberately unwrapped */
async function rawCase(): Promise<void> {
  const listener = new EventEmitter();
  const engine = new Engine({
    source,
    Logger: silent as never,
    services: {},
    extensions: {
      svc(activity: any) {
        if (activity.type === 'bpmn:ServiceTask') {
          activity.behaviour.Service = function RouteService() {
            return {
              execute(_m: unknown, cb: (e: null, o: unknown) => void) {
                activity.environment.variables.decision = decision;
                cb(null, decision);
              },
            };
          };
        }
      },
    } as never,
  });
  const done = new Promise<void>((resolve) => engine.once('end', () => resolve()));
  listener.on('wait', (api: any) => setImmediate(() => api.signal({ ok: true })));
  await engine.execute({ listener, variables: { data: { applicant: '张三' } } });
  await done;
}

async function measure(name: string, one: () => Promise<void>, warmUp: boolean): Promise<number> {
  if (warmUp) for (let i = 0; i < 20; i++) await one();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    await one();
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

async function durable(url: string, cacheSize: number): Promise<{ one: () => Promise<void>; close: () => Promise<void> }> {
  const db = await openDatabase({ url });
  const engine = new CaseEngine({ pool: db.pool, handlers: { route }, cacheSize });
  await engine.deploy({ key: 'bench/five-step', bpmn: source, ruleSets: { routing: {} } });
  return {
    async one() {
      let c = await engine.startCase({ process: 'bench/five-step', data: { applicant: '张三' } });
      while (c.status !== 'completed') c = await engine.completeTask(c.openTasks[0].id, { ok: true }, 'bench');
    },
    close: () => db.close(),
  };
}

async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

const dir = mkdtempSync(join(tmpdir(), 'yizhan-bench-'));
const embedded = await startEmbeddedPostgres({ dataDir: dir });
const serverAdmin = process.env.YIZHAN_BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const rounds = Number(process.argv[3] ?? 5);
try {
  console.log(`bench/engine — sequential 5-step cases; ${rounds} interleaved rounds of ${seconds}s per target, medians`);
  const targets: { name: string; one: () => Promise<void>; close?: () => Promise<void> }[] = [{ name: 'raw bpmn-engine, in memory (baseline)', one: rawCase }];
  for (const [target, admin] of [['embedded PostgreSQL', embedded.url], ['PostgreSQL server', serverAdmin]] as const) {
    const url = await freshDatabase(admin, 'yizhan_bench');
    for (const [label, cache] of [['live engines cached', 1000], ['recover every step', 0]] as const) {
      const d = await durable(url, cache);
      targets.push({ name: `durable, ${target}, ${label}`, ...d });
    }
    // the same with the statistics rollup's trigger off in the session (as a bulk load may,
    // migration 008): what keeping the rollup in each step's transaction costs
    const off = new URL(url);
    off.searchParams.set('options', '-c yizhan.case_stats=off');
    targets.push({ name: `durable, ${target}, live engines cached, ${ROLLUP_OFF}`, ...(await durable(off.toString(), 1000)) });
  }
  // Interleaving the targets round by round spreads any load on the machine over all of them.
  const rates = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const t of targets) rates.get(t.name)?.push(await measure(t.name, t.one, r === 0));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const raw = median(rates.get(targets[0].name) ?? []);
  console.log('\nmedian cases/s and ratio to raw in-memory bpmn-engine (same run):');
  for (const t of targets) {
    const m = median(rates.get(t.name) ?? []);
    console.log(`  ${t.name.padEnd(72)} ${m.toFixed(1).padStart(7)} cases/s  ${(m / raw).toFixed(2)}×`);
  }
  for (const target of ['embedded PostgreSQL', 'PostgreSQL server']) {
    const on = median(rates.get(`durable, ${target}, live engines cached`) ?? []);
    const off = median(rates.get(`durable, ${target}, live engines cached, ${ROLLUP_OFF}`) ?? []);
    console.log(`  statistics rollup cost, ${target}: rollup on ÷ off ${(on / off).toFixed(2)}×`);
  }
  for (const t of targets) await t.close?.();
} finally {
  await embedded.stop();
  rmSync(dir, { recursive: true, force: true });
}
