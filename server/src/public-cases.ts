// 公示: closed cases listed publicly, as each pack version decides (pack.json `public`, stored in
// the definition's meta at deploy): only packs with `enabled` are listed; `fields` are shown,
// `mask` fields — and any personal field listed in `fields` — are shown masked by what they are
// (ID number, phone, address, else a name). Nothing else of the case data leaves the server, and
// shown free text is scrubbed on its NFKC-normalised form: ID, mobile and landline numbers however
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
  /** The pack's public fields: shown fields (scrubbed) and masked fields, by field title. */
  fields: { field: string; title: string; value: string }[];
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

  async list(input: { limit: number; offset: number }): Promise<PublicCase[]> {
    const rows = await this.statistics.published(input);
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
      };
    });
  }
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
