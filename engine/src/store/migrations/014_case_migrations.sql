-- 流程版本迁移: one row per migration run (POST /api/migrations) — which process, from which
-- version to which, the element mapping used, who ran it, and the outcome of every case.
create table case_migrations (
  id            bigserial primary key,
  process_key   text not null,
  from_version  integer not null,
  to_version    integer not null,
  mapping       jsonb not null,
  actor         text,
  migrated      integer not null default 0,
  refused       integer not null default 0,
  results       jsonb not null default '[]',
  created_at    timestamptz not null
);
create index case_migrations_process_idx on case_migrations (process_key, created_at desc);
