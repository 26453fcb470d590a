// bench/stats: statistics over many cases — the rollup read (CaseStatistics.counts: the daily
// rollups the steps keep) beside the recount it replaced (CaseStatistics.recount: one row per case
// over cases, tasks and history), measured in the same run on the embedded PostgreSQL.
// The data: ~120 real Longxi cases made by the engine in every state, multiplied in SQL to N cases
// spread over three years and the county's units (tasks and history copied with them), then the
// rollups rebuilt once (the migration's backfill, timed).
// Run: npx tsx bench/stats/run.ts [cases=100000] [runs=3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseStatistics, ManualClock, openDatabase, startEmbeddedPostgres, type MetricsGroupBy, type ReadScope, type StatisticsFilter } from '@yizhan/engine';
import { createPackEngine, deployPack, loadPackDir, STATS_CONVENTIONS } from '@yizhan/packs';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 3);
const LONGXI = new URL('../../processes/longxi/', import.meta.url).pathname;
const DAY = 86_400_000;

const UNITS = [
  'longxi', 'longxi.gongchang', 'longxi.gongchang.dongguan', 'longxi.gongchang.dongguan.g01', 'longxi.gongchang.beiguan',
  'longxi.wenfeng', 'longxi.wenfeng.sanhe', 'longxi.wenfeng.xinqiao.g02', 'longxi.shouyang', 'longxi.caizi', 'longxi.fuxing', 'longxi.mahe',
];
const TYPES = ['劳资纠纷', '物业纠纷', '医疗纠纷', '邻里纠纷', '婚姻家庭纠纷', '土地承包纠纷'];
const CHANNELS = ['来访', '来电', '网格上报', '12345'];

