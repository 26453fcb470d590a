-- The daily rows of open cases. 积案 by age counts the open cases created before a cut (today less
-- the pack's backlog days), so the month the cut falls in was read from the daily rollup, a row for
-- about every case of that month (25,000 at a million cases, three months back). Now that month is
-- read from the monthly rollup like the others, less the open cases of its days from the cut on
-- (statistics-rollup.ts): these indexes find those few rows.
create index case_stats_daily_aging_idx on case_stats_daily (day) where aging <> 0;
create index case_stats_daily_dept_aging_idx on case_stats_daily_dept (day) where aging <> 0;
