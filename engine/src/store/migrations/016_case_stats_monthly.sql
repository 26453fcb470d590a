-- Whole months from a monthly rollup. A day of the daily rollups holds about as many rows as the
-- day has cases (day × process × unit × type × channel × class × level hardly repeats), so a year's
-- statistics read about a row per case. case_stats_monthly and case_stats_monthly_dept hold the
-- same counters summed per calendar month (Beijing time; `day` is the month's first day), kept by
-- the same function in the same transaction as the daily ones and rebuilt with them. A range reads
-- its whole months here and only the days at its ends (and the month 积案 by age turns in) from
-- the daily rollups (CaseStatistics.rollupOn).

create table case_stats_monthly (like case_stats_daily);
create unique index case_stats_monthly_key on case_stats_monthly
  (day, process_key, unit, type, channel, case_class, handling_level, due_day) nulls not distinct;
create index case_stats_monthly_unit_idx on case_stats_monthly (unit, day);

create table case_stats_monthly_dept (like case_stats_daily_dept);
create unique index case_stats_monthly_dept_key on case_stats_monthly_dept (day, process_key, unit, department, due_day) nulls not distinct;
create index case_stats_monthly_dept_unit_idx on case_stats_monthly_dept (unit, day);

-- Adds `o` × −1 and `n` × +1 to the daily and the monthly rollups (as in 008).
create or replace function case_stats_apply(o case_facts, n case_facts) returns void language plpgsql as $$
begin
  insert into case_stats_daily as r
  select f.day, f.process_key, f.unit, f.type, f.channel, f.case_class, f.handling_level, f.due_day,
         sum(f.sign * f.total), sum(f.sign * f.closed), sum(f.sign * f.withdrawn), sum(f.sign * f.refused), sum(f.sign * f.on_time),
         sum(f.sign * f.mediated), sum(f.sign * f.succeeded), sum(f.sign * f.rated), sum(f.sign * f.satisfied), sum(f.sign * f.basic),
         sum(f.sign * f.dissatisfied), sum(f.sign * f.first_resolved), sum(f.sign * f.backlog), sum(f.sign * f.backlog_resolved), sum(f.sign * f.aging)
    from (select (o).*, -1 as sign where (o).case_id is not null union all select (n).*, 1 where (n).case_id is not null) f
   group by 1, 2, 3, 4, 5, 6, 7, 8
   order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict (day, process_key, unit, type, channel, case_class, handling_level, due_day) do update set
    total = r.total + excluded.total, closed = r.closed + excluded.closed, withdrawn = r.withdrawn + excluded.withdrawn,
    refused = r.refused + excluded.refused, on_time = r.on_time + excluded.on_time, mediated = r.mediated + excluded.mediated,
    succeeded = r.succeeded + excluded.succeeded, rated = r.rated + excluded.rated, satisfied = r.satisfied + excluded.satisfied,
    basic = r.basic + excluded.basic, dissatisfied = r.dissatisfied + excluded.dissatisfied,
    first_resolved = r.first_resolved + excluded.first_resolved, backlog = r.backlog + excluded.backlog,
    backlog_resolved = r.backlog_resolved + excluded.backlog_resolved, aging = r.aging + excluded.aging;
  if (o).case_id is not null then
    delete from case_stats_daily r where r.total = 0 and r.day = (o).day and r.process_key = (o).process_key
      and r.unit is not distinct from (o).unit and r.type is not distinct from (o).type and r.channel is not distinct from (o).channel
      and r.case_class is not distinct from (o).case_class and r.handling_level is not distinct from (o).handling_level
      and r.due_day is not distinct from (o).due_day;
  end if;

  insert into case_stats_daily_dept as r
  select f.day, f.process_key, f.unit, g, f.due_day,
         sum(f.sign * f.total), sum(f.sign * f.closed), sum(f.sign * f.withdrawn), sum(f.sign * f.refused), sum(f.sign * f.on_time),
         sum(f.sign * f.mediated), sum(f.sign * f.succeeded), sum(f.sign * f.rated), sum(f.sign * f.satisfied), sum(f.sign * f.basic),
         sum(f.sign * f.dissatisfied), sum(f.sign * f.first_resolved), sum(f.sign * f.backlog), sum(f.sign * f.backlog_resolved), sum(f.sign * f.aging)
    from (select (o).*, -1 as sign where (o).case_id is not null union all select (n).*, 1 where (n).case_id is not null) f
         cross join lateral unnest(f.departments) g
   group by 1, 2, 3, 4, 5
   order by 1, 2, 3, 4, 5
  on conflict (day, process_key, unit, department, due_day) do update set
    total = r.total + excluded.total, closed = r.closed + excluded.closed, withdrawn = r.withdrawn + excluded.withdrawn,
    refused = r.refused + excluded.refused, on_time = r.on_time + excluded.on_time, mediated = r.mediated + excluded.mediated,
    succeeded = r.succeeded + excluded.succeeded, rated = r.rated + excluded.rated, satisfied = r.satisfied + excluded.satisfied,
    basic = r.basic + excluded.basic, dissatisfied = r.dissatisfied + excluded.dissatisfied,
    first_resolved = r.first_resolved + excluded.first_resolved, backlog = r.backlog + excluded.backlog,
    backlog_resolved = r.backlog_resolved + excluded.backlog_resolved, aging = r.aging + excluded.aging;
  if (o).case_id is not null then
    delete from case_stats_daily_dept r where r.total = 0 and r.day = (o).day and r.process_key = (o).process_key
      and r.unit is not distinct from (o).unit and r.department = any((o).departments) and r.due_day is not distinct from (o).due_day;
  end if;

  insert into case_stats_monthly as r
  select date_trunc('month', f.day)::date, f.process_key, f.unit, f.type, f.channel, f.case_class, f.handling_level, f.due_day,
         sum(f.sign * f.total), sum(f.sign * f.closed), sum(f.sign * f.withdrawn), sum(f.sign * f.refused), sum(f.sign * f.on_time),
         sum(f.sign * f.mediated), sum(f.sign * f.succeeded), sum(f.sign * f.rated), sum(f.sign * f.satisfied), sum(f.sign * f.basic),
         sum(f.sign * f.dissatisfied), sum(f.sign * f.first_resolved), sum(f.sign * f.backlog), sum(f.sign * f.backlog_resolved), sum(f.sign * f.aging)
    from (select (o).*, -1 as sign where (o).case_id is not null union all select (n).*, 1 where (n).case_id is not null) f
   group by 1, 2, 3, 4, 5, 6, 7, 8
   order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict (day, process_key, unit, type, channel, case_class, handling_level, due_day) do update set
    total = r.total + excluded.total, closed = r.closed + excluded.closed, withdrawn = r.withdrawn + excluded.withdrawn,
    refused = r.refused + excluded.refused, on_time = r.on_time + excluded.on_time, mediated = r.mediated + excluded.mediated,
    succeeded = r.succeeded + excluded.succeeded, rated = r.rated + excluded.rated, satisfied = r.satisfied + excluded.satisfied,
    basic = r.basic + excluded.basic, dissatisfied = r.dissatisfied + excluded.dissatisfied,
    first_resolved = r.first_resolved + excluded.first_resolved, backlog = r.backlog + excluded.backlog,
    backlog_resolved = r.backlog_resolved + excluded.backlog_resolved, aging = r.aging + excluded.aging;
  if (o).case_id is not null then
    delete from case_stats_monthly r where r.total = 0 and r.day = date_trunc('month', (o).day)::date and r.process_key = (o).process_key
      and r.unit is not distinct from (o).unit and r.type is not distinct from (o).type and r.channel is not distinct from (o).channel
      and r.case_class is not distinct from (o).case_class and r.handling_level is not distinct from (o).handling_level
      and r.due_day is not distinct from (o).due_day;
  end if;

  insert into case_stats_monthly_dept as r
  select date_trunc('month', f.day)::date, f.process_key, f.unit, g, f.due_day,
         sum(f.sign * f.total), sum(f.sign * f.closed), sum(f.sign * f.withdrawn), sum(f.sign * f.refused), sum(f.sign * f.on_time),
         sum(f.sign * f.mediated), sum(f.sign * f.succeeded), sum(f.sign * f.rated), sum(f.sign * f.satisfied), sum(f.sign * f.basic),
         sum(f.sign * f.dissatisfied), sum(f.sign * f.first_resolved), sum(f.sign * f.backlog), sum(f.sign * f.backlog_resolved), sum(f.sign * f.aging)
    from (select (o).*, -1 as sign where (o).case_id is not null union all select (n).*, 1 where (n).case_id is not null) f
         cross join lateral unnest(f.departments) g
   group by 1, 2, 3, 4, 5
   order by 1, 2, 3, 4, 5
  on conflict (day, process_key, unit, department, due_day) do update set
    total = r.total + excluded.total, closed = r.closed + excluded.closed, withdrawn = r.withdrawn + excluded.withdrawn,
    refused = r.refused + excluded.refused, on_time = r.on_time + excluded.on_time, mediated = r.mediated + excluded.mediated,
    succeeded = r.succeeded + excluded.succeeded, rated = r.rated + excluded.rated, satisfied = r.satisfied + excluded.satisfied,
    basic = r.basic + excluded.basic, dissatisfied = r.dissatisfied + excluded.dissatisfied,
    first_resolved = r.first_resolved + excluded.first_resolved, backlog = r.backlog + excluded.backlog,
    backlog_resolved = r.backlog_resolved + excluded.backlog_resolved, aging = r.aging + excluded.aging;
  if (o).case_id is not null then
    delete from case_stats_monthly_dept r where r.total = 0 and r.day = date_trunc('month', (o).day)::date and r.process_key = (o).process_key
      and r.unit is not distinct from (o).unit and r.department = any((o).departments) and r.due_day is not distinct from (o).due_day;
  end if;
end $$;

-- Everything again from the raw rows (as in 008), the monthly rollups summed from the daily ones.
create or replace function case_stats_rebuild() returns void language plpgsql as $$
begin
  lock table case_facts, case_stats_daily, case_stats_daily_dept, case_stats_monthly, case_stats_monthly_dept in exclusive mode;
  truncate case_facts, case_stats_daily, case_stats_daily_dept, case_stats_monthly, case_stats_monthly_dept;
  insert into case_facts select * from case_facts_source;
  insert into case_stats_daily
  select day, process_key, unit, type, channel, case_class, handling_level, due_day,
         sum(total), sum(closed), sum(withdrawn), sum(refused), sum(on_time), sum(mediated), sum(succeeded), sum(rated),
         sum(satisfied), sum(basic), sum(dissatisfied), sum(first_resolved), sum(backlog), sum(backlog_resolved), sum(aging)
    from case_facts group by 1, 2, 3, 4, 5, 6, 7, 8;
  insert into case_stats_daily_dept
  select day, process_key, unit, g, due_day,
         sum(total), sum(closed), sum(withdrawn), sum(refused), sum(on_time), sum(mediated), sum(succeeded), sum(rated),
         sum(satisfied), sum(basic), sum(dissatisfied), sum(first_resolved), sum(backlog), sum(backlog_resolved), sum(aging)
    from case_facts cross join lateral unnest(departments) g group by 1, 2, 3, 4, 5;
  insert into case_stats_monthly
  select date_trunc('month', day)::date, process_key, unit, type, channel, case_class, handling_level, due_day,
         sum(total), sum(closed), sum(withdrawn), sum(refused), sum(on_time), sum(mediated), sum(succeeded), sum(rated),
         sum(satisfied), sum(basic), sum(dissatisfied), sum(first_resolved), sum(backlog), sum(backlog_resolved), sum(aging)
    from case_stats_daily group by 1, 2, 3, 4, 5, 6, 7, 8;
  insert into case_stats_monthly_dept
  select date_trunc('month', day)::date, process_key, unit, department, due_day,
         sum(total), sum(closed), sum(withdrawn), sum(refused), sum(on_time), sum(mediated), sum(succeeded), sum(rated),
         sum(satisfied), sum(basic), sum(dissatisfied), sum(first_resolved), sum(backlog), sum(backlog_resolved), sum(aging)
    from case_stats_daily_dept group by 1, 2, 3, 4, 5;
end $$;


insert into case_stats_monthly
select date_trunc('month', day)::date, process_key, unit, type, channel, case_class, handling_level, due_day,
       sum(total), sum(closed), sum(withdrawn), sum(refused), sum(on_time), sum(mediated), sum(succeeded), sum(rated),
       sum(satisfied), sum(basic), sum(dissatisfied), sum(first_resolved), sum(backlog), sum(backlog_resolved), sum(aging)
  from case_stats_daily group by 1, 2, 3, 4, 5, 6, 7, 8;
insert into case_stats_monthly_dept
select date_trunc('month', day)::date, process_key, unit, department, due_day,
       sum(total), sum(closed), sum(withdrawn), sum(refused), sum(on_time), sum(mediated), sum(succeeded), sum(rated),
       sum(satisfied), sum(basic), sum(dissatisfied), sum(first_resolved), sum(backlog), sum(backlog_resolved), sum(aging)
  from case_stats_daily_dept group by 1, 2, 3, 4, 5;
