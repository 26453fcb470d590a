// The conditions of a case list on `cases c`: the filter's (status, type, process, units, scope,
// search) and the keyset after a cursor in the newest-first order (./case-queries.ts).
import { decodeCaseCursor } from './list-cursor';
import { caseVisibleSql, type SqlArgs } from './read-scope';
import type { CaseFilter } from './case-views';

/** The filter's conditions on `cases c` (no order, no page). */
export function caseWhereSql(filter: CaseFilter, args: SqlArgs, grams: boolean): string[] {
  const where: string[] = [];
  const arg = (v: unknown) => args.add(v);
  if (filter.status) where.push(`c.status = ${arg(filter.status)}`);
  if (filter.type) where.push(`c.type = ${arg(filter.type)}`);
  if (filter.processKey) where.push(`c.process_key = ${arg(filter.processKey)}`);
  if (filter.unit) where.push(`c.unit = ${arg(filter.unit)}`);
  if (filter.units) where.push(`c.unit = any(${arg(filter.units)}::text[])`);
  if (filter.scope) where.push(`(${caseVisibleSql(filter.scope, args)})`);
  if (filter.supervised) where.push('c.supervised_at is not null');
  const q = filter.q?.trim();
  if (q) {
    // the search text (a stored column, migration 009) holds the query; its bigrams, or for digits
    // its runs of four (both GIN-indexed), find the candidates: one character is matched on the
    // text alone
    where.push(`c.search_text like ${arg(`%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
    if (grams && isDigitSearch(q)) where.push(`search_digit_grams(c.search_text) @> search_digit_grams(lower(${arg(q)}))`);
    else if (grams && [...q].length >= 2) where.push(`c.search_grams @> search_bigrams(lower(${arg(q)}))`);
  }
  return where;
}

/**
 * Whether a search is four digits or more (a case number, a phone number, part of either): its
 * candidates are then the few cases holding its runs of four digits (migration 026), not the many
 * holding its bigrams. (A word with digits in it is searched by its bigrams: a year in it, say, is
 * in many cases.)
 */
export const isDigitSearch = (q: string): boolean => /^[0-9]{4,}$/.test(q);

/** The cases after `cursor` in the newest-first order. */
export function caseKeysetSql(cursor: string, args: SqlArgs): string {
  const after = decodeCaseCursor(cursor);
  return `(c.created_at, c.number) < (${args.add(after.at)}::timestamp at time zone 'UTC', ${args.add(after.number)}::bigint)`;
}

/**
 * Whether a search can read its candidates period by period (searchByPeriodSql): a reader who sees
 * every case, and no filter but the search. A scoped reader's search intersects the bigram index
 * with the indexes of what makes a case visible (migration 017) in one pass instead: per period,
 * that intersection would be made once for every period, and a word common only in other counties
 * would cost a second at a million cases. A search for digits reads its few candidates at once.
 */
export function searchesByPeriod(filter: CaseFilter): boolean {
  return !isDigitSearch(filter.q?.trim() ?? '') && (!filter.scope || filter.scope.all) && !filter.status && !filter.type && !filter.processKey && !filter.unit && !filter.units && !filter.supervised;
}

/**
 * The keys of up to `n` cases of a search (`filter.q`, two characters or more; searchesByPeriod)
 * after `cursor`, newest first, found through the bigram index by 30-day period (migration 021):
 * the periods are read newest first, each one index lookup (the subquery's fence keeps every other
 * condition off the index), until `n` cases are found or the oldest case's period is passed. The
 * nested loop reads the periods in the series' order and stops at the limit.
 */
export function searchByPeriodSql(filter: CaseFilter, cursor: string, n: number, args: SqlArgs): string {
  const after = decodeCaseCursor(cursor);
  const at = args.add(after.at);
  const where = [caseKeysetSql(cursor, args), ...caseWhereSql(filter, args, false)];
  const limit = args.add(n);
  return `select k.id, k.at, k.number
     from generate_series(search_period(${at}::timestamp at time zone 'UTC'), search_period((select min(created_at) from cases)), -1) p(n)
     cross join lateral (
       select c.id, to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as at, c.number::text as number
         from (select c.* from cases c
                where search_period_grams(c.search_grams, c.created_at) @> search_period_grams(search_bigrams(lower(${args.add(filter.q!.trim())})), to_timestamp(p.n * 2592000::bigint))
               offset 0) c
        where ${where.join(' and ')}
        order by c.created_at desc, c.number desc limit ${limit}) k
    limit ${limit}`;
}
