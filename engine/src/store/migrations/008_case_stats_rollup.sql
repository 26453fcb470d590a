-- Statistics that don't scan. Every case has one row of facts (case_facts: its dimensions and one
-- 0/1 counter per figure), and the facts are summed per day × process × unit × type × channel ×
-- case class × handling level × overdue day (case_stats_daily) and per day × process × unit ×
-- department × overdue day (case_stats_daily_dept). Both are kept current in the transaction that
-- changes a case: a deferred trigger on cases and tasks recomputes the case's facts at commit
-- (once per case and transaction) from the raw rows and applies the difference to the rollups, so
-- every step — start, complete, return, transfer, withdraw, refuse, suspend / resume, extend, a
-- timer — is counted whatever code path wrote it. A range and grouping is then a small read over
-- the rollup (CaseStatistics, case-statistics.ts), exact at any instant: what depends on the time of
-- the read (overdue, 积案 by age) is kept as a day dimension or counter and finished from the facts
-- of one day.
--
-- What an outcome or a rating is are the caller's step conventions (processes/src/steps.ts); they
-- are stored here (case_stats_conventions) as the packs define them at this version, and
-- CaseStatistics.prepare() rebuilds everything when its caller's conventions differ.
-- Bulk loaders may skip the triggers (`set yizhan.case_stats = 'off'` in their session) and then
-- call `select case_stats_rebuild()` once.

create table case_stats_conventions (
  id          boolean primary key default true check (id),
  conventions jsonb not null
);
insert into case_stats_conventions (conventions) values ('{
  "outcome": { "field": "result", "values": ["success", "failed"] },
  "rating": { "formKey": "evaluation", "field": "satisfaction", "values": ["satisfied", "basic", "dissatisfied"] },
  "nonHandlingForms": ["feedback", "evaluation", "return-visit", "supervise"],
  "backlog": { "flagField": "longStanding", "days": 90 }
}');
analyze case_stats_conventions; -- one row: unanalysed, the planner would guess a thousand

