// bench/scale: every read endpoint over HTTP on a realistic data set of N cases (build.ts), p50 /
// p95 per endpoint, and the growth factor between two sizes measured in the same run.
//
//   npx tsx bench/scale/run.ts [sizes…] [--repeat R] [--data DIR] [--skip REGEX]
//
// sizes: case counts, e.g. `10000 100000 1000000` (default 10000 100000); each is built on top of
// the previous one. The embedded PostgreSQL on a temporary data dir by default (`--data DIR` keeps
// and reuses one: a dir that already holds enough cases is measured without building);
// DATABASE_URL=postgres://… uses a server database instead (it must be empty or hold an earlier
// bench set).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { pino } from 'pino';
import { serve, type RunningServer } from '@yizhan/server';
import { buildScaleData } from './build';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = argv.splice(i, 2);
  return value;
};
const repeat = Number(flag('--repeat') ?? 30);
const keptDir = flag('--data');
const skip = flag('--skip');
const sizes = (argv.length ? argv : ['10000', '100000']).map(Number).sort((a, b) => a - b);

interface Probe {
  name: string;
  user: string;
  /** A path, or one per round (the probe cycles through them). */
  path: string | string[];
  /** Rounds (default `repeat`). */
  rounds?: number;
  /** Body is read to the end (exports); reports rows and the server's peak RSS growth. */
  stream?: boolean;
}

interface Result { p50: number; p95: number; rows: number; note?: string; rssGrowthMiB?: number }

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const dataDir = keptDir ?? mkdtempSync(join(tmpdir(), 'yizhan-bench-scale-'));
  const running = await serve({
    dataDir, databaseUrl: process.env.DATABASE_URL, demo: true, port: 0, webDir: null,
    logger: pino({ level: 'warn' }), sweepIntervalMs: 24 * 3600_000, print: () => {},
  });
  const results = new Map<number, Map<string, Result>>();
  try {
    for (const size of sizes) {
      log(`\n== ${size} cases ==`);
      const t = performance.now();
      const built = await buildScaleData(running.db, running.yizhan.services.engine, { cases: size, log });
      log(`built ${built} cases in ${Math.round((performance.now() - t) / 1000)} s; ${await counts(running)}`);
      // the server's sweeper folds at its start, concurrently with the first requests: done first here
      await running.yizhan.services.engine.foldStatistics();
      results.set(size, await measureAll(running));
    }
  } finally {
    await running.stop();
    if (!keptDir) rmSync(dataDir, { recursive: true, force: true });
  }
  printTable(results);
}

