// Statistics against a hand-computed fixture: 200 cases of the Longxi pack generated from a fixed
// seed and driven through the real HTTP API on a ManualClock — intake, handling (on time or late,
// success or failure), feedback, 一事一评价 (a dissatisfied rating reopens the case, which is then
// handled again and rated), stopping some cases half way. The expected figures are computed in
// this file from the generation plan alone, then every figure of every row of /api/stats is
// compared by type, unit, level, department and month; the drill-down, the xlsx and CSV exports
// and the 公示 list (scanned for every raw name, ID number and phone used at intake) are checked
// on the same data.
import { computeDue, WorkingCalendar } from '@yizhan/engine';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { type Json, type TestServer } from './support/harness';
import { addFigures, startPlanServer } from './support/plan';
import { prng } from './support/prng';

const LONGXI = new URL('../../processes/longxi/', import.meta.url).pathname;
const CASES = 200;
const HOUR = 3600_000;

/** Where a case is reported, its level and (for 邻里纠纷) the local centre that handles it. */
/** Longxi counts time limits in working days (pack.json deadlines) on China's holiday calendar. */
const CALENDAR = new WorkingCalendar();
const dueAt = (since: number, limit: string) => computeDue(new Date(since), limit, 'working-days', CALENDAR)!.getTime();

const UNITS = [
  { code: 'longxi', level: 'county', local: 'lx.centre' },
  { code: 'longxi.gongchang', level: 'township', local: 'lx.t.gongchang' },
  { code: 'longxi.wenfeng', level: 'township', local: 'lx.t.wenfeng' },
  { code: 'longxi.gongchang.dongguan', level: 'village', local: 'lx.v.gongchang.dongguan' },
  { code: 'longxi.wenfeng.sanhe', level: 'village', local: 'lx.v.wenfeng.sanhe' },
];
/** Types whose handling department the Longxi rules fix (resident, window taken back, report-in department); 邻里纠纷 goes local. */
const TYPES: Record<string, string | null> = { 劳资纠纷: 'lx.labour', 物业纠纷: 'lx.housing', 医疗纠纷: 'lx.w.medical', 邻里纠纷: null };
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志文';

type Stage = 'handle' | 'feedback' | 'evaluate' | 'reopened' | 'closed';
type Satisfaction = 'satisfied' | 'basic' | 'dissatisfied';

/** 来源渠道 of the plan's cases, in turn (the channel does not change Longxi's routing). */
const CHANNELS = ['来访', '来电', '网格上报', '12345'];

interface PlannedCase {
  i: number;
  type: string;
  unit: (typeof UNITS)[number];
  department: string;
  /** Every department that handled it: the first one, and on a failure the levels above it and the legal service centre. */
  departments: string[];
  name: string;
  idNumber: string;
  mobile: string;
  start: number;
  handleLate: boolean;
  result: 'success' | 'failed';
  stage: Stage;
  satisfaction: Satisfaction;
  /** Times (ms) of each completion, in order, and of the open task's creation. */
  events: { task: 'handle' | 'townshipMediation' | 'countyMediation' | 'guide' | 'feedback' | 'evaluate' | 'revisit'; at: number; data: Record<string, unknown> }[];
  openSince: number | null;
  /** When the open task falls due (its limit counted in working days from its creation). */
  openDue: number | null;
}

