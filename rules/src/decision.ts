// The decision a rule set produces, and how the params of the applied rules merge into it.
import type { CaseClass, RuleSet } from './rule-set';
import { levelRank, type UnitLevel } from './org-model';
import { longest } from './duration';
import { isLevel } from './operators';

/** The routing decision. Event params merge into it, so it is open-ended. */
export interface Decision {
  /** Departments that handle the case; for joint mediation every party, the lead first. */
  departments: string[];
  /** Level that handles it: 村 / 乡镇 / 县. */
  level: UnitLevel;
  /** Unit or department leading a joint mediation (usually the county centre). */
  leadUnit?: string;
  /** 联合调解: several departments together. */
  joint: boolean;
  /** 一般 / 较大 / 重大疑难. */
  caseClass: CaseClass;
  /** Time limit, ISO-8601 duration. */
  dueIn: string;
  [field: string]: unknown;
}

/** Rule params with every fact reference replaced by its value. */
export interface ResolvedParams {
  departments?: string[];
  level?: UnitLevel;
  leadUnit?: string;
  joint?: boolean;
  caseClass?: CaseClass;
  dueIn?: string;
  [field: string]: unknown;
}

/** The time limits of seed 001 (Longxi): general ≤ 1 day, larger ≤ 1 week, major ≤ 1 month. */
export const STANDARD_TIME_LIMITS: Record<CaseClass, string> = { general: 'P1D', larger: 'P7D', major: 'P30D' };

const CLASS_RANK: Record<CaseClass, number> = { general: 0, larger: 1, major: 2 };
const WELL_KNOWN = new Set(['departments', 'level', 'leadUnit', 'joint', 'caseClass', 'dueIn']);

function union(lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/**
 * Merges the params of the applied rules (highest priority first) over the rule set's defaults.
 * - departments: union, in priority order; defaults only when no applied rule names any.
 * - joint: true if any applied rule says so, or if two or more applied rules name departments
 *   and together they name more than one (several departments must work together).
 * - level: the highest (county > township > village > grid) — escalation wins.
 * - leadUnit: from the first rule (by priority) that sets it at the merged level, else the first that sets it.
 * - caseClass: the most serious.
 * - dueIn: the longest of the explicit dueIns and, when a rule set the class, its time limit;
 *   with no explicit dueIn: the time limit of the merged class, unless the class and dueIn both
 *   come from the defaults.
 * - other fields: lists are unioned, anything else comes from the first rule that sets it.
 */
export function mergeDecision(ruleSet: RuleSet, defaults: ResolvedParams, applied: ResolvedParams[]): Decision {
  const limits = { ...STANDARD_TIME_LIMITS, ...ruleSet.timeLimits };
  const setting = <K extends keyof ResolvedParams>(field: K) =>
    applied.filter((p) => p[field] !== undefined) as Array<ResolvedParams & Required<Pick<ResolvedParams, K>>>;

  const decision: Decision = {
    departments: [],
    level: 'county',
    joint: false,
    caseClass: 'general',
    dueIn: limits.general,
  };
  // Open fields: defaults first, then rules (lists unioned, scalars first-wins).
  for (const source of [defaults]) {
    for (const [k, v] of Object.entries(source)) if (!WELL_KNOWN.has(k) && v !== undefined) decision[k] = v;
  }
  const openFields = new Set(applied.flatMap((p) => Object.keys(p).filter((k) => !WELL_KNOWN.has(k))));
  for (const field of openFields) {
    const values = applied.map((p) => p[field]).filter((v) => v !== undefined);
    decision[field] = values.every(Array.isArray) ? [...new Set((values as unknown[][]).flat())] : values[0];
  }

  const withDepartments = setting('departments');
  decision.departments = withDepartments.length > 0 ? union(withDepartments.map((p) => p.departments)) : [...(defaults.departments ?? [])];

  const withLevel = setting('level').filter((p) => isLevel(p.level));
  decision.level = withLevel.length > 0
    ? withLevel.map((p) => p.level).reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a))
    : defaults.level ?? decision.level;

  const withLead = setting('leadUnit');
  const lead = withLead.find((p) => p.level === undefined || p.level === decision.level) ?? withLead[0];
  if (lead) decision.leadUnit = lead.leadUnit;
  else if (defaults.leadUnit !== undefined) decision.leadUnit = defaults.leadUnit;

  const withJoint = setting('joint');
  decision.joint = withJoint.length > 0 ? withJoint.some((p) => p.joint) : defaults.joint ?? false;
  if (withDepartments.length >= 2 && decision.departments.length > 1) decision.joint = true;

  const withClass = setting('caseClass');
  decision.caseClass = withClass.length > 0
    ? withClass.map((p) => p.caseClass).reduce((a, b) => (CLASS_RANK[b] > CLASS_RANK[a] ? b : a))
    : defaults.caseClass ?? 'general';

  const explicit = setting('dueIn').map((p) => p.dueIn);
  const classLimit = limits[decision.caseClass];
  if (explicit.length > 0) {
    decision.dueIn = longest(withClass.length > 0 ? [...explicit, classLimit] : explicit)!;
  } else if (withClass.length > 0 || defaults.dueIn === undefined) {
    decision.dueIn = classLimit;
  } else {
    decision.dueIn = defaults.dueIn;
  }
  return decision;
}
