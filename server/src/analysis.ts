// 研判 for leaders and analysts: search cases by party (exact, on the engine's normalised party
// index; personal data shown only with `pii:read`, masked otherwise; every search written to the
// audit log), repeat detection (the same ID number / phone / address within the pack's N days),
// spike alerts (a township or a case type: the last 7 days against the weekly mean of the 8 weeks
// before, above the pack's factor and minimum), and the monthly 研判 records that leaders sign off.
// Case data comes from the engine's scoped reads (CaseAnalysis); the server's own tables are the
// audit log and the records (migration 118).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { normalizePartyValue, type AnalysisCase, type CaseEngine, type Clock, type PartyKind, type WeeklyCount } from '@yizhan/engine';
import { can, packAnalysis, partyKeys, type PackAnalysis } from '@yizhan/packs';
import { ApiError, badRequest, notFound } from './http-errors';
import { maskAddress, maskIdNumber, maskName, maskPhone } from './mask';
import type { OrgDirectory } from './org-directory';
import { readScope, type Scope } from './scope';
import type { User } from './users';

/** A case as 研判 shows it: its parties grouped by kind, masked unless the reader has `pii:read`. */
export interface AnalysisCaseView extends Omit<AnalysisCase, 'data'> {
  unitName: string | null;
  parties: { names: string[]; idNumbers: string[]; phones: string[]; addresses: string[] };
  masked: boolean;
}

export interface SpikeAlert {
  dimension: 'township' | 'type';
  pack: string;
  key: string | null;
  label: string | null;
  /** Cases of the last 7 days. */
  current: number;
  /** Weekly mean of the 8 weeks before. */
  baseline: number;
  ratio: number | null;
  factor: number;
  minimum: number;
}

export interface SearchAuditEntry {
  id: number;
  at: Date;
  username: string;
  role: string;
  kind: PartyKind;
  value: string;
  valueHash: string;
  results: number;
}

export interface AnalysisRecord {
  id: number;
  month: string;
  unit: string | null;
  unitName: string | null;
  title: string;
  analysis: string;
  caseIds: string[];
  cases: { id: string; number: number; title: string | null }[];
  status: 'draft' | 'signed';
  createdBy: string;
  createdAt: Date;
  signedBy: string | null;
  signedAt: Date | null;
  signOffNote: string | null;
}

/** The baseline: the 8 weeks before the last 7 days. */
export const BASELINE_WEEKS = 8;
/** At most this many cases linked to one record. */
export const MAX_RECORD_CASES = 200;

const MASKS: Record<PartyKind, (v: string) => string> = { id: maskIdNumber, phone: maskPhone, name: maskName, address: maskAddress };

type RecordRow = {
  id: string; month: string; unit: string | null; title: string; analysis: string; case_ids: string[]; status: 'draft' | 'signed';
  created_by: string; created_at: Date; signed_by: string | null; signed_at: Date | null; sign_off_note: string | null;
};

export class Analysis {
  constructor(private readonly pool: pg.Pool, private readonly engine: CaseEngine, private readonly clock: Clock, private readonly directory: OrgDirectory) {}

  /** Whether the reader sees personal data in 研判 results. */
  static seesPii(scope: Scope): boolean {
    return can(scope.role, 'pii:read');
  }

