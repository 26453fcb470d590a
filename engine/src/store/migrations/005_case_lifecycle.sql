-- The life of a case beyond 办结: a case can end withdrawn (撤回, through an end event with the
-- camunda property outcome=withdrawn) or refused (不予受理 at intake); its SLA clock can stop and
-- resume (中止 / 恢复: suspended_at), and a task's time limit can be extended on approval (延期).
alter table cases drop constraint if exists cases_status_check;
alter table cases add constraint cases_status_check
  check (status in ('active', 'completed', 'incident', 'failed', 'withdrawn', 'refused'));
alter table cases add column suspended_at timestamptz;

create table deadline_extensions (
  id           bigserial primary key,
  case_id      uuid not null references cases(id) on delete cascade,
  task_id      uuid not null references tasks(id) on delete cascade,
  days         integer not null check (days > 0),
  reason       text not null,
  status       text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  requested_by text,
  requested_at timestamptz not null,
  decided_by   text,
  decided_at   timestamptz,
  note         text,
  old_due_at   timestamptz,
  new_due_at   timestamptz
);
create index deadline_extensions_case_idx on deadline_extensions (case_id, id);
create unique index deadline_extensions_pending_idx on deadline_extensions (task_id) where status = 'pending';
