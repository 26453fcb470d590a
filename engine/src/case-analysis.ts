// 研判 reads: cases by party (ID number, phone, name, address — exact, on normalised values),
// repeat detection (the same ID number / phone / address in another case within N days), and the
// weekly counts behind spike alerts. The party index (`case_parties`) is written with the case at
// intake from the keys the caller's extractor finds in the intake data (the engine does not know
// which fields hold personal data: the packs do, see `PartyExtractor`). Every read is within a
// reader's scope (read-scope.ts).
import type pg from 'pg';
import type { Clock } from './clock';
import { isUuid } from './ids';
import { caseVisibleSql, SqlArgs, type ReadScope } from './read-scope';

export const PARTY_KINDS = ['id', 'phone', 'name', 'address'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** A party key as found in intake data (raw; the engine normalises it). */
export interface PartyKey {
  kind: PartyKind;
  value: string;
}

/** Finds the party keys in a case's intake data; `startForm` is the definition's intake form (its schema names and titles fields). */
export type PartyExtractor = (data: Record<string, unknown>, startForm: unknown) => PartyKey[];

/** The kinds repeat detection compares (a name alone is too common to call a case a repeat). */
export const REPEAT_KINDS: readonly PartyKind[] = ['id', 'phone', 'address'];

const MIN_LENGTH: Record<PartyKind, number> = { id: 15, phone: 7, name: 2, address: 4 };
const MAX_LENGTH = 200;

/**
 * The one normal form of a party value, for the index and for a search alike: NFKC (full-width
 * digits and letters as ASCII), no whitespace; ID numbers without separators and upper case; phones
 * as digits (a leading 86 country code dropped); addresses also without punctuation. Too short to
 * identify anyone: ''.
 */
export function normalizePartyValue(kind: PartyKind, raw: string): string {
  let v = String(raw).normalize('NFKC').replace(/\s+/g, '');
  if (kind === 'id') v = v.replace(/[-_./]/g, '').toUpperCase();
  if (kind === 'phone') {
    v = v.replace(/\D/g, '');
    if (/^861[3-9]\d{9}$/.test(v)) v = v.slice(2);
  }
  if (kind === 'address') v = v.replace(/[-_.,;:，。；：、（）()#·]/g, '');
  if (v.length < MIN_LENGTH[kind] || v.length > MAX_LENGTH) return '';
  return v;
}

/** A case found by 研判, with its intake data (the caller masks it for readers who may not see it). */
export interface AnalysisCase {
  id: string;
  number: number;
  processKey: string;
  title: string | null;
  type: string | null;
  channel: string | null;
  unit: string | null;
  status: string;
  createdAt: Date;
  supervised: boolean;
  data: Record<string, unknown> | null;
  /** Which kinds of party key matched. */
  matched: PartyKind[];
}

/** Cases created per week: `week` 0 is the last 7 days before now, 1 the 7 days before that, … */
export interface WeeklyCount {
  /** The pack (the process key's part before its slash). */
  pack: string;
  unit: string | null;
  type: string | null;
  week: number;
  count: number;
}

const WEEK_MS = 7 * 86400_000;

type Row = Record<string, unknown>;

const analysisCase = (r: Row): AnalysisCase => ({
  id: r.id as string, number: Number(r.number), processKey: r.process_key as string, title: r.title as string | null, type: r.type as string | null,
  channel: r.channel as string | null, unit: r.unit as string | null, status: r.status as string, createdAt: r.created_at as Date,
  supervised: r.supervised_at !== null && r.supervised_at !== undefined, data: (r.data as Record<string, unknown> | null) ?? null,
  matched: (r.matched as PartyKind[]) ?? [],
});

/** Writes a new case's party keys (normalised, each once) inside the intake's transaction. */
export async function writeCaseParties(client: Pick<pg.ClientBase, 'query'>, caseId: string, at: Date, keys: PartyKey[]): Promise<void> {
  const seen = new Set<string>();
  const kinds: string[] = [];
  const values: string[] = [];
  for (const k of keys) {
    if (!(PARTY_KINDS as readonly string[]).includes(k.kind) || typeof k.value !== 'string') continue;
    const v = normalizePartyValue(k.kind, k.value);
    if (!v || seen.has(`${k.kind}:${v}`)) continue;
    seen.add(`${k.kind}:${v}`);
    kinds.push(k.kind);
    values.push(v);
  }
  if (!kinds.length) return;
  await client.query(
    `insert into case_parties (kind, value, case_id, received_at) select k, v, $3, $4 from unnest($1::text[], $2::text[]) as x(k, v) on conflict do nothing`,
    [kinds, values, caseId, at]);
}

const CASE_COLUMNS = `c.id, c.number, c.process_key, c.title, c.type, c.channel, c.unit, c.status, c.created_at, c.supervised_at, c.variables -> 'data' as data`;

export class CaseAnalysis {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock) {}

  /** The visible cases with a party of this kind and (normalised) value, newest first. An unusable value finds nothing. */
  async byParty(scope: ReadScope, key: PartyKey, limit = 100): Promise<AnalysisCase[]> {
    const value = normalizePartyValue(key.kind, key.value);
    if (!value) return [];
    const args = new SqlArgs();
    const kind = args.add(key.kind);
    const v = args.add(value);
    const { rows } = await this.pool.query<Row>(
      `select ${CASE_COLUMNS}, array[p.kind] as matched
         from case_parties p join cases c on c.id = p.case_id
        where p.kind = ${kind} and p.value = ${v} and ${caseVisibleSql(scope, args)}
        order by c.created_at desc, c.number desc limit ${args.add(Math.min(limit, 500))}`,
      args.values);
    return rows.map(analysisCase);
  }

  /**
   * Repeats of a case: the other visible cases sharing an ID number, phone or address with it,
   * received within `days` days before or after it, newest first, with the kinds that matched.
   */
  async repeatsOf(scope: ReadScope, caseId: string, days: number, limit = 50): Promise<AnalysisCase[]> {
    if (!isUuid(caseId) || !(days > 0)) return [];
    const args = new SqlArgs();
    const id = args.add(caseId);
    const window = args.add(`${Math.min(Math.floor(days), 3660)} days`);
    const { rows } = await this.pool.query<Row>(
      `select ${CASE_COLUMNS}, r.matched
         from (select o.case_id, array_agg(distinct o.kind order by o.kind) as matched
                 from case_parties p join case_parties o on o.kind = p.kind and o.value = p.value and o.case_id <> p.case_id
                where p.case_id = ${id} and p.kind = any(${args.add(REPEAT_KINDS)}::text[])
                  and o.received_at between p.received_at - ${window}::interval and p.received_at + ${window}::interval
                group by o.case_id) r
         join cases c on c.id = r.case_id
        where ${caseVisibleSql(scope, args)}
        order by c.created_at desc, c.number desc limit ${args.add(limit)}`,
      args.values);
    return rows.map(analysisCase);
  }

  /**
   * Cases created in each of the last `weeks` 7-day windows before now (window 0: the last 7 days),
   * by pack, unit and type, within the reader's scope — what spike alerts compare.
   */
  async weeklyCounts(scope: ReadScope, weeks: number): Promise<WeeklyCount[]> {
    const n = Math.max(1, Math.min(Math.floor(weeks), 104));
    const now = this.clock.now();
    const args = new SqlArgs();
    const at = args.add(now);
    const since = args.add(new Date(now.getTime() - n * WEEK_MS));
    const { rows } = await this.pool.query<{ pack: string; unit: string | null; type: string | null; week: number; count: number }>(
      `select split_part(c.process_key, '/', 1) as pack, c.unit, c.type,
              floor(extract(epoch from (${at}::timestamptz - c.created_at)) / ${WEEK_MS / 1000})::int as week, count(*)::int as count
         from cases c
        where c.created_at > ${since} and c.created_at <= ${at} and ${caseVisibleSql(scope, args)}
        group by 1, 2, 3, 4`,
      args.values);
    return rows.filter((r) => r.week >= 0 && r.week < n);
  }
}
