// 考核方案 (a pack's assessment.json): who is assessed (groups of departments, or townships with
// their villages), the indicators — each a figure the engine computes per unit (engine
// assessment-figures.ts) with a weight and a declarative scoring — and the total (千分制). Nothing
// in a scheme is executed: a rate scores weight × clamp((rate − zero) / (full − zero), 0, 1), a
// count scores max(0, weight − deduct × count). Changing a weight or a threshold in the JSON
// changes the scores and the ranking; no code changes.
import type { AssessedUnit, AssessmentConventions, AssessmentFlag, UnitFigures } from '@yizhan/engine';
import { OrgIndex, type DepartmentKind, type OrgModel } from '@yizhan/rules';
import { checkSchema } from './schemas';
import { STATS_CONVENTIONS, STEP_FORMS } from './steps';
import type { PackProblem } from './types';

export type AssessmentFigure = 'onTimeRate' | 'successRate' | 'satisfactionRate' | 'firstContactRate' | 'backlogRate' | 'overdueTasks' | 'returns' | 'supervised';

export interface AssessmentGroup {
  key: string;
  label: string;
  kinds: DepartmentKind[];
  /** `township`: one assessed unit per township, its and its villages' departments together. */
  rollUp?: 'township';
}

export interface AssessmentIndicator {
  key: string;
  label: string;
  figure: AssessmentFigure;
  weight: number;
  /** Rates: the rate that scores the full weight (default 1) and the one at or below which it scores 0 (default 0). */
  full?: number;
  zero?: number;
  /** Rates with nothing to compute (no task, no rated case …): `full` weight (default) or `zero`. */
  noData?: 'full' | 'zero';
  /** Counts: points off per occurrence (required for counts). */
  deduct?: number;
}

export interface AssessmentScheme {
  $schema?: string;
  name: string;
  total: number;
  /** Days after which an open case is a 积案 (default 30). */
  backlogDays?: number;
  /** Units whose total is below it are red-listed in the bulletin. */
  redLine?: number;
  groups: AssessmentGroup[];
  indicators: AssessmentIndicator[];
}

export const DEFAULT_BACKLOG_DAYS = 30;

/** What each figure is, how it is computed from a unit's figures, and which cases lost it points. */
export const ASSESSMENT_FIGURES: Readonly<Record<AssessmentFigure, {
  label: string; kind: 'rate' | 'count'; flag: AssessmentFlag; value: (f: UnitFigures) => number | null; basis: (f: UnitFigures) => string;
}>> = Object.freeze({
  onTimeRate: { label: '本单位任务按时办结率', kind: 'rate', flag: 'lateTask', value: (f) => rate(f.tasksOnTime, f.tasks), basis: (f) => `${f.tasksOnTime}/${f.tasks}` },
  successRate: { label: '调处成功率', kind: 'rate', flag: 'notSucceeded', value: (f) => rate(f.succeeded, f.mediated), basis: (f) => `${f.succeeded}/${f.mediated}` },
  satisfactionRate: { label: '满意率', kind: 'rate', flag: 'dissatisfied', value: (f) => rate(f.satisfied, f.rated), basis: (f) => `${f.satisfied}/${f.rated}` },
  firstContactRate: { label: '初访化解率', kind: 'rate', flag: 'notFirstContact', value: (f) => rate(f.firstContact, f.cases), basis: (f) => `${f.firstContact}/${f.cases}` },
  backlogRate: { label: '积案化解率', kind: 'rate', flag: 'backlogOpen', value: (f) => rate(f.backlogResolved, f.backlog), basis: (f) => `${f.backlogResolved}/${f.backlog}` },
  overdueTasks: { label: '超期任务数', kind: 'count', flag: 'overdueTask', value: (f) => f.overdueTasks, basis: (f) => String(f.overdueTasks) },
  returns: { label: '退回次数', kind: 'count', flag: 'returned', value: (f) => f.returns, basis: (f) => String(f.returns) },
  supervised: { label: '被督办案件数', kind: 'count', flag: 'supervised', value: (f) => f.supervised, basis: (f) => String(f.supervised) },
});

function rate(n: number, d: number): number | null {
  return d ? Math.round((n / d) * 10000) / 10000 : null;
}

/** The conventions the engine's assessment figures read: the statistics' ones and the 督办 form. */
export const ASSESSMENT_CONVENTIONS: AssessmentConventions = Object.freeze({
  ...STATS_CONVENTIONS,
  supervisionForm: Object.entries(STEP_FORMS).find(([, step]) => step === 'supervision')?.[0] ?? 'supervise',
});

