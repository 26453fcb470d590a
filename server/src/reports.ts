// Statistics for the centre (scoped): the numbers the centres report — 办结率, 调处成功率, 满意率,
// 按时办结率, overdue — by type, unit, level, department or month, with a drill-down to the cases
// behind any figure. The engine reads the per-case rows within the caller's scope (its
// CaseStatistics: one per-case query, so a rate and its drill-down can never disagree); which task
// fields are an outcome or a rating are the packs' step conventions (STATS_CONVENTIONS,
// processes/src/steps.ts). Here: levels, labels and rates.
import type pg from 'pg';
import { CaseStatistics, type CaseCounts, type CaseMetrics, type Clock, type CountsReader, type MetricsSelection } from '@yizhan/engine';
import { DECISION_VALUE_LABEL, STATS_CONVENTIONS, type RESULTS, type Satisfaction } from '@yizhan/packs';
import { LEVEL_LABELS, type UnitLevel } from '@yizhan/rules';
import type { OrgDirectory } from './org-directory';
import { maskName, maskText } from './mask';
import { readScope, seesPersonalData, type Scope } from './scope';

/**
 * What /api/stats groups by: the engine's groupings (type, unit, department, month, 来源渠道
 * channel, 纠纷等级 caseClass, 办理层级 handlingLevel) and two over the org model: the level of the
 * case's unit, and the township it lies in (村、网格 roll up into their 乡镇; county-level cases
 * stay under the county's own unit).
 */
export type StatsGroupBy = 'type' | 'unit' | 'level' | 'township' | 'department' | 'month' | 'channel' | 'caseClass' | 'handlingLevel';
export const STATS_GROUP_BY: readonly StatsGroupBy[] = ['type', 'unit', 'level', 'township', 'department', 'month', 'channel', 'caseClass', 'handlingLevel'];

export interface StatsFilter {
  from?: Date;
  to?: Date;
  /** Process key (`longxi/dispute`) or a pack id (`longxi`). */
  process?: string;
}

export type StatsCounts = CaseCounts;

export interface StatsRates {
  /** 办结率 = closed / (total − withdrawn − refused). */
  closureRate: number | null;
  /** 按时办结率 = onTime / closed. */
  onTimeRate: number | null;
  /** 调处成功率 = succeeded / mediated. */
  successRate: number | null;
  /** 满意率 = (satisfied + basic) / rated. */
  satisfactionRate: number | null;
  /** 初访化解率 = firstResolved / closed. */
  firstResolveRate: number | null;
  /** 积案化解率 = backlogResolved / backlog. */
  backlogResolveRate: number | null;
}

export type StatsFigures = StatsCounts & StatsRates;

export interface StatsRow extends StatsFigures {
  key: string | null;
  label: string | null;
}

export interface StatsReport {
  from: string | null;
  to: string | null;
  groupBy: StatsGroupBy;
  /** Always cases (by department: the cases a department handled, so rows may overlap). */
  counting: 'cases';
  totals: StatsFigures;
  rows: StatsRow[];
}

/** One case behind a figure (drill-down and export): the engine's row with its unit's name, result and rating typed by the packs' values. */
export type StatsCase = Omit<CaseMetrics, 'result' | 'satisfaction' | LedgerKey> & {
  unitName: string | null;
  /** One of the packs' RESULTS (调处结果), or null. */
  result: (typeof RESULTS)[number] | null;
  /** One of the packs' SATISFACTION values (满意度), or null. */
  satisfaction: Satisfaction | null;
};

/** The engine's 台账 (ledger) fields: exported, never answered by the drill-down API (they carry personal data). */
type LedgerKey = 'channel' | 'suspendedAt' | 'data' | 'decision' | 'handlers' | 'dueAt';

/** One row of the 台账 (case ledger export): a drill-down case and what the ledger adds, the party masked unless the reader may see personal data in lists. */
export interface LedgerCase extends StatsCase {
  channel: string | null;
  party: string | null;
  caseClass: string | null;
  /** The handling departments' names, and the level (county, township …) of the decision. */
  handlers: string[];
  handlingLevel: string | null;
  dueAt: Date | null;
  suspended: boolean;
  agreementNo: string | null;
  comment: string | null;
}

export class Reports {
  private readonly statistics: CaseStatistics;