function idNumber(rand: () => number, i: number): string {
  const body = `62112219${String(70 + (i % 30)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(Math.floor(rand() * 900) + 100)}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, c, k) => a + Number(c) * w[k], 0);
  return body + '10X98765432'[sum % 11];
}

function plan(): PlannedCase[] {
  const rand = prng(20260301);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  let t = Date.parse('2026-01-05T09:00:00+08:00');
  const out: PlannedCase[] = [];
  for (let i = 0; i < CASES; i++) {
    const type = pick(Object.keys(TYPES));
    const unit = pick(UNITS);
    const department = TYPES[type] ?? unit.local;
    const name = pick([...SURNAMES]) + pick([...GIVEN]) + pick([...GIVEN]);
    const c: PlannedCase = {
      i, type, unit, department, departments: [department], name, idNumber: idNumber(rand, i), mobile: `139${String(10000000 + i * 7919 + Math.floor(rand() * 1000)).slice(0, 8)}`,
      start: t, handleLate: rand() < 0.25, result: rand() < 0.8 ? 'success' : 'failed',
      stage: pick<Stage>(['handle', 'feedback', 'evaluate', 'reopened', 'closed', 'closed', 'closed', 'closed', 'closed']),
      satisfaction: pick<Satisfaction>(['satisfied', 'satisfied', 'satisfied', 'basic', 'dissatisfied']),
      events: [], openSince: null, openDue: null,
    };
    if (c.stage === 'reopened') c.satisfaction = 'dissatisfied';
    // 一般纠纷: handling P1D; feedback P1D; evaluation P3D — working days in Longxi.
    let now = t;
    const open = (since: number, limit: string) => { c.openSince = since; c.openDue = dueAt(since, limit); };
    const done = (task: PlannedCase['events'][number]['task'], after: number, data: Record<string, unknown>) => {
      now += after;
      c.events.push({ task, at: now, data });
    };
    const handleData = (result: string) => ({ result, note: result === 'success' ? '双方达成调解协议' : '调解未达成一致' });
    if (c.stage === 'handle') open(now, 'P1D');
    else {
      done('handle', c.handleLate ? 27 * HOUR : 3 * HOUR, handleData(c.result));
      // late when past its one working day (27 hours on a Friday are still in time)
      c.handleLate = now > dueAt(c.start, 'P1D');
      if (c.result === 'failed') {
        // 逐级化解: a village's failure goes to its township, a township's to the county centre,
        // the county's to the public legal service centre (litigation guidance)
        const level = TYPES[type] ? 'county' : unit.level;
        if (level === 'village') done('townshipMediation', HOUR, handleData('failed'));
        if (level !== 'county') done('countyMediation', HOUR, handleData('failed'));
        done('guide', HOUR, { way: 'litigation', note: '告知当事人向人民法院起诉' });
        const township = { 'longxi.gongchang.dongguan': 'lx.t.gongchang', 'longxi.wenfeng.sanhe': 'lx.t.wenfeng' }[unit.code as string];
        c.departments.push(...(level === 'village' && township ? [township] : []), ...(level !== 'county' ? ['lx.centre'] : []), 'lx.legal');
      }
      if (c.stage === 'feedback') open(now, 'P1D');
      else {
        done('feedback', HOUR, { method: 'phone', message: '已电话告知当事人调处结果' });
        if (c.stage === 'evaluate') open(now, 'P3D');
        else {
          done('evaluate', HOUR, { satisfaction: c.satisfaction, comment: '评价' });
          if (c.satisfaction === 'dissatisfied') {
            if (c.stage === 'reopened') open(now, 'P1D');
            else {
              done('handle', 2 * HOUR, handleData('success'));
              done('feedback', HOUR, { method: 'phone', message: '已电话告知重新调处结果' });
              done('evaluate', HOUR, { satisfaction: 'satisfied', comment: '满意' });
            }
          }
          // 百分百回访 after a satisfied (or basically satisfied) rating closes the case
          if (c.stage === 'closed') done('revisit', HOUR, { recurred: false, note: '电话回访，矛盾未反复' });
        }
      }
    }
    if (c.stage === 'closed' && c.satisfaction === 'dissatisfied') c.result = 'success'; // the last result counts
    out.push(c);
    t = now + (2 + Math.floor(rand() * 28)) * HOUR;
  }
  return out;
}

const PLAN = plan();
/** The clock when the figures are read: an hour after the last event. */
const END = Math.max(...PLAN.map((c) => c.events.at(-1)?.at ?? c.start)) + HOUR;

// ---- the expected figures, from the plan alone ---------------------------------------------------
interface Expected {
  total: number; closed: number; withdrawn: number; refused: number; onTime: number; overdue: number; mediated: number; succeeded: number; rated: number;
  satisfied: number; basic: number; dissatisfied: number; supervised: number; firstResolved: number; backlog: number; backlogResolved: number;
}
/** 积案: not closed within 90 days of intake (no case of the plan is flagged 久拖不决 at intake). */
const BACKLOG_MS = 90 * 24 * HOUR;

function expectedOf(c: PlannedCase): Expected & { month: string } {
  const closed = c.stage === 'closed';
  const handled = c.stage !== 'handle';
  const rated = closed || c.stage === 'reopened';
  const finalSatisfaction: Satisfaction | null = !rated ? null : closed && c.satisfaction === 'dissatisfied' ? 'satisfied' : c.satisfaction;
  const month = new Date(c.start + 8 * HOUR).toISOString().slice(0, 7);
  return {
    month,
    total: 1,
    closed: closed ? 1 : 0,
    withdrawn: 0, // the plan has no 撤回 nor 不予受理 (see lifecycle.test.ts)
    refused: 0,
    onTime: closed && !c.handleLate ? 1 : 0,
    overdue: !closed && c.openDue !== null && c.openDue < END ? 1 : 0,
    mediated: handled ? 1 : 0,
    succeeded: handled && c.result === 'success' ? 1 : 0,
    rated: rated ? 1 : 0,
    satisfied: finalSatisfaction === 'satisfied' ? 1 : 0,
    basic: finalSatisfaction === 'basic' ? 1 : 0,
    dissatisfied: finalSatisfaction === 'dissatisfied' ? 1 : 0,
    supervised: 0, // no case of the plan is put under supervision (see supervision.test.ts)
    // 初访化解: closed at the first pass with success (a 不满意 rating reopened the others; the plan has no 退回 or 转办)
    firstResolved: closed && c.satisfaction !== 'dissatisfied' && c.result === 'success' ? 1 : 0,
    // closed cases closed within days; an open one is a 积案 from its 90th day
    backlog: !closed && c.start + BACKLOG_MS <= END ? 1 : 0,
    backlogResolved: 0,
  };
}

const ZERO: Expected = {
  total: 0, closed: 0, withdrawn: 0, refused: 0, onTime: 0, overdue: 0, mediated: 0, succeeded: 0, rated: 0, satisfied: 0, basic: 0, dissatisfied: 0,
  supervised: 0, firstResolved: 0, backlog: 0, backlogResolved: 0,
};
const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 10000 : null);

function expectedRows(key: (c: PlannedCase) => string | string[]): Map<string, Json> {
  const rows = new Map<string, Expected>();
  for (const c of PLAN) {
    const e = expectedOf(c);
    for (const k of [key(c)].flat()) {
      addFigures(rows, k, ZERO, e);
    }
  }
  return new Map([...rows].map(([k, e]) => [k, {
    ...e,
    closureRate: rate(e.closed, e.total - e.withdrawn - e.refused), onTimeRate: rate(e.onTime, e.closed),
    successRate: rate(e.succeeded, e.mediated), satisfactionRate: rate(e.satisfied + e.basic, e.rated),
    firstResolveRate: rate(e.firstResolved, e.closed), backlogResolveRate: rate(e.backlogResolved, e.backlog),
  }]));
}

const monthOf = (c: PlannedCase) => expectedOf(c).month;

describe.each(databaseTargets())('statistics of 200 generated cases on $name PostgreSQL', (target) => {
  const decided = new Map<number, { caseClass: string | null; level: string | null }>();
  let s: TestServer;
  let admin: string;

  beforeAll(async () => {
    // Hundreds of logins as the test clock jumps days ahead: lift the login rate limit.
    let token: () => Promise<string>;
    ({ server: s, adminToken: token } = await startPlanServer(target, LONGXI));
    for (const c of PLAN) {
      s.clock.set(new Date(c.start));
      const started = await s.request('POST', '/api/cases', {
        token: await token(),
        body: {
          process: 'longxi/dispute',
          data: {
            applicant: c.name, idNumber: c.idNumber, mobile: c.mobile, type: c.type, channel: CHANNELS[c.i % CHANNELS.length], unit: c.unit.code,
            description: `${c.name}（身份证${c.idNumber}，电话${c.mobile}）反映${c.type}，请求调处`,
          },
        },
      });
      if (started.status !== 201) throw new Error(`case ${c.i}: ${started.status} ${JSON.stringify(started.body)}`);
      // the routing decision's 纠纷等级 and 办理层级, as the case records them, to group the plan by
      decided.set(c.i, { caseClass: started.body.variables.decision.caseClass ?? null, level: started.body.variables.decision.level ?? null });
      if (started.body.openTasks[0]?.candidateGroups?.[0] !== c.department) {
        throw new Error(`case ${c.i} (${c.type} at ${c.unit.code}) went to ${started.body.openTasks[0]?.candidateGroups}, the plan says ${c.department}`);
      }
      let current: Json = started.body;
      for (const e of c.events) {
        s.clock.set(new Date(e.at));
        const task = current.openTasks.find((t: Json) => t.elementId === e.task);
        if (!task) throw new Error(`case ${c.i}: no open ${e.task} (open: ${current.openTasks.map((t: Json) => t.elementId)})`);
        const r = await s.request('POST', `/api/tasks/${task.id}/complete`, { token: await token(), body: { data: e.data } });
        if (r.status !== 200) throw new Error(`case ${c.i} ${e.task}: ${r.status} ${JSON.stringify(r.body)}`);
        current = r.body;
      }
      const status = c.stage === 'closed' ? 'completed' : 'active';
      if (current.status !== status) throw new Error(`case ${c.i}: ${current.status}, the plan says ${status}`);
    }
    s.clock.set(new Date(END));
    admin = await s.login('admin', true);
  }, 600_000);

  afterAll(async () => {
    await s?.close();
  });

  const check = async (groupBy: string, key: (c: PlannedCase) => string | string[], label?: (k: string) => string) => {
    const r = await s.request('GET', `/api/stats?groupBy=${groupBy}&process=longxi`, { token: admin });
    expect(r.status).toBe(200);
    const want = expectedRows(key);
    expect(r.body.rows.map((x: Json) => x.key).sort()).toEqual([...want.keys()].sort());
    for (const row of r.body.rows) {
      const { key: k, label: l, ...figures } = row;
      expect(figures, `${groupBy} ${k}`).toEqual(want.get(k));
      if (label) expect(l).toBe(label(k));
    }
    return r.body;
  };

  it('the plan is varied enough to test every figure', () => {
    const all = expectedRows(() => 'all').get('all');
    expect(all.total).toBe(CASES);
    for (const f of ['closed', 'overdue', 'mediated', 'succeeded', 'rated', 'satisfied', 'basic', 'dissatisfied', 'firstResolved', 'backlog']) expect(all[f], f).toBeGreaterThan(5);
    expect(all.firstResolved).toBeLessThan(all.closed);
    expect(all.onTime).toBeLessThan(all.closed);
    expect(new Set(PLAN.map(monthOf)).size).toBeGreaterThanOrEqual(4);
  });

  it('matches the hand-computed figures by type, with the totals', async () => {
    const body = await check('type', (c) => c.type, (k) => k);
    const all = expectedRows(() => 'all').get('all');
    expect(body.totals).toEqual(all);
    expect(body.counting).toBe('cases');
  });

  it('matches by unit, by level, by month, by township, by channel, by case class and by handling level', async () => {
    const names: Record<string, string> = { longxi: '陇西县', 'longxi.gongchang': '巩昌镇', 'longxi.wenfeng': '文峰镇', 'longxi.gongchang.dongguan': '东关社区', 'longxi.wenfeng.sanhe': '三河村' };
    await check('unit', (c) => c.unit.code, (k) => names[k]);
    await check('level', (c) => c.unit.level);
    await check('month', monthOf, (k) => k);
    // townships roll up their villages: 东关社区 into 巩昌镇, 三河村 into 文峰镇; the county's own cases stay the county's
    const townshipOf: Record<string, string> = { longxi: 'longxi', 'longxi.gongchang': 'longxi.gongchang', 'longxi.gongchang.dongguan': 'longxi.gongchang', 'longxi.wenfeng': 'longxi.wenfeng', 'longxi.wenfeng.sanhe': 'longxi.wenfeng' };
    await check('township', (c) => townshipOf[c.unit.code], (k) => names[k]);
    await check('channel', (c) => CHANNELS[c.i % CHANNELS.length], (k) => k);
    // 纠纷等级 and 办理层级 as the routing decided them at intake (no case of the plan is left out)
    await check('caseClass', (c) => decided.get(c.i)!.caseClass!);
    await check('handlingLevel', (c) => decided.get(c.i)!.level!);
    expect(new Set(PLAN.map((c) => decided.get(c.i)!.level)).size).toBeGreaterThan(1);
    const months = (await s.request('GET', '/api/stats?groupBy=month', { token: admin })).body.rows.map((x: Json) => x.key);
    expect(months).toEqual([...months].sort());
  });

  it('matches by department (a case counts for the department that handled it)', async () => {
    const body = await check('department', (c) => [...new Set(c.departments)]);
    expect(body.totals.total).toBe(CASES);
  });

  it('restricts by time: only the cases received in [from, to)', async () => {
    const feb = PLAN.filter((c) => monthOf(c) === '2026-02');
    const r = await s.request('GET', '/api/stats?groupBy=type&from=2026-02-01&to=2026-03-01', { token: admin });
    expect(r.body.totals.total).toBe(feb.length);
    expect(r.body.totals.closed).toBe(feb.filter((c) => c.stage === 'closed').length);
  });

  it('drills down to exactly the cases behind a figure', async () => {
    const r = await s.request('GET', `/api/stats/cases?groupBy=level&key=village&limit=1000`, { token: admin });
    expect(r.status).toBe(200);
    const want = PLAN.filter((c) => c.unit.level === 'village');
    expect(r.body.length).toBe(want.length);
    expect(r.body.filter((x: Json) => x.overdue).length).toBe(want.filter((c) => expectedOf(c).overdue).length);
    expect(r.body.filter((x: Json) => x.satisfaction === 'dissatisfied').length).toBe(want.filter((c) => expectedOf(c).dissatisfied).length);
    const month = await s.request('GET', `/api/stats/cases?groupBy=month&key=2026-03&limit=1000`, { token: admin });
    expect(month.body.map((x: Json) => x.month)).toEqual(PLAN.filter((c) => monthOf(c) === '2026-03').map(() => '2026-03'));
    const dept = await s.request('GET', `/api/stats/cases?groupBy=department&key=lx.labour&limit=1000`, { token: admin });
    expect(dept.body.length).toBe(PLAN.filter((c) => c.departments.includes('lx.labour')).length);
  });

  it('lists red (overdue) and yellow (warning) tasks', async () => {
    const overdue = await s.request('GET', '/api/tasks?scope=unit&status=overdue&limit=500', { token: admin });
    expect(overdue.body.length).toBe(expectedRows(() => 'all').get('all').overdue);
    expect(overdue.body.every((t: Json) => t.colour === 'red')).toBe(true);
    const warning = await s.request('GET', '/api/tasks?scope=unit&status=warning&limit=500', { token: admin });
    expect(warning.body.every((t: Json) => t.colour === 'yellow')).toBe(true);
    const open = await s.request('GET', '/api/tasks?scope=unit&status=open&limit=500', { token: admin });
    expect(open.body.filter((t: Json) => t.colour === 'yellow').length).toBe(warning.body.length);
  });

  it('exports the same figures as xlsx (汇总 and 案件明细) and CSV', async () => {
    const stats = (await s.request('GET', '/api/stats?groupBy=month', { token: admin })).body;
    const res = await fetch(`${s.url}/api/stats/export?format=xlsx&groupBy=month`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const summary = book.getWorksheet('汇总')!;
    expect(summary.getRow(2).getCell(1).value).toBe('月份');
    const header = (summary.getRow(2).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    for (const [i, row] of stats.rows.entries()) {
      const line = summary.getRow(3 + i);
      expect(line.getCell(1).value).toBe(row.label);
      expect(line.getCell(col('受理数')).value).toBe(row.total);
      expect(line.getCell(col('办结率')).value).toBe(row.closureRate);
      expect(line.getCell(col('调处成功率')).value).toBe(row.successRate);
      expect(line.getCell(col('满意率')).value).toBe(row.satisfactionRate);
      expect(line.getCell(col('按时办结率')).value).toBe(row.onTimeRate);
    }
    expect(summary.getRow(3 + stats.rows.length).getCell(1).value).toBe('合计');
    expect(book.getWorksheet('案件明细')!.rowCount).toBe(1 + CASES);

    const csv = await s.request('GET', '/api/stats/export?format=csv&groupBy=type', { token: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0].slice(0, 4)).toEqual(['类型', '受理数', '办结数', '办结率']);
    const byType = expectedRows((c) => c.type);
    for (const line of lines.slice(1, -1)) {
      const want = byType.get(line[0])!;
      expect(Number(line[1])).toBe(want.total);
      expect(Number(line[2])).toBe(want.closed);
      expect(line[3]).toBe(want.closureRate === null ? '' : String(want.closureRate));
    }
    expect(lines.at(-1)![0]).toBe('合计');
    expect(Number(lines.at(-1)![1])).toBe(CASES);
  });

  it('公示 lists every closed case with no raw name, ID number or phone in any public response', async () => {
    const closed = PLAN.filter((c) => c.stage === 'closed');
    const bodies: string[] = [];
    const items: Json[] = [];
    for (let offset = 0; ; offset += 50) {
      const r = await s.request('GET', `/api/public/cases?limit=50&offset=${offset}`);
      expect(r.status).toBe(200);
      bodies.push(JSON.stringify(r.body));
      items.push(...r.body.filter((x: Json) => x.fields.some((f: Json) => f.field === 'mobile')));
      if (r.body.length < 50) break;
    }
    expect(items.length).toBe(closed.length);
    const text = bodies.join('\n');
    for (const c of PLAN) {
      expect(text).not.toContain(c.name);
      expect(text).not.toContain(c.idNumber);
      expect(text).not.toContain(c.mobile);
    }
    const one = items.find((x) => x.number === items[0].number);
    const titles = one.fields.map((f: Json) => f.title);
    expect(titles).toEqual(expect.arrayContaining(['事项类型', '当事人（反映人）姓名', '身份证号', '手机']));
    // the intake's own words (事项描述) are never published; Longxi has no staff-written 公示摘要
    expect(titles).not.toContain('事项描述');
    expect(one.summary).toBeNull();
    expect(one.party).toMatch(/^[\u4e00-\u9fff]\*\*$/);
  });
});
