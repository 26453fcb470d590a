// What-if replay (试算影响): the routing decisions past cases received, decided again with a
// proposed pack's rule sets and org model — before it is deployed. Read-only: it only decides.
// The decisions come from the engine's RoutingHistory (the facts as recorded at the time).
import { decide, loadRuleSet, LEVEL_LABELS, OrgIndex, RuleConflictError, type RuleSet, type UnitLevel } from '@yizhan/rules';
import type { RoutingRecord } from '@yizhan/engine';
import { PackInvalidError } from './errors';
import { processFiles } from './deploy';
import type { PackBundle } from './types';
import { checkPack } from './validate';

/** The parts of a decision the replay compares. */
export interface DecisionDigest {
  departments: string[];
  level: string | null;
  joint: boolean;
  leadUnit: string | null;
  caseClass: string | null;
  dueIn: string | null;
}

export type DecisionAspect = 'departments' | 'level' | 'joint' | 'leadUnit' | 'caseClass' | 'dueIn';
const ASPECTS: readonly DecisionAspect[] = ['departments', 'level', 'joint', 'leadUnit', 'caseClass', 'dueIn'];

/** One decision that would come out differently. */
export interface WhatIfChange {
  caseId: string;
  number: number;
  title: string | null;
  processKey: string;
  /** The 分流 task that decided. */
  elementId: string | null;
  ruleSet: string;
  before: DecisionDigest;
  /** null: the proposed pack has no rule set of that name, or its rules conflict on this case (`problem`). */
  after: DecisionDigest | null;
  /** Why there is no decision after (in Chinese). */
  problem?: string;
  changed: DecisionAspect[];
  rulesBefore: string[];
  rulesAfter: string[];
}

export interface WhatIfReport {
  /** Cases replayed and their decisions (a case may have been routed more than once). */
  cases: number;
  decisions: number;
  /** Cases with at least one decision that would change. */
  changedCases: number;
  /** Per aspect: cases whose decision would change in it. */
  changed: Record<DecisionAspect, number>;
  /** from → to (readable: departments in the org model's order, level, joint) with the number of decisions, most first. */
  transitions: { from: string; to: string; count: number }[];
  /** Rules whose hits would change: applied before and after, over the replayed decisions. */
  rules: { ruleSet: string; rule: string; before: number; after: number }[];
  /** Decisions the proposed rules could not make (their rules conflict under the hit policy). */
  conflicts: number;
  /** Rule sets the past decisions used that the proposed pack does not have. */
  missingRuleSets: { ruleSet: string; decisions: number }[];
  /** The changed decisions, oldest case first, at most `maxListed`. */
  changes: WhatIfChange[];
  /** More changed decisions than listed. */
  changesTruncated: boolean;
}

/** The process keys a proposed pack deploys (`<pack id>/<process id>`); a pack that does not validate is refused. */
export async function whatIfProcessKeys(bundle: PackBundle): Promise<string[]> {
  const checked = await checkPack(bundle);
  const problems = checked.problems.filter((p) => p.severity !== 'warning');
  if (problems.length) throw new PackInvalidError(problems);
  return processFiles(bundle).flatMap((file) => {
    const id = checked.documents[file]?.processes[0]?.id;
    return id ? [`${bundle.manifest.id}/${id}`] : [];
  });
}

export interface ReplayOptions {
  /** Names for codes the proposed org model does not know (e.g. the deployed org directory). */
  label?: (code: string) => string | undefined;
  /** Changed decisions listed in full (default 500). */
  maxListed?: number;
}

