// The rows behind statistics, exports and 公示, read within a reader's scope (read-scope.ts).
// Every figure is computed from one per-case query (metricsSql), so a rate and its drill-down can
// never disagree. Which task fields mean what (a case's outcome, its rating, which tasks are not
// handling) is not the engine's to know: the caller passes the packs' StepConventions (declared in
// processes/src/steps.ts) and the engine binds them as query parameters.
import type pg from 'pg';
import type { Clock } from './clock';
import { SqlArgs, type ReadScope } from './read-scope';
import { COUNTS, departmentsSql, metricsColumn, metricsSql, metricsView, type MetricRow } from './statistics-metrics';
import { rollupCounts, totalsOf } from './statistics-rollup';
import type {
  CaseCounts, CaseMetrics, CountsReader, MetricsGroupBy, MetricsSelection, PublishedCaseRow, StatisticsFilter, StatisticsSnapshot, StepConventions,
} from './statistics-types';
import { transaction } from './store/database';

export {
  METRICS_GROUP_BY, type CaseCounts, type CaseMetrics, type CountsReader, type FigureCase, type MetricsGroupBy, type MetricsSelection,
  type PublishedCaseRow, type StatisticsFilter, type StatisticsSnapshot, type StepConventions,
} from './statistics-types';

type Queryable = Pick<pg.Pool, 'query'>;

/** Rows fetched from the export cursor at a time. */
const EXPORT_BATCH = 500;

/** JSON with sorted keys, to compare two conventions. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
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
    return rollupCounts(this.pool, this.conventions, this.clock.now(), scope, filter, groupBy);
  }

  /** Counts of all cases of the filter from the rollups, each case once. */
  async totals(scope: ReadScope, filter: StatisticsFilter): Promise<CaseCounts> {
    await this.prepare();
    return totalsOf(await rollupCounts(this.pool, this.conventions, this.clock.now(), scope, filter, undefined));
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
        counts: (s, f, groupBy) => rollupCounts(client, this.conventions, this.clock.now(), s, f, groupBy),
        totals: async (s, f) => totalsOf(await rollupCounts(client, this.conventions, this.clock.now(), s, f, undefined)),
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
    const metrics = metricsSql(this.conventions, this.clock.now(), scope, args, filter);
    const key = groupBy === 'department' ? 'd.g' : metricsColumn(groupBy);
    const join = groupBy === 'department' ? `cross join lateral (${departmentsSql(this.conventions, args, 'm')}) d` : '';
    const { rows } = await db.query<{ key: string | null } & CaseCounts>(
      `with m as (${metrics})
       select ${key} as key, ${COUNTS} from m ${join} group by ${key} order by ${groupBy === 'month' ? 'key' : 'total desc, key'}`,
      args.values,
    );
    return rows.map(({ key: k, ...counts }) => ({ key: k, counts }));
  }

  private async totalsOn(db: Queryable, scope: ReadScope, filter: StatisticsFilter): Promise<CaseCounts> {
    const args = new SqlArgs();
    const { rows } = await db.query<CaseCounts>(`with m as (${metricsSql(this.conventions, this.clock.now(), scope, args, filter)}) select ${COUNTS} from m`, args.values);
    return rows[0];
  }

  private casesSql(scope: ReadScope, filter: StatisticsFilter, select?: MetricsSelection): { text: string; values: unknown[] } {
    const args = new SqlArgs();
    const metrics = metricsSql(this.conventions, this.clock.now(), scope, args, filter);
    const where: string[] = [];
    if (select && 'units' in select) {
      const units = args.add(select.units);
      where.push(select.outside ? `(m.unit is null or not (m.unit = any(${units}::text[])))` : `m.unit = any(${units}::text[])`);
    } else if (select) {
      const k = select.key;
      if (select.groupBy === 'department') where.push(`exists (select 1 from (${departmentsSql(this.conventions, args, 'm')}) dd where dd.g = ${args.add(k)})`);
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
}
