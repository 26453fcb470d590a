-- yizhan server: attachments (调解协议书, 司法确认 documents, photos from 网格员). The bytes live in
-- PostgreSQL with the case, so a backup of the database is a backup of the evidence. A file is
-- uploaded either to a case it is visible on, or staged by its uploader (case_id null) and bound to
-- the case when the intake or task form that references it is submitted. Nothing is ever replaced:
-- there is no update, and a new version of a document is a new attachment.
create table attachments (
  id            uuid primary key,
  case_id       uuid,                  -- the case (the engine owns its table: no foreign key across owners)
  name          text not null,         -- display name only (sanitised); never used as a path
  content_type  text not null,         -- sniffed from the bytes, not taken from the client
  declared_type text,                  -- what the client said it was, kept for the record
  size          integer not null,
  sha256        text not null,
  data          bytea not null,
  uploaded_by   text not null,
  uploaded_at   timestamptz not null
);
create index attachments_case_idx on attachments (case_id, uploaded_at) where case_id is not null;
create index attachments_staged_idx on attachments (uploaded_by, uploaded_at) where case_id is null;
