-- yizhan server: pack deployments (each pack version once; its processes are definition versions).
create table pack_deployments (
  id           bigserial primary key,
  pack_id      text not null,
  version      text not null,
  name         text,
  county       text,
  description  text,
  processes    jsonb not null default '[]',
  deployed_by  text,
  deployed_at  timestamptz not null default now(),
  unique (pack_id, version)
);
