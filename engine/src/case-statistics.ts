// The rows behind statistics, exports and 公示, read within a reader's scope (read-scope.ts).
// Every figure is computed from one per-case query (metricsSql), so a rate and its drill-down can
// never disagree. Which task fields mean what (a case's outcome, its rating, which tasks are not
// handling) is not the engine's to know: the caller passes the packs' StepConventions (declared in
// processes/src/steps.ts) and the engine binds them as query parameters.
import type pg from 'pg';
import type { Clock } from './clock';
import { HistoryKind } from './history';
import { caseVisibleSql, SqlArgs, type ReadScope } from './read-scope';
import { transaction } from './store/database';

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

interface MetricRow {
  id: string; number: string; process_key: string; title: string | null; type: string | null; unit: string | null; status: string;
  created_at: Date; completed_at: Date | null; month: string; on_time: boolean; overdue: boolean; result: string | null; satisfaction: string | null;
  channel: string | null; suspended_at: Date | null; data: Record<string, unknown> | null; decision: Record<string, unknown> | null; handlers: string[] | null; due_at: Date | null;
  supervised: boolean;
}

type Queryable = Pick<pg.Pool, 'query'>;

/** Rows fetched from the export cursor at a time. */
const EXPORT_BATCH = 500;

const COUNTS = `count(*)::int as total,
  count(*) filter (where m.status = 'completed')::int as closed,
  count(*) filter (where m.status = 'withdrawn')::int as withdrawn,
  count(*) filter (where m.status = 'refused')::int as refused,
  count(*) filter (where m.on_time)::int as "onTime",
  count(*) filter (where m.overdue)::int as overdue,
  count(m.result)::int as mediated,
  count(*) filter (where m.result = m.success)::int as succeeded,
  count(m.satisfaction)::int as rated,
  count(*) filter (where m.satisfaction = m.satisfied)::int as satisfied,
  count(*) filter (where m.satisfaction = m.basic)::int as basic,
  count(*) filter (where m.satisfaction = m.dissatisfied)::int as dissatisfied,
  count(*) filter (where m.supervised)::int as supervised,
  count(*) filter (where m.first_resolved)::int as "firstResolved",
  count(*) filter (where m.backlog)::int as backlog,
  count(*) filter (where m.backlog and m.status = 'completed' and m.result = m.success)::int as "backlogResolved"`;

