-- A search (q) by someone who sees part of the cases: the cases holding the query's bigrams
-- (cases_search_idx) and the cases the reader may see (read-scope.ts: their own, their units',
-- offered to their departments, or to their level in their units / assigned to them) are each a
-- bitmap of an index, intersected before a row is read. Without an index on the last two, every
-- case holding a word common in another county was read and tested (19,000 rows for none kept at
-- 100k cases).
create index cases_offered_groups_idx on cases using gin (offered_groups);
create index cases_task_audience_idx on cases using gin (task_audience);