  /** Cases with this party (exact); the search is written to the audit log, with how many cases came back. */
  async search(user: User, scope: Scope, kind: PartyKind, value: string): Promise<AnalysisCaseView[]> {
    const normal = normalizePartyValue(kind, value);
    if (!normal) {
      throw badRequest(`${KIND_WORDS[kind]}太短或格式不对，无法查询`, [{ field: '/value', code: 'TOO_SHORT', message: '无法识别的查询值' }]);
    }
    const found = await this.engine.analysis.byParty(readScope(scope), { kind, value });
    await this.pool.query(
      `insert into analysis_search_log (at, username, role, unit, kind, value_masked, value_hash, results) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [this.clock.now(), user.username, user.role, user.unit, kind, MASKS[kind](normal), sha256(`${kind}:${normal}`), found.length]);
    return Promise.all(found.map((c) => this.view(scope, c)));
  }

  /** The audit log of searches, newest first (optionally one user's). */
  async auditLog(filter: { username?: string; limit: number; offset: number }): Promise<SearchAuditEntry[]> {
    const { rows } = await this.pool.query<{ id: string; at: Date; username: string; role: string; kind: PartyKind; value_masked: string; value_hash: string; results: number }>(
      `select * from analysis_search_log where ($1::text is null or username = $1) order by at desc, id desc limit $2 offset $3`,
      [filter.username ?? null, filter.limit, filter.offset]);
    return rows.map((r) => ({ id: Number(r.id), at: r.at, username: r.username, role: r.role, kind: r.kind, value: r.value_masked, valueHash: r.value_hash, results: r.results }));
  }

  /** Repeats of a visible case within its pack's `analysis.repeatDays`. */
  async repeats(scope: Scope, caseId: string): Promise<{ days: number; cases: AnalysisCaseView[] }> {
    const def = await this.engine.definitions.byIdOrThrow(await this.engine.queries.definitionIdOfCase(caseId));
    const days = packAnalysis(def.meta).repeatDays;
    const found = await this.engine.analysis.repeatsOf(readScope(scope), caseId, days);
    return { days, cases: await Promise.all(found.map((c) => this.view(scope, c))) };
  }

  /**
   * Spike alerts within the reader's scope: each township (its villages and grids rolled up) and
   * each case type of a pack whose last 7 days reach the pack's factor times the weekly mean of
   * the 8 weeks before, with at least the pack's minimum of cases. Biggest ratio first.
   */
  async alerts(scope: Scope): Promise<SpikeAlert[]> {
    const counts = await this.engine.analysis.weeklyCounts(readScope(scope), BASELINE_WEEKS + 1);
    const settings = await this.packSettings();
    const series = new Map<string, { dimension: SpikeAlert['dimension']; pack: string; key: string | null; weeks: number[] }>();
    const add = (dimension: SpikeAlert['dimension'], r: WeeklyCount, key: string | null) => {
      const id = `${dimension}\u0000${r.pack}\u0000${key ?? ''}`;
      const s = series.get(id) ?? { dimension, pack: r.pack, key, weeks: new Array<number>(BASELINE_WEEKS + 1).fill(0) };
      s.weeks[r.week] += r.count;
      series.set(id, s);
    };
    for (const r of counts) {
      const township = r.unit ? this.directory.org.township(r.unit)?.code : undefined;
      if (township) add('township', r, township);
      add('type', r, r.type);
    }
    const out: SpikeAlert[] = [];
    for (const s of series.values()) {
      const { spikeFactor: factor, spikeMinimum: minimum } = settings.get(s.pack) ?? packAnalysis(undefined);
      const current = s.weeks[0];
      const baseline = s.weeks.slice(1).reduce((a, b) => a + b, 0) / BASELINE_WEEKS;
      if (current < minimum || current < factor * baseline) continue;
      out.push({
        dimension: s.dimension, pack: s.pack, key: s.key,
        label: s.dimension === 'township' ? this.directory.unitName(s.key) : s.key,
        current, baseline: Math.round(baseline * 100) / 100, ratio: baseline ? Math.round((current / baseline) * 100) / 100 : null, factor, minimum,
      });
    }
    return out.sort((a, b) => (b.ratio ?? Infinity) - (a.ratio ?? Infinity) || b.current - a.current);
  }

  /** Records of the reader's units (or of every unit), newest month first. */
  async records(scope: Scope, filter: { month?: string; limit: number; offset: number }): Promise<AnalysisRecord[]> {
    const { rows } = await this.pool.query<RecordRow>(
      `select * from analysis_records
        where ($1::boolean or unit is null or unit = any($2::text[])) and ($3::text is null or month = $3)
        order by month desc, id desc limit $4 offset $5`,
      [scope.all, scope.units, filter.month ?? null, filter.limit, filter.offset]);
    return Promise.all(rows.map((r) => this.recordView(scope, r)));
  }

  /** One record the reader may see; ANALYSIS_RECORD_NOT_FOUND otherwise. */
  async record(scope: Scope, id: number): Promise<AnalysisRecord> {
    const { rows } = Number.isSafeInteger(id) ? await this.pool.query<RecordRow>('select * from analysis_records where id = $1', [id]) : { rows: [] };
    const r = rows[0];
    if (!r || !(scope.all || r.unit === null || scope.units.includes(r.unit))) throw recordNotFound(String(id));
    return this.recordView(scope, r);
  }

  /** A draft 研判 record of a month about the reader's unit; every linked case must be visible to them. */
  async createRecord(user: User, scope: Scope, input: { month: string; title: string; analysis: string; caseIds: string[]; unit?: string }): Promise<AnalysisRecord> {
    const unit = input.unit ?? user.unit;
    if (unit && !scope.all && !scope.units.includes(unit)) {
      throw new ApiError('FORBIDDEN', `单位「${unit}」不在您的辖区内`, [{ field: '/unit', code: 'OUT_OF_SCOPE', message: '不在辖区内' }]);
    }
    const ids = [...new Set(input.caseIds)];
    if (ids.length > MAX_RECORD_CASES) throw badRequest(`关联案件不能超过 ${MAX_RECORD_CASES} 件`, [{ field: '/caseIds', code: 'TOO_MANY', message: '过多' }]);
    const visible = new Set((await this.engine.queries.visibleCaseTitles(readScope(scope), ids)).map((c) => c.id));
    const invisible = ids.filter((id) => !visible.has(id));
    if (invisible.length) {
      throw badRequest('关联的案件不存在或不在您的辖区内', invisible.map((id) => ({ field: '/caseIds', code: 'CASE_NOT_FOUND', message: id })));
    }
    const { rows } = await this.pool.query<{ id: string }>(
      `insert into analysis_records (month, unit, title, analysis, case_ids, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [input.month, unit ?? null, input.title.trim(), input.analysis.trim(), ids, user.username, this.clock.now()]);
    return this.record(scope, Number(rows[0].id));
  }

  /** Signs a draft off (a leader); a signed record is final. */
  async signOff(user: User, scope: Scope, id: number, note: string | undefined): Promise<AnalysisRecord> {
    await this.record(scope, id);
    const { rowCount } = await this.pool.query(
      `update analysis_records set status = 'signed', signed_by = $2, signed_at = $3, sign_off_note = $4 where id = $1 and status = 'draft'`,
      [id, user.username, this.clock.now(), note?.trim() || null]);
    if (!rowCount) throw new ApiError('CONFLICT', '该研判记录已签批', [{ code: 'SIGNED', message: String(id) }]);
    return this.record(scope, id);
  }

  private async recordView(scope: Scope, r: RecordRow): Promise<AnalysisRecord> {
    const cases = await this.engine.queries.visibleCaseTitles(readScope(scope), r.case_ids);
    return {
      id: Number(r.id), month: r.month, unit: r.unit, unitName: this.directory.unitName(r.unit), title: r.title, analysis: r.analysis,
      caseIds: r.case_ids, cases, status: r.status, createdBy: r.created_by, createdAt: r.created_at,
      signedBy: r.signed_by, signedAt: r.signed_at, signOffNote: r.sign_off_note,
    };
  }

  /** Each pack's 研判 settings, from its latest definition version. */
  private async packSettings(): Promise<Map<string, PackAnalysis>> {
    const out = new Map<string, PackAnalysis>();
    for (const d of await this.engine.definitions.list()) {
      const pack = d.key.split('/')[0];
      if (!out.has(pack)) out.set(pack, packAnalysis(d.meta));
    }
    return out;
  }

  private async view(scope: Scope, c: AnalysisCase): Promise<AnalysisCaseView> {
    const { data, ...rest } = c;
    const keys = partyKeys(data ?? {}, undefined);
    const masked = !Analysis.seesPii(scope);
    const shown = (kind: PartyKind) => [...new Set(keys.filter((k) => k.kind === kind).map((k) => (masked ? MASKS[kind](k.value) : k.value)))];
    return {
      ...rest, unitName: this.directory.unitName(c.unit), masked,
      parties: { names: shown('name'), idNumbers: shown('id'), phones: shown('phone'), addresses: shown('address') },
    };
  }
}

const KIND_WORDS: Record<PartyKind, string> = { id: '身份证号', phone: '电话号码', name: '姓名', address: '地址' };

const recordNotFound = (id: string) => notFound('ANALYSIS_RECORD_NOT_FOUND', `研判记录不存在或不在您的辖区内：${id}`);

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