  constructor(pool: pg.Pool, clock: Clock, private readonly directory: OrgDirectory) {
    this.statistics = new CaseStatistics(pool, clock, STATS_CONVENTIONS);
  }

  /** Makes the engine's rollups count by the packs' conventions (a recount when they changed); reads do it too, at the first. */
  prepare(): Promise<void> {
    return this.statistics.prepare();
  }

  /**
   * A report and every case behind it, read in one REPEATABLE READ snapshot — so the detail rows
   * are exactly the cases the totals count — the cases through a server-side cursor, in batches
   * (`cases` yields each batch once; memory holds one batch, however many cases there are).
   */
  exportSnapshot<T>(scope: Scope, input: StatsFilter & { groupBy: StatsGroupBy },
    use: (report: StatsReport, cases: AsyncIterable<LedgerCase[]>) => Promise<T>): Promise<T> {
    const filter = { from: input.from, to: input.to, process: input.process };
    return this.statistics.snapshot(readScope(scope), filter, async (snapshot) => {
      const report = await this.stats(scope, input, snapshot);
      const masked = !seesPersonalData(scope, 'list');
      const toCase = (r: CaseMetrics) => this.ledgerCase(r, masked);
      async function* batches(): AsyncGenerator<LedgerCase[]> {
        for await (const batch of snapshot.cases()) yield batch.map(toCase);
      }
      return use(report, batches());
    });
  }

  async stats(scope: Scope, input: StatsFilter & { groupBy: StatsGroupBy }, db: CountsReader = this.statistics): Promise<StatsReport> {
    const reader = readScope(scope);
    const filter = { from: input.from, to: input.to, process: input.process };
    const over = input.groupBy === 'level' || input.groupBy === 'township' ? 'unit' : input.groupBy;
    let grouped = await db.counts(reader, filter, over);
    if (input.groupBy === 'level' || input.groupBy === 'township') {
      const groupBy = input.groupBy;
      const merged = new Map<string | null, StatsCounts>();
      for (const r of grouped) {
        const k = groupBy === 'level' ? this.levelOf(r.key) : this.townshipOf(r.key);
        merged.set(k, add(merged.get(k) ?? zero(), r.counts));
      }
      const order = ['county', 'township', 'village', 'grid'];
      grouped = [...merged].map(([k, counts]) => ({ key: k, counts }));
      if (groupBy === 'level') grouped.sort((a, b) => (a.key === null ? 9 : order.indexOf(a.key)) - (b.key === null ? 9 : order.indexOf(b.key)));
      else grouped.sort((a, b) => b.counts.total - a.counts.total || String(a.key).localeCompare(String(b.key)));
    }
    // By department a case counts once per department that handled it; the totals count it once.
    const totals = input.groupBy === 'department' ? await db.totals(reader, filter) : grouped.reduce((a, r) => add(a, r.counts), zero());
    return {
      from: input.from?.toISOString() ?? null,
      to: input.to?.toISOString() ?? null,
      groupBy: input.groupBy,
      counting: 'cases',
      totals: figures(totals),
      rows: grouped.map((r) => ({ key: r.key, label: this.label(input.groupBy, r.key), ...figures(r.counts) })),
    };
  }

  /** The cases behind a row of `stats` (key omitted: all), newest first. */
  async cases(scope: Scope, input: StatsFilter & { groupBy?: StatsGroupBy; key?: string | null; limit: number; offset: number }): Promise<StatsCase[]> {
    const rows = await this.statistics.cases(readScope(scope), {
      from: input.from, to: input.to, process: input.process, select: this.selection(input), limit: input.limit, offset: input.offset,
    });
    return rows.map((r) => this.statsCase(r));
  }

  private selection(input: { groupBy?: StatsGroupBy; key?: string | null }): MetricsSelection | undefined {
    if (!input.groupBy || input.key === undefined) return undefined;
    if (input.groupBy === 'level') return { units: this.unitsOfLevel(input.key), outside: input.key === null };
    if (input.groupBy === 'township') return { units: this.unitsOfTownship(input.key), outside: input.key === null };
    return { groupBy: input.groupBy, key: input.key };
  }

