// Statistics for the centre (scoped): the numbers the centres report — 办结率, 调处成功率, 满意率,
// 按时办结率, overdue — by type, unit, level, department or month, with a drill-down to the cases
// behind any figure. Every figure is computed from one per-case query (caseMetricsSql), so a rate
// and its drill-down can never disagree. The step conventions (processes/README.md) say which
// fields are read: a case's outcome is the `result` of its last completed task that has one; its
// satisfaction is the `satisfaction` of its last completed `evaluation` task.
import type pg from 'pg';
import type { Clock } from '@yizhan/engine';
import { LEVEL_LABELS, type UnitLevel } from '@yizhan/rules';
import type { OrgDirectory } from './org-directory';
import { caseVisibleSql, SqlArgs, type Scope } from './scope';

export type StatsGroupBy = 'type' | 'unit' | 'level' | 'department' | 'month';

export interface StatsFilter {
  from?: Date;
  to?: Date;
  /** Process key (`longxi/dispute`) or a pack id (`longxi`). */
  process?: string;
}

export interface StatsCounts {
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
  /** Cases with a handling result (调处). */
  mediated: number;
  succeeded: number;
  /** Cases with an evaluation (一事一评价). */
  rated: number;
  satisfied: number;
  basic: number;
  dissatisfied: number;
}

export interface StatsRates {
  /** 办结率 = closed / (total − withdrawn − refused). */
  closureRate: number | null;
  /** 按时办结率 = onTime / closed. */
  onTimeRate: number | null;
  /** 调处成功率 = succeeded / mediated. */
  successRate: number | null;
  /** 满意率 = (satisfied + basic) / rated. */
  satisfactionRate: number | null;
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

/** One case behind a figure (drill-down and export). */
export interface StatsCase {
  id: string;
  number: number;
  processKey: string;
  title: string | null;
  type: string | null;
  unit: string | null;
  unitName: string | null;
  status: string;
  createdAt: Date;
  completedAt: Date | null;
  month: string;
  onTime: boolean;
  overdue: boolean;
  result: 'success' | 'failed' | null;
  satisfaction: 'satisfied' | 'basic' | 'dissatisfied' | null;
}

/** Task form keys that are not handling (see processes/src/steps.ts): not a department's case. */
const NON_HANDLING_FORMS = ['feedback', 'evaluation', 'return-visit', 'supervise'];

interface MetricRow {
  id: string; number: string; process_key: string; title: string | null; type: string | null; unit: string | null; status: string;
  created_at: Date; completed_at: Date | null; month: string; on_time: boolean; overdue: boolean;
  result: StatsCase['result']; satisfaction: StatsCase['satisfaction'];
}

/** A pool or one client (inside a transaction). */
type Queryable = Pick<pg.Pool, 'query'>;

/** Rows fetched from the export cursor at a time. */
const EXPORT_BATCH = 500;

export class Reports {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock, private readonly directory: OrgDirectory) {}

