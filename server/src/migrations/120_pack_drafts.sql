-- yizhan server: drafts of process packs. An administrator edits a pack's BPMN, rules and forms and
-- saves the edits here without deploying them; the draft belongs to the pack, not to one person
-- (a centre's administrators share the work: anyone who may deploy the pack sees, continues and
-- deploys it, and each save records who made it). `revision` grows with every save so that two
-- people saving the same draft cannot silently overwrite each other. A deployed draft is deleted:
-- the deployment (pack_deployments) is the record from then on.
create table pack_drafts (
  id            uuid primary key,
  pack_id       text not null,
  title         text not null,
  base_version  text,                   -- the deployed version the draft was opened from; null: a new pack
  files         jsonb not null,         -- path inside the pack → content, as POST /api/packs takes it
  revision      integer not null default 1,
  created_by    text not null,
  created_at    timestamptz not null,
  updated_by    text not null,
  updated_at    timestamptz not null
);
create index pack_drafts_pack_idx on pack_drafts (pack_id, updated_at desc);