async function counts(running: RunningServer): Promise<string> {
  const { rows: [r] } = await running.db.pool.query<{ cases: number; tasks: number; history: number; open: number }>(
    `select (select count(*)::int from cases) as cases, (select count(*)::int from tasks) as tasks,
            (select count(*)::int from history) as history, (select count(*)::int from tasks where status = 'open') as open`,
  );
  return `${r.tasks} tasks (${r.open} open), ${r.history} history rows`;
}

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The people and sample values the probes use, taken from the data. */
async function probes(running: RunningServer): Promise<Probe[]> {
  const pool = running.db.pool;
  const one = async <T>(sql: string, args: unknown[] = []) => (await pool.query<T & pg.QueryResultRow>(sql, args)).rows[0];
  // a township, a county department and the centre of the pack with the most cases
  const township = 'lx-gongchang';
  const department = 'lx-labour';
  const centre = 'lx-clerk';
  const ids = (await pool.query<{ id: string }>(`select id from cases where number % 997 = 0 order by number limit $1`, [repeat])).rows.map((r) => r.id);
  const numbers = (await pool.query<{ number: string }>(`select number from cases where number % 991 = 0 order by number desc limit $1`, [repeat])).rows.map((r) => r.number);
  const title = (await one<{ t: string }>(`select substr(title, 3, 4) as t from cases where title is not null order by number desc limit 1`)).t;
  // what a township clerk looks for: a word of one of their township's cases
  const townshipTitle = (await one<{ t: string }>(`select substr(title, 1, 3) as t from cases where unit like 'longxi.gongchang%' and title is not null order by number desc limit 1`)).t;
  // a word common in other counties' titles that none of the township's cases has
  const elsewhere = (await one<{ t: string }>(`select substr(title, 3, 4) as t from cases where title is not null group by 1
    having count(*) filter (where unit like 'longxi.gongchang%') = 0 order by count(*) desc, 1 limit 1`)).t;
  // the most common type: its drill-down reads the most cases behind one figure
  const commonType = (await one<{ t: string }>(`select type as t from cases where type is not null group by 1 order by count(*) desc, 1 limit 1`)).t;
  const party = (await one<{ p: string }>(`select variables -> 'data' ->> 'applicant' as p from cases where variables -> 'data' ? 'applicant' order by number desc limit 1`)).p;
  const q = (s: string) => encodeURIComponent(s);
  return [
    { name: 'inbox · township', user: township, path: '/api/tasks?scope=inbox' },
    { name: 'inbox · department', user: department, path: '/api/tasks?scope=inbox' },
    { name: 'inbox · centre', user: centre, path: '/api/tasks?scope=inbox' },
    { name: 'cases · admin p1', user: 'admin', path: '/api/cases?limit=50' },
    { name: 'cases · admin p500 (offset)', user: 'admin', path: '/api/cases?limit=50&offset=24950' },
    { name: 'cases · admin p500 (cursor)', user: 'admin', path: `cursor:admin:500` },
    { name: 'cases · township p1', user: township, path: '/api/cases?limit=50' },
    { name: 'cases · township p50 (cursor)', user: township, path: `cursor:${township}:50` },
    { name: 'search · title', user: 'admin', path: `/api/cases?limit=50&q=${q(title)}` },
    { name: 'search · number', user: 'admin', path: numbers.map((n) => `/api/cases?limit=50&q=${n}`) },
    { name: 'search · party', user: 'admin', path: `/api/cases?limit=50&q=${q(party)}` },
    { name: 'search · title, township', user: township, path: `/api/cases?limit=50&q=${q(townshipTitle)}` },
    { name: 'search · other county, township', user: township, path: `/api/cases?limit=50&q=${q(elsewhere)}` },
    { name: 'case view', user: 'admin', path: ids.map((id) => `/api/cases/${id}`) },
    { name: 'stats · whole range by type', user: 'admin', path: '/api/stats?groupBy=type' },
    { name: 'stats · by month', user: 'admin', path: '/api/stats?groupBy=month' },
    { name: 'stats · one month', user: 'admin', path: `/api/stats?groupBy=type&from=${monthAgo(2)}&to=${monthAgo(1)}` },
    { name: 'stats · drill-down (a type)', user: 'admin', path: `/api/stats/cases?groupBy=type&key=${q(commonType)}&limit=50` },
    { name: 'stats · leader (scoped)', user: 'leader', path: '/api/stats?groupBy=unit' },
    { name: 'warnings (unit)', user: 'leader', path: '/api/tasks?scope=unit&status=warning&limit=200' },
    { name: 'overdue (unit)', user: 'leader', path: '/api/tasks?scope=unit&status=overdue&limit=200' },
    { name: '公示 list', user: 'admin', path: '/api/public/cases' },
    { name: '研判 · by party name', user: 'admin', path: `/api/analysis/search?kind=name&value=${q(party)}` },
    { name: '研判 · repeats of a case', user: 'admin', path: ids.map((id) => `/api/cases/${id}/repeats`) },
    { name: '研判 · spike alerts', user: 'leader', path: '/api/analysis/alerts' },
    { name: '考核 · a month', user: 'admin', path: `/api/assessment/longxi?period=${monthAgo(1).slice(0, 7)}` },
    { name: '考核 · a year', user: 'admin', path: `/api/assessment/longxi?period=${monthAgo(1).slice(0, 4)}` },
    { name: '督办 list', user: 'leader', path: '/api/supervisions?status=all' },
    { name: '台账 export (csv)', user: 'admin', path: '/api/stats/export?format=csv&sheet=cases', rounds: 1, stream: true },
  ];
}

