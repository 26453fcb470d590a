// The statistics rollup against a recount: 1,000 random steps on Longxi cases — intake (some flagged
// 久拖不决), handling with success or failure, 退回, 转办, 撤回, 不予受理, 中止 / 恢复, 延期, the
// supervision timer firing, feedback, 一事一评价 (不满意 reopens the case) — on a ManualClock that
// moves on by hours, so tasks fall overdue and cases age into 积案. At checkpoints every figure the
// rollup gives (CaseStatistics.counts / totals: rollup tables kept by the steps' transactions) is
// compared with the recount from the raw tables (CaseStatistics.recount: one row per case over
// cases, tasks and history), for every grouping, several scopes and ranges that start and end in
// the middle of a day or cover whole months (the monthly rollups). Steps append deltas that the
// sweeper's fold moves into the rollups: folds happen now and then, so checkpoints read both
// folded rows and pending deltas. On both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseStatistics, ManualClock, METRICS_GROUP_BY, openDatabase, type CaseCounts, type CaseEngine, type Database, type ReadScope, type StatisticsFilter } from '@yizhan/engine';
import { createPackEngine, deployPack, loadPackDir, STATS_CONVENTIONS } from '@yizhan/packs';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../engine/test/support/databases';
import { prng } from './support/prng';

const LONGXI = new URL('../../processes/longxi/', import.meta.url).pathname;
const STEPS = 1000;
const HOUR = 3600_000;

const UNITS = [
  'longxi', 'longxi.gongchang', 'longxi.gongchang.dongguan', 'longxi.gongchang.dongguan.g01', 'longxi.gongchang.beiguan.g02',
  'longxi.wenfeng', 'longxi.wenfeng.sanhe', 'longxi.wenfeng.xinqiao.g01', 'longxi.shouyang',
];
const TYPES = ['劳资纠纷', '物业纠纷', '医疗纠纷', '邻里纠纷', '婚姻家庭纠纷'];
const CHANNELS = ['来访', '来电', '网格上报', '12345'];
const CLERKS = ['clerk-a', 'clerk-b', 'clerk-c'];
const TRANSFER_TO = ['lx.housing', 'lx.labour', 'lx.t.wenfeng', 'lx.legal'];
const GONGCHANG = UNITS.filter((u) => u.startsWith('longxi.gongchang'));

const scope = (over: Partial<ReadScope>): ReadScope => ({
  username: 'nobody', all: false, units: [], wholeUnit: true, departments: [], levels: [], handlesTasks: false, actsOn: 'none', ...over,
});
const SCOPES: [string, ReadScope][] = [
  ['county', scope({ all: true })],
  // a township leader who also registered cases elsewhere (they see those too)
  ['township leader', scope({ username: 'clerk-a', units: GONGCHANG })],
  ['own cases only', scope({ username: 'clerk-b', wholeUnit: false })],
  ['department handler', scope({ username: 'clerk-c', wholeUnit: false, departments: ['lx.labour'], handlesTasks: true, actsOn: 'offered' })],
];

type Kind = 'start' | 'complete' | 'return' | 'transfer' | 'withdraw' | 'refuse' | 'suspend' | 'resume' | 'extend' | 'timer';

