// 试算影响 on the real Longxi pack (issue 18): 200 past cases, taken in over HTTP by Longxi's own
// users from a seeded mix of the intake form's values, then a proposed rule change — a new
// 劳动保障窗口 at the county centre taking the small wage disputes — replayed over them. The report
// must name exactly the cases a direct recount says would move: the proposed rule set decided with
// the rules package on each case's recorded variables (the facts the route service built them
// from), compared with the decision recorded on the case. And the replay changes no row.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routingFacts } from '@yizhan/engine';
import { packAccounts } from '../src/pack-users';
import { readPackFiles } from '@yizhan/packs';
import { decide, LEVEL_LABELS, loadRuleSet, OrgIndex, type Department, type OrgModel, type Rule, type UnitLevel } from '@yizhan/rules';
import { databaseTargets } from '../../engine/test/support/databases';
import { packFromFiles } from '../src/packs';
import { PASSWORD, startTestServer, type Json, type TestServer } from './support/harness';
import { prng } from './support/prng';

const LONGXI = fileURLToPath(new URL('../../processes/longxi/', import.meta.url));
const PROCESS = 'longxi/dispute';
const RULES = 'rules/longxi-routing.json';
const CASES = 200;
const MINUTE = 60_000;

/** Where cases arise (county, townships, villages, grids) and which pack user of that place may take them in besides the county clerk. */
const PLACES: { unit: string; local?: string }[] = [
  { unit: 'longxi' },
  { unit: 'longxi.gongchang', local: 'lx-gongchang' },
  { unit: 'longxi.gongchang.dongguan', local: 'lx-dongguan' },
  { unit: 'longxi.gongchang.dongguan.g01', local: 'lx-dongguan' },
  { unit: 'longxi.gongchang.beiguan', local: 'lx-gongchang' },
  { unit: 'longxi.wenfeng', local: 'lx-wenfeng' },
  { unit: 'longxi.wenfeng.sanhe', local: 'lx-wenfeng' },
  { unit: 'longxi.wenfeng.xinqiao.g02', local: 'lx-wenfeng' },
  { unit: 'longxi.shouyang', local: 'lx-shouyang' },
  { unit: 'longxi.shouyang.shouyang', local: 'lx-shouyang' },
  { unit: 'longxi.caizi.caizi' },
  { unit: 'longxi.fuxing' },
  { unit: 'longxi.mahe' },
];
/** 劳资纠纷 weighs most (the change is about it); the others reach the other rules (local, resident, window, report-in department, petition). */
const TYPES = [
  '劳资纠纷', '劳资纠纷', '劳资纠纷', '劳资纠纷', '劳资纠纷', '邻里纠纷', '婚姻家庭纠纷', '赡养纠纷', '物业纠纷', '医疗纠纷',
  '交通事故纠纷', '土地权属纠纷', '社会保险纠纷', '信访事项', '诉前调解', '其他纠纷',
];
const CHANNELS = ['来访', '来电', '网格上报', '信访转办', '法院委派', '12345'];
const AMOUNTS = [800, 5000, 12_000, 19_999, 20_000, 35_000, 60_000, 200_000, 800_000];
const PARTIES = [1, 2, 3, 5, 8, 30, 45];
const OTHER_UNITS = ['longxi.gongchang.dongguan', 'longxi.wenfeng', 'longxi.caizi', 'longxi.yongji', 'weiyuan.qingyuan'];
const DEPARTMENTS = ['lx.hrss', 'lx.labour', 'lx.housing', 'lx.w.police'];
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚';

interface Intake { who: string; data: Record<string, unknown>; pause: number }

/** The 200 intakes, from a fixed seed: the same cases on every run and both databases. */
function intakes(): Intake[] {
  const rand = prng(20260318);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number) => rand() < p;
  return Array.from({ length: CASES }, (_, i) => {
    const place = pick(PLACES);
    const type = pick(TYPES);
    const data: Record<string, unknown> = {
      applicant: pick([...SURNAMES]) + pick([...GIVEN]) + pick([...GIVEN]),
      mobile: `13${String(100_000_000 + Math.floor(rand() * 899_999_999)).slice(0, 9)}`,
      type, channel: pick(CHANNELS), unit: place.unit,
      description: `第${i + 1}件：${type}，当事人到场反映情况`,
    };
    if (chance(0.6)) data.amount = pick(AMOUNTS);
    if (chance(0.5)) data.partyCount = pick(PARTIES);
    if (chance(0.15)) data.units = [pick(OTHER_UNITS)];
    if (chance(0.15)) data.departments = chance(0.7) ? [pick(DEPARTMENTS)] : ['lx.hrss', 'lx.labour'];
    if (chance(0.2)) data.resolvableOnSite = true;
    if (chance(0.08)) data.crossIndustry = true;
    if (chance(0.08)) data.longStanding = true;
    if (type === '信访事项' && chance(0.3)) data.keyPetition = true;
    const who = place.local && chance(0.5) ? place.local : 'lx-clerk';
    return { who, data, pause: (5 + Math.floor(rand() * 40)) * MINUTE };
  });
}

