-- 公示 lists closed cases, last closed first, a page at a time (CaseStatistics.published): an index
-- in that order, on closed cases only, so a page costs its own rows and not a sort of every case.
create index cases_closed_order_idx on cases (completed_at desc nulls last, number desc) where status = 'completed';
