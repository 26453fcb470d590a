-- yizhan server: 一事一评价 by the applicant. A clerk issues a one-time, expiring rating link for a
-- case at its evaluation step or after it ended; the link carries a 256-bit token (for a printed
-- QR / SMS link) and a 10-character code (to type in), both stored only as SHA-256. The rating
-- itself goes to the engine (the evaluation task, or a rating of an ended case); the row here
-- makes it one rating per case, whichever link was used.
create table rating_links (
  id          bigserial primary key,
  case_id     uuid not null,             -- the engine's case (no foreign key across owners)
  token_hash  bytea not null unique,
  code_hash   bytea not null unique,
  issued_by   text not null,
  issued_at   timestamptz not null,
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create index rating_links_case_idx on rating_links (case_id);

create table citizen_ratings (
  case_id      uuid primary key,         -- one rating per case
  link_id      bigint not null references rating_links(id),
  satisfaction text not null,
  comment      text,
  rated_at     timestamptz not null
);

-- Requests to the public (unauthenticated) endpoints per client address and minute, and failed
-- look-ups of rating codes per client address and hour (and in all: key '*'), shared by every
-- server node on the database. Windows ended long ago are deleted as new ones begin.
create table public_request_counts (
  bucket       text not null,
  window_start timestamptz not null,
  count        integer not null,
  primary key (bucket, window_start)
);
create index public_request_counts_window_idx on public_request_counts (window_start);