/**
 * The change an integrator proposes: a 劳动保障窗口 at the county centre, and small wage disputes
 * (under 20 000 yuan) settled there on site — ahead of the joint-mediation rules but the cross-county one.
 */
const WINDOW: Department = { code: 'lx.w.labour', name: '劳动保障窗口', unit: 'longxi', kind: 'window' };
const WINDOW_RULE: Rule = {
  name: '小额劳资纠纷由劳动保障窗口现场调处',
  description: '涉及金额2万元以下（或未填）的劳资纠纷，即使涉及多个乡镇、部门或行业，也由县综治中心劳动保障窗口现场调处；跨县的仍由县中心牵头联合调解。',
  priority: 95,
  conditions: {
    all: [
      { fact: 'case', path: '$.type', operator: 'equal', value: '劳资纠纷' },
      { not: { fact: 'case', path: '$.amount', operator: 'greaterThanInclusive', value: 20_000 } },
    ],
  },
  event: { type: 'route', params: { departments: [WINDOW.code], level: 'county', joint: false, handling: 'onSite', onSite: true } },
};

function propose(deployed: Record<string, string>): Record<string, string> {
  const manifest = JSON.parse(deployed['pack.json']);
  manifest.version = '1.1.0';
  manifest.org.departments.splice(manifest.org.departments.findIndex((d: Department) => d.code === 'lx.w.insurance') + 1, 0, WINDOW);
  const rules = JSON.parse(deployed[RULES]);
  rules.version += 1;
  rules.rules.splice(rules.rules.findIndex((r: Rule) => (r.priority ?? 0) < WINDOW_RULE.priority!), 0, WINDOW_RULE);
  return { ...deployed, 'pack.json': JSON.stringify(manifest, null, 2), [RULES]: JSON.stringify(rules, null, 2) };
}

const ASPECTS = ['departments', 'level', 'joint', 'leadUnit', 'caseClass', 'dueIn'] as const;
type Digest = { departments: string[]; level: string | null; joint: boolean; leadUnit: string | null; caseClass: string | null; dueIn: string | null };
const digest = (d: Json): Digest => ({
  departments: Array.isArray(d.departments) ? [...d.departments].sort() : [],
  level: d.level || null, joint: d.joint === true, leadUnit: d.leadUnit || null, caseClass: d.caseClass || null, dueIn: d.dueIn || null,
});

/** Tables the replay must leave as they are (content hash per table). */
const TABLES = ['cases', 'tasks', 'history', 'timers', 'incidents', 'definitions', 'pack_deployments', 'org_models', 'case_facts', 'case_parties', 'case_stats_daily', 'case_stats_monthly', 'case_stats_daily_delta', 'case_stats_daily_dept_delta', 'supervisions'];

