-- yizhan server, login throttling with an increasing delay instead of a fixed lock-out window:
-- each failure counter (per account and per client address) remembers its last failure and, once
-- past its free failures, until when the next attempt must wait (1 s, 2 s, 4 s … up to a cap).

alter table login_failures
  add column last_failure  timestamptz,
  add column blocked_until timestamptz;   -- null: no wait
update login_failures set last_failure = window_start;
alter table login_failures alter column last_failure set not null;
