// bench/scale's data set: real cases made by the engine (every scenario of the five packs, run to
// its end, plus each scenario's intake left open), multiplied in SQL — new ids and numbers, spread
// evenly over three years and over every org unit of the case's pack, with varied titles and
// applicant names — so N cases cost a few statements, not N engine runs.
//
// Each copy keeps its seed's tasks (about 4 a case) and history (about 10), shifted in time with
// the case; copies made in the last 45 days come from seeds still open (so inboxes, warnings and
// overdue lists fill as in real life), older ones from closed seeds. Not copied: timers (a copy
// must not fire anything), incidents and extensions; and a closed copy's bpmn-engine state (no
// read needs it; an open copy keeps its seed's state).
//
// buildScaleData is a list of steps: a table kept from these rows (the statistics rollups) is
// filled by one more step after `copyCases`, from all the rows at once (the copies skip triggers).
import type pg from 'pg';
import type { CaseEngine, Database } from '@yizhan/engine';
import { listPackDirs, loadPackDir, runScenarios, type PackBundle } from '@yizhan/packs';

export interface BuildOptions {
  /** Cases wanted in total (seeds included). */
  cases: number;
  /** Copies per statement (progress is printed after each). */
  batch?: number;
  log?: (line: string) => void;
}

const DAY = 86_400_000;
const SPAN_DAYS = 3 * 365;
const OPEN_DAYS = 45;

/** Seeds, then copies up to `options.cases`, then statistics; returns the number of cases. */
export async function buildScaleData(db: Database, engine: CaseEngine, options: BuildOptions): Promise<number> {
  const log = options.log ?? (() => {});
  const pool = db.pool;
  const { rows: [have] } = await pool.query<{ n: number }>('select count(*)::int as n from cases');
  if (have.n >= options.cases) return have.n; // a kept data dir built before
  const bundles = await Promise.all((await listPackDirs()).map((d) => loadPackDir(d)));
  let t = performance.now();
  if (!(await pool.query(`select 1 from information_schema.tables where table_name = 'bench_units'`)).rowCount) {
    const seeds = await makeSeeds(db, engine, bundles);
    log(`seeds: ${seeds} real cases from the packs' scenarios (${Math.round(performance.now() - t)} ms)`);
  }
  await unitsTable(pool, bundles);
  t = performance.now();
  const total = await copyCases(pool, options.cases, options.batch ?? 50_000, log);
  log(`copies: ${total} cases (${Math.round((performance.now() - t) / 1000)} s)`);
  t = performance.now();
  await pool.query('vacuum analyze cases, tasks, history');
  log(`vacuum analyze (${Math.round((performance.now() - t) / 1000)} s)`);
  // the copies skipped the statistics triggers (as any bulk load may, migration 008): the rollups
  // are made once from all the rows, as the backfill does
  t = performance.now();
  await pool.query('select case_stats_rebuild()');
  await pool.query('vacuum analyze case_facts, case_stats_daily, case_stats_daily_dept, case_stats_monthly, case_stats_monthly_dept');
  log(`statistics rollups rebuilt (${Math.round((performance.now() - t) / 1000)} s)`);
  return total;
}

/** Every scenario of every pack run to its end, and each scenario's intake once more, left open. */
async function makeSeeds(db: Database, engine: CaseEngine, bundles: PackBundle[]): Promise<number> {
  for (const bundle of bundles) {
    await runScenarios(bundle, { database: db });
    for (const s of Object.values(bundle.scenarios)) {
      if (s.start.expectError) continue;
      const process = s.process ? `${bundle.manifest.id}/${s.process}` : undefined;
      const key = process ?? (await firstProcessKey(db.pool, bundle.manifest.id));
      await engine.startCase({ process: key, data: s.start.data, actor: s.start.as }).catch(() => undefined);
    }
  }
  const { rows } = await db.pool.query<{ n: number }>('select count(*)::int as n from cases');
  return rows[0].n;
}

async function firstProcessKey(pool: pg.Pool, packId: string): Promise<string> {
  const { rows } = await pool.query<{ key: string }>(`select key from definitions where key like $1 order by id limit 1`, [`${packId}/%`]);
  return rows[0].key;
}