describe.each(databaseTargets())('what-if replay of a Longxi rule change over 200 past cases on $name PostgreSQL', (target) => {
  let s: TestServer;
  let integrator: string;
  const ids: string[] = [];

  beforeAll(async () => {
    const t0 = Date.now();
    s = await startTestServer(target);
    integrator = await s.login('integrator');
    const deployed = await s.request('POST', '/api/packs', { token: integrator, body: { files: await readPackFiles(LONGXI) } });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    // Longxi's own people, as `yizhan user import` creates them
    for (const account of packAccounts(packFromFiles(await readPackFiles(LONGXI)))) {
      await s.yizhan.services.users.create({ ...account, password: PASSWORD });
    }
    for (const c of intakes()) {
      const r = await s.request('POST', '/api/cases', { token: await s.login(c.who), body: { process: PROCESS, data: c.data } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids.push(r.body.id);
      s.clock.advance(c.pause);
    }
    console.log(`[${target.name}] ${CASES} cases taken in: ${Date.now() - t0} ms`);
  }, 600_000);
  afterAll(async () => {
    await s?.close();
  });

  const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) => {
    const { rows } = await s.db.pool.query<{ n: string; hash: string | null }>(
      `select count(*)::text as n, md5(string_agg(t::text, '|' order by t::text)) as hash from ${table} t`);
    return [table, rows[0]] as const;
  })));

  it('reports exactly the cases a direct recount with the proposed rules says would move, and changes no row', async () => {
    const t0 = Date.now();
    // the clock has moved days since the deploy: a fresh token
    integrator = await s.login('integrator');
    const deployed = await s.request('GET', '/api/packs/longxi/files', { token: integrator });
    expect(deployed.status).toBe(200);
    const proposed = propose(deployed.body.files);
    // Longxi's county leader reads the cases (the integrator deploys and replays, reads no case)
    const leader = await s.login('lx-leader');

    // the recount: the proposed rule set and org model, decided directly on each case's recorded variables
    const org = new OrgIndex(JSON.parse(proposed['pack.json']).org as OrgModel);
    const ruleSet = loadRuleSet(JSON.parse(proposed[RULES]));
    // a transition reads 部门、部门（层级，联合调解）, the departments in the org model's order
    const declared = org.departments().map((d) => d.code);
    const describeDecision = (d: Digest) => {
      const known = declared.filter((code) => d.departments.includes(code));
      expect(known.length, 'every department the Longxi rules name is in its org model').toBe(d.departments.length);
      return `${known.map((code) => org.name(code)).join('、') || '未指定部门'}（${d.level ? LEVEL_LABELS[d.level as UnitLevel] : ''}${d.joint ? '，联合调解' : ''}）`;
    };
    const moved = new Map<string, { before: Digest; after: Digest; changed: string[] }>();
    const perAspect = Object.fromEntries(ASPECTS.map((a) => [a, 0])) as Record<(typeof ASPECTS)[number], number>;
    const transitions = new Map<string, number>();
    /** Recorded department lists by their set: the rules list involved townships as the intake did. */
    const recordedOrder = new Map<string, string[]>();
    for (const id of ids) {
      const got = await s.request('GET', `/api/cases/${id}`, { token: leader });
      expect(got.status).toBe(200);
      const view = got.body;
      expect(view.routing?.ruleSet).toBe('longxi-routing');
      const before = digest(view.routing.decision);
      recordedOrder.set(before.departments.join(), [...recordedOrder.get(before.departments.join()) ?? [], (view.routing.decision.departments as string[]).join()]);
      const after = digest((await decide(ruleSet, routingFacts(view.variables), org)).decision);
      const changed = ASPECTS.filter((a) => JSON.stringify(before[a]) !== JSON.stringify(after[a]));
      if (!changed.length) continue;
      moved.set(id, { before, after, changed });
      for (const a of changed) perAspect[a] += 1;
      const key = `${describeDecision(before)} → ${describeDecision(after)}`;
      transitions.set(key, (transitions.get(key) ?? 0) + 1);
    }
    expect(moved.size).toBeGreaterThan(0);
    expect(moved.size).toBeLessThan(CASES);
    // the change reaches past the department: joint mediations led by the centre become a window's
    expect(Math.min(perAspect.departments, perAspect.joint, perAspect.leadUnit)).toBeGreaterThan(0);
    // one set of departments recorded in two orders: still one transition (the report lists them in org order)
    expect([...recordedOrder.values()].some((orders) => new Set(orders).size > 1)).toBe(true);

    const before = await snapshot();
    const r = await s.request('POST', '/api/packs/whatif?from=2026-03-01&to=2026-04-30', { token: integrator, body: { files: proposed } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const report = r.body;
    expect(report).toMatchObject({ packId: 'longxi', processes: [PROCESS], cases: CASES, decisions: CASES, truncated: false, conflicts: 0, missingRuleSets: [], changesTruncated: false });
    expect(report.changedCases).toBe(moved.size);
    expect(report.changes.map((c: Json) => c.caseId).sort()).toEqual([...moved.keys()].sort());
    for (const c of report.changes) {
      const m = moved.get(c.caseId)!;
      expect({ before: digest(c.before), after: digest(c.after), changed: c.changed }, c.caseId).toEqual(m);
    }
    expect(report.changed).toEqual(perAspect);
    expect(Object.fromEntries(report.transitions.map((t: Json) => [`${t.from} → ${t.to}`, t.count]))).toEqual(Object.fromEntries(transitions));
    // the new rule is what moves them
    expect(report.rules).toEqual(expect.arrayContaining([{ ruleSet: 'longxi-routing', rule: WINDOW_RULE.name, before: 0, after: moved.size }]));
    expect(await snapshot()).toEqual(before);
    console.log(`[${target.name}] recount and replay of ${CASES} cases: ${moved.size} would change, ${transitions.size} transitions; ${Date.now() - t0} ms`);
  }, 300_000);
});
