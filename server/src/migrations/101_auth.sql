-- yizhan server, auth: users with one role and an org position, and Bearer sessions.
-- Passwords are argon2id hashes; tokens are stored only as SHA-256 digests.

create table users (
  username      text primary key,
  display_name  text not null,
  password_hash text not null,
  role          text not null check (role in ('admin', 'integrator', 'staff', 'leader', 'auditor')),
  unit          text,                       -- org unit code; null = every unit (system-wide)
  departments   text[] not null default '{}',
  demo          boolean not null default false,  -- created by `serve --demo`; disabled otherwise
  disabled      boolean not null default false,
  created_at    timestamptz not null default now()
);

create table sessions (
  token_hash  text primary key,
  username    text not null references users(username) on delete cascade,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index sessions_user_idx on sessions (username);
create index sessions_expiry_idx on sessions (expires_at);

-- The org directory: one org model per source (a pack, or the demo org); the server merges them.
create table org_models (
  id          text primary key,
  model       jsonb not null,
  updated_at  timestamptz not null default now()
);