describe.each(databaseTargets())('statistics rollup vs recount on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;
  let statistics: CaseStatistics;
  const clock = new ManualClock('2026-01-05T09:30:00+08:00');
  const began = clock.now();

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = createPackEngine({ pool: db.pool, clock });
    statistics = new CaseStatistics(db.pool, clock, STATS_CONVENTIONS);
    await deployPack(engine, await loadPackDir(LONGXI));
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  /** Every grouping, every scope, a few ranges: the rollup equals the recount. Returns the figures compared. */
  async function compare(label: string): Promise<number> {
    const now = clock.now().getTime();
    const ranges: StatisticsFilter[] = [
      {},
      { from: new Date(began.getTime() + 7 * HOUR + 123_000), to: new Date(now - 13 * HOUR) }, // mid-day to mid-day
      { from: new Date('2026-01-20T00:00:00+08:00'), to: new Date('2026-02-10T00:00:00+08:00') }, // whole Beijing days
      { from: new Date(now - 30 * HOUR) }, // open-ended
      { to: new Date(began.getTime() + 5 * 24 * HOUR + 5 * HOUR), process: 'longxi' },
      { from: new Date(began.getTime() + 2 * HOUR), to: new Date(began.getTime() + 9 * HOUR) }, // within one day
      { from: new Date('2026-02-01T00:00:00+08:00'), to: new Date('2026-04-01T00:00:00+08:00') }, // whole months
      { from: new Date('2026-01-10T15:20:00+08:00'), to: new Date('2026-04-20T07:45:00+08:00') }, // months with part-months and part-days at the ends
    ];
    let compared = 0;
    for (const [name, s] of SCOPES) {
      for (const f of ranges) {
        const where = `${label} · ${name} · ${JSON.stringify(f)}`;
        expect(await statistics.totals(s, f), `${where} · totals`).toEqual(await statistics.recountTotals(s, f));
        for (const g of METRICS_GROUP_BY) {
          const rolled = await statistics.counts(s, f, g);
          const recounted = await statistics.recount(s, f, g);
          expect(sorted(rolled), `${where} · by ${g}`).toEqual(sorted(recounted));
          compared += rolled.length;
        }
      }
    }
    return compared;
  }

  it('equals a full recount after 1,000 random steps of every kind', async () => {
    const rand = prng(20261202);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const cases: string[] = [];
    const done: Record<Kind, number> = { start: 0, complete: 0, return: 0, transfer: 0, withdraw: 0, refuse: 0, suspend: 0, resume: 0, extend: 0, timer: 0 };
    const outcomes = { reopened: 0, flagged: 0 };
    let compared = 0;

    for (let step = 0; step < STEPS; step++) {
      clock.advance(Math.floor(rand() * HOUR));
      if (rand() < 0.05) await engine.foldStatistics();
      // a quiet spell: the early cases age past the 积案 threshold (90 days) while later ones cross it step by step
      if (step === 600) clock.advance(85 * 24 * HOUR);
      const kind: Kind = cases.length < 8 || rand() < 0.16 ? 'start'
        : pick<Kind>(['complete', 'complete', 'complete', 'complete', 'complete', 'return', 'transfer', 'withdraw', 'refuse', 'suspend', 'resume', 'extend', 'timer', 'timer']);
      try {
        if (kind === 'start') {
          const longStanding = rand() < 0.15;
          const c = await engine.startCase({
            process: 'longxi/dispute', actor: pick(CLERKS),
            data: {
              applicant: '张建国', mobile: '13919321234', type: pick(TYPES), channel: pick(CHANNELS), unit: pick(UNITS),
              description: '随机生成的纠纷事项', longStanding, ...(rand() < 0.2 ? { crossIndustry: true } : {}),
            },
          });
          cases.push(c.id);
          if (longStanding) outcomes.flagged++;
          done.start++;
          continue;
        }
        if (kind === 'timer') {
          clock.advance(Math.floor(rand() * 8 * HOUR));
          await engine.fireDueTimers();
          done.timer++;
          continue;
        }
        // mostly the recent cases, so that many run their course within their time limits
        const caseId = rand() < 0.7 ? pick(cases.slice(-8)) : pick(cases);
        const view = await engine.getCase(caseId);
        const task = view.openTasks.length ? pick(view.openTasks) : undefined;
        switch (kind) {
          case 'complete': {
            if (!task) continue;
            const data = task.formKey === 'mediation' ? { result: rand() < 0.75 ? 'success' : 'failed', note: '已调处' }
              : task.formKey === 'supervise' ? { instruction: '限期办结' }
              : task.formKey === 'disposition' ? { way: pick(['litigation', 'arbitration', 'responsibleUnit']), note: '已引导当事人' }
              : task.formKey === 'petition-acceptance' ? (rand() < 0.9 ? { accepted: true } : { accepted: false, refuseReason: '不属于信访事项', notice: '请向人民法院起诉' })
              : task.formKey === 'return-visit' ? { recurred: rand() < 0.1, note: '已回访' }
              : task.formKey === 'feedback' ? { method: 'phone', message: '已电话反馈' }
              : task.formKey === 'evaluation' ? { satisfaction: pick(['satisfied', 'satisfied', 'basic', 'dissatisfied']) }
              : undefined;
            if (!data) throw new Error(`no data for form ${task.formKey}`);
            await engine.completeTask(task.id, data, 'handler');
            if (task.formKey === 'evaluation' && (data as { satisfaction: string }).satisfaction === 'dissatisfied') outcomes.reopened++;
            break;
          }
          case 'return':
            if (!task || task.formKey !== 'mediation') continue;
            await engine.returnTask(task.id, { reason: '不属于本部门职责', actor: 'handler' });
            break;
          case 'transfer':
            if (!task || task.formKey !== 'mediation') continue;
            await engine.transferTask(task.id, { department: pick(TRANSFER_TO), actor: 'lx-centre', reason: '转主管部门' });
            break;
          case 'withdraw':
            if (!view.openTasks.some((t) => t.elementId === 'handle')) continue;
            await engine.correlateMessage(caseId, '撤回', { withdrawReason: '双方已自行和解', withdrawnBy: '当事人' }, 'clerk-a');
            break;
          case 'refuse':
            await engine.refuseCase(caseId, { reason: '不属于受理范围', actor: 'clerk-a' });
            break;
          case 'suspend':
            await engine.suspendCase(caseId, { reason: '等待司法鉴定', actor: 'leader' });
            break;
          case 'resume':
            await engine.resumeCase(caseId, { actor: 'leader' });
            break;
          case 'extend': {
            if (!task) continue;
            const ext = await engine.requestExtension(task.id, { days: 1 + Math.floor(rand() * 5), reason: '案情复杂', actor: 'handler' });
            await engine.decideExtension(ext.id, { approve: rand() < 0.8, actor: 'leader' });
            break;
          }
        }
        done[kind]++;
      } catch (err) {
        // a step the case's state does not allow (e.g. 不予受理 after handling began) changes nothing
        if (!(err instanceof Error) || !('code' in err)) throw err;
      }
      if ((step + 1) % 500 === 0) compared += await compare(`after ${step + 1} steps`);
    }
    // a day and a half later, nothing stepped: only the time of the read moved (overdue, 积案 by age)
    clock.advance(36 * HOUR);
    compared += await compare('later');

    for (const k of Object.keys(done) as Kind[]) expect(done[k], `steps of kind ${k}`).toBeGreaterThan(0);
    expect(outcomes.reopened).toBeGreaterThan(0);
    const all = await statistics.recountTotals(SCOPES[0][1], {});
    // the figures moved: every kind of count is non-zero somewhere
    for (const k of ['closed', 'withdrawn', 'refused', 'onTime', 'overdue', 'succeeded', 'dissatisfied', 'firstResolved', 'backlog', 'backlogResolved'] as (keyof CaseCounts)[]) {
      expect(all[k], `recounted ${k}`).toBeGreaterThan(0);
    }
    expect(compared).toBeGreaterThan(500);
    // the cases' visibility columns, which a step writes in its projection beside the tasks'
    // triggers, equal what the triggers compute from the tasks
    const { rows: stale } = await db.pool.query(
      `select id from cases c where task_audience is distinct from case_task_audience(c.id)
          or not offered_groups @> array(select distinct g from tasks t, unnest(t.candidate_groups) g where t.case_id = c.id)`);
    expect(stale).toEqual([]);
  }, 1_200_000);

  it('folds the pending deltas into the rollups without changing a figure', async () => {
    // a few more steps, so that there is something pending
    for (let i = 0; i < 3; i++) {
      await engine.startCase({
        process: 'longxi/dispute', actor: 'clerk-a',
        data: { applicant: '李四', mobile: '13919321235', type: TYPES[i], channel: '来访', unit: UNITS[i], description: '折叠前新登记的纠纷' },
      });
    }
    const pending = async () => (await db.pool.query<{ n: number }>(
      'select (select count(*) from case_stats_daily_delta) + (select count(*) from case_stats_daily_dept_delta) as n')).rows[0].n;
    const waiting = Number(await pending());
    expect(waiting).toBeGreaterThan(0);
    const before = await Promise.all(METRICS_GROUP_BY.map((g) => statistics.counts(SCOPES[0][1], {}, g)));
    // two processes' sweepers at once: each delta is moved once (one fold at a time; the other moves none)
    const moved = await Promise.all([engine.foldStatistics(), engine.foldStatistics()]);
    expect(moved[0] + moved[1]).toBe(waiting);
    expect(Number(await pending())).toBe(0);
    expect(await engine.foldStatistics()).toBe(0);
    const after = await Promise.all(METRICS_GROUP_BY.map((g) => statistics.counts(SCOPES[0][1], {}, g)));
    expect(after.map(sorted)).toEqual(before.map(sorted));
    // a rollup row whose cases all moved elsewhere is gone, not kept at zero
    const { rows } = await db.pool.query<{ n: string }>(`select (select count(*) from case_stats_daily where total = 0) + (select count(*) from case_stats_monthly where total = 0)
      + (select count(*) from case_stats_daily_dept where total = 0) + (select count(*) from case_stats_monthly_dept where total = 0) as n`);
    expect(Number(rows[0].n)).toBe(0);
    expect(await statistics.totals(SCOPES[0][1], {})).toEqual(await statistics.recountTotals(SCOPES[0][1], {}));
    // the due days before yesterday (Beijing) are folded onto one row per key: only the open cases' recent due days stay apart
    const { rows: [due] } = await db.pool.query<{ apart: string; folded: string }>(
      `select count(*) filter (where due_day > '-infinity' and due_day < ($1::timestamptz at time zone 'Asia/Shanghai')::date - 1) as apart,
              count(*) filter (where due_day = '-infinity') as folded
         from (select due_day from case_stats_daily union all select due_day from case_stats_monthly
               union all select due_day from case_stats_daily_dept union all select due_day from case_stats_monthly_dept) r`, [clock.now()]);
    expect(Number(due.apart)).toBe(0);
    expect(Number(due.folded)).toBeGreaterThan(0);
  });

  it('counts 积案 by age right while its cut passes day by day through a month of open cases', async () => {
    // cases registered over a few days and left open; 87 days later the cut (today less 90 days)
    // reaches them and passes them one day at a time, inside a month the monthly rollup holds
    for (let i = 0; i < 8; i++) {
      clock.advance(13 * HOUR);
      await engine.startCase({
        process: 'longxi/dispute', actor: 'clerk-a',
        data: { applicant: '王五', mobile: '13919321236', type: TYPES[i % TYPES.length], channel: '来访', unit: UNITS[i % UNITS.length], description: '久未办结的纠纷' },
      });
    }
    await engine.foldStatistics();
    clock.advance(87 * 24 * HOUR);
    const backlog = new Set<number>();
    for (let day = 0; day < 8; day++) {
      clock.advance(24 * HOUR);
      if (day % 3 === 0) await engine.foldStatistics();
      for (const f of [{}, { from: new Date(began.getTime() - 40 * 24 * HOUR) }] as StatisticsFilter[]) {
        for (const g of ['type', 'month'] as const) {
          expect(sorted(await statistics.counts(SCOPES[0][1], f, g)), `day ${day} · ${JSON.stringify(f)} · by ${g}`)
            .toEqual(sorted(await statistics.recount(SCOPES[0][1], f, g)));
        }
      }
      backlog.add((await statistics.recountTotals(SCOPES[0][1], {})).backlog);
    }
    // the cut did pass over them: the recounted 积案 changed from day to day
    expect(backlog.size).toBeGreaterThan(2);
  });

  it('rebuilds from the raw rows to the same figures (the migration\'s backfill)', async () => {
    const before = await statistics.counts(SCOPES[0][1], {}, 'unit');
    await db.pool.query('select case_stats_rebuild()');
    expect(sorted(await statistics.counts(SCOPES[0][1], {}, 'unit'))).toEqual(sorted(before));
  });
});

function sorted(rows: { key: string | null; counts: CaseCounts }[]) {
  return [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
}
