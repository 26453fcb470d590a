-- Reads that do not scan at a million cases.
--
-- Lists page by a keyset (created_at, number), newest first (an index read backwards): one index
-- per way a list is narrowed.
-- (The plain newest-first one is at the end: it carries columns made below.)
create index cases_unit_created_idx on cases (unit, created_at, number);
drop index if exists cases_unit_idx;
create index cases_creator_idx on cases (created_by, created_at, number);
-- 公示: closed cases, last closed first.
create index cases_completed_idx on cases (completed_at desc nulls last, number desc) where status = 'completed';
-- Tasks offered to a department in the past (a handler's visibility) and done by someone.
create index tasks_groups_idx on tasks using gin (candidate_groups);
create index tasks_completed_by_idx on tasks (completed_by) where completed_by is not null;
-- Inboxes and task lists in their order (soonest due first).
create index tasks_open_order_idx on tasks ((coalesce(due_at, 'infinity'::timestamptz)), created_at, id) where status = 'open';

-- Search (q) by Chinese substrings: pg_trgm indexes CJK only where the database's locale calls
-- them letters (C.UTF-8 does, plain C does not), and its trigrams cannot find a two-character word
-- (most Chinese names and terms) inside a longer run of text; so the engine keeps its own bigrams. A case's
-- search text is its title, type, number and the party names of its intake (data.applicant,
-- data.respondent); its bigrams (two characters side by side, lower-cased, none with a space) are a
-- GIN-indexed column. A query of two characters or more must contain all its bigrams (the index)
-- and the text itself (the recheck); one character is matched on the text alone.
create function case_search_text(title text, type text, number bigint, variables jsonb) returns text
  language sql immutable parallel safe
  return lower(concat_ws(' | ', title, type, number::text, variables -> 'data' ->> 'applicant', variables -> 'data' ->> 'respondent'));

create function search_bigrams(s text) returns text[]
  language sql immutable strict parallel safe
  return array(select distinct substr(s, i, 2) from generate_series(1, length(s) - 1) i where substr(s, i, 2) !~ '\s');

alter table cases add column search_text text
  generated always as (case_search_text(title, type, number, variables)) stored;
alter table cases add column search_grams text[]
  generated always as (search_bigrams(case_search_text(title, type, number, variables))) stored;
create index cases_search_idx on cases using gin (search_grams);

-- A handler sees the cases any task of which is or was offered to one of their departments. The
-- case keeps those departments (every candidate group any of its tasks ever had: at creation,
-- before and after each 转办 / 退回), so the test is on the case row itself instead of a search of
-- its history. Kept by a trigger on tasks; filled here from the tasks and the history.
alter table cases add column offered_groups text[] not null default '{}';

update cases c set offered_groups = o.groups
  from (select case_id, array_agg(distinct g order by g) as groups from (
          select case_id, unnest(candidate_groups) as g from tasks
          union all
          select h.case_id, jsonb_array_elements_text(v) from history h,
                 lateral (values (h.data -> 'candidateGroups'), (h.data -> 'from')) x(v)
           where h.kind in ('task.created', 'task.transferred', 'task.returned') and jsonb_typeof(v) = 'array'
        ) s group by case_id) o
 where o.case_id = c.id;

create function cases_note_offered_groups() returns trigger language plpgsql as $$
begin
  if cardinality(new.candidate_groups) > 0 then
    update cases set offered_groups = array(select distinct g from unnest(offered_groups || new.candidate_groups) g order by g)
     where id = new.case_id and not offered_groups @> new.candidate_groups;
  end if;
  return null;
end $$;
create trigger tasks_note_offered_groups after insert or update of candidate_groups on tasks
  for each row execute function cases_note_offered_groups();

-- The rest of a handler's view of a case, on the case row too: who its tasks are assigned to
-- ('u:' name), who completed them ('c:' name) and each candidate group with the task's unit
-- ('l:' group '@' unit, for offers to a level within the reader's units) — as its tasks are now,
-- recomputed by a trigger whenever a task of the case is inserted or one of those columns changes.
alter table cases add column task_audience text[] not null default '{}';

create function case_task_audience(case_id uuid) returns text[] language sql stable
  return array(select distinct k from tasks t,
    lateral (select 'u:' || t.assignee where t.assignee is not null
             union all select 'c:' || t.completed_by where t.completed_by is not null
             union all select 'l:' || g || '@' || t.unit from unnest(t.candidate_groups) g where t.unit is not null) x(k)
   where t.case_id = case_task_audience.case_id order by k);

update cases c set task_audience = case_task_audience(c.id) where exists (select 1 from tasks t where t.case_id = c.id);

create function cases_note_task_audience() returns trigger language plpgsql as $$
declare
  audience text[] := case_task_audience(new.case_id);
begin
  update cases set task_audience = audience where id = new.case_id and task_audience is distinct from audience;
  return null;
end $$;
create trigger tasks_note_task_audience after insert or update of assignee, completed_by, candidate_groups, unit on tasks
  for each row execute function cases_note_task_audience();

-- Newest first, unnarrowed: the index carries what the scoped tests read, so that the walk of a
-- scoped list decides most rows from the index alone (an index-only scan), without reading the case.
create index cases_created_idx on cases (created_at, number) include (id, unit, created_by, offered_groups, task_audience);
