-- What each case waits for besides tasks and timers: messages and signals by name (receive tasks,
-- catch and boundary events, event-based gateways). Projected from the engine after every command,
-- like tasks and timers; a signal broadcast finds the cases to reach here.
create table event_waits (
  case_id      uuid not null references cases(id) on delete cascade,
  execution_id text not null,
  element_id   text not null,
  kind         text not null check (kind in ('message', 'signal')),
  name         text not null,
  primary key (case_id, execution_id)
);
create index event_waits_name_idx on event_waits (kind, name);
