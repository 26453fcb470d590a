-- A unit's open tasks in the order of their time limits. A county leader's 黄牌预警 list (the unit
-- view's tasks past their warning time and not yet due, CaseQueries.listScopedTasksPage) was read
-- through the open tasks' due index: every open task not yet due, of every county, was read and
-- tested for its unit (19,286 rows at a million cases, to keep the 710 of the leader's county).
-- With the unit first and the time limit second, the read is of the reader's units' tasks not yet
-- due only. The index replaces 015's index on the unit alone, which the inboxes' level offers
-- read the same way (its leading column), so a step writes no more index entries than before.
create index tasks_open_unit_due_idx on tasks (unit, due_at) where status = 'open';
drop index tasks_open_unit_idx;
