// Reports: statistics for the centre (scoped) and the 公示 list of closed cases (public, masked).
import type pg from 'pg';
import type { Clock } from '@yizhan/engine';
import { LEVEL_LABELS, type UnitLevel } from '@yizhan/rules';
import { maskName } from './mask';
import type { OrgDirectory } from './org-directory';
import { caseVisibleSql, SqlArgs, type Scope } from './scope';

export type StatsGroupBy = 'type' | 'unit' | 'level' | 'department';

export interface StatsRow {
  key: string | null;
  label: string | null;
  total: number;
  closed: number;
  /** 办结率: closed / total. */
  closureRate: number | null;
  /** Closed without any task completed after its due date. */
  onTime: number;
  /** 按时办结率: onTime / closed. */
  onTimeRate: number | null;
  /** Open with a task past its due date. */
  overdue: number;
}

export interface StatsReport {
  from: string | null;
  to: string | null;
  groupBy: StatsGroupBy;
  /** What is counted: cases, or tasks when grouped by department. */
  counting: 'cases' | 'tasks';
  totals: Omit<StatsRow, 'key' | 'label'>;
  rows: StatsRow[];
}

export interface PublicCase {
  number: number;
  type: string | null;
  unitName: string | null;
  party: string | null;
  status: 'completed';
  result: string;
  createdAt: Date;
  completedAt: Date | null;
}

const RESULT_LABELS: Record<string, string> = {
  success: '调处成功', succeeded: '调处成功', resolved: '已化解', failed: '调解未成功', court: '已转诉讼',
  agreement: '达成调解协议', withdrawn: '当事人撤回', answered: '已答复',
};

interface Counts { total: number; closed: number; on_time: number; overdue: number }

export class Reports {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock, private readonly directory: OrgDirectory) {}

  async stats(scope: Scope, input: { from?: Date; to?: Date; groupBy: StatsGroupBy }): Promise<StatsReport> {
    const args = new SqlArgs();
    const now = args.add(this.clock.now());
    const where = [caseVisibleSql(scope, args)];
    if (input.from) where.push(`c.created_at >= ${args.add(input.from)}`);
    if (input.to) where.push(`c.created_at < ${args.add(input.to)}`);
    let rows: (Counts & { key: string | null })[];
    if (input.groupBy === 'department') {
      const { rows: r } = await this.pool.query(
        `select g as key, count(*)::int as total,
                count(*) filter (where t.status = 'completed')::int as closed,
                count(*) filter (where t.status = 'completed' and (t.due_at is null or t.completed_at <= t.due_at))::int as on_time,
                count(*) filter (where t.status = 'open' and t.due_at < ${now})::int as overdue
           from cases c join tasks t on t.case_id = c.id cross join lateral unnest(t.candidate_groups) g
          where t.status <> 'cancelled' and ${where.join(' and ')}
          group by g order by total desc, g`,
        args.values,
      );
      rows = r;
    } else {
      const key = input.groupBy === 'type' ? 'c.type' : 'c.unit';
      const { rows: r } = await this.pool.query(
        `select ${key} as key, count(*)::int as total,
                count(*) filter (where c.status = 'completed')::int as closed,
                count(*) filter (where c.status = 'completed' and not exists (
                  select 1 from tasks lt where lt.case_id = c.id and lt.due_at is not null and lt.completed_at > lt.due_at))::int as on_time,
                count(*) filter (where c.status <> 'completed' and exists (
                  select 1 from tasks ot where ot.case_id = c.id and ot.status = 'open' and ot.due_at < ${now}))::int as overdue
           from cases c where ${where.join(' and ')}
          group by ${key} order by total desc, ${key}`,
        args.values,
      );
      rows = r;
    }
    if (input.groupBy === 'level') {
      const byLevel = new Map<string | null, Counts>();
      for (const r of rows) {
        const level = (r.key && this.directory.org.level(r.key)) ?? null;
        const acc = byLevel.get(level) ?? { total: 0, closed: 0, on_time: 0, overdue: 0 };
        acc.total += r.total; acc.closed += r.closed; acc.on_time += r.on_time; acc.overdue += r.overdue;
        byLevel.set(level, acc);
      }
      rows = [...byLevel].map(([key, c]) => ({ key, ...c }));
    }
    const label = (key: string | null): string | null => {
      if (key === null) return null;
      if (input.groupBy === 'unit') return this.directory.unitName(key);
      if (input.groupBy === 'level') return LEVEL_LABELS[key as UnitLevel] ?? key;
      if (input.groupBy === 'department') return this.directory.department(key)?.name ?? this.directory.unitName(key) ?? key;
      return key;
    };
    const out = rows.map((r) => ({ key: r.key, label: label(r.key), ...rates(r) }));
    const sum = rows.reduce<Counts>((a, r) => ({ total: a.total + r.total, closed: a.closed + r.closed, on_time: a.on_time + r.on_time, overdue: a.overdue + r.overdue }),
      { total: 0, closed: 0, on_time: 0, overdue: 0 });
    return {
      from: input.from?.toISOString() ?? null,
      to: input.to?.toISOString() ?? null,
      groupBy: input.groupBy,
      counting: input.groupBy === 'department' ? 'tasks' : 'cases',
      totals: rates(sum),
      rows: out,
    };
  }

  /** 公示: closed cases with nothing but type, unit name, dates, status and a masked summary. */
  async publicCases(input: { limit: number; offset: number }): Promise<PublicCase[]> {
    const { rows } = await this.pool.query<{
      number: string; type: string | null; unit: string | null; created_at: Date; completed_at: Date | null;
      party: unknown; results: unknown[] | null;
    }>(
      `select c.number, c.type, c.unit, c.created_at, c.completed_at,
              coalesce(c.variables #> '{data,applicant}', c.variables #> '{data,name}') as party,
              (select array_agg(t.data -> 'result' order by t.completed_at desc) from tasks t
                 where t.case_id = c.id and t.status = 'completed' and t.data ? 'result') as results
         from cases c where c.status = 'completed'
        order by c.completed_at desc nulls last, c.number desc limit $1 offset $2`,
      [input.limit, input.offset],
    );
    return rows.map((r) => ({
      number: Number(r.number),
      type: r.type,
      unitName: this.directory.unitName(r.unit),
      party: typeof r.party === 'string' && r.party.trim() ? maskName(r.party) : null,
      status: 'completed',
      result: summary(r.results?.[0]),
      createdAt: r.created_at,
      completedAt: r.completed_at,
    }));
  }
}

function summary(result: unknown): string {
  if (typeof result === 'string' && RESULT_LABELS[result]) return RESULT_LABELS[result];
  if (typeof result === 'boolean') return result ? '调处成功' : '调解未成功';
  // Anything else may be free text written by staff (names, addresses): never echoed.
  return '已办结';
}

function rates(c: Counts): Omit<StatsRow, 'key' | 'label'> {
  return {
    total: c.total,
    closed: c.closed,
    closureRate: c.total ? round(c.closed / c.total) : null,
    onTime: c.on_time,
    onTimeRate: c.closed ? round(c.on_time / c.closed) : null,
    overdue: c.overdue,
  };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
