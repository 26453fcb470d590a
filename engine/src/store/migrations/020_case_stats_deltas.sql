-- Statistics without a hot row. A step used to add its case's change to the rollups' rows in
-- its own transaction (008, 016): every step of a day, a unit and a type updated the same rows and
-- held their locks until it committed, so concurrent steps, from any number of server processes,
-- queued on them one at a time. Now a step only appends its change as delta rows (no lock on
-- anything shared), and case_stats_fold() — the timer sweeper calls it, one process at a time —
-- moves the deltas into the rollups in a transaction of its own. Readers read the rollups plus the
-- deltas not folded yet (the *_all views), so the figures are exact at every moment; folding only
-- keeps the deltas few.

create table case_stats_daily_delta (like case_stats_daily);
create table case_stats_daily_dept_delta (like case_stats_daily_dept);

-- What a reader sums: the rollup's rows and the pending deltas of the same grain.
create view case_stats_daily_all as
  select * from case_stats_daily union all select * from case_stats_daily_delta;
create view case_stats_daily_dept_all as
  select * from case_stats_daily_dept union all select * from case_stats_daily_dept_delta;
create view case_stats_monthly_all as
  select * from case_stats_monthly
  union all
  select date_trunc('month', day)::date, process_key, unit, type, channel, case_class, handling_level, due_day,
         total, closed, withdrawn, refused, on_time, mediated, succeeded, rated, satisfied, basic,
         dissatisfied, first_resolved, backlog, backlog_resolved, aging
    from case_stats_daily_delta;
create view case_stats_monthly_dept_all as
  select * from case_stats_monthly_dept
  union all
  select date_trunc('month', day)::date, process_key, unit, department, due_day,
         total, closed, withdrawn, refused, on_time, mediated, succeeded, rated, satisfied, basic,
         dissatisfied, first_resolved, backlog, backlog_resolved, aging
    from case_stats_daily_dept_delta;

-- A case's change (`o` × −1, `n` × +1) as delta rows of the daily grains; the monthly ones are
-- derived from them when folded.
create or replace function case_stats_apply(o case_facts, n case_facts) returns void language plpgsql as $$
begin
  insert into case_stats_daily_delta
  select f.day, f.process_key, f.unit, f.type, f.channel, f.case_class, f.handling_level, f.due_day,
         sum(f.sign * f.total), sum(f.sign * f.closed), sum(f.sign * f.withdrawn), sum(f.sign * f.refused),
         sum(f.sign * f.on_time), sum(f.sign * f.mediated), sum(f.sign * f.succeeded), sum(f.sign * f.rated),
         sum(f.sign * f.satisfied), sum(f.sign * f.basic), sum(f.sign * f.dissatisfied),
         sum(f.sign * f.first_resolved), sum(f.sign * f.backlog), sum(f.sign * f.backlog_resolved),
         sum(f.sign * f.aging)
    from (select (o).*, -1 as sign where (o).case_id is not null
          union all select (n).*, 1 where (n).case_id is not null) f
   group by 1, 2, 3, 4, 5, 6, 7, 8;
  insert into case_stats_daily_dept_delta
  select f.day, f.process_key, f.unit, g, f.due_day,
         sum(f.sign * f.total), sum(f.sign * f.closed), sum(f.sign * f.withdrawn), sum(f.sign * f.refused),
         sum(f.sign * f.on_time), sum(f.sign * f.mediated), sum(f.sign * f.succeeded), sum(f.sign * f.rated),
         sum(f.sign * f.satisfied), sum(f.sign * f.basic), sum(f.sign * f.dissatisfied),
         sum(f.sign * f.first_resolved), sum(f.sign * f.backlog), sum(f.sign * f.backlog_resolved),
         sum(f.sign * f.aging)
    from (select (o).*, -1 as sign where (o).case_id is not null
          union all select (n).*, 1 where (n).case_id is not null) f
         cross join lateral unnest(f.departments) g
   group by 1, 2, 3, 4, 5;
end $$;

-- Moves the pending deltas into the daily and monthly rollups (rows whose total falls to 0 go) and
-- returns how many it moved. One fold at a time (an advisory lock; a second caller returns 0 at
-- once); steps go on appending meanwhile, and what they append waits for the next fold.
create function case_stats_fold() returns int language plpgsql set jit = off as $$
declare
  d case_stats_daily_delta[];
  g case_stats_daily_dept_delta[];
  k record;
