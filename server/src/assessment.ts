// 考核: a deployed pack's assessment scheme (its assessment.json) applied to the engine's per-unit
// figures for a month, quarter or year, within the reader's scope — scores, ranking, red list,
// and the cases behind every point lost. A proposed scheme can be previewed the same way without
// deploying it. The figures are the engine's (AssessmentFigures); the scoring is the packs'
// (scoreUnits): nothing here computes a figure or reads an engine table.
import type pg from 'pg';
import { AssessmentFigures, type AssessmentCase, type AssessmentPeriod, type Clock } from '@yizhan/engine';
import {
  ASSESSMENT_CONVENTIONS, ASSESSMENT_FIGURES, assessedUnits, checkAssessment, DEFAULT_BACKLOG_DAYS, packFromFiles, scoreUnits,
  type AssessmentScheme, type PackManifest, type UnitScore,
} from '@yizhan/packs';
import { ApiError, badRequest } from './http-errors';
import type { PackService } from './packs';
import { readScope, type Scope } from './scope';

/** A period: `2026-03` (month), `2026-Q1` (quarter) or `2026` (year), in Beijing time. */
export interface AssessmentPeriodView {
  key: string;
  kind: 'month' | 'quarter' | 'year';
  label: string;
  from: string;
  to: string;
}

export interface AssessmentReport {
  packId: string;
  packName: string | null;
  scheme: { name: string; total: number; redLine: number | null; backlogDays: number };
  period: AssessmentPeriodView;
  group: { key: string; label: string };
  groups: { key: string; label: string }[];
  indicators: { key: string; label: string; figure: string; figureLabel: string; kind: 'rate' | 'count'; weight: number }[];
  units: UnitScore[];
}

const QUARTERS = ['一', '二', '三', '四'];

export function parsePeriod(key: string): AssessmentPeriodView & { fromDate: Date; toDate: Date } {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4]))?$/.exec(key);
  const bad = () => badRequest('考核周期无效', [{ field: 'period', message: `无法识别的考核周期「${key}」：应为 2026-03（月）、2026-Q1（季度）或 2026（年）` }]);
  if (!m) throw bad();
  const year = Number(m[1]);
  const at = (y: number, month: number) => new Date(`${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-01T00:00:00+08:00`);
  let from: Date;
  let to: Date;
  let kind: AssessmentPeriodView['kind'];
  let label: string;
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw bad();
    from = at(year, month);
    to = month === 12 ? at(year + 1, 1) : at(year, month + 1);
    kind = 'month';
    label = `${year}年${month}月`;
  } else if (m[3]) {
    const q = Number(m[3]);
    from = at(year, (q - 1) * 3 + 1);
    to = q === 4 ? at(year + 1, 1) : at(year, q * 3 + 1);
    kind = 'quarter';
    label = `${year}年第${QUARTERS[q - 1]}季度`;
  } else {
    from = at(year, 1);
    to = at(year + 1, 1);
    kind = 'year';
    label = `${year}年度`;
  }
  return { key, kind, label, from: from.toISOString(), to: to.toISOString(), fromDate: from, toDate: to };
}

export class AssessmentService {
  private readonly figures: AssessmentFigures;

  constructor(pool: pg.Pool, clock: Clock, private readonly packs: PackService) {
    this.figures = new AssessmentFigures(pool, clock, ASSESSMENT_CONVENTIONS);
  }

  /** The deployed pack's scheme and org model (404 when the pack or its scheme is missing). */
  async scheme(packId: string): Promise<{ scheme: AssessmentScheme; manifest: PackManifest }> {
    const deployed = await this.packs.files(packId);
    if (!deployed) throw new ApiError('PACK_NOT_FOUND', `流程包「${packId}」未部署`);
    const bundle = packFromFiles(deployed.files);
    if (bundle.assessment === undefined) throw new ApiError('ASSESSMENT_NOT_FOUND', `流程包「${packId}」没有考核方案（pack.json 的 assessment）`);
    return { scheme: checked(bundle.assessment), manifest: bundle.manifest };
  }

