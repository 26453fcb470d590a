// bench/scale/explain.ts: EXPLAIN (ANALYZE, BUFFERS) of the engine's scoped list queries on a bench
// data dir (kept with --data), for the people bench/scale measures:
//   npx tsx bench/scale/explain.ts DATA_DIR|URL township-list|township-search Q|search Q|inbox USER|unit-tasks warning|overdue [USER]|stats GROUP [USER]|assessment FROM TO
import { AssessmentFigures, CaseQueries, CaseStatistics, METRICS_GROUP_BY, openDatabase, systemClock } from '@yizhan/engine';
import { actorScope, ASSESSMENT_CONVENTIONS, assessedUnits, loadPackDir, packUserAccount, readScopeOf, STATS_CONVENTIONS, type AssessmentScheme } from '@yizhan/packs';
import { OrgIndex } from '@yizhan/rules';

const target = process.argv[2];
const db = await openDatabase(/^postgres(ql)?:/.test(target) ? { url: target } : { dataDir: target });
const pool = db.pool;
const bundle = await loadPackDir(new URL('../../processes/longxi', import.meta.url).pathname);
const org = new OrgIndex(bundle.manifest.org);
const scopeOf = (username: string) => {
  const u = bundle.manifest.users!.find((x) => x.username === username)!;
  return { ...readScopeOf(actorScope(packUserAccount(u, org), org)), actsOn: 'offered' as const };
};
const plans: string[] = [];
const query = pool.query.bind(pool);
(pool as unknown as { query: unknown }).query = async (text: string, values: unknown[]) => {
  const { rows } = await query(`explain (analyze, buffers, costs off) ${text}`, values);
  plans.push(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  return query(text, values); // its rows, for the queries that follow (a search's next steps)
};
// a query run on a client of its own (in a transaction with settings of its own) is explained there
const connect = pool.connect.bind(pool);
const explained = new WeakSet<object>(); // a pooled client comes back: its query is wrapped once
// (pool.query itself connects with a callback: that client is left as it is)
(pool as unknown as { connect: unknown }).connect = async (callback?: (...args: unknown[]) => void) => {
  if (callback) return (connect as (cb: unknown) => void)(callback);
  const client = await connect();
  if (explained.has(client)) return client;
  explained.add(client);
  const plain = client.query.bind(client) as (text: string, values?: unknown[]) => Promise<{ rows: Record<string, string>[] }>;
  (client as unknown as { query: unknown }).query = async (text: string, values?: unknown[]) => {
    if (/^(begin|commit|rollback)/.test(text)) return plain(text, values);
    const { rows } = await plain(`explain (analyze, buffers, costs off) ${text}`, values);
    plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
    return plain(text, values);
  };
  return client;
};
const q = new CaseQueries(pool, systemClock);
const what = process.argv[3] ?? 'township-list';
const township = scopeOf('lx-gongchang');
// each query runs twice: the plans printed are the second run's, on the buffers the first one warmed
async function run(): Promise<void> {
  if (what === 'township-list') await q.listCasesPage({ scope: township, limit: 50 });
  if (what === 'township-search') await q.listCasesPage({ scope: township, limit: 50, q: process.argv[4] });
  if (what === 'search') await q.listCasesPage({ scope: { ...township, all: true }, limit: 50, q: process.argv[4] });
  if (what === 'unit-tasks') {
    const status = process.argv[4] === 'warning' ? 'warning' : 'overdue';
    await q.listScopedTasksPage(scopeOf(process.argv[5] ?? 'lx-leader'), { view: 'unit', status, limit: 200, offset: 0 });
  }
  if (what === 'stats') {
    // the whole range, grouped (type, month …), as an administrator sees it or as USER does
    const groupBy = METRICS_GROUP_BY.find((g) => g === process.argv[4]) ?? 'type';
    const scope = process.argv[5] ? scopeOf(process.argv[5]) : { ...township, all: true };
    await new CaseStatistics(pool, systemClock, STATS_CONVENTIONS).counts(scope, {}, groupBy);
  }
  if (what === 'assessment') {
    // Longxi's 考核 of its first group (departments) over [FROM, TO), as an administrator sees it
    const scheme = bundle.assessment as AssessmentScheme;
    const units = assessedUnits(scheme.groups[0], bundle.manifest.org);
    const period = { from: new Date(process.argv[4]), to: new Date(process.argv[5]), process: 'longxi', backlogDays: scheme.backlogDays ?? 90 };
    await new AssessmentFigures(pool, systemClock, ASSESSMENT_CONVENTIONS).figures({ ...township, all: true }, period, units);
  }
  if (what === 'inbox') await q.listScopedTasksPage(scopeOf(process.argv[4] ?? 'lx-gongchang'), { view: 'inbox', status: 'open', limit: 100, offset: 0 });
}
await run();
plans.length = 0;
await run();
console.log(JSON.stringify(township));
console.log(plans.join('\n\n'));
await db.close();