  /**
   * A report and every case behind it, read in one REPEATABLE READ snapshot — so the detail rows
   * are exactly the cases the totals count — the cases through a server-side cursor, in batches
   * (`cases` yields each batch once; memory holds one batch, however many cases there are).
   */
  async exportSnapshot<T>(scope: Scope, input: StatsFilter & { groupBy: StatsGroupBy },
    use: (report: StatsReport, cases: AsyncIterable<StatsCase[]>) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('begin isolation level repeatable read read only');
      const report = await this.stats(scope, input, client);
      const { text, values } = this.casesSql(scope, { from: input.from, to: input.to, process: input.process });
      await client.query(`declare export_cases no scroll cursor for ${text}`, values);
      const toCase = (r: MetricRow) => this.statsCase(r);
      async function* batches(): AsyncGenerator<StatsCase[]> {
        for (;;) {
          const { rows } = await client.query<MetricRow>(`fetch ${EXPORT_BATCH} from export_cases`);
          if (!rows.length) return;
          yield rows.map(toCase);
          if (rows.length < EXPORT_BATCH) return;
        }
      }
      const out = await use(report, batches());
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

  async stats(scope: Scope, input: StatsFilter & { groupBy: StatsGroupBy }, db: Queryable = this.pool): Promise<StatsReport> {
    const args = new SqlArgs();
    const metrics = this.caseMetricsSql(scope, args, input);
    const key = input.groupBy === 'department' ? 'd.g' : input.groupBy === 'month' ? 'm.month' : input.groupBy === 'type' ? 'm.type' : 'm.unit';
    const join = input.groupBy === 'department' ? `cross join lateral (${departmentsSql('m')}) d` : '';
    const { rows } = await db.query<{ key: string | null } & Record<keyof StatsCounts, number>>(
      `with m as (${metrics})
       select ${key} as key, ${COUNTS} from m ${join} group by ${key} order by ${input.groupBy === 'month' ? 'key' : 'total desc, key'}`,
      args.values,
    );
    let grouped: { key: string | null; counts: StatsCounts }[] = rows.map(({ key: k, ...c }) => ({ key: k, counts: c }));
    if (input.groupBy === 'level') {
      const byLevel = new Map<string | null, StatsCounts>();
      for (const r of grouped) {
        const level = this.levelOf(r.key);
        byLevel.set(level, add(byLevel.get(level) ?? zero(), r.counts));
      }
      const order = ['county', 'township', 'village', 'grid'];
      grouped = [...byLevel].map(([k, counts]) => ({ key: k, counts }))
        .sort((a, b) => (a.key === null ? 9 : order.indexOf(a.key)) - (b.key === null ? 9 : order.indexOf(b.key)));
    }
    // By department a case counts once per department that handled it; the totals count it once.
    const totalsArgs = new SqlArgs();
    const totals = input.groupBy === 'department'
      ? (await db.query<Record<keyof StatsCounts, number>>(`with m as (${this.caseMetricsSql(scope, totalsArgs, input)}) select ${COUNTS} from m`, totalsArgs.values)).rows[0]
      : grouped.reduce((a, r) => add(a, r.counts), zero());
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
    const { text, values } = this.casesSql(scope, input);
    const { rows } = await this.pool.query<MetricRow>(`${text} limit $${values.length + 1} offset $${values.length + 2}`, [...values, input.limit, input.offset]);
    return rows.map((r) => this.statsCase(r));
  }

  private casesSql(scope: Scope, input: StatsFilter & { groupBy?: StatsGroupBy; key?: string | null }): { text: string; values: unknown[] } {
    const args = new SqlArgs();
    const metrics = this.caseMetricsSql(scope, args, input);
    const where: string[] = [];
    if (input.groupBy && input.key !== undefined) {
      const k = input.key;
      if (input.groupBy === 'department') where.push(`exists (select 1 from (${departmentsSql('m')}) dd where dd.g = ${args.add(k)})`);
      else if (input.groupBy === 'level') {
        const units = this.unitsOfLevel(k);
        where.push(k === null ? `(m.unit is null or not (m.unit = any(${args.add(units)}::text[])))` : `m.unit = any(${args.add(units)}::text[])`);
      } else {
        const col = input.groupBy === 'month' ? 'm.month' : input.groupBy === 'type' ? 'm.type' : 'm.unit';
        where.push(k === null ? `${col} is null` : `${col} = ${args.add(k)}`);
      }
    }
    return {
      text: `with m as (${metrics}) select * from m ${where.length ? `where ${where.join(' and ')}` : ''} order by m.created_at desc, m.number desc`,
      values: args.values,
    };
  }

  private statsCase(r: MetricRow): StatsCase {
    return {
      id: r.id, number: Number(r.number), processKey: r.process_key, title: r.title, type: r.type, unit: r.unit,
      unitName: this.directory.unitName(r.unit), status: r.status, createdAt: r.created_at, completedAt: r.completed_at,
      month: r.month, onTime: r.on_time, overdue: r.overdue, result: r.result, satisfaction: r.satisfaction,
    };
  }

  label(groupBy: StatsGroupBy, key: string | null): string | null {
    if (key === null) return null;
    if (groupBy === 'unit') return this.directory.unitName(key) ?? key;
    if (groupBy === 'level') return LEVEL_LABELS[key as UnitLevel] ?? key;
    if (groupBy === 'department') return this.directory.department(key)?.name ?? this.directory.unitName(key) ?? LEVEL_LABELS[key as UnitLevel] ?? key;
    return key;
  }

  /** One row per visible case created in [from, to), with what every figure needs. `m` = the result. */
  private caseMetricsSql(scope: Scope, args: SqlArgs, input: StatsFilter): string {
    const now = args.add(this.clock.now());
    const where = [caseVisibleSql(scope, args)];
    if (input.from) where.push(`c.created_at >= ${args.add(input.from)}`);
    if (input.to) where.push(`c.created_at < ${args.add(input.to)}`);
    if (input.process) {
      const p = args.add(input.process);
      where.push(`(c.process_key = ${p} or split_part(c.process_key, '/', 1) = ${p})`);
    }
    return `select c.id, c.number, c.process_key, c.title, c.type, c.unit, c.status, c.created_at, c.completed_at,
        to_char(c.created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
        (c.status = 'completed' and not exists (
          select 1 from tasks lt where lt.case_id = c.id and lt.due_at is not null and lt.completed_at > lt.due_at)) as on_time,
        (c.status <> 'completed' and exists (
          select 1 from tasks ot where ot.case_id = c.id and ot.status = 'open' and ot.due_at < ${now})) as overdue,
        (select rt.data ->> 'result' from tasks rt
          where rt.case_id = c.id and rt.status = 'completed' and rt.data ->> 'result' in ('success', 'failed')
          order by rt.completed_at desc, rt.created_at desc limit 1) as result,
        (select et.data ->> 'satisfaction' from tasks et
          where et.case_id = c.id and et.status = 'completed' and et.form_key = 'evaluation'
            and et.data ->> 'satisfaction' in ('satisfied', 'basic', 'dissatisfied')
          order by et.completed_at desc, et.created_at desc limit 1) as satisfaction
      from cases c where ${where.join(' and ')}`;
  }

  private levelOf(unit: string | null): string | null {
    return (unit && this.directory.org.level(unit)) ?? null;
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

/** The departments (candidate groups) offered a handling task of case `m` — as rows of `g`. */
function departmentsSql(m: string): string {
  const skip = NON_HANDLING_FORMS.map((f) => `'${f}'`).join(', ');
  return `select distinct g from tasks dt cross join lateral unnest(dt.candidate_groups) g
           where dt.case_id = ${m}.id and coalesce(dt.form_key, '') not in (${skip})`;
}

const COUNTS = `count(*)::int as total,
  count(*) filter (where m.status = 'completed')::int as closed,
  count(*) filter (where m.status = 'withdrawn')::int as withdrawn,
  count(*) filter (where m.status = 'refused')::int as refused,
  count(*) filter (where m.on_time)::int as "onTime",
  count(*) filter (where m.overdue)::int as overdue,
  count(m.result)::int as mediated,
  count(*) filter (where m.result = 'success')::int as succeeded,
  count(m.satisfaction)::int as rated,
  count(*) filter (where m.satisfaction = 'satisfied')::int as satisfied,
  count(*) filter (where m.satisfaction = 'basic')::int as basic,
  count(*) filter (where m.satisfaction = 'dissatisfied')::int as dissatisfied`;

const COUNT_KEYS: (keyof StatsCounts)[] = ['total', 'closed', 'withdrawn', 'refused', 'onTime', 'overdue', 'mediated', 'succeeded', 'rated', 'satisfied', 'basic', 'dissatisfied'];

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
  };
}
