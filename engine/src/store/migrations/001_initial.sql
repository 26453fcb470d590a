-- yizhan store, version 1: definitions, cases, tasks, timers, incidents, history.

create table definitions (
  id             bigserial primary key,
  key            text not null,            -- process key, e.g. "longxi/dispute"
  version        integer not null,
  name           text,
  process_id     text not null,
  bpmn           text not null,
  source_context jsonb not null,           -- serialised moddle context, parsed once at deploy
  forms          jsonb not null default '{}',
  rule_sets      jsonb not null default '{}',
  org            jsonb,
  meta           jsonb not null default '{}',
  deployed_by    text,
  created_at     timestamptz not null default now(),
  unique (key, version)
);

create table cases (
  id            uuid primary key,
  number        bigserial unique,
  definition_id bigint not null references definitions(id),
  process_key   text not null,
  status        text not null check (status in ('active', 'completed', 'incident', 'failed')),
  version       integer not null default 1,  -- bumped on every committed step (optimistic cache check)
  state         jsonb not null,              -- bpmn-engine state without the definition source
  variables     jsonb not null default '{}',
  routing       jsonb,                       -- last routing decision with its explanation
  title         text,
  type          text,
  channel       text,
  unit          text,                        -- org unit the case belongs to (scoping)
  created_by    text,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  completed_at  timestamptz
);
create index cases_status_idx on cases (status, created_at desc);
create index cases_unit_idx on cases (unit, created_at desc);
create index cases_type_idx on cases (type, created_at desc);
create index cases_process_idx on cases (process_key, created_at desc);

create table tasks (
  id               uuid primary key default gen_random_uuid(),
  case_id          uuid not null references cases(id) on delete cascade,
  execution_id     text not null,            -- bpmn-engine execution id, stable across recover
  element_id       text not null,
  name             text,
  form_key         text,
  candidate_groups text[] not null default '{}',
  assignee         text,
  unit             text,
  iteration        integer,                  -- multi-instance index
  item             jsonb,                    -- multi-instance element (e.g. the department)
  due_at           timestamptz,
  priority         integer,
  status           text not null default 'open' check (status in ('open', 'completed', 'cancelled')),
  data             jsonb,
  created_at       timestamptz not null,
  completed_at     timestamptz,
  completed_by     text,
  unique (case_id, execution_id)
);
create index tasks_open_groups_idx on tasks using gin (candidate_groups) where status = 'open';
create index tasks_open_assignee_idx on tasks (assignee) where status = 'open';
create index tasks_open_due_idx on tasks (due_at) where status = 'open';
create index tasks_case_idx on tasks (case_id);

create table timers (
  id           bigserial primary key,
  case_id      uuid not null references cases(id) on delete cascade,
  execution_id text not null,
  element_id   text not null,
  expression   text,
  due_at       timestamptz not null,
  status       text not null default 'pending' check (status in ('pending', 'fired', 'cancelled')),
  created_at   timestamptz not null,
  fired_at     timestamptz,
  unique (case_id, execution_id)
);
create index timers_due_idx on timers (due_at) where status = 'pending';

create table incidents (
  id          bigserial primary key,
  case_id     uuid not null references cases(id) on delete cascade,
  element_id  text not null,
  message     text not null,
  status      text not null default 'open' check (status in ('open', 'resolved')),
  attempts    integer not null default 1,
  created_at  timestamptz not null,
  resolved_at timestamptz
);
create index incidents_open_idx on incidents (case_id) where status = 'open';

-- Append-only: the case history is evidence; nothing may rewrite it.
create table history (
  id         bigserial primary key,
  case_id    uuid not null references cases(id) on delete cascade,
  at         timestamptz not null,
  actor      text,
  kind       text not null,
  element_id text,
  task_id    uuid,
  data       jsonb
);
create index history_case_idx on history (case_id, id);

create function history_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'history is append-only';
end $$;
create trigger history_no_update before update on history for each row execute function history_is_append_only();