/** Decides every record again with the proposed pack (validated: see whatIfProcessKeys). */
export async function replayRouting(bundle: PackBundle, records: readonly RoutingRecord[], options: ReplayOptions = {}): Promise<WhatIfReport> {
  const org = new OrgIndex(bundle.manifest.org);
  const ruleSets = new Map<string, RuleSet>();
  const ruleSetOf = (name: string): RuleSet | undefined => {
    if (!ruleSets.has(name)) {
      const json = bundle.rules[name];
      if (json !== undefined) ruleSets.set(name, loadRuleSet(json));
    }
    return ruleSets.get(name);
  };
  const name = (code: string) => org.name(code) ?? options.label?.(code) ?? code;
  // Departments are a set (compared so: see `same`): a transition lists them in the org model's
  // order (codes it does not know after, by code), so one decision reads — and counts — as one.
  const declared = new Map(org.departments().map((d, i) => [d.code, i]));
  const inOrgOrder = (codes: string[]) => [...codes].sort((a, b) =>
    (declared.get(a) ?? Infinity) - (declared.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  const describe = (d: DecisionDigest | null): string => {
    if (!d) return '（规则集已删除）';
    const who = d.departments.length ? inOrgOrder(d.departments).map(name).join('、') : '未指定部门';
    const level = d.level && d.level in LEVEL_LABELS ? LEVEL_LABELS[d.level as UnitLevel] : (d.level ?? '');
    return `${who}（${level}${d.joint ? '，联合调解' : ''}）`;
  };

  const maxListed = options.maxListed ?? 500;
  const changed = Object.fromEntries(ASPECTS.map((a) => [a, new Set<string>()])) as Record<DecisionAspect, Set<string>>;
  const changedCases = new Set<string>();
  const transitions = new Map<string, { from: string; to: string; count: number }>();
  const hits = new Map<string, { ruleSet: string; rule: string; before: number; after: number }>();
  const missing = new Map<string, number>();
  const changes: WhatIfChange[] = [];
  let listedAll = true;
  const hit = (ruleSet: string, rule: string, when: 'before' | 'after') => {
    const key = `${ruleSet}\u0000${rule}`;
    const h = hits.get(key) ?? { ruleSet, rule, before: 0, after: 0 };
    h[when] += 1;
    hits.set(key, h);
  };

  let n = 0;
  let conflicts = 0;
  for (const record of records) {
    // A long replay shares the process with other requests: let them in now and then.
    if (++n % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    const before = digest(record.decision);
    for (const rule of record.applied) hit(record.ruleSet, rule, 'before');
    const ruleSet = ruleSetOf(record.ruleSet);
    let after: DecisionDigest | null = null;
    let rulesAfter: string[] = [];
    let problem: string | undefined;
    if (ruleSet) {
      try {
        const result = await decide(ruleSet, record.facts, org);
        after = digest(result.decision);
        rulesAfter = result.explanation.applied;
        for (const rule of rulesAfter) hit(record.ruleSet, rule, 'after');
      } catch (err) {
        if (!(err instanceof RuleConflictError)) throw err;
        conflicts += 1;
        problem = `规则冲突：${err.message}`;
      }
    } else {
      missing.set(record.ruleSet, (missing.get(record.ruleSet) ?? 0) + 1);
      problem = `拟部署的流程包中没有规则集「${record.ruleSet}」`;
    }
    const aspects = after ? ASPECTS.filter((a) => !same(before[a], after[a])) : [...ASPECTS];
    if (!aspects.length) continue;
    changedCases.add(record.caseId);
    for (const a of aspects) changed[a].add(record.caseId);
    const from = describe(before);
    const to = describe(after);
    const t = transitions.get(`${from}\u0000${to}`) ?? { from, to, count: 0 };
    t.count += 1;
    transitions.set(`${from}\u0000${to}`, t);
    if (changes.length < maxListed) {
      changes.push({
        caseId: record.caseId, number: record.number, title: record.title, processKey: record.processKey, elementId: record.elementId,
        ruleSet: record.ruleSet, before, after, changed: aspects, rulesBefore: record.applied, rulesAfter, ...(problem ? { problem } : {}),
      });
    } else {
      listedAll = false;
    }
  }
  return {
    cases: new Set(records.map((r) => r.caseId)).size,
    decisions: records.length,
    changedCases: changedCases.size,
    changed: Object.fromEntries(ASPECTS.map((a) => [a, changed[a].size])) as Record<DecisionAspect, number>,
    transitions: [...transitions.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from)),
    rules: [...hits.values()].filter((h) => h.before !== h.after)
      .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.rule.localeCompare(b.rule)),
    conflicts,
    missingRuleSets: [...missing].map(([ruleSet, decisions]) => ({ ruleSet, decisions })),
    changes,
    changesTruncated: !listedAll,
  };
}

function digest(decision: Record<string, unknown>): DecisionDigest {
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    departments: Array.isArray(decision.departments) ? decision.departments.filter((d): d is string => typeof d === 'string') : [],
    level: text(decision.level),
    joint: decision.joint === true,
    leadUnit: text(decision.leadUnit),
    caseClass: text(decision.caseClass),
    dueIn: text(decision.dueIn),
  };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}
