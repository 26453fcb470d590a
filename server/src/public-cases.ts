// 公示: closed cases listed publicly, as each pack version decides (pack.json `public`, stored in
// the definition's meta at deploy): only packs with `enabled` are listed; `fields` are shown,
// `mask` fields — and any personal field listed in `fields` — are shown masked by what they are
// (ID number, phone, address, else a name). Nothing else of the case data leaves the server.
// The raw intake text (a description as the applicant told it) is never published: what a case
// says in words is the staff-written 公示摘要 — the `summary` of the pack's `publication` form
// (Zhangye's 网上公示 step), read from that task alone. A pack without that form publishes no free
// text at all, only coded fields (types, choices, numbers, dates) and the masked ones. Shown text is
// scrubbed on its NFKC-normalised form all the same: ID, mobile and landline numbers however
// written, the names given in the intake (applicant, third parties) and its other personal values.
import type pg from 'pg';
import { CaseStatistics, systemClock, type Clock } from '@yizhan/engine';
import { STATS_CONVENTIONS, type RESULTS } from '@yizhan/packs';
import { maskAddress, maskIdNumber, maskName, maskNames, maskPhone, maskText, normalise } from './mask';
import { personalKind, type PersonalKind } from './packs';
import type { OrgDirectory } from './org-directory';

export interface PublicCase {
  number: number;
  type: string | null;
  unitName: string | null;
  /** The first masked name field (当事人), e.g. 张**. */
  party: string | null;
  status: 'completed';
  result: string;
  createdAt: Date;
  completedAt: Date | null;
  /** The pack's public fields: shown coded fields (scrubbed) and masked fields, by field title. */
  fields: { field: string; title: string; value: string }[];
  /** The staff-written 公示摘要 (scrubbed), or null (the pack has none, or this case skipped the step). */
  summary: string | null;
}

/** The form whose field is a case's 公示摘要, written by staff at the 网上公示 step. */
export const PUBLICATION_FORM = 'publication';
export const SUMMARY_FIELD = 'summary';

/** One page of 公示 and how many cases it lists in all. */
export interface PublicCasePage {
  items: PublicCase[];
  total: number;
  limit: number;
  offset: number;
}

interface PublicConfig { enabled?: boolean; fields?: string[]; mask?: string[] }
interface FieldSchema { type?: string | string[]; format?: string; title?: string; enum?: unknown[]; items?: FieldSchema; properties?: Record<string, FieldSchema> }
interface FormsJson { [key: string]: { schema?: { properties?: Record<string, FieldSchema> }; uiSchema?: Record<string, { 'ui:enumNames'?: string[] } | undefined> } }

/** 公示 wording of the packs' 调处结果 values (RESULTS), which the engine reads by STATS_CONVENTIONS. */
const RESULT_LABELS: Record<(typeof RESULTS)[number], string> = { success: '调处成功', failed: '调处未成功' };

export class PublicCases {
  private readonly statistics: CaseStatistics;

  /** `clock` only for the engine's reads (公示 lists closed cases: nothing here depends on the time). */
  constructor(pool: pg.Pool, private readonly directory: OrgDirectory, clock: Clock = systemClock) {
    this.statistics = new CaseStatistics(pool, clock, STATS_CONVENTIONS);
  }

  /** One page with the number of cases in all. */
  async page(input: { limit: number; offset: number }): Promise<PublicCasePage> {
    const [items, total] = await Promise.all([this.list(input), this.statistics.publishedCount()]);
    return { items, total, limit: input.limit, offset: input.offset };
  }