begin
  if not pg_try_advisory_xact_lock(hashtext('yizhan.case_stats_fold')) then return 0; end if;
  with moved(x) as (delete from case_stats_daily_delta x returning x) select coalesce(array_agg(x),
  '{}') into d from moved;
  with moved(x) as (delete from case_stats_daily_dept_delta x returning x) select coalesce(array_agg(x),
  '{}') into g from moved;
  if cardinality(d) + cardinality(g) = 0 then return 0; end if;
  for k in
    insert into case_stats_daily as r
    select x.day, x.process_key, x.unit, x.type, x.channel, x.case_class, x.handling_level, x.due_day,
           sum(x.total), sum(x.closed), sum(x.withdrawn), sum(x.refused), sum(x.on_time), sum(x.mediated),
           sum(x.succeeded), sum(x.rated), sum(x.satisfied), sum(x.basic), sum(x.dissatisfied),
           sum(x.first_resolved), sum(x.backlog), sum(x.backlog_resolved), sum(x.aging)
      from unnest(d) x
     group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (day, process_key, unit, type, channel, case_class, handling_level, due_day) do update set
    total = r.total + excluded.total, closed = r.closed + excluded.closed,
    withdrawn = r.withdrawn + excluded.withdrawn,
    refused = r.refused + excluded.refused, on_time = r.on_time + excluded.on_time,
    mediated = r.mediated + excluded.mediated, succeeded = r.succeeded + excluded.succeeded,
    rated = r.rated + excluded.rated, satisfied = r.satisfied + excluded.satisfied, basic = r.basic + excluded.basic,
    dissatisfied = r.dissatisfied + excluded.dissatisfied,
    first_resolved = r.first_resolved + excluded.first_resolved,
    backlog = r.backlog + excluded.backlog, backlog_resolved = r.backlog_resolved + excluded.backlog_resolved,
    aging = r.aging + excluded.aging
    returning r.day, r.process_key, r.unit, r.type, r.channel, r.case_class, r.handling_level, r.due_day, r.total
  loop
    if k.total = 0 then
      delete from case_stats_daily r where r.day = k.day and r.process_key = k.process_key
        and r.unit is not distinct from k.unit and r.type is not distinct from k.type
        and r.channel is not distinct from k.channel and r.case_class is not distinct from k.case_class
        and r.handling_level is not distinct from k.handling_level and r.due_day is not distinct from k.due_day;
    end if;
  end loop;
  for k in
    insert into case_stats_monthly as r
    select date_trunc('month', x.day)::date, x.process_key, x.unit, x.type, x.channel, x.case_class,
    x.handling_level, x.due_day,
           sum(x.total), sum(x.closed), sum(x.withdrawn), sum(x.refused), sum(x.on_time), sum(x.mediated),
           sum(x.succeeded), sum(x.rated), sum(x.satisfied), sum(x.basic), sum(x.dissatisfied),
           sum(x.first_resolved), sum(x.backlog), sum(x.backlog_resolved), sum(x.aging)
      from unnest(d) x
     group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (day, process_key, unit, type, channel, case_class, handling_level, due_day) do update set
    total = r.total + excluded.total, closed = r.closed + excluded.closed,
    withdrawn = r.withdrawn + excluded.withdrawn,
    refused = r.refused + excluded.refused, on_time = r.on_time + excluded.on_time,
    mediated = r.mediated + excluded.mediated, succeeded = r.succeeded + excluded.succeeded,
    rated = r.rated + excluded.rated, satisfied = r.satisfied + excluded.satisfied, basic = r.basic + excluded.basic,
    dissatisfied = r.dissatisfied + excluded.dissatisfied,
    first_resolved = r.first_resolved + excluded.first_resolved,
    backlog = r.backlog + excluded.backlog, backlog_resolved = r.backlog_resolved + excluded.backlog_resolved,
    aging = r.aging + excluded.aging
    returning r.day, r.process_key, r.unit, r.type, r.channel, r.case_class, r.handling_level, r.due_day, r.total
  loop
    if k.total = 0 then
      delete from case_stats_monthly r where r.day = k.day and r.process_key = k.process_key
        and r.unit is not distinct from k.unit and r.type is not distinct from k.type
        and r.channel is not distinct from k.channel and r.case_class is not distinct from k.case_class
        and r.handling_level is not distinct from k.handling_level and r.due_day is not distinct from k.due_day;
    end if;
  end loop;
  for k in
    insert into case_stats_daily_dept as r
    select x.day, x.process_key, x.unit, x.department, x.due_day,
           sum(x.total), sum(x.closed), sum(x.withdrawn), sum(x.refused), sum(x.on_time), sum(x.mediated),
           sum(x.succeeded), sum(x.rated), sum(x.satisfied), sum(x.basic), sum(x.dissatisfied),
           sum(x.first_resolved), sum(x.backlog), sum(x.backlog_resolved), sum(x.aging)
      from unnest(g) x
     group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (day, process_key, unit, department, due_day) do update set
    total = r.total + excluded.total, closed = r.closed + excluded.closed,
    withdrawn = r.withdrawn + excluded.withdrawn,
    refused = r.refused + excluded.refused, on_time = r.on_time + excluded.on_time,
    mediated = r.mediated + excluded.mediated, succeeded = r.succeeded + excluded.succeeded,
    rated = r.rated + excluded.rated, satisfied = r.satisfied + excluded.satisfied, basic = r.basic + excluded.basic,
    dissatisfied = r.dissatisfied + excluded.dissatisfied,
    first_resolved = r.first_resolved + excluded.first_resolved,
    backlog = r.backlog + excluded.backlog, backlog_resolved = r.backlog_resolved + excluded.backlog_resolved,
    aging = r.aging + excluded.aging
    returning r.day, r.process_key, r.unit, r.department, r.due_day, r.total
  loop
    if k.total = 0 then
      delete from case_stats_daily_dept r where r.day = k.day and r.process_key = k.process_key
        and r.unit is not distinct from k.unit and r.department = k.department
        and r.due_day is not distinct from k.due_day;
    end if;
  end loop;
  for k in
    insert into case_stats_monthly_dept as r
    select date_trunc('month', x.day)::date, x.process_key, x.unit, x.department, x.due_day,
           sum(x.total), sum(x.closed), sum(x.withdrawn), sum(x.refused), sum(x.on_time), sum(x.mediated),
           sum(x.succeeded), sum(x.rated), sum(x.satisfied), sum(x.basic), sum(x.dissatisfied),
           sum(x.first_resolved), sum(x.backlog), sum(x.backlog_resolved), sum(x.aging)
      from unnest(g) x
     group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (day, process_key, unit, department, due_day) do update set
    total = r.total + excluded.total, closed = r.closed + excluded.closed,
    withdrawn = r.withdrawn + excluded.withdrawn,
    refused = r.refused + excluded.refused, on_time = r.on_time + excluded.on_time,
    mediated = r.mediated + excluded.mediated, succeeded = r.succeeded + excluded.succeeded,
    rated = r.rated + excluded.rated, satisfied = r.satisfied + excluded.satisfied, basic = r.basic + excluded.basic,
    dissatisfied = r.dissatisfied + excluded.dissatisfied,
    first_resolved = r.first_resolved + excluded.first_resolved,
    backlog = r.backlog + excluded.backlog, backlog_resolved = r.backlog_resolved + excluded.backlog_resolved,
    aging = r.aging + excluded.aging
    returning r.day, r.process_key, r.unit, r.department, r.due_day, r.total
  loop
    if k.total = 0 then
      delete from case_stats_monthly_dept r where r.day = k.day and r.process_key = k.process_key
        and r.unit is not distinct from k.unit and r.department = k.department
        and r.due_day is not distinct from k.due_day;
    end if;
  end loop;
  return cardinality(d) + cardinality(g);