function monthAgo(n: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - n, 1);
  return d.toISOString().slice(0, 10);
}

async function measureAll(running: RunningServer): Promise<Map<string, Result>> {
  const tokens = new Map<string, string>();
  const out = new Map<string, Result>();
  for (const p of await probes(running)) {
    if (skip && new RegExp(skip).test(p.name)) continue;
    let token = tokens.get(p.user);
    if (!token) tokens.set(p.user, token = await login(running.url, p.user));
    const r = await measure(running.url, token, p);
    out.set(p.name, r);
    log(`${p.name.padEnd(32)} p50 ${fmt(r.p50).padStart(9)}  p95 ${fmt(r.p95).padStart(9)}  rows ${r.rows}${r.note ? `  ${r.note}` : ''}`);
  }
  return out;
}

/** `cursor:USER:N`: the cursor of page N (50 a page), found by walking the pages once. */
async function cursorPath(url: string, token: string, pages: number): Promise<string> {
  let cursor = '';
  for (let page = 1; page < pages; page += 10) {
    const res = await fetch(`${url}/api/cases?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    const next = res.headers.get('x-next-cursor');
    if (!next) break;
    cursor = next;
  }
  return `/api/cases?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
}

async function measure(url: string, token: string, p: Probe): Promise<Result> {
  const rounds = p.rounds ?? repeat;
  let paths = Array.isArray(p.path) ? p.path : [p.path];
  if (paths[0].startsWith('cursor:')) paths = [await cursorPath(url, token, Number(paths[0].split(':')[2]))];
  const times: number[] = [];
  let rows = 0;
  let note: string | undefined;
  let rssGrowthMiB: number | undefined;
  const warmUp = p.stream ? 0 : Math.min(2, Math.floor(rounds / 10)); // not for the slow ones
  for (let i = 0; i < rounds + warmUp; i++) {
    const path = paths[i % paths.length];
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = p.stream ? setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50) : undefined;
    const t = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${p.name}: ${path}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
    if (p.stream) {
      let lines = 0;
      const reader = res.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) for (const b of chunk.value) if (b === 10) lines++;
      rows = lines - 1;
      clearInterval(sampler);
      rssGrowthMiB = Math.round((peak - rss0) / 1048576);
      note = `peak RSS +${rssGrowthMiB} MiB`;
    } else {
      const body = (await res.json()) as unknown;
      rows = Array.isArray(body) ? body.length : Array.isArray((body as { rows?: unknown[] }).rows) ? (body as { rows: unknown[] }).rows.length : 1;
    }
    if (i >= warmUp) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), rows, note, rssGrowthMiB };
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

function printTable(results: Map<number, Map<string, Result>>): void {
  const sizesRun = [...results.keys()];
  const names = [...(results.get(sizesRun[0])?.keys() ?? [])];
  const [a, b] = [sizesRun.at(-2), sizesRun.at(-1)];
  log(`\n${'endpoint'.padEnd(32)}${sizesRun.map((s) => `${`p50@${s}`.padStart(14)}${`p95@${s}`.padStart(14)}`).join('')}${a && b && a !== b ? `  p95 ${b}÷${a}` : ''}`);
  for (const name of names) {
    const cells = sizesRun.map((s) => {
      const r = results.get(s)!.get(name)!;
      return `${fmt(r.p50).padStart(14)}${fmt(r.p95).padStart(14)}`;
    }).join('');
    const growth = a && b && a !== b ? `  ${(results.get(b)!.get(name)!.p95 / results.get(a)!.get(name)!.p95).toFixed(2)}×` : '';
    log(`${name.padEnd(32)}${cells}${growth}`);
  }
  // an export streams: the memory it takes must not grow with the rows it writes
  for (const name of names.filter((n) => results.get(sizesRun[0])!.get(n)!.rssGrowthMiB !== undefined)) {
    log(`${name}: peak RSS growth of the process serving it (the server runs in the bench's process) — ${sizesRun.map((s) => {
      const r = results.get(s)!.get(name)!;
      return `${s} cases (${r.rows} rows): +${r.rssGrowthMiB} MiB`;
    }).join(', ')}`);
  }
}

await main();
