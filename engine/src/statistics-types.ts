// What the statistics read and answer: the step conventions they count by, the filter and
// groupings, the counts, the cases behind a figure, the export snapshot and the 公示 rows.
// ./case-statistics.ts reads them; ./statistics-rollup.ts counts from the rollups.
import type { ReadScope } from './read-scope';

/** The step conventions the figures read (see processes/src/steps.ts for the packs' ones). */
export interface StepConventions {
  /** 调处结果: `field` of the case's last completed task whose `field` is one of `values`. */
  outcome: { field: string; values: readonly string[] };
  /** 一事一评价: `field` of the case's last completed task of form `formKey`, one of `values` (satisfied, basic, dissatisfied). */
  rating: { formKey: string; field: string; values: readonly [string, string, string] };
  /** Form keys of tasks that are not handling: their candidate groups did not handle the case. */
  nonHandlingForms: readonly string[];
  /** 积案: a case whose intake data has `flagField` = true, or not closed within `days` (calendar days) of its intake. */
  backlog: { flagField: string; days: number };
}

export interface StatisticsFilter {
  /** Cases created in [from, to). */
  from?: Date;
  to?: Date;
  /** Process key (`longxi/dispute`) or the part before its slash (a pack id, `longxi`). */
  process?: string;
}

/**
 * What the counts are grouped by: a case column (type, unit, 来源渠道 channel), its routing decision
 * (纠纷等级 `caseClass`, 办理层级 `handlingLevel`), its creation month (Beijing time) or the
 * departments that handled it.
 */
export type MetricsGroupBy = 'type' | 'unit' | 'department' | 'month' | 'channel' | 'caseClass' | 'handlingLevel';

export const METRICS_GROUP_BY: readonly MetricsGroupBy[] = ['type', 'unit', 'department', 'month', 'channel', 'caseClass', 'handlingLevel'];

export interface CaseCounts {
  total: number;
  closed: number;
  /** Ended by 撤回 (not 办结; left out of the 办结率). */
  withdrawn: number;
  /** 不予受理 at intake (not 办结; left out of the 办结率). */
  refused: number;
  /** Closed without any task completed after its due time. */
  onTime: number;
  /** Not closed, with an open task past its due time. */
  overdue: number;
  /** Cases with a handling outcome (调处). */
  mediated: number;
  /** Outcome = the first of the outcome values. */
  succeeded: number;
  /** Cases with a rating (一事一评价). */
  rated: number;
  /** Rating = the first, second, third of the rating values. */
  satisfied: number;
  basic: number;
  dissatisfied: number;
  /** Under supervision (挂牌督办, `cases.supervised_at` set). */
  supervised: number;
  /** 初访化解: 办结 with the first outcome value, never returned (退回) or transferred (转办), rated at most once (not reopened). */
  firstResolved: number;
  /** 积案: not withdrawn or refused, and flagged long-standing at intake or not closed within the backlog days of its intake. */
  backlog: number;
  /** 积案 that are 办结 with the first outcome value. */
  backlogResolved: number;
}

/** What a drill-down names of a case behind a figure (statistics and 考核 alike). */
export interface FigureCase {
  id: string;
  number: number;
  processKey: string;
  title: string | null;
  type: string | null;
  unit: string | null;
  status: string;
  createdAt: Date;
  completedAt: Date | null;
}

/** One case behind a figure. */
export interface CaseMetrics extends FigureCase {
  /** YYYY-MM of its creation, Beijing time. */
  month: string;
  onTime: boolean;
  overdue: boolean;
  /** Its outcome (one of the outcome values) or null. */
  result: string | null;
  /** Its rating (one of the rating values) or null. */
  satisfaction: string | null;
  /** 台账 (ledger) columns: the intake channel, when it was suspended (中止; null if not), its intake and task data (`variables.data`), the routing decision, the departments offered its handling tasks, and the latest due time of those tasks. */
  channel: string | null;
  suspendedAt: Date | null;
  data: Record<string, unknown> | null;
  decision: Record<string, unknown> | null;
  handlers: string[];
  dueAt: Date | null;
  /** Under supervision (挂牌督办). */
  supervised: boolean;
}

/** Which cases of the filter: those of one group key, or those whose unit is (or is not) in a list. */
export type MetricsSelection =
  | { groupBy: MetricsGroupBy; key: string | null }
  | { units: string[]; outside?: boolean };

/** Counts within a scope, from the pool or inside one snapshot. */
export interface CountsReader {
  /** Counts by group key, biggest first (by month: in month order). */
  counts(scope: ReadScope, filter: StatisticsFilter, groupBy: MetricsGroupBy): Promise<{ key: string | null; counts: CaseCounts }[]>;
  /** Counts of all cases of the filter, each case once. */
  totals(scope: ReadScope, filter: StatisticsFilter): Promise<CaseCounts>;
}

/** A consistent view for an export: counts and every case behind them, from one snapshot. */
export interface StatisticsSnapshot extends CountsReader {
  /** The cases of the filter, newest first, in batches (read through a cursor: one batch in memory). */
  cases(): AsyncIterable<CaseMetrics[]>;
}

/** A closed case of a definition published as 公示 (definition meta `public.enabled`). */
export interface PublishedCaseRow {
  number: number;
  type: string | null;
  unit: string | null;
  createdAt: Date;
  completedAt: Date | null;
  /** The case's form data (`variables.data`). */
  data: Record<string, unknown> | null;
  /** The definition's `meta.public` (the pack's publication settings). */
  publication: unknown;
  /** The definition's forms by key, and its intake form key (`meta.startFormKey`). */
  forms: Record<string, unknown> | null;
  startFormKey: string | null;
  /** Its outcome (one of the outcome values) or null. */
  result: string | null;
  /** The staff-written 公示摘要 (when asked for one), or null. */
  summary: string | null;
}
