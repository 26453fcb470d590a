-- 考核 counts a case open longer than the backlog threshold at some time in the period (积案), so
-- besides the period's own cases it reads the older ones still open, or completed in or after the
-- period (AssessmentFigures). These indexes find them without reading the years before: the open
-- cases by creation, and the completed ones by completion, then creation (the index itself skips
-- the cases created in the period, which are read by their creation). Before, every task and every
-- return of every year was read: 17 s for a month at a million cases.
create index cases_unfinished_created_idx on cases (created_at) where completed_at is null;
create index cases_completed_created_idx on cases (completed_at, created_at) where status = 'completed';