end $$;

-- Everything again from the raw rows (as in 016); the pending deltas are part of what is rebuilt.
create or replace function case_stats_rebuild() returns void language plpgsql as $$
begin
  lock table case_facts, case_stats_daily, case_stats_daily_dept, case_stats_monthly, case_stats_monthly_dept,
             case_stats_daily_delta, case_stats_daily_dept_delta in exclusive mode;
  truncate case_facts, case_stats_daily, case_stats_daily_dept, case_stats_monthly, case_stats_monthly_dept,
           case_stats_daily_delta, case_stats_daily_dept_delta;
  insert into case_facts select * from case_facts_source;
  insert into case_stats_daily
  select day, process_key, unit, type, channel, case_class, handling_level, due_day,
         sum(total), sum(closed), sum(withdrawn), sum(refused), sum(on_time), sum(mediated), sum(succeeded),
         sum(rated), sum(satisfied), sum(basic), sum(dissatisfied), sum(first_resolved), sum(backlog),
         sum(backlog_resolved), sum(aging)
    from case_facts group by 1, 2, 3, 4, 5, 6, 7, 8;
  insert into case_stats_daily_dept
  select day, process_key, unit, g, due_day,
         sum(total), sum(closed), sum(withdrawn), sum(refused), sum(on_time), sum(mediated), sum(succeeded),
         sum(rated), sum(satisfied), sum(basic), sum(dissatisfied), sum(first_resolved), sum(backlog),
         sum(backlog_resolved), sum(aging)
    from case_facts cross join lateral unnest(departments) g group by 1, 2, 3, 4, 5;
  insert into case_stats_monthly
  select date_trunc('month', day)::date, process_key, unit, type, channel, case_class, handling_level, due_day,
         sum(total), sum(closed), sum(withdrawn), sum(refused), sum(on_time), sum(mediated), sum(succeeded),
         sum(rated), sum(satisfied), sum(basic), sum(dissatisfied), sum(first_resolved), sum(backlog),
         sum(backlog_resolved), sum(aging)
    from case_stats_daily group by 1, 2, 3, 4, 5, 6, 7, 8;
  insert into case_stats_monthly_dept
  select date_trunc('month', day)::date, process_key, unit, department, due_day,
         sum(total), sum(closed), sum(withdrawn), sum(refused), sum(on_time), sum(mediated), sum(succeeded),
         sum(rated), sum(satisfied), sum(basic), sum(dissatisfied), sum(first_resolved), sum(backlog),
         sum(backlog_resolved), sum(aging)
    from case_stats_daily_dept group by 1, 2, 3, 4, 5;
end $$;