-- The facts of each case as computed from the raw rows now (the same definitions as the recount
-- in case-statistics.ts, written a second time on purpose: a test compares the two).
create view case_facts_source as
select s.case_id, s.process_key, s.day, s.created_at, s.unit, s.type, s.channel, s.case_class, s.handling_level, s.created_by,
       s.status, s.result, s.satisfaction, s.departments, s.overdue_at,
       (s.overdue_at at time zone 'Asia/Shanghai')::date as due_day,
       1 as total,
       (s.status = 'completed')::int as closed,
       (s.status = 'withdrawn')::int as withdrawn,
       (s.status = 'refused')::int as refused,
       (s.status = 'completed' and not s.late)::int as on_time,
       (s.result is not null)::int as mediated,
       coalesce(s.result = s.success, false)::int as succeeded,
       (s.satisfaction is not null)::int as rated,
       coalesce(s.satisfaction = s.rating_values[1], false)::int as satisfied,
       coalesce(s.satisfaction = s.rating_values[2], false)::int as basic,
       coalesce(s.satisfaction = s.rating_values[3], false)::int as dissatisfied,
       -- 初访化解: 办结 with a successful outcome, never returned, transferred or reopened by a rating
       (s.status = 'completed' and coalesce(s.result = s.success, false)
          and not s.rerouted and s.ratings <= 1)::int as first_resolved,
       -- 积案 known for good: flagged long-standing at intake, or 办结 no sooner than `days` after intake
       (s.status not in ('withdrawn', 'refused')
          and (s.flagged or (s.status = 'completed' and s.completed_at >= s.created_at + s.backlog_days * interval '24 hours')))::int as backlog,
       (s.status = 'completed' and coalesce(s.result = s.success, false)
          and (s.flagged or s.completed_at >= s.created_at + s.backlog_days * interval '24 hours'))::int as backlog_resolved,
       -- not ended and not flagged: becomes 积案 once `days` have passed since intake
       (s.status not in ('completed', 'withdrawn', 'refused') and not s.flagged)::int as aging,
       pg_current_xact_id() as xid
  from (
    select c.id as case_id, c.process_key, (c.created_at at time zone 'Asia/Shanghai')::date as day, c.created_at,
           c.unit, c.type, c.channel, c.variables #>> '{decision,caseClass}' as case_class,
           c.variables #>> '{decision,level}' as handling_level, c.created_by, c.status, c.completed_at,
           k.conventions #>> '{outcome,values,0}' as success,
           array(select jsonb_array_elements_text(k.conventions #> '{rating,values}')) as rating_values,
           coalesce((k.conventions #>> '{backlog,days}')::int, 90) as backlog_days,
           coalesce(c.variables #> array['data', k.conventions #>> '{backlog,flagField}'] = 'true'::jsonb, false) as flagged,
           exists (select 1 from tasks lt where lt.case_id = c.id and lt.due_at is not null and lt.completed_at > lt.due_at) as late,
           case when c.status <> 'completed' then (select min(ot.due_at) from tasks ot where ot.case_id = c.id and ot.status = 'open') end as overdue_at,
           (select rt.data ->> (k.conventions #>> '{outcome,field}') from tasks rt
             where rt.case_id = c.id and rt.status = 'completed'
               and rt.data ->> (k.conventions #>> '{outcome,field}') in (select jsonb_array_elements_text(k.conventions #> '{outcome,values}'))
             order by rt.completed_at desc, rt.created_at desc limit 1) as result,
           (select et.data ->> (k.conventions #>> '{rating,field}') from tasks et
             where et.case_id = c.id and et.status = 'completed' and et.form_key = k.conventions #>> '{rating,formKey}'
               and et.data ->> (k.conventions #>> '{rating,field}') in (select jsonb_array_elements_text(k.conventions #> '{rating,values}'))
             order by et.completed_at desc, et.created_at desc limit 1) as satisfaction,
           (select count(*) from tasks vt where vt.case_id = c.id and vt.status = 'completed' and vt.form_key = k.conventions #>> '{rating,formKey}') as ratings,
           exists (select 1 from history h where h.case_id = c.id and h.kind in ('task.returned', 'task.transferred')) as rerouted,
           array(select distinct g from tasks dt cross join lateral unnest(dt.candidate_groups) g
                  where dt.case_id = c.id
                    and not (coalesce(dt.form_key, '') in (select jsonb_array_elements_text(k.conventions -> 'nonHandlingForms')))
                  order by g) as departments
      from cases c cross join case_stats_conventions k
  ) s;

create table case_facts (
  case_id uuid primary key,
  process_key text not null, day date not null, created_at timestamptz not null,
  unit text, type text, channel text, case_class text, handling_level text, created_by text,
  status text not null, result text, satisfaction text, departments text[] not null,
  overdue_at timestamptz, due_day date,
  total int not null, closed int not null, withdrawn int not null, refused int not null, on_time int not null,
  mediated int not null, succeeded int not null, rated int not null, satisfied int not null, basic int not null,
  dissatisfied int not null, first_resolved int not null, backlog int not null, backlog_resolved int not null, aging int not null,
  xid xid8 not null
);
create index case_facts_day_idx on case_facts (day, process_key);
create index case_facts_created_idx on case_facts (created_at);
create index case_facts_due_idx on case_facts (due_day) where due_day is not null;
create index case_facts_creator_idx on case_facts (created_by, day);

create table case_stats_daily (
  day date not null, process_key text not null, unit text, type text, channel text, case_class text, handling_level text, due_day date,
  total int not null, closed int not null, withdrawn int not null, refused int not null, on_time int not null,
  mediated int not null, succeeded int not null, rated int not null, satisfied int not null, basic int not null,
  dissatisfied int not null, first_resolved int not null, backlog int not null, backlog_resolved int not null, aging int not null
);
create unique index case_stats_daily_key on case_stats_daily
  (day, process_key, unit, type, channel, case_class, handling_level, due_day) nulls not distinct;
create index case_stats_daily_unit_idx on case_stats_daily (unit, day);

create table case_stats_daily_dept (
  day date not null, process_key text not null, unit text, department text not null, due_day date,
  total int not null, closed int not null, withdrawn int not null, refused int not null, on_time int not null,
  mediated int not null, succeeded int not null, rated int not null, satisfied int not null, basic int not null,
  dissatisfied int not null, first_resolved int not null, backlog int not null, backlog_resolved int not null, aging int not null
);
create unique index case_stats_daily_dept_key on case_stats_daily_dept (day, process_key, unit, department, due_day) nulls not distinct;
create index case_stats_daily_dept_unit_idx on case_stats_daily_dept (unit, day);

-- Adds `o` × −1 and `n` × +1 (either may be null) to both rollups, rows in key order (two
-- transactions never wait on each other's rows in opposite orders); rows that fall to zero go.
create function case_stats_apply(o case_facts, n case_facts) returns void language plpgsql as $$
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
end $$;

-- Recomputes one case's facts and applies the difference; once per case and transaction. Each
-- query is a few index reads: compiling it (JIT) would cost a hundred times more than running it.
create function case_stats_refresh(p_case uuid) returns void language plpgsql set jit = off as $$
declare
  o case_facts;
  n case_facts;
  same case_facts;
begin
  select * into o from case_facts where case_id = p_case for update;
  if found and o.xid = pg_current_xact_id() then return; end if;
  select * into n from case_facts_source where case_id = p_case;
  if not found then n := null; end if;
  if o.case_id is null and n.case_id is null then return; end if;
  if o.case_id is not null and n.case_id is not null then
    same := n;
    same.xid := o.xid;
    if same is not distinct from o then
      update case_facts set xid = n.xid where case_id = p_case;
      return;
    end if;
  end if;
  perform case_stats_apply(o, n);
  if o.case_id is not null then delete from case_facts where case_id = p_case; end if;
  if n.case_id is not null then insert into case_facts select n.*; end if;
end $$;

create function case_stats_case_changed() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('yizhan.case_stats', true), '') <> 'off' then perform case_stats_refresh(new.id); end if;
  return null;
end $$;
create function case_stats_task_changed() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('yizhan.case_stats', true), '') <> 'off' then perform case_stats_refresh(new.case_id); end if;
  return null;
end $$;
create function case_stats_case_deleted() returns trigger language plpgsql as $$
declare
  o case_facts;
begin
  select * into o from case_facts where case_id = old.id for update;
  if found then
    perform case_stats_apply(o, null);
    delete from case_facts where case_id = old.id;
  end if;
  return old;
end $$;

create constraint trigger case_stats_cases after insert or update on cases
  deferrable initially deferred for each row execute function case_stats_case_changed();
create constraint trigger case_stats_tasks after insert or update on tasks
  deferrable initially deferred for each row execute function case_stats_task_changed();
create trigger case_stats_cases_deleted before delete on cases for each row execute function case_stats_case_deleted();

-- Everything again from the raw rows: for the backfill below, changed conventions and bulk loads.
create function case_stats_rebuild() returns void language plpgsql as $$
begin
  lock table case_facts, case_stats_daily, case_stats_daily_dept in exclusive mode;
  truncate case_facts, case_stats_daily, case_stats_daily_dept;
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
end $$;

select case_stats_rebuild();
