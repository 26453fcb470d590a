-- The rollups' due days, folded once they have passed. An open case's rollup rows are keyed by its
-- due day (due_day), because whether it counts as overdue depends on the day of the read
-- (statistics-rollup.ts: overdue = due_day before today). Once a due day is in the past it stays
-- there, and the rows of every past due day count alike; keeping them apart only multiplied the
-- rows: at a million cases the three newest months held most of the monthly rollup's rows, one per
-- due day of the cases still open. The sweeper's fold now moves the rows of due days before
-- yesterday (a day of margin for the clocks of several server processes) onto one key,
-- due_day = -infinity, which every read counts as overdue. Sums are linear, so a later change of
-- such a case (its delta still carries the real due day) lands on a row of its own first and is
-- moved onto the same key by the next fold: the figures stay exactly what they were.

create index case_stats_daily_due_idx on case_stats_daily (due_day) where due_day is not null;
create index case_stats_monthly_due_idx on case_stats_monthly (due_day) where due_day is not null;
create index case_stats_daily_dept_due_idx on case_stats_daily_dept (due_day) where due_day is not null;
create index case_stats_monthly_dept_due_idx on case_stats_monthly_dept (due_day) where due_day is not null;

-- Moves one rollup's rows of due days before `upto` onto due_day = -infinity (summed with what is
-- there) and drops such a row whose total falls to 0; how many rows it moved. `keys`: the rollup's
-- key columns other than due_day, as its unique index lists them.
create function case_stats_fold_due_days(rollup regclass, keys text, upto date) returns int language plpgsql as $$
declare
  counters constant text[] := array['total', 'closed', 'withdrawn', 'refused', 'on_time', 'mediated', 'succeeded',
    'rated', 'satisfied', 'basic', 'dissatisfied', 'first_resolved', 'backlog', 'backlog_resolved', 'aging'];
  moved int;
  emptied int;
begin
  execute format(
    'with moved as (delete from %1$s r where r.due_day < $1 and r.due_day > ''-infinity'' returning r.*),
          added as (insert into %1$s as r (%2$s, due_day, %3$s)
                    select %2$s, ''-infinity''::date, %4$s from moved group by %2$s
                    on conflict (%2$s, due_day) do update set %5$s
                    returning r.total)
     select (select count(*)::int from moved), (select count(*)::int from added where total = 0)',
    rollup, keys, array_to_string(counters, ', '),
    (select string_agg(format('sum(%1$I)', c), ', ') from unnest(counters) c),
    (select string_agg(format('%1$I = r.%1$I + excluded.%1$I', c), ', ') from unnest(counters) c))
    into moved, emptied using upto;
  -- (a row whose cases have all moved elsewhere is gone, not kept at zero, as in the fold of deltas)
  if emptied > 0 then
    execute format('delete from %s where due_day = ''-infinity'' and total = 0', rollup);
  end if;
  return moved;
end $$;

-- The fold of 020, which moves the pending deltas, keeps its work under a name of its own; the
-- sweeper's fold now also folds the due days before yesterday, given the Beijing day of the
-- engine's clock (`today`). Returns how many deltas it moved.
alter function case_stats_fold() rename to case_stats_fold_deltas;
create function case_stats_fold(today date default null) returns int language plpgsql set jit = off as $$
declare
  moved int;
begin
  -- one fold at a time (the lock case_stats_fold_deltas takes again is the same transaction's)
  if not pg_try_advisory_xact_lock(hashtext('yizhan.case_stats_fold')) then return 0; end if;
  moved := case_stats_fold_deltas();
  if today is not null then
    perform case_stats_fold_due_days('case_stats_daily', 'day, process_key, unit, type, channel, case_class, handling_level', today - 1);
    perform case_stats_fold_due_days('case_stats_monthly', 'day, process_key, unit, type, channel, case_class, handling_level', today - 1);
    perform case_stats_fold_due_days('case_stats_daily_dept', 'day, process_key, unit, department', today - 1);
    perform case_stats_fold_due_days('case_stats_monthly_dept', 'day, process_key, unit, department', today - 1);
  end if;
  return moved;
end $$;