  private statsCase(r: CaseMetrics): StatsCase {
    return {
      id: r.id, number: r.number, processKey: r.processKey, title: r.title, type: r.type, unit: r.unit,
      unitName: this.directory.unitName(r.unit), status: r.status, createdAt: r.createdAt, completedAt: r.completedAt,
      month: r.month, onTime: r.onTime, overdue: r.overdue, supervised: r.supervised,
      result: r.result as StatsCase['result'], satisfaction: r.satisfaction as StatsCase['satisfaction'],
    };
  }

  private ledgerCase(r: CaseMetrics, masked: boolean): LedgerCase {
    const data = r.data ?? {};
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
    const party = text(data.applicant);
    const level = text(r.decision?.level);
    return {
      ...this.statsCase(r),
      channel: r.channel ?? text(data.channel),
      party: party && masked ? maskName(party) : party,
      caseClass: text(r.decision?.caseClass),
      handlers: r.handlers.map((d) => this.directory.department(d)?.name ?? d),
      handlingLevel: level ? LEVEL_LABELS[level as UnitLevel] ?? level : null,
      dueAt: r.dueAt,
      suspended: r.suspendedAt !== null,
      agreementNo: text(data.agreementNo),
      comment: text(data.comment) && masked ? maskText(String(data.comment)) : text(data.comment),
    };
  }

  label(groupBy: StatsGroupBy, key: string | null): string | null {
    if (key === null) return null;
    if (groupBy === 'unit') return this.directory.unitName(key) ?? key;
    if (groupBy === 'level' || groupBy === 'handlingLevel') return LEVEL_LABELS[key as UnitLevel] ?? key;
    if (groupBy === 'township') return this.directory.unitName(key) ?? key;
    if (groupBy === 'caseClass') return DECISION_VALUE_LABEL.caseClass[key] ?? key;
    if (groupBy === 'department') return this.directory.department(key)?.name ?? this.directory.unitName(key) ?? LEVEL_LABELS[key as UnitLevel] ?? key;
    return key;
  }

  private levelOf(unit: string | null): string | null {
    return (unit && this.directory.org.level(unit)) ?? null;
  }

  /** The township a unit lies in (itself for a township); a county-level or unknown unit stays as it is. */
  private townshipOf(unit: string | null): string | null {
    if (!unit) return null;
    return this.directory.org.township(unit)?.code ?? unit;
  }

  /** Every unit of the org model that rolls up into `key` (null: none — the cases of no known unit). */
  private unitsOfTownship(key: string | null): string[] {
    const out: string[] = [];
    const walk = (u: { code: string; children?: unknown[] }) => {
      if (key === null || this.townshipOf(u.code) === key) out.push(u.code);
      (u.children as typeof u[] | undefined)?.forEach(walk);
    };
    this.directory.model().units.forEach((u) => walk(u as { code: string }));
    return out;
  }

  private unitsOfLevel(level: string | null): string[] {
    const out: string[] = [];
    const walk = (u: { code: string; level: string; children?: unknown[] }) => {
      if (u.level === level) out.push(u.code);
      (u.children as typeof u[] | undefined)?.forEach(walk);
    };
    this.directory.model().units.forEach((u) => walk(u as { code: string; level: string }));
    return out;
  }
}

const COUNT_KEYS: (keyof StatsCounts)[] = [
  'total', 'closed', 'withdrawn', 'refused', 'onTime', 'overdue', 'mediated', 'succeeded', 'rated', 'satisfied', 'basic', 'dissatisfied',
  'supervised', 'firstResolved', 'backlog', 'backlogResolved',
];

function zero(): StatsCounts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as unknown as StatsCounts;
}

function add(a: StatsCounts, b: StatsCounts): StatsCounts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, a[k] + b[k]])) as unknown as StatsCounts;
}

const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 10000 : null);

export function figures(c: StatsCounts): StatsFigures {
  const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, Number(c[k])])) as unknown as StatsCounts;
  return {
    ...counts,
    closureRate: ratio(counts.closed, counts.total - counts.withdrawn - counts.refused),
    onTimeRate: ratio(counts.onTime, counts.closed),
    successRate: ratio(counts.succeeded, counts.mediated),
    satisfactionRate: ratio(counts.satisfied + counts.basic, counts.rated),
    firstResolveRate: ratio(counts.firstResolved, counts.closed),
    backlogResolveRate: ratio(counts.backlogResolved, counts.backlog),
  };
}
