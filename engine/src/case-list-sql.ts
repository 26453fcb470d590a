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
    // the search text (a stored column, migration 009) holds the query; its bigrams (GIN-indexed)
    // find the candidates: one character is matched on the text alone
    where.push(`c.search_text like ${arg(`%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
    if (grams && [...q].length >= 2) where.push(`c.search_grams @> search_bigrams(lower(${arg(q)}))`);
  }
  return where;
}

/** The cases after `cursor` in the newest-first order. */
export function caseKeysetSql(cursor: string, args: SqlArgs): string {
  const after = decodeCaseCursor(cursor);
  return `(c.created_at, c.number) < (${args.add(after.at)}::timestamp at time zone 'UTC', ${args.add(after.number)}::bigint)`;
}
