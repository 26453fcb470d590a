// 考核 figures: what each assessed unit (a department, or a township with its villages) did in a
// period, read within a reader's scope. Unlike the case statistics (case-statistics.ts), which
// count a case once wherever it went, these are a unit's OWN figures: its own tasks on time, the
// result of its own mediation, the tasks it returned. Every figure and its drill-down come from one
// query of (unit, case) rows (unitCaseSql), so a point lost and the cases behind it never disagree.
// The caller maps department codes (task candidate groups) to assessed units and passes the packs'
// step conventions; the engine binds both as query parameters.
import type pg from 'pg';
import type { Clock } from './clock';
import type { FigureCase, StepConventions } from './case-statistics';
import { caseVisibleSql, SqlArgs, type ReadScope } from './read-scope';

/** An assessed unit: its key and the department codes (candidate groups) whose tasks are its own. */
export interface AssessedUnit {
  key: string;
  departments: readonly string[];
}

/** The step conventions of the figures: the statistics' ones and the form key of 督办 tasks. */
export interface AssessmentConventions extends StepConventions {
  supervisionForm: string;
}

export interface AssessmentPeriod {
  /** Cases created in [from, to) are the period's cases; 积案 are counted over the whole of it. */
  from: Date;
  to: Date;
  /** Process key or pack id. */
  process?: string;
  /** A case open longer than this many days is a 积案 (backlog case). */
  backlogDays: number;
}

/** The figures of one assessed unit in a period. */
export interface UnitFigures {
  unit: string;
  /** Cases of the period the unit was offered a handling task of (withdrawn and refused ones left out). */
  cases: number;
  /** Its own completed tasks with a time limit, and those completed by their due time. */
  tasks: number;
  tasksOnTime: number;
  /** Its own tasks completed after their due time or still open past it. */
  overdueTasks: number;
  /** Cases whose mediation result it recorded, and those where its last result was success. */
  mediated: number;
  succeeded: number;
  /** Its cases rated by the citizen, and those rated 满意 or 基本满意. */
  rated: number;
  satisfied: number;
  /** Tasks it returned (退回). */
  returns: number;
  /** Its cases that were put under supervision (督办 received): by a leader's 批示 or by the process's supervision step. */
  supervised: number;
  /** 初访化解: its cases closed with success at the first handling, never returned, transferred or supervised. */
  firstContact: number;
  /** 积案: its cases open longer than the backlog threshold at some time in the period, and those closed in it. */
  backlog: number;
  backlogResolved: number;
}

/** Why a case lost a unit points: the drill-down of each figure. */
export type AssessmentFlag = 'lateTask' | 'overdueTask' | 'notSucceeded' | 'dissatisfied' | 'returned' | 'supervised' | 'notFirstContact' | 'backlogOpen';

export const ASSESSMENT_FLAGS: readonly AssessmentFlag[] = ['lateTask', 'overdueTask', 'notSucceeded', 'dissatisfied', 'returned', 'supervised', 'notFirstContact', 'backlogOpen'];

/** One case behind a unit's figures, with what it counted for the unit. */
export interface AssessmentCase extends FigureCase {
  tasks: number;
  tasksOnTime: number;
  overdueTasks: number;
  /** The unit's own last mediation result, or null. */
  result: string | null;
  /** The case's rating, or null. */
  satisfaction: string | null;
  returns: number;
  supervised: boolean;
  firstContact: boolean;
  backlog: boolean;
  backlogResolved: boolean;
}

const FLAG_SQL: Record<AssessmentFlag, string> = {
  lateTask: 'r.in_period and r.tasks > r.tasks_on_time',
  overdueTask: 'r.in_period and r.overdue_tasks > 0',
  notSucceeded: 'r.in_period and r.handled and r.result is not null and r.result is distinct from r.success',
  dissatisfied: 'r.in_period and r.handled and r.satisfaction = r.dissatisfied',
  returned: 'r.in_period and r.returns > 0',
  supervised: 'r.in_period and r.handled and r.supervised',
  notFirstContact: `r.in_period and r.handled and r.status not in ('withdrawn', 'refused') and not r.first_contact`,
  backlogOpen: 'r.handled and r.backlog and not r.backlog_resolved',
};

const FIGURES_SQL = `
  count(*) filter (where r.in_period and r.handled and r.status not in ('withdrawn', 'refused'))::int as cases,
  coalesce(sum(r.tasks) filter (where r.in_period), 0)::int as tasks,
  coalesce(sum(r.tasks_on_time) filter (where r.in_period), 0)::int as "tasksOnTime",
  coalesce(sum(r.overdue_tasks) filter (where r.in_period), 0)::int as "overdueTasks",
  count(*) filter (where r.in_period and r.handled and r.result is not null)::int as mediated,
  count(*) filter (where r.in_period and r.handled and r.result = r.success)::int as succeeded,
  count(*) filter (where r.in_period and r.handled and r.satisfaction is not null)::int as rated,
  count(*) filter (where r.in_period and r.handled and r.satisfaction in (r.satisfied, r.basic))::int as satisfied,
  coalesce(sum(r.returns) filter (where r.in_period), 0)::int as returns,
  count(*) filter (where r.in_period and r.handled and r.supervised)::int as supervised,
  count(*) filter (where r.in_period and r.handled and r.first_contact)::int as "firstContact",
  count(*) filter (where r.handled and r.backlog)::int as backlog,
  count(*) filter (where r.handled and r.backlog_resolved)::int as "backlogResolved"`;