/** bench_units(pack, k, unit): every org unit of each pack, numbered from 0. */
async function unitsTable(pool: pg.Pool, bundles: PackBundle[]): Promise<void> {
  const rows: [string, number, string][] = [];
  for (const b of bundles) {
    const codes: string[] = [];
    const visit = (units: { code: string; children?: unknown[] }[]) => {
      for (const u of units) {
        codes.push(u.code);
        visit((u.children ?? []) as { code: string; children?: unknown[] }[]);
      }
    };
    visit(b.manifest.org.units as { code: string; children?: unknown[] }[]);
    codes.forEach((c, k) => rows.push([b.manifest.id, k, c]));
  }
  await pool.query('drop table if exists bench_units');
  await pool.query('create unlogged table bench_units (pack text, k int, unit text, primary key (pack, k))');
  await pool.query(
    'insert into bench_units select * from unnest($1::text[], $2::int[], $3::text[])',
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
}

/** Copies seeds in batches until there are `wanted` cases; returns the count. */
async function copyCases(pool: pg.Pool, wanted: number, batch: number, log: (line: string) => void): Promise<number> {
  const { rows: [have] } = await pool.query<{ n: number }>('select count(*)::int as n from cases');
  const copies = Math.max(0, wanted - have.n);
  if (!copies) return have.n;
  await pool.query('drop table if exists bench_seeds');
  // seeds: the engine-made cases, open ones and closed ones numbered separately
  await pool.query(`create unlogged table bench_seeds as
    select id, split_part(process_key, '/', 1) as pack, status in ('active', 'incident') as open,
           row_number() over (partition by status in ('active', 'incident') order by number) - 1 as k
      from cases where status <> 'failed'`);
  const now = Date.now();
  for (let from = 0; from < copies; from += batch) {
    const to = Math.min(copies, from + batch) - 1;
    const t = performance.now();
    const client = await pool.connect();
    try {
      await client.query('begin');
      // copies are consistent by construction: no foreign-key checks, and no trigger (a copy carries
      // its seed's offered_groups and task_audience; a table a trigger would keep needs a step of
      // its own, see above)
      await client.query(`set local session_replication_role = replica`);
      await client.query(COPY_SQL, [from, to, copies, new Date(now - SPAN_DAYS * DAY), SPAN_DAYS * DAY, OPEN_DAYS * DAY, new Date(now)]);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
    log(`  ${to + 1} / ${copies} copies (${Math.round(performance.now() - t)} ms)`);
  }
  const { rows: [n] } = await pool.query<{ n: number }>('select count(*)::int as n from cases');
  return n.n;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '建国秀英志强丽娟海军桂兰德明玉梅文华永红春花晓东伟平金凤淑珍国庆小燕红霞立新俊杰雪梅家豪子涵思远梓轩欣怡浩然雨桐宇航佳琪';
const PLACES = '东关,西街,南河,北山,城关,新庄,杨家湾,李家坪,王家沟,马莲滩,河东,河西,上营,下营,中街,前进,红星,和平,团结,胜利,新华,光明,幸福,永安,太平,长乐,青石,柳树,桃园,杏林';

/**
 * One batch of copies $1..$2 of $3: copy i is made at $4 + i/$3 of $5 (so numbers rise with time),
 * from an open seed when it is younger than $6 before $7, else from a closed one; its unit is one
 * of its pack's units in turn; its title gets a place name and its applicant a name of its own.
 */
const COPY_SQL = `
with params as (
  select (select count(*) from bench_seeds where open) as n_open, (select count(*) from bench_seeds where not open) as n_done
), m as (
  select g as i, gen_random_uuid() as new_id, nextval('cases_number_seq') as new_number,
         $4::timestamptz + (g::float8 / $3::float8) * ($5::float8 * interval '1 millisecond') + ((g::bigint * 7919) % 3600) * interval '1 second' as at
    from generate_series($1::int, $2::int) g
), picked as (
  select m.*, s.id as seed_id,
         (string_to_array('${PLACES}', ','))[1 + (m.i * 31 % 30)] as place,
         substr('${SURNAMES}', 1 + (m.i * 7 % ${SURNAMES.length}), 1)
           || substr('${GIVEN}', 1 + (m.i * 13 % (${GIVEN.length} - 1)), 1 + (m.i % 2)) as applicant
    from m cross join params p
    join bench_seeds s on (s.open = (m.at > $7::timestamptz - $6::float8 * interval '1 millisecond' and p.n_open > 0))
                      and s.k = m.i % (case when m.at > $7::timestamptz - $6::float8 * interval '1 millisecond' and p.n_open > 0 then p.n_open else p.n_done end)
), mapped as (
  select p.*, c.created_at as seed_at, p.at - c.created_at as shift, c.unit as seed_unit,
         coalesce((select u.unit from bench_units u where u.pack = split_part(c.process_key, '/', 1)
                    and u.k = p.i % (select count(*) from bench_units v where v.pack = split_part(c.process_key, '/', 1))), c.unit) as unit
    from picked p join cases c on c.id = p.seed_id
), new_cases as (
  insert into cases (id, number, definition_id, process_key, status, version, state, variables, routing, title, type, channel, unit,
                     created_by, created_at, updated_at, completed_at, suspended_at, offered_groups, task_audience)
  select m.new_id, m.new_number, c.definition_id, c.process_key, c.status, c.version,
         case when c.status in ('active', 'incident') then c.state else '{}'::jsonb end,
         case when c.variables -> 'data' ? 'applicant'
              then jsonb_set(jsonb_set(c.variables, '{data,applicant}', to_jsonb(m.applicant)), '{data,unit}', to_jsonb(m.unit))
              else c.variables end,
         c.routing, m.place || coalesce(c.title, c.type, ''), c.type, c.channel, m.unit,
         c.created_by, m.at, c.updated_at + m.shift, c.completed_at + m.shift, c.suspended_at + m.shift, c.offered_groups,
         array(select case when k like 'l:%@' || m.seed_unit then left(k, length(k) - length(m.seed_unit)) || m.unit else k end
                 from unnest(c.task_audience) k)
    from mapped m join cases c on c.id = m.seed_id
  returning id
), new_tasks as (
  insert into tasks (id, case_id, execution_id, element_id, name, form_key, candidate_groups, assignee, unit, iteration, item,
                     due_at, priority, status, data, created_at, completed_at, completed_by, warn_at)
  select md5(m.new_id::text || t.id::text)::uuid, m.new_id, t.execution_id, t.element_id, t.name, t.form_key, t.candidate_groups,
         t.assignee, case when t.unit = m.seed_unit then m.unit else t.unit end, t.iteration, t.item,
         t.due_at + m.shift, t.priority, t.status, t.data, t.created_at + m.shift, t.completed_at + m.shift, t.completed_by, t.warn_at + m.shift
    from mapped m join tasks t on t.case_id = m.seed_id
   where exists (select 1 from new_cases)
  returning id
)
insert into history (case_id, at, actor, kind, element_id, task_id, data)
select m.new_id, h.at + m.shift, h.actor, h.kind, h.element_id,
       case when h.task_id is null then null else md5(m.new_id::text || h.task_id::text)::uuid end, h.data
  from mapped m join history h on h.case_id = m.seed_id
 where exists (select 1 from new_tasks)
 order by m.i, h.id`;