  async list(input: { limit: number; offset: number }): Promise<PublicCase[]> {
    const rows = await this.statistics.published({ ...input, summary: { formKey: PUBLICATION_FORM, field: SUMMARY_FIELD } });
    return rows.map((r) => {
      const config = (r.publication ?? {}) as PublicConfig;
      const forms = r.forms as FormsJson | null;
      const data = r.data ?? {};
      const intake = (r.startFormKey && forms?.[r.startFormKey]) || undefined;
      const props = intake?.schema?.properties ?? {};
      // Personal fields are published masked even when a (pre-check) pack lists them as shown.
      const maskedFields = new Set([...(config.mask ?? []), ...(config.fields ?? []).filter((f) => personalKind(f, props[f]))]);
      const secrets = personalValues(data, props, maskedFields);
      const scrub = (text: string) => maskText(maskNames(secrets.literals.reduce((t, s) => t.split(s.raw).join(s.masked), normalise(text)), secrets.names));
      const fields: PublicCase['fields'] = [];
      for (const f of config.fields ?? []) {
        if (maskedFields.has(f)) continue;
        const v = data[f];
        if (v === undefined || v === null || v === '' || typeof v === 'object') continue;
        // Free text as the intake holds it is never published (see above).
        if (isFreeText(props[f], v)) continue;
        const label = enumLabel(v, props[f], intake?.uiSchema?.[f]?.['ui:enumNames']);
        fields.push({ field: f, title: props[f]?.title ?? f, value: scrub(label) });
      }
      const shownMasked = [...maskedFields].filter((f) => typeof data[f] === 'string' && (data[f] as string).trim());
      for (const f of shownMasked) fields.push({ field: f, title: props[f]?.title ?? f, value: maskValue(data[f] as string, props[f], f) });
      const nameField = shownMasked.find((f) => kind(props[f], f) === 'name');
      return {
        number: r.number,
        type: r.type,
        unitName: this.directory.unitName(r.unit),
        party: nameField ? maskName(data[nameField] as string) : null,
        status: 'completed' as const,
        result: (r.result && RESULT_LABELS[r.result as keyof typeof RESULT_LABELS]) ?? '已办结',
        createdAt: r.createdAt,
        completedAt: r.completedAt,
        fields,
        summary: hasSummary(forms) && r.summary?.trim() ? scrub(r.summary.trim()) : null,
      };
    });
  }
}

/** Text a person wrote (no choice of values, no number or date format): not published as entered. */
function isFreeText(schema: FieldSchema | undefined, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (schema?.enum) return false;
  return !['date', 'date-time', 'time'].includes(schema?.format ?? '');
}

/** Whether a definition's forms have the 公示摘要 (the `publication` form's `summary`). */
function hasSummary(forms: FormsJson | null): boolean {
  return !!forms?.[PUBLICATION_FORM]?.schema?.properties?.[SUMMARY_FIELD];
}

/** A masked field shows as what it is; a field of no personal kind is taken for a name. */
function kind(schema: FieldSchema | undefined, field: string): PersonalKind {
  return personalKind(field, schema) ?? 'name';
}

function maskValue(value: string, schema: FieldSchema | undefined, field = ''): string {
  const k = kind(schema, field);
  if (k === 'id') return maskIdNumber(value);
  if (k === 'phone') return maskPhone(value);
  if (k === 'address') return maskAddress(value);
  return maskName(value);
}

/**
 * The personal values of the intake data that must not appear in published text: the names
 * (applicant, third parties, also inside lists of parties) to mask wherever they are mentioned,
 * and the other values (ID numbers, phones, addresses, masked fields) to replace literally.
 */
export function personalValues(data: Record<string, unknown>, props: Record<string, FieldSchema>, masked: Set<string>): {
  names: string[]; literals: { raw: string; masked: string }[];
} {
  const names: string[] = [];
  const literals: { raw: string; masked: string }[] = [];
  const visit = (value: unknown, field: string, schema: FieldSchema | undefined, forced: boolean) => {
    if (typeof value === 'string') {
      const k = personalKind(field, schema) ?? (forced ? 'name' : undefined);
      const raw = normalise(value).trim();
      if (!k || !raw) return;
      if (k === 'name') names.push(raw);
      else literals.push({ raw, masked: maskValue(raw, schema, field) });
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, field, schema?.items ?? schema, forced);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k, schema?.properties?.[k], false);
    }
  };
  for (const [f, v] of Object.entries(data)) visit(v, f, props[f], masked.has(f));
  literals.sort((a, b) => b.raw.length - a.raw.length);
  return { names, literals };
}

function enumLabel(v: unknown, schema: FieldSchema | undefined, names: string[] | undefined): string {
  const i = schema?.enum?.indexOf(v) ?? -1;
  return i >= 0 && names?.[i] ? names[i] : String(v);
}