interface CaseRow {
  id: string; number: string; process_key: string; title: string | null; type: string | null; case_unit: string | null; status: string;
  created_at: Date; completed_at: Date | null; tasks: number; tasks_on_time: number; overdue_tasks: number; result: string | null;
  satisfaction: string | null; returns: number; supervised: boolean; first_contact: boolean; backlog: boolean; backlog_resolved: boolean;
}

export class AssessmentFigures {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock, private readonly conventions: AssessmentConventions) {}

  /** The figures of every unit (in the order given; a unit with no case has zeros). */
  async figures(scope: ReadScope, period: AssessmentPeriod, units: readonly AssessedUnit[]): Promise<UnitFigures[]> {
    const args = new SqlArgs();
    const rows = this.unitCaseSql(scope, args, period, units);
    const { rows: found } = await this.pool.query<UnitFigures>(`with r as (${rows}) select r.unit, ${FIGURES_SQL} from r group by r.unit`, args.values);
    const byUnit = new Map(found.map((f) => [f.unit, f]));
    return units.map((u) => byUnit.get(u.key) ?? {
      unit: u.key, cases: 0, tasks: 0, tasksOnTime: 0, overdueTasks: 0, mediated: 0, succeeded: 0, rated: 0, satisfied: 0,
      returns: 0, supervised: 0, firstContact: 0, backlog: 0, backlogResolved: 0,
    });
  }

  /** The cases behind a unit's figures: all of its cases, or those that lost it points by `flag`; newest first. */
  async cases(scope: ReadScope, period: AssessmentPeriod, unit: AssessedUnit, page: { flag?: AssessmentFlag; limit: number; offset: number }): Promise<AssessmentCase[]> {
    const args = new SqlArgs();
    const rows = this.unitCaseSql(scope, args, period, [unit]);
    const where = page.flag ? FLAG_SQL[page.flag] : '(r.in_period or (r.handled and r.backlog))';
    const { rows: found } = await this.pool.query<CaseRow>(
      `with r as (${rows}) select * from r where ${where} order by r.created_at desc, r.number desc limit ${args.add(page.limit)} offset ${args.add(page.offset)}`,
      args.values,
    );
    return found.map((r) => ({
      id: r.id, number: Number(r.number), processKey: r.process_key, title: r.title, type: r.type, unit: r.case_unit, status: r.status,
      createdAt: r.created_at, completedAt: r.completed_at, tasks: r.tasks, tasksOnTime: r.tasks_on_time, overdueTasks: r.overdue_tasks,
      result: r.result, satisfaction: r.satisfaction, returns: r.returns, supervised: r.supervised, firstContact: r.first_contact,
      backlog: r.backlog, backlogResolved: r.backlog_resolved,
    }));
  }

  /**
   * One row per (assessed unit, visible case) where the unit was offered a task of the case or
   * returned one: the period's cases (created in [from, to)) and older ones that were 积案 in it.
   */
  private unitCaseSql(scope: ReadScope, args: SqlArgs, period: AssessmentPeriod, units: readonly AssessedUnit[]): string {
    const { outcome, rating, nonHandlingForms, supervisionForm } = this.conventions;
    const pairs = units.flatMap((u) => u.departments.map((d) => [u.key, d] as const));
    const unitKeys = args.add(pairs.map((p) => p[0]));
    const deptCodes = args.add(pairs.map((p) => p[1]));
    const from = args.add(period.from);
    const to = args.add(period.to);
    const backlog = `make_interval(days => ${args.add(Math.max(0, Math.floor(period.backlogDays)))}::int)`;
    const now = args.add(this.clock.now());
    const visible = caseVisibleSql(scope, args);
    let ofProcess = '';
    if (period.process) {
      const p = args.add(period.process);
      ofProcess = ` and (c.process_key = ${p} or split_part(c.process_key, '/', 1) = ${p})`;
    }
    const resultField = args.add(outcome.field);
    const results = args.add(outcome.values);
    const nonHandling = args.add(nonHandlingForms);
    const success = `${args.add(outcome.values[0] ?? null)}::text`;
    // The cases the figures count, each found through an index: created in the period; created
    // before it, open longer than the backlog threshold before its end, and still open or completed
    // in or after it (a withdrawn or refused case counts only in its own period). A day of margin on
    // the index's bound; the exact test follows. Only their tasks and history are read, once.
    const older = `c.created_at < least(${from}, ${to}::timestamptz - ${backlog} + interval '1 day') and c.created_at + ${backlog} < ${to}`;
    const columns = 'c.id, c.number, c.process_key, c.title, c.type, c.unit, c.status, c.created_at, c.completed_at, c.supervised_at';
    const inResults = (x: string) => `${x} = any(${results}::text[])`;
    const latest = 'order by t.completed_at desc, t.created_at desc';
    return `
      with du as (select * from unnest(${unitKeys}::text[], ${deptCodes}::text[]) as x(unit, dept)),
      units as (select unit, array_agg(dept) as depts from du group by unit),
      cand as materialized (
        select ${columns} from cases c where c.created_at >= ${from} and c.created_at < ${to}${ofProcess} and ${visible}
        union all
        select ${columns} from cases c where c.completed_at is null and ${older}${ofProcess} and ${visible}
        union all
        select ${columns} from cases c where c.status = 'completed' and c.completed_at >= ${from} and ${older}${ofProcess} and ${visible}),
      -- their tasks, read once
      ct as materialized (select t.case_id, t.candidate_groups, t.form_key, t.status, t.due_at, t.completed_at, t.created_at,
                                 t.data ->> ${resultField} as res, t.data ->> ${args.add(rating.field)} as rating
                            from cand join tasks t on t.case_id = cand.id),
      -- what each unit's own tasks of the case count (own: offered to one of the unit's departments;
      -- a task offered to two of them counts once), in one pass over the tasks
      own as (select tu.unit, t.case_id,
                bool_or(not (coalesce(t.form_key, '') = any(${nonHandling}::text[]))) as handled,
                count(*) filter (where t.status = 'completed' and t.due_at is not null)::int as tasks,
                count(*) filter (where t.status = 'completed' and t.due_at is not null and t.completed_at <= t.due_at)::int as tasks_on_time,
                count(*) filter (where t.due_at is not null
                  and ((t.status = 'completed' and t.completed_at > t.due_at) or (t.status = 'open' and t.due_at < ${now})))::int as overdue_tasks,
                (array_agg(t.res ${latest}) filter (where t.status = 'completed' and ${inResults('t.res')}))[1] as result
              from ct t cross join lateral (select distinct du.unit from unnest(t.candidate_groups) g join du on du.dept = g) tu
             group by tu.unit, t.case_id),
      -- the units that returned a task of the case and were offered none of its tasks count nothing but that
      uc as (select * from own
             union all
             select r.unit, r.case_id, false, 0, 0, 0, null from (
               select distinct u.unit, h.case_id from cand join history h on h.case_id = cand.id and h.kind = 'task.returned'
                 join units u on coalesce(h.data -> 'from', '[]'::jsonb) ?| u.depts) r
              where not exists (select 1 from own o where o.unit = r.unit and o.case_id = r.case_id)),
      -- what the case's tasks count, whoever handled them
      whole as (select t.case_id,
                  (array_agg(t.rating ${latest}) filter (where t.status = 'completed' and t.form_key = ${args.add(rating.formKey)}
                    and t.rating = any(${args.add(rating.values)}::text[])))[1] as satisfaction,
                  bool_or(t.form_key = ${args.add(supervisionForm)}) as supervise_step,
                  (array_agg(t.res ${latest}) filter (where t.status = 'completed' and ${inResults('t.res')}))[1] as last_result,
                  count(*) filter (where t.status = 'completed' and ${inResults('t.res')}) as results
                from ct t group by t.case_id)
      select o.unit, c.id, c.number, c.process_key, c.title, c.type, c.unit as case_unit, c.status, c.created_at, c.completed_at,
        (c.created_at >= ${from}) as in_period, coalesce(o.handled, false) as handled, o.tasks, o.tasks_on_time, o.overdue_tasks,
        o.result, w.satisfaction,
        (select count(*) from history h where h.case_id = c.id and h.kind = 'task.returned' and coalesce(h.data -> 'from', '[]'::jsonb) ?| u.depts)::int as returns,
        (c.supervised_at is not null or coalesce(w.supervise_step, false)) as supervised,
        (c.status = 'completed' and w.last_result = ${success} and w.results = 1
          and not exists (select 1 from history fh where fh.case_id = c.id and fh.kind in ('task.returned', 'task.transferred'))
          and c.supervised_at is null and not coalesce(w.supervise_step, false)) as first_contact,
        (c.status not in ('withdrawn', 'refused') and c.created_at + ${backlog} < least(coalesce(c.completed_at, 'infinity'::timestamptz), ${to})) as backlog,
        (c.status = 'completed' and c.created_at + ${backlog} < least(c.completed_at, ${to}) and c.completed_at >= ${from} and c.completed_at < ${to}) as backlog_resolved,
        ${success} as success,
        ${args.add(rating.values[0])}::text as satisfied, ${args.add(rating.values[1])}::text as basic, ${args.add(rating.values[2])}::text as dissatisfied
      from uc o join units u on u.unit = o.unit join cand c on c.id = o.case_id left join whole w on w.case_id = o.case_id`;
  }
}