const dir = mkdtempSync(join(tmpdir(), 'yizhan-bench-stats-'));
const embedded = await startEmbeddedPostgres({ dataDir: dir });
try {
  const db = await openDatabase({ url: embedded.url });
  const clock = new ManualClock('2026-11-02T09:00:00+08:00');
  const engine = createPackEngine({ pool: db.pool, clock });
  await deployPack(engine, await loadPackDir(LONGXI));

  // Seed cases in every state: open at handling, handled, fed back, rated (some dissatisfied and reopened), withdrawn, refused.
  let seeds = 0;
  for (let i = 0; i < 120; i++) {
    clock.advance(3_600_000);
    const c = await engine.startCase({
      process: 'longxi/dispute', actor: `clerk-${i % 3}`,
      data: { applicant: '张建国', mobile: '13919321234', type: TYPES[i % TYPES.length], channel: CHANNELS[i % CHANNELS.length], unit: UNITS[i % UNITS.length], description: '批量生成的纠纷事项', longStanding: i % 11 === 0 },
    });
    seeds++;
    const stage = i % 8;
    if (stage === 6) { await engine.refuseCase(c.id, { reason: '不属于受理范围', actor: 'clerk' }); continue; }
    if (stage === 7) { await engine.correlateMessage(c.id, '撤回', { withdrawReason: '已和解', withdrawnBy: '当事人' }, 'clerk'); continue; }
    let view = c;
    for (let s = 0; s < stage && view.openTasks.length; s++) {
      const t = view.openTasks[0];
      const data = t.formKey === 'mediation' ? { result: i % 5 ? 'success' : 'failed', note: '已调处' }
        : t.formKey === 'supervise' ? { instruction: '限期办结', result: 'success' }
        : t.formKey === 'feedback' ? { method: 'phone', message: '已反馈' }
        : { satisfaction: ['satisfied', 'basic', 'dissatisfied'][i % 3] };
      if (i % 4 === 0) clock.advance(2 * DAY);
      view = await engine.completeTask(t.id, data, 'handler');
    }
  }

  console.log(`bench/stats — ${seeds} engine-made cases multiplied to ${N} in SQL, spread over 3 years and ${UNITS.length} units`);
  let t0 = performance.now();
  const client = await db.pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local yizhan.case_stats = 'off'`); // bulk load: the rollups are rebuilt once below
    await client.query(`create temp table copies on commit drop as
      select gen_random_uuid() as id, s.id as seed, (random() * 1095)::int * interval '1 day' + (random() * 86400)::int * interval '1 second' as back,
             ($2::text[])[1 + (g % array_length($2::text[], 1))] as unit, ($3::text[])[1 + ((g / 7) % array_length($3::text[], 1))] as type,
             ($4::text[])[1 + ((g / 3) % array_length($4::text[], 1))] as channel
        from generate_series(0, $1 - 1) g
        join (select id, row_number() over (order by number) - 1 as k, count(*) over () as n from cases) s on s.k = g % s.n`,
    [N - seeds, UNITS, TYPES, CHANNELS]);
    await client.query(`insert into cases (id, definition_id, process_key, status, version, state, variables, routing, title, type, channel, unit, created_by, created_at, updated_at, completed_at, suspended_at)
      select x.id, c.definition_id, c.process_key, c.status, c.version, c.state, c.variables, c.routing, c.title, x.type, x.channel, x.unit, c.created_by,
             c.created_at - x.back, c.updated_at - x.back, c.completed_at - x.back, c.suspended_at - x.back
        from copies x join cases c on c.id = x.seed`);
    await client.query(`insert into tasks (case_id, execution_id, element_id, name, form_key, candidate_groups, assignee, unit, iteration, item, due_at, warn_at, priority, status, data, created_at, completed_at, completed_by)
      select x.id, t.execution_id, t.element_id, t.name, t.form_key, t.candidate_groups, t.assignee, x.unit, t.iteration, t.item, t.due_at - x.back, t.warn_at - x.back,
             t.priority, t.status, t.data, t.created_at - x.back, t.completed_at - x.back, t.completed_by
        from copies x join tasks t on t.case_id = x.seed`);
    await client.query(`insert into history (case_id, at, actor, kind, element_id, task_id, data)
      select x.id, h.at - x.back, h.actor, h.kind, h.element_id, null, h.data from copies x join history h on h.case_id = x.seed`);
    await client.query('commit');
  } finally {
    client.release();
  }
  await db.pool.query('analyze');
  const loaded = performance.now() - t0;
  t0 = performance.now();
  await db.pool.query('select case_stats_rebuild()');
  await db.pool.query('analyze');
  const rebuilt = performance.now() - t0;
  const { rows: [size] } = await db.pool.query<{ cases: number; tasks: number; daily: number }>(
    `select (select count(*) from cases)::int as cases, (select count(*) from tasks)::int as tasks, (select count(*) from case_stats_daily)::int as daily`);
  console.log(`loaded ${size.cases} cases, ${size.tasks} tasks in ${(loaded / 1000).toFixed(1)} s; rollups rebuilt (the backfill) in ${(rebuilt / 1000).toFixed(1)} s: ${size.daily} daily rows`);

  const statistics = new CaseStatistics(db.pool, clock, STATS_CONVENTIONS);
  await statistics.prepare();
  const all: ReadScope = { username: 'leader', all: true, units: [], wholeUnit: true, departments: [], levels: [], handlesTasks: false, actsOn: 'none' };
  const township: ReadScope = { ...all, all: false, units: UNITS.filter((u) => u.startsWith('longxi.gongchang')) };
  const month = { from: new Date('2026-06-01T00:00:00+08:00'), to: new Date('2026-07-01T00:00:00+08:00') };
  const cases: { name: string; scope: ReadScope; filter: StatisticsFilter; groupBy: MetricsGroupBy }[] = [
    { name: 'whole range by type', scope: all, filter: {}, groupBy: 'type' },
    { name: 'whole range by month', scope: all, filter: {}, groupBy: 'month' },
    { name: 'whole range by department', scope: all, filter: {}, groupBy: 'department' },
    { name: 'whole range by channel', scope: all, filter: {}, groupBy: 'channel' },
    { name: 'one month by unit', scope: all, filter: month, groupBy: 'unit' },
    { name: 'mid-day range by type', scope: all, filter: { from: new Date('2025-03-04T10:15:00+08:00'), to: new Date('2026-05-06T16:40:00+08:00') }, groupBy: 'type' },
    { name: 'township leader, whole range by unit', scope: township, filter: {}, groupBy: 'unit' },
  ];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = async (f: () => Promise<unknown>) => {
    const s = performance.now();
    await f();
    return performance.now() - s;
  };
  console.log(`\nmedian of ${RUNS} runs — recount (before: scans every case) vs rollup (after), same data, same run:`);
  for (const c of cases) {
    const before: number[] = [];
    const after: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      before.push(await time(() => statistics.recount(c.scope, c.filter, c.groupBy)));
      after.push(await time(() => statistics.counts(c.scope, c.filter, c.groupBy)));
    }
    const b = median(before);
    const a = median(after);
    console.log(`  ${c.name.padEnd(40)} recount ${b.toFixed(0).padStart(7)} ms   rollup ${a.toFixed(1).padStart(7)} ms   ${(b / a).toFixed(0).padStart(5)}× faster`);
  }
  await db.close();
} finally {
  await embedded.stop();
  rmSync(dir, { recursive: true, force: true });
}
