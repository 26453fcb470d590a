-- 挂牌督办 / 领导包案 on demand, and the party index behind 研判 (search by party, repeat detection).
--
-- cases.supervised_at: when the case was first put under supervision (null: never) — the flag that
-- the inbox, the case list and the statistics read (count or group by `supervised_at is not null`).
-- cases.leader_in_charge: the 包案领导 (a user name), null when none is assigned.
alter table cases add column supervised_at timestamptz;
alter table cases add column leader_in_charge text;
create index cases_supervised_idx on cases (supervised_at desc) where supervised_at is not null;

-- One row per 督办: a leader's 批示 (instruction) and deadline, open until closed (督办销号).
create table supervisions (
  id               bigserial primary key,
  case_id          uuid not null references cases(id) on delete cascade,
  instruction      text not null,
  deadline         timestamptz,
  leader_in_charge text,
  status           text not null default 'active' check (status in ('active', 'closed')),
  created_by       text not null,
  created_at       timestamptz not null,
  closed_by        text,
  closed_at        timestamptz,
  closing_note     text
);
create index supervisions_case_idx on supervisions (case_id, id);
create index supervisions_active_idx on supervisions (created_at desc) where status = 'active';

-- The parties of a case (ID numbers, phones, names, addresses found in its intake), normalised
-- (NFKC, separators removed, ID numbers upper case, phones as digits), written with the case at
-- intake. The primary key's btree serves exact lookups by (kind, value) — a handful of index pages
-- at a million cases — and repeat detection narrows by received_at on the few rows found.
create table case_parties (
  kind        text not null check (kind in ('id', 'phone', 'name', 'address')),
  value       text not null,
  case_id     uuid not null references cases(id) on delete cascade,
  received_at timestamptz not null,
  primary key (kind, value, case_id)
);
create index case_parties_case_idx on case_parties (case_id);
