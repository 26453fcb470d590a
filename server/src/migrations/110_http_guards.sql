-- yizhan server, hostile input: the answers of requests sent with an Idempotency-Key, and the
-- login failure counters (per account and per client address). Both live here, not in a server
-- process's memory, so that every server node in front of the same database sees the same.

create table idempotency_keys (
  username     text not null,
  key          text not null,
  fingerprint  text not null,          -- SHA-256 of method, path and body of the first request
  status       integer,                -- null while the first request is still running
  body         text,                   -- the first answer's JSON, byte for byte
  created_at   timestamptz not null,
  primary key (username, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);

create table login_failures (
  key           text primary key,      -- 'user:<username>' or 'ip:<address>'
  failures      integer not null,
  window_start  timestamptz not null    -- first failure of the current window
);
