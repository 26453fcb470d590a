-- A search (q) whose word the walk of the newest cases cannot fill a page with turns to the bigram
-- index (009). A GIN index returns its matches in no order, so every case holding the word's
-- bigrams was read and sorted by date to keep the newest few: 6,000 rows for a place name at a
-- million cases, ten times as many as at 100,000. This index holds the same bigrams, each with the
-- 30-day period of the case's creation ('20450:纠纷'), so that one period's candidates are one
-- lookup. A search reads its candidates period by period, newest first, and stops once its page
-- is full (case-queries.ts).
create function search_period(at timestamptz) returns int
  language sql immutable strict parallel safe
  return floor(extract(epoch from at) / 2592000)::int;

create function search_period_grams(grams text[], at timestamptz) returns text[]
  language sql immutable strict parallel safe
  return array(select search_period(at) || ':' || g from unnest(grams) g);

create index cases_search_period_idx on cases using gin (search_period_grams(search_grams, created_at));