  /** Scores and ranking of one group for a period; `proposed` (a preview) replaces the deployed scheme. */
  async report(scope: Scope, input: { packId: string; period: string; group?: string; proposed?: unknown }): Promise<AssessmentReport> {
    const { scheme: deployed, manifest } = await this.scheme(input.packId);
    const scheme = input.proposed === undefined ? deployed : checked(input.proposed);
    const period = parsePeriod(input.period);
    const group = groupOf(scheme, input.group);
    const units = assessedUnits(group, manifest.org);
    const figures = await this.figures.figures(readScope(scope), this.enginePeriod(scheme, input.packId, period), units);
    const byKey = new Map(figures.map((f) => [f.unit, f]));
    return {
      packId: input.packId,
      packName: manifest.name ?? null,
      scheme: { name: scheme.name, total: scheme.total, redLine: scheme.redLine ?? null, backlogDays: scheme.backlogDays ?? DEFAULT_BACKLOG_DAYS },
      period: view(period),
      group: { key: group.key, label: group.label },
      groups: scheme.groups.map((g) => ({ key: g.key, label: g.label })),
      indicators: scheme.indicators.map((i) => ({
        key: i.key, label: i.label, figure: i.figure, figureLabel: ASSESSMENT_FIGURES[i.figure].label, kind: ASSESSMENT_FIGURES[i.figure].kind, weight: i.weight,
      })),
      units: scoreUnits(scheme, units.map((u) => ({ unit: u.key, name: u.name, figures: byKey.get(u.key)! }))),
    };
  }

  /** Every group's report of a period (what a bulletin shows). */
  async reports(scope: Scope, input: { packId: string; period: string }): Promise<AssessmentReport[]> {
    const { scheme } = await this.scheme(input.packId);
    const out: AssessmentReport[] = [];
    for (const g of scheme.groups) out.push(await this.report(scope, { ...input, group: g.key }));
    return out;
  }

  /** The cases behind a unit's figures: those that lost it points on `indicator` (all of its cases without one). */
  async cases(scope: Scope, input: { packId: string; period: string; group?: string; unit: string; indicator?: string; limit: number; offset: number }): Promise<AssessmentCase[]> {
    const { scheme, manifest } = await this.scheme(input.packId);
    const period = parsePeriod(input.period);
    const group = groupOf(scheme, input.group);
    const unit = assessedUnits(group, manifest.org).find((u) => u.key === input.unit);
    if (!unit) throw new ApiError('NOT_FOUND', `考核对象「${input.unit}」不在分组「${group.label}」中`);
    let flag;
    if (input.indicator !== undefined) {
      const indicator = scheme.indicators.find((i) => i.key === input.indicator);
      if (!indicator) throw badRequest('考核指标无效', [{ field: 'indicator', message: `考核方案中没有指标「${input.indicator}」` }]);
      flag = ASSESSMENT_FIGURES[indicator.figure].flag;
    }
    return this.figures.cases(readScope(scope), this.enginePeriod(scheme, input.packId, period), unit, { flag, limit: input.limit, offset: input.offset });
  }

  private enginePeriod(scheme: AssessmentScheme, packId: string, period: { fromDate: Date; toDate: Date }): AssessmentPeriod {
    return { from: period.fromDate, to: period.toDate, process: packId, backlogDays: scheme.backlogDays ?? DEFAULT_BACKLOG_DAYS };
  }
}

function checked(scheme: unknown): AssessmentScheme {
  const problems = checkAssessment(scheme);
  if (problems.length) {
    throw new ApiError('ASSESSMENT_INVALID', `考核方案有 ${problems.length} 处问题：${problems[0].message}`,
      problems.map((p) => ({ pointer: p.pointer, code: p.code, message: p.message })));
  }
  return scheme as AssessmentScheme;
}

function groupOf(scheme: AssessmentScheme, key: string | undefined) {
  const group = key === undefined ? scheme.groups[0] : scheme.groups.find((g) => g.key === key);
  if (!group) throw badRequest('考核分组无效', [{ field: 'group', message: `考核方案中没有分组「${key}」（有：${scheme.groups.map((g) => g.key).join('、')}）` }]);
  return group;
}

function view(p: AssessmentPeriodView): AssessmentPeriodView {
  return { key: p.key, kind: p.kind, label: p.label, from: p.from, to: p.to };
}
