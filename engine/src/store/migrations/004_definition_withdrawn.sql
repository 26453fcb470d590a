-- A definition version can be withdrawn from new cases (a failing version, without a new deploy):
-- byKey then picks the latest version not withdrawn; running cases keep theirs. Restoring clears it.
alter table definitions add column withdrawn_at timestamptz;
alter table definitions add column withdrawn_by text;
