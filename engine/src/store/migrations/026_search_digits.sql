-- A search for digits (a case number, a phone number, part of either) found its candidates through
-- the bigrams (009, 021), but every case number holds several of the hundred digit bigrams, so each
-- lookup read long lists of cases: at a million cases a number read 37 periods of them (10 ms in
-- PostgreSQL, twice the time at 100,000). This index holds each run of four digits in a case's
-- search text (at most a few per case: its number, and the digits of a title or a party's name);
-- any four digits side by side in a query are such a run of every case that holds the query, and
-- one of them is rare enough that a lookup returns a few hundred cases at most. A query with four
-- digits side by side is looked up here instead of in the bigrams (case-list-sql.ts).
create function search_digit_grams(s text) returns text[]
  language sql immutable strict parallel safe
  return array(select distinct substr(s, i, 4) from generate_series(1, length(s) - 3) i where substr(s, i, 4) ~ '^[0-9]{4}$');

create index cases_search_digits_idx on cases using gin (search_digit_grams(search_text));
