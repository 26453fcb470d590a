-- Inboxes at a million cases (CaseQueries.listScopedTasksPage): the open tasks offered to a reader
-- are found by whom they are offered to — the assignee and the candidate groups already have
-- indexes on open tasks (001) — and, for an offer to a level (e.g. every township), by the unit
-- of the task within the reader's units: with this index the planner intersects the level's open
-- tasks with the reader's units instead of reading every open task of that level in the county.
create index tasks_open_unit_idx on tasks (unit) where status = 'open';
