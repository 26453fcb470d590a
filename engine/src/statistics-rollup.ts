// Counts from the rollups (case_facts, case_stats_daily / _monthly, case_stats_daily_dept / _monthly_dept — kept by the
// engine's migrations' triggers, read with the deltas not folded yet through the *_all views): whole days from the daily rollup, the edges of a range and what
// turns with the time of the read from the cases' facts. What they must always equal is the
// per-case recount of ./case-statistics.ts.
import type pg from 'pg';
import { caseVisibleSql, SqlArgs, type ReadScope } from './read-scope';
import type { CaseCounts, MetricsGroupBy, StatisticsFilter, StepConventions } from './statistics-types';

type Queryable = Pick<pg.Pool, 'query'>;

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

/** The sum of grouped counts (a grouping where each case is in one group). */
export function totalsOf(rows: { counts: CaseCounts }[]): CaseCounts {
  const out = Object.fromEntries(FIGURES.map((f) => [f, 0])) as unknown as CaseCounts;
  for (const r of rows) for (const f of FIGURES) out[f] += r.counts[f];
  return out;
}

/**
 * Counts from the rollups. Whole Beijing days of [from, to) come from the daily rollup of the
 * reader's units; the part-days at the ends of the range, the cases the reader sees outside their
 * units (their own, or offered to them) and what turns with the time of the read (overdue since
 * today, 积案 by age since today) come from the cases' facts of those days only.
 */
export async function rollupCounts(
  db: Queryable, conventions: StepConventions, now: Date, scope: ReadScope, filter: StatisticsFilter, groupBy: MetricsGroupBy | undefined,
): Promise<{ key: string | null; counts: CaseCounts }[]> {
  const args = new SqlArgs();
  const cut = new Date(now.getTime() - conventions.backlog.days * DAY_MS);
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
  // of those days, whole calendar months [m0, m1) from the monthly rollups, the rest from the daily ones
  const m0 = d0 && (d0.endsWith('-01') ? d0 : nextMonth(d0));
  const m1 = d1 && `${d1.slice(0, 7)}-01`;
  const months = !(d0 && d1 && d0 >= d1) && !(m0 && m1 && m0 >= m1);
  const monthlyDays = (x: string) => {
    if (!months) return 'false';
    const w = [];
    if (m0) w.push(`${x}.day >= ${args.add(m0)}::date`);
    if (m1) w.push(`${x}.day < ${args.add(m1)}::date`);
    return w.length ? w.join(' and ') : 'true';
  };
  const dailyDays = (x: string) => {
    if (!months) return wholeDays(x);
    const rest = [];
    if (m0) rest.push(`${x}.day < ${args.add(m0)}::date`);
    if (m1) rest.push(`${x}.day >= ${args.add(m1)}::date`);
    return rest.length ? `${wholeDays(x)} and (${rest.join(' or ')})` : 'false';
  };
  // 积案 by age counts the open cases of the days before the cut: a month's row counts them when the
  // month starts before the cut; for the month the cut falls in, those of its days from the cut on
  // are taken off again (read from the daily rows of open cases only: migration 024)
  const cutMonthEnd = args.add(nextMonth(beijingDay(cut)));
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
  const rollupPart = (table: string, days: string, aged: string) => `select ${rKey} as key, ${sums.join(', ')},
            case when r.due_day < ${today}::date then r.total else 0 end,
            r.backlog + case when ${aged} then r.aging else 0 end, 0
       from ${table} r
      where ${covered('r')} and ${process('r')} and ${days}`;
  const daily = dept ? 'case_stats_daily_dept_all' : 'case_stats_daily_all';
  const parts = [
    // whole days of the reader's units: whole months, then the days at the ends
    rollupPart(dept ? 'case_stats_monthly_dept_all' : 'case_stats_monthly_all', monthlyDays('r'), `r.day < ${cutMonthEnd}::date`),
    rollupPart(daily, dailyDays('r'), `r.day < ${cutDay}::date`),
    `select ${rKey}, ${zeros.join(', ')}, 0, -r.aging, 0
       from ${daily} r
      where r.aging <> 0 and r.day >= ${cutDay}::date and r.day < ${cutMonthEnd}::date
        and ${covered('r')} and ${process('r')} and ${monthlyDays('r')}`,
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
