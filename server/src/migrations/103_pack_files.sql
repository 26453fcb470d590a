-- The files of each deployed pack version, so the web app can open a deployed pack for editing.
alter table pack_deployments add column files jsonb;
