-- yizhan server: 研判. Every search of cases by party is written to an audit log (who, when, what,
-- how many cases came back) that nobody can change; the monthly 研判 records (analysis text and the
-- cases it is about) are drafted by staff and signed off by a leader.
create table analysis_search_log (
  id           bigserial primary key,
  at           timestamptz not null,
  username     text not null,
  role         text not null,
  unit         text,
  kind         text not null check (kind in ('id', 'phone', 'name', 'address')),
  value_masked text not null,          -- what was searched, masked (the log is no copy of the data)
  value_hash   text not null,          -- SHA-256 of the normalised value: which searches sought the same person
  results      integer not null
);
create index analysis_search_log_at_idx on analysis_search_log (at desc, id desc);
create index analysis_search_log_user_idx on analysis_search_log (username, at desc);
create index analysis_search_log_hash_idx on analysis_search_log (value_hash, at desc);

create function analysis_search_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'analysis_search_log is append-only';
end $$;
create trigger analysis_search_log_no_change before update or delete on analysis_search_log
  for each row execute function analysis_search_log_append_only();

create table analysis_records (
  id            bigserial primary key,
  month         text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  unit          text,                  -- the unit the record is about (scoping); null: every unit
  title         text not null,
  analysis      text not null,
  case_ids      uuid[] not null default '{}',   -- cases are the engine's: no foreign key across owners
  status        text not null default 'draft' check (status in ('draft', 'signed')),
  created_by    text not null,
  created_at    timestamptz not null,
  signed_by     text,
  signed_at     timestamptz,
  sign_off_note text
);
create index analysis_records_month_idx on analysis_records (month desc, id desc);