/** Problems of a scheme (schema first, then what a schema cannot say), located in `file`. */
export function checkAssessment(scheme: unknown, file = 'assessment.json'): PackProblem[] {
  const problems: PackProblem[] = checkSchema('assessment', scheme)
    .map((e) => ({ file, pointer: e.pointer, code: 'ASSESSMENT_SCHEMA', message: `考核方案：${e.message}` }));
  if (problems.length) return problems;
  const s = scheme as AssessmentScheme;
  const sum = s.indicators.reduce((a, i) => a + i.weight, 0);
  if (Math.abs(sum - s.total) > 1e-9) {
    problems.push({ file, pointer: '/indicators', code: 'ASSESSMENT_WEIGHTS', message: `考核方案：各指标分值之和为 ${round(sum)}，应等于满分 ${s.total}` });
  }
  if (s.redLine !== undefined && s.redLine > s.total) {
    problems.push({ file, pointer: '/redLine', code: 'ASSESSMENT_SCHEMA', message: `考核方案：红榜线 ${s.redLine} 不能高于满分 ${s.total}` });
  }
  const seen = new Set<string>();
  s.indicators.forEach((ind, i) => {
    const at = `/indicators/${i}`;
    if (seen.has(ind.key)) problems.push({ file, pointer: `${at}/key`, code: 'ASSESSMENT_SCHEMA', message: `考核方案：指标「${ind.key}」重复` });
    seen.add(ind.key);
    const kind = ASSESSMENT_FIGURES[ind.figure].kind;
    if (kind === 'count' && ind.deduct === undefined) {
      problems.push({ file, pointer: `${at}/deduct`, code: 'ASSESSMENT_SCHEMA', message: `考核方案：指标「${ind.label}」依据次数（${ind.figure}），须写每次扣分 deduct` });
    }
    if (kind === 'rate' && ind.deduct !== undefined) {
      problems.push({ file, pointer: `${at}/deduct`, code: 'ASSESSMENT_SCHEMA', message: `考核方案：指标「${ind.label}」依据比率（${ind.figure}），按 full / zero 计分，不能写 deduct` });
    }
    if (kind === 'count' && (ind.full !== undefined || ind.zero !== undefined)) {
      problems.push({ file, pointer: `${at}/${ind.full !== undefined ? 'full' : 'zero'}`, code: 'ASSESSMENT_SCHEMA', message: `考核方案：指标「${ind.label}」依据次数，按 deduct 扣分，不能写 full / zero` });
    }
    if (kind === 'rate' && (ind.full ?? 1) <= (ind.zero ?? 0)) {
      problems.push({ file, pointer: `${at}/full`, code: 'ASSESSMENT_SCHEMA', message: `考核方案：指标「${ind.label}」的满分比率 full（${ind.full ?? 1}）应高于零分比率 zero（${ind.zero ?? 0}）` });
    }
  });
  const groups = new Set<string>();
  s.groups.forEach((g, i) => {
    if (groups.has(g.key)) problems.push({ file, pointer: `/groups/${i}/key`, code: 'ASSESSMENT_SCHEMA', message: `考核方案：分组「${g.key}」重复` });
    groups.add(g.key);
  });
  return problems;
}

/** An assessed unit with its display name. */
export interface AssessedUnitInfo extends AssessedUnit {
  name: string;
}

/** The assessed units of a group in an org model: its departments, or its townships with their villages' departments. */
export function assessedUnits(group: AssessmentGroup, org: OrgModel): AssessedUnitInfo[] {
  const index = OrgIndex.of(org);
  const departments = index.departments().filter((d) => group.kinds.includes(d.kind));
  if (group.rollUp !== 'township') return departments.map((d) => ({ key: d.code, name: d.name, departments: [d.code] }));
  const out = new Map<string, AssessedUnitInfo>();
  for (const d of departments) {
    const town = index.township(d.unit);
    if (!town) continue;
    const u = out.get(town.code) ?? { key: town.code, name: town.name, departments: [] };
    out.set(town.code, { ...u, departments: [...u.departments, d.code] });
  }
  return [...out.values()];
}

export interface IndicatorScore {
  key: string;
  label: string;
  figure: AssessmentFigure;
  /** The figure's value (a rate 0–1 or a count); null when there was nothing to compute. */
  value: number | null;
  /** What it was computed from (`18/20`, or the count). */
  basis: string;
  weight: number;
  points: number;
  lost: number;
}

export interface UnitScore {
  unit: string;
  name: string;
  total: number;
  rank: number;
  red: boolean;
  indicators: IndicatorScore[];
  figures: UnitFigures;
}

/** Scores and ranks units (highest total first; ties share a rank, then by name). */
export function scoreUnits(scheme: AssessmentScheme, units: { unit: string; name: string; figures: UnitFigures }[]): UnitScore[] {
  const scored = units.map((u) => {
    const indicators = scheme.indicators.map((ind) => scoreIndicator(ind, u.figures));
    const total = round(indicators.reduce((a, i) => a + i.points, 0));
    return { unit: u.unit, name: u.name, total, rank: 0, red: scheme.redLine !== undefined && total < scheme.redLine, indicators, figures: u.figures };
  });
  scored.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN') || a.unit.localeCompare(b.unit));
  scored.forEach((s, i) => {
    s.rank = i > 0 && scored[i - 1].total === s.total ? scored[i - 1].rank : i + 1;
  });
  return scored;
}

export function scoreIndicator(ind: AssessmentIndicator, figures: UnitFigures): IndicatorScore {
  const def = ASSESSMENT_FIGURES[ind.figure];
  const value = def.value(figures);
  let points: number;
  if (def.kind === 'count') points = Math.max(0, ind.weight - (ind.deduct ?? 0) * (value ?? 0));
  else if (value === null) points = ind.noData === 'zero' ? 0 : ind.weight;
  else {
    const full = ind.full ?? 1;
    const zero = ind.zero ?? 0;
    points = ind.weight * Math.min(1, Math.max(0, (value - zero) / (full - zero)));
  }
  points = round(points);
  return { key: ind.key, label: ind.label, figure: ind.figure, value, basis: def.basis(figures), weight: ind.weight, points, lost: round(ind.weight - points) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
