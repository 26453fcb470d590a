-- 红黄绿: each task carries the moment it turns yellow (a share of its time limit, per pack),
-- so inbox colours and warning lists are plain indexed queries.
alter table tasks add column warn_at timestamptz;
create index tasks_open_warn_idx on tasks (warn_at) where status = 'open';
