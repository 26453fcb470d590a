-- 首次化解 (first_resolved) needs to know whether a case was ever returned or transferred. The
-- per-case statistics query (statistics-metrics.ts: the 台账 export and the drill-down) asked it
-- of the whole history table — at a million cases that was a scan of 21M rows (4 s) per export or
-- drill-down page. These events are a few percent of the history: an index of them alone answers
-- each case with one probe. The query names the kinds literally, as here, so that the planner can
-- use the index.
create index history_rerouted_idx on history (case_id) where kind in ('task.returned', 'task.transferred');