/** The rollups' counters (case_facts, case_stats_daily*) and the figure each is summed into. */
const ROLLUP_COUNTERS: [column: string, figure: keyof CaseCounts][] = [
  ['total', 'total'], ['closed', 'closed'], ['withdrawn', 'withdrawn'], ['refused', 'refused'], ['on_time', 'onTime'],
  ['mediated', 'mediated'], ['succeeded', 'succeeded'], ['rated', 'rated'], ['satisfied', 'satisfied'], ['basic', 'basic'],
  ['dissatisfied', 'dissatisfied'], ['first_resolved', 'firstResolved'], ['backlog_resolved', 'backlogResolved'],
];
/** Every figure, in the order the rollup reads select them (挂牌督办 is counted from the supervised cases themselves). */
const FIGURES: (keyof CaseCounts)[] = [...ROLLUP_COUNTERS.map(([, f]) => f), 'overdue', 'backlog', 'supervised'];

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3600_000;
/** The Beijing calendar day (YYYY-MM-DD) of an instant. */
const beijingDay = (t: Date): string => new Date(t.getTime() + BEIJING_MS).toISOString().slice(0, 10);
/** The instant a Beijing calendar day starts. */
const dayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_MS);
const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
/** The first day of the calendar month after `day`'s. */
const nextMonth = (day: string): string => {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/** The rollups' column (or expression) of a grouping; `x` = a rollup or case_facts row, `g` = its department. */
function rollupKey(groupBy: MetricsGroupBy | undefined, x: string): string {
  switch (groupBy) {
    case undefined: return 'null::text';
    case 'month': return `to_char(${x}.day, 'YYYY-MM')`;
    case 'caseClass': return `${x}.case_class`;
    case 'handlingLevel': return `${x}.handling_level`;
    case 'department': return 'g';
    default: return `${x}.${groupBy}`;
  }
}

/** The per-case query's column of a grouping (`m` = a row of metricsSql). */
function metricsColumn(groupBy: Exclude<MetricsGroupBy, 'department'>): string {
  return groupBy === 'caseClass' ? 'm.case_class' : groupBy === 'handlingLevel' ? 'm.handling_level' : `m.${groupBy}`;
}

/** The sum of grouped counts (a grouping where each case is in one group). */
function totalsOf(rows: { counts: CaseCounts }[]): CaseCounts {
  const out = Object.fromEntries(FIGURES.map((f) => [f, 0])) as unknown as CaseCounts;
  for (const r of rows) for (const f of FIGURES) out[f] += r.counts[f];
  return out;
}

/** JSON with sorted keys, to compare two conventions. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function metricsView(r: MetricRow): CaseMetrics {
  return {
    id: r.id, number: Number(r.number), processKey: r.process_key, title: r.title, type: r.type, unit: r.unit, status: r.status,
    createdAt: r.created_at, completedAt: r.completed_at, month: r.month, onTime: r.on_time, overdue: r.overdue, result: r.result, satisfaction: r.satisfaction,
    channel: r.channel, suspendedAt: r.suspended_at, data: r.data, decision: r.decision, handlers: r.handlers ?? [], dueAt: r.due_at,
    supervised: r.supervised,
  };
}

export class CaseStatistics implements CountsReader {
  private ready: Promise<void> | undefined;

  constructor(private readonly pool: pg.Pool, private readonly clock: Clock, private readonly conventions: StepConventions) {}

  /**
   * Makes the rollups count by this reader's conventions: when the conventions stored with them
   * differ, they are stored and everything is recounted from the raw rows (once; the reads call it).
   */
  prepare(): Promise<void> {
    this.ready ??= this.adopt().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  /** Counts by group key from the rollups, biggest first (by month: in month order). */
  async counts(scope: ReadScope, filter: StatisticsFilter, groupBy: MetricsGroupBy): Promise<{ key: string | null; counts: CaseCounts }[]> {
    await this.prepare();
    return this.rollupOn(this.pool, scope, filter, groupBy);
  }

  /** Counts of all cases of the filter from the rollups, each case once. */
  async totals(scope: ReadScope, filter: StatisticsFilter): Promise<CaseCounts> {
    await this.prepare();
    return totalsOf(await this.rollupOn(this.pool, scope, filter, undefined));
  }

  /** The same counts recounted from the raw rows, case by case (what the rollups must always equal; it scans). */
  recount(scope: ReadScope, filter: StatisticsFilter, groupBy: MetricsGroupBy): Promise<{ key: string | null; counts: CaseCounts }[]> {
    return this.countsOn(this.pool, scope, filter, groupBy);
  }

  /** The totals recounted from the raw rows. */
  recountTotals(scope: ReadScope, filter: StatisticsFilter): Promise<CaseCounts> {
    return this.totalsOn(this.pool, scope, filter);
  }

  /** The cases behind a figure (no selection: all of the filter), newest first. */
  async cases(scope: ReadScope, input: StatisticsFilter & { select?: MetricsSelection; limit: number; offset: number }): Promise<CaseMetrics[]> {
    const { text, values } = this.casesSql(scope, input, input.select);
    const { rows } = await this.pool.query<MetricRow>(`${text} limit $${values.length + 1} offset $${values.length + 2}`, [...values, input.limit, input.offset]);
    return rows.map(metricsView);
  }

  /**
   * Counts and every case of the filter read in one REPEATABLE READ snapshot — so the detail rows
   * are exactly the cases the counts count — the cases through a server-side cursor, in batches.
   */
  async snapshot<T>(scope: ReadScope, filter: StatisticsFilter, use: (snapshot: StatisticsSnapshot) => Promise<T>): Promise<T> {
    await this.prepare();
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('begin isolation level repeatable read read only');
      const { text, values } = this.casesSql(scope, filter);
      const snapshot: StatisticsSnapshot = {
        counts: (s, f, groupBy) => this.rollupOn(client, s, f, groupBy),
        totals: async (s, f) => totalsOf(await this.rollupOn(client, s, f, undefined)),
        async *cases() {
          await client.query(`declare export_cases no scroll cursor for ${text}`, values);
          for (;;) {
            const { rows } = await client.query<MetricRow>(`fetch ${EXPORT_BATCH} from export_cases`);
            if (!rows.length) return;
            yield rows.map(metricsView);
            if (rows.length < EXPORT_BATCH) return;
          }
        },
      };
      const out = await use(snapshot);
      await client.query('commit');
      return out;
    } catch (err) {
      broken = true;
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release(broken ? true : undefined);
    }
  }

  /**
   * 公示: closed cases of the definitions that publish them (meta `public.enabled`), last closed
   * first. With `summary`, each row carries the `field` of the case's last completed task of form
   * `formKey` (a staff-written 公示摘要), read from that task alone — never from the intake data.
   */
  async published(page: { limit: number; offset: number; summary?: { formKey: string; field: string } }): Promise<PublishedCaseRow[]> {
    const { outcome } = this.conventions;
    const { rows } = await this.pool.query<{
      number: string; type: string | null; unit: string | null; created_at: Date; completed_at: Date | null;
      data: Record<string, unknown> | null; public: unknown; forms: Record<string, unknown> | null; start_form: string | null; result: string | null;
      summary: string | null;
    }>(
      `select c.number, c.type, c.unit, c.created_at, c.completed_at, c.variables -> 'data' as data,
              d.meta -> 'public' as public, d.forms, d.meta ->> 'startFormKey' as start_form,
              (select t.data ->> $3 from tasks t where t.case_id = c.id and t.status = 'completed' and t.data ->> $3 = any($4::text[])
                order by t.completed_at desc, t.created_at desc limit 1) as result,
              (select st.data ->> $6 from tasks st where $5::text is not null and st.case_id = c.id and st.status = 'completed' and st.form_key = $5
                order by st.completed_at desc, st.created_at desc limit 1) as summary
         from cases c join definitions d on d.id = c.definition_id
        where c.status = 'completed' and coalesce((d.meta -> 'public' ->> 'enabled')::boolean, false)
        order by c.completed_at desc nulls last, c.number desc limit $1 offset $2`,
      [page.limit, page.offset, outcome.field, outcome.values, page.summary?.formKey ?? null, page.summary?.field ?? null],
    );
    return rows.map((r) => ({
      number: Number(r.number), type: r.type, unit: r.unit, createdAt: r.created_at, completedAt: r.completed_at, data: r.data,
      publication: r.public, forms: r.forms, startFormKey: r.start_form, result: r.result, summary: r.summary,
    }));
  }

  /** How many cases 公示 lists (for paging). */
  async publishedCount(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `select count(*) as n from cases c join definitions d on d.id = c.definition_id
        where c.status = 'completed' and coalesce((d.meta -> 'public' ->> 'enabled')::boolean, false)`);
    return Number(rows[0].n);
  }

  private async countsOn(db: Queryable, scope: ReadScope, filter: StatisticsFilter, groupBy: MetricsGroupBy): Promise<{ key: string | null; counts: CaseCounts }[]> {
    const args = new SqlArgs();
    const metrics = this.metricsSql(scope, args, filter);
    const key = groupBy === 'department' ? 'd.g' : metricsColumn(groupBy);
    const join = groupBy === 'department' ? `cross join lateral (${this.departmentsSql(args, 'm')}) d` : '';
    const { rows } = await db.query<{ key: string | null } & CaseCounts>(
      `with m as (${metrics})
       select ${key} as key, ${COUNTS} from m ${join} group by ${key} order by ${groupBy === 'month' ? 'key' : 'total desc, key'}`,
      args.values,
    );
    return rows.map(({ key: k, ...counts }) => ({ key: k, counts }));
  }

  private async totalsOn(db: Queryable, scope: ReadScope, filter: StatisticsFilter): Promise<CaseCounts> {
    const args = new SqlArgs();
    const { rows } = await db.query<CaseCounts>(`with m as (${this.metricsSql(scope, args, filter)}) select ${COUNTS} from m`, args.values);
    return rows[0];
  }

  private casesSql(scope: ReadScope, filter: StatisticsFilter, select?: MetricsSelection): { text: string; values: unknown[] } {
    const args = new SqlArgs();
    const metrics = this.metricsSql(scope, args, filter);
    const where: string[] = [];
    if (select && 'units' in select) {
      const units = args.add(select.units);
      where.push(select.outside ? `(m.unit is null or not (m.unit = any(${units}::text[])))` : `m.unit = any(${units}::text[])`);
    } else if (select) {
      const k = select.key;
      if (select.groupBy === 'department') where.push(`exists (select 1 from (${this.departmentsSql(args, 'm')}) dd where dd.g = ${args.add(k)})`);
      else {
        const col = metricsColumn(select.groupBy);
        where.push(k === null ? `${col} is null` : `${col} = ${args.add(k)}`);
      }
    }
    return {
      text: `with m as (${metrics}) select * from m ${where.length ? `where ${where.join(' and ')}` : ''} order by m.created_at desc, m.number desc`,
      values: args.values,
    };
  }

  /**
   * One row per visible case created in [from, to), with what every figure needs. `m` = the
   * result; its columns `success`, `satisfied`, `basic`, `dissatisfied` carry the convention's
   * values for the counts.
   */
  private metricsSql(scope: ReadScope, args: SqlArgs, filter: StatisticsFilter): string {
    const { outcome, rating, backlog } = this.conventions;
    const now = args.add(this.clock.now());
    const where = [caseVisibleSql(scope, args)];
    if (filter.from) where.push(`c.created_at >= ${args.add(filter.from)}`);
    if (filter.to) where.push(`c.created_at < ${args.add(filter.to)}`);
    if (filter.process) {
      const p = args.add(filter.process);
      where.push(`(c.process_key = ${p} or split_part(c.process_key, '/', 1) = ${p})`);
    }
    const resultField = args.add(outcome.field);
    const ratingField = args.add(rating.field);
    const handling = args.add(this.conventions.nonHandlingForms);
    const ratingForm = args.add(rating.formKey);
    const backlogSince = `c.created_at + ${args.add(backlog.days)}::int * interval '24 hours'`;
    return `select x.*,
        (x.status = 'completed' and x.result = x.success and not x.rerouted and x.ratings <= 1) as first_resolved,
        (x.status not in ('withdrawn', 'refused') and (x.flagged or x.ended_at >= x.backlog_since)) as backlog
      from (select c.id, c.number, c.process_key, c.title, c.type, c.unit, c.channel, c.status, c.created_at, c.completed_at,
        c.variables #>> '{decision,caseClass}' as case_class, c.variables #>> '{decision,level}' as handling_level,
        c.suspended_at, c.variables -> 'data' as data, c.variables -> 'decision' as decision,
        array(select distinct g from tasks ht cross join lateral unnest(ht.candidate_groups) g
               where ht.case_id = c.id and not (coalesce(ht.form_key, '') = any(${handling}::text[])) order by g) as handlers,
        (select max(ht.due_at) from tasks ht where ht.case_id = c.id and not (coalesce(ht.form_key, '') = any(${handling}::text[]))) as due_at,
        to_char(c.created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, (c.supervised_at is not null) as supervised,
        (c.status = 'completed' and not exists (
          select 1 from tasks lt where lt.case_id = c.id and lt.due_at is not null and lt.completed_at > lt.due_at)) as on_time,
        (c.status <> 'completed' and exists (
          select 1 from tasks ot where ot.case_id = c.id and ot.status = 'open' and ot.due_at < ${now})) as overdue,
        (select rt.data ->> ${resultField} from tasks rt
          where rt.case_id = c.id and rt.status = 'completed' and rt.data ->> ${resultField} = any(${args.add(outcome.values)}::text[])
          order by rt.completed_at desc, rt.created_at desc limit 1) as result,
        (select et.data ->> ${ratingField} from tasks et
          where et.case_id = c.id and et.status = 'completed' and et.form_key = ${ratingForm}
            and et.data ->> ${ratingField} = any(${args.add(rating.values)}::text[])
          order by et.completed_at desc, et.created_at desc limit 1) as satisfaction,
        (select count(*) from tasks vt where vt.case_id = c.id and vt.status = 'completed' and vt.form_key = ${ratingForm}) as ratings,
        exists (select 1 from history rh where rh.case_id = c.id and rh.kind = any(${args.add([HistoryKind.TaskReturned, HistoryKind.TaskTransferred])}::text[])) as rerouted,
        coalesce((c.variables -> 'data' -> ${args.add(backlog.flagField)}) = 'true'::jsonb, false) as flagged,
        case when c.status = 'completed' then c.completed_at when c.status in ('withdrawn', 'refused') then null else ${now} end as ended_at,
        ${backlogSince} as backlog_since,
        ${args.add(outcome.values[0] ?? null)}::text as success,
        ${args.add(rating.values[0])}::text as satisfied, ${args.add(rating.values[1])}::text as basic, ${args.add(rating.values[2])}::text as dissatisfied
      from cases c where ${where.join(' and ')}) x`;
  }

  /** Stores this reader's conventions with the rollups and recounts them, when they differ from those stored. */
  private async adopt(): Promise<void> {
    const wanted = canonical(this.conventions);
    const { rows } = await this.pool.query<{ conventions: unknown }>('select conventions from case_stats_conventions');
    if (rows[0] && canonical(rows[0].conventions) === wanted) return;
    await transaction(this.pool, async (client) => {
      await client.query('lock table case_stats_conventions in exclusive mode');
      const again = await client.query<{ conventions: unknown }>('select conventions from case_stats_conventions');
      if (!again.rows[0] || canonical(again.rows[0].conventions) !== wanted) {
        await client.query(
          `insert into case_stats_conventions (conventions) values ($1) on conflict (id) do update set conventions = excluded.conventions`,
          [JSON.stringify(this.conventions)],
        );
        await client.query('select case_stats_rebuild()');
      }
    });
  }

  /**
   * Counts from the rollups. Whole Beijing days of [from, to) come from the daily rollup of the
   * reader's units; the part-days at the ends of the range, the cases the reader sees outside their
   * units (their own, or offered to them) and what turns with the time of the read (overdue since
   * today, 积案 by age since today) come from the cases' facts of those days only.
   */
  private async rollupOn(db: Queryable, scope: ReadScope, filter: StatisticsFilter, groupBy: MetricsGroupBy | undefined): Promise<{ key: string | null; counts: CaseCounts }[]> {
    const args = new SqlArgs();
    const now = this.clock.now();
    const cut = new Date(now.getTime() - this.conventions.backlog.days * DAY_MS);
    const today = args.add(beijingDay(now));
    const cutDay = args.add(beijingDay(cut));
    const nowArg = args.add(now);
    const cutArg = args.add(cut);
    // whole days [d0, d1) from the rollup; the rest of [from, to) from the facts
    let d0: string | undefined;
    let d1: string | undefined;
    if (filter.from) {
      d0 = beijingDay(filter.from);
      if (dayStart(d0).getTime() < filter.from.getTime()) d0 = nextDay(d0);
    }
    if (filter.to) d1 = beijingDay(filter.to);
    const edges: [Date | undefined, Date | undefined][] = [];
    if (d0 && d1 && d0 >= d1) {
      edges.push([filter.from, filter.to]);
    } else {
      if (d0 && filter.from && filter.from < dayStart(d0)) edges.push([filter.from, dayStart(d0)]);
      if (d1 && filter.to && dayStart(d1) < filter.to) edges.push([dayStart(d1), filter.to]);
    }
    const wholeDays = (x: string) => {
      if (d0 && d1 && d0 >= d1) return 'false';
      const w = [];
      if (d0) w.push(`${x}.day >= ${args.add(d0)}::date`);
      if (d1) w.push(`${x}.day < ${args.add(d1)}::date`);
      return w.length ? w.join(' and ') : 'true';
    };
    // of those days, whole calendar months [m0, m1) from the monthly rollups — but for the month in
    // which 积案 by age turns today (its days before and after the cut count apart) — the rest from the daily ones
    const m0 = d0 && (d0.endsWith('-01') ? d0 : nextMonth(d0));
    const m1 = d1 && `${d1.slice(0, 7)}-01`;
    const cutMonth = `${beijingDay(cut).slice(0, 7)}-01`;
    const months = !(d0 && d1 && d0 >= d1) && !(m0 && m1 && m0 >= m1);
    const inCutMonth = (x: string) => `(${x}.day >= ${args.add(cutMonth)}::date and ${x}.day < ${args.add(nextMonth(cutMonth))}::date)`;
    const monthlyDays = (x: string) => {
      if (!months) return 'false';
      const w = [`not ${inCutMonth(x)}`];
      if (m0) w.push(`${x}.day >= ${args.add(m0)}::date`);
      if (m1) w.push(`${x}.day < ${args.add(m1)}::date`);
      return w.join(' and ');
    };
    const dailyDays = (x: string) => {
      if (!months) return wholeDays(x);
      const rest = [inCutMonth(x)];
      if (m0) rest.push(`${x}.day < ${args.add(m0)}::date`);
      if (m1) rest.push(`${x}.day >= ${args.add(m1)}::date`);
      return `${wholeDays(x)} and (${rest.join(' or ')})`;
    };
    const created = (x: string) => {
      const w = [];
      if (filter.from) w.push(`${x}.created_at >= ${args.add(filter.from)}`);
      if (filter.to) w.push(`${x}.created_at < ${args.add(filter.to)}`);
      return w.length ? w.join(' and ') : 'true';
    };
    const units = scope.all || !scope.wholeUnit ? undefined : args.add(scope.units);
    const covered = (x: string) => (scope.all ? 'true' : units ? `${x}.unit = any(${units}::text[])` : 'false');
    const processArg = filter.process === undefined ? undefined : args.add(filter.process);
    const process = (x: string) => (processArg ? `(${x}.process_key = ${processArg} or split_part(${x}.process_key, '/', 1) = ${processArg})` : 'true');
    // cases the reader sees other than by their units: their own; a task handler's, by the full rule
    let extra = 'false';
    if (!scope.all) {
      const outside = units ? `not coalesce(f.unit = any(${units}::text[]), false)` : 'true';
      extra = scope.handlesTasks
        ? `${outside} and exists (select 1 from cases c where c.id = f.case_id and ${caseVisibleSql(scope, args)})`
        : `f.created_by = ${args.add(scope.username)} and ${outside}`;
    }

    const dept = groupBy === 'department';
    const facts = dept ? 'case_facts f cross join lateral unnest(f.departments) g' : 'case_facts f';
    const fKey = rollupKey(groupBy, 'f');
    const rKey = dept ? 'r.department' : rollupKey(groupBy, 'r');
    const sums = ROLLUP_COUNTERS.map(([c]) => `r.${c}`);
    const zeros = ROLLUP_COUNTERS.map(() => '0');
    const exact = ROLLUP_COUNTERS.map(([c]) => `f.${c}`);
    const rollupPart = (table: string, days: string) => `select ${rKey} as key, ${sums.join(', ')},
              case when r.due_day < ${today}::date then r.total else 0 end,
              r.backlog + case when r.day < ${cutDay}::date then r.aging else 0 end, 0
         from ${table} r
        where ${covered('r')} and ${process('r')} and ${days}`;
    const parts = [
      // whole days of the reader's units: whole months, then the days at the ends
      rollupPart(dept ? 'case_stats_monthly_dept' : 'case_stats_monthly', monthlyDays('r')),
      rollupPart(dept ? 'case_stats_daily_dept' : 'case_stats_daily', dailyDays('r')),
      // of those days, what turned since the start of today: overdue since today, 积案 by age today
      `select ${fKey}, ${zeros.join(', ')},
              (f.due_day = ${today}::date and f.overdue_at < ${nowArg})::int,
              (f.day = ${cutDay}::date and f.aging = 1 and f.created_at <= ${cutArg})::int, 0
         from ${facts}
        where ((f.due_day = ${today}::date and f.overdue_at < ${nowArg}) or (f.day = ${cutDay}::date and f.aging = 1 and f.created_at <= ${cutArg}))
          and ${covered('f')} and ${process('f')} and ${wholeDays('f')}`,
    ];
    const exactRow = `${fKey}, ${exact.join(', ')}, coalesce(f.overdue_at < ${nowArg}, false)::int, f.backlog + (f.aging = 1 and f.created_at <= ${cutArg})::int, 0`;
    for (const [from, to] of edges) {
      const w = [covered('f'), process('f')];
      if (from) w.push(`f.created_at >= ${args.add(from)}`);
      if (to) w.push(`f.created_at < ${args.add(to)}`);
      parts.push(`select ${exactRow} from ${facts} where ${w.join(' and ')}`);
    }
    if (extra !== 'false') parts.push(`select ${exactRow} from ${facts} where ${extra} and ${process('f')} and ${created('f')}`);
    // 挂牌督办: the supervised cases of the filter, read from the few that are (a partial index)
    parts.push(`select ${fKey}, ${zeros.join(', ')}, 0, 0, 1
         from ${facts} join cases sc on sc.id = f.case_id and sc.supervised_at is not null
        where (${covered('f')} or (${extra})) and ${process('f')} and ${created('f')}`);
    const columns = FIGURES.map((f, i) => `sum(c${i})::int as "${f}"`);
    const order = groupBy === 'month' ? 'key' : 'sum(c0) desc, key';
    const { rows } = await db.query<{ key: string | null } & CaseCounts>(
      `select key, ${columns.join(', ')}
         from (${parts.join('\n union all ')}) as u(key, ${FIGURES.map((_f, i) => `c${i}`).join(', ')})
        group by key having sum(c0) > 0 order by ${order}`,
      args.values,
    );
    return rows.map(({ key, ...counts }) => ({ key, counts }));
  }

  /** The departments (candidate groups) offered a handling task of case `m` — as rows of `g`. */
  private departmentsSql(args: SqlArgs, m: string): string {
    return `select distinct g from tasks dt cross join lateral unnest(dt.candidate_groups) g
           where dt.case_id = ${m}.id and not (coalesce(dt.form_key, '') = any(${args.add(this.conventions.nonHandlingForms)}::text[]))`;
  }
}
