// The per-case query every figure is computed from (metricsSql) — so a rate and its drill-down
// can never disagree — its counts (COUNTS), its groupings and the view of one of its rows.
import { HistoryKind } from './history';
import { caseVisibleSql, type ReadScope, type SqlArgs } from './read-scope';
import type { CaseMetrics, MetricsGroupBy, StatisticsFilter, StepConventions } from './statistics-types';

export interface MetricRow {
  id: string; number: string; process_key: string; title: string | null; type: string | null; unit: string | null; status: string;
  created_at: Date; completed_at: Date | null; month: string; on_time: boolean; overdue: boolean; result: string | null; satisfaction: string | null;
  channel: string | null; suspended_at: Date | null; data: Record<string, unknown> | null; decision: Record<string, unknown> | null; handlers: string[] | null; due_at: Date | null;
  supervised: boolean;
}

/** The history kinds of a case sent elsewhere, as SQL literals: the partial index history_rerouted_idx (migration 019) has the same predicate. */
const REROUTED_KINDS = [HistoryKind.TaskReturned, HistoryKind.TaskTransferred].map((k) => `'${k}'`).join(', ');

export const COUNTS = `count(*)::int as total,
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

/** The per-case query's column of a grouping (`m` = a row of metricsSql). */
export function metricsColumn(groupBy: Exclude<MetricsGroupBy, 'department'>): string {
  return groupBy === 'caseClass' ? 'm.case_class' : groupBy === 'handlingLevel' ? 'm.handling_level' : `m.${groupBy}`;
}

export function metricsView(r: MetricRow): CaseMetrics {
  return {
    id: r.id, number: Number(r.number), processKey: r.process_key, title: r.title, type: r.type, unit: r.unit, status: r.status,
    createdAt: r.created_at, completedAt: r.completed_at, month: r.month, onTime: r.on_time, overdue: r.overdue, result: r.result, satisfaction: r.satisfaction,
    channel: r.channel, suspendedAt: r.suspended_at, data: r.data, decision: r.decision, handlers: r.handlers ?? [], dueAt: r.due_at,
    supervised: r.supervised,
  };
}

/**
 * One row per visible case created in [from, to), with what every figure needs. `m` = the
 * result; its columns `success`, `satisfied`, `basic`, `dissatisfied` carry the convention's
 * values for the counts.
 */
export function metricsSql(conventions: StepConventions, now: Date, scope: ReadScope, args: SqlArgs, filter: StatisticsFilter): string {
  const { outcome, rating, backlog } = conventions;
  const at = args.add(now);
  const where = [caseVisibleSql(scope, args)];
  if (filter.from) where.push(`c.created_at >= ${args.add(filter.from)}`);
  if (filter.to) where.push(`c.created_at < ${args.add(filter.to)}`);
  if (filter.process) {
    const p = args.add(filter.process);
    where.push(`(c.process_key = ${p} or split_part(c.process_key, '/', 1) = ${p})`);
  }
  const resultField = args.add(outcome.field);
  const ratingField = args.add(rating.field);
  const handling = args.add(conventions.nonHandlingForms);
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
      tk.due_at, to_char(c.created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, (c.supervised_at is not null) as supervised,
      (c.status = 'completed' and not tk.late) as on_time, (c.status <> 'completed' and tk.open_overdue) as overdue,
      tk.result, tk.satisfaction, tk.ratings,
      -- a probe per case (a LIMIT keeps the planner from hashing every such event of the table for a page of 50)
      coalesce((select true from history rh where rh.case_id = c.id and rh.kind in (${REROUTED_KINDS}) limit 1), false) as rerouted,
      coalesce((c.variables -> 'data' -> ${args.add(backlog.flagField)}) = 'true'::jsonb, false) as flagged,
      case when c.status = 'completed' then c.completed_at when c.status in ('withdrawn', 'refused') then null else ${at} end as ended_at,
      ${backlogSince} as backlog_since,
      ${args.add(outcome.values[0] ?? null)}::text as success,
      ${args.add(rating.values[0])}::text as satisfied, ${args.add(rating.values[1])}::text as basic, ${args.add(rating.values[2])}::text as dissatisfied
    from cases c
    -- what every figure needs of the case's tasks, in one read of them
    cross join lateral (select
        max(t.due_at) filter (where not (coalesce(t.form_key, '') = any(${handling}::text[]))) as due_at,
        coalesce(bool_or(t.due_at is not null and t.completed_at > t.due_at), false) as late,
        coalesce(bool_or(t.status = 'open' and t.due_at < ${at}), false) as open_overdue,
        (array_agg(t.data ->> ${resultField} order by t.completed_at desc, t.created_at desc)
          filter (where t.status = 'completed' and t.data ->> ${resultField} = any(${args.add(outcome.values)}::text[])))[1] as result,
        (array_agg(t.data ->> ${ratingField} order by t.completed_at desc, t.created_at desc)
          filter (where t.status = 'completed' and t.form_key = ${ratingForm} and t.data ->> ${ratingField} = any(${args.add(rating.values)}::text[])))[1] as satisfaction,
        count(*) filter (where t.status = 'completed' and t.form_key = ${ratingForm}) as ratings
      from tasks t where t.case_id = c.id) tk
    where ${where.join(' and ')}) x`;
}

/** The departments (candidate groups) offered a handling task of case `m` — as rows of `g`. */
export function departmentsSql(conventions: StepConventions, args: SqlArgs, m: string): string {
  return `select distinct g from tasks dt cross join lateral unnest(dt.candidate_groups) g
         where dt.case_id = ${m}.id and not (coalesce(dt.form_key, '') = any(${args.add(conventions.nonHandlingForms)}::text[]))`;
}
