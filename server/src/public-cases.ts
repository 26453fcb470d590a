// 公示: closed cases listed publicly, as each pack version decides (pack.json `public`, stored in
// the definition's meta at deploy): only packs with `enabled` are listed; `fields` are shown,
// `mask` fields are shown masked by what they are (ID number, phone, else a name). Nothing else
// of the case data leaves the server, and shown free text is scrubbed too: ID and phone numbers
// anywhere, and the values of the masked fields (a name repeated in a description).
import type pg from 'pg';
import { maskIdNumber, maskName, maskPhone, maskText } from './mask';
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
type FieldSchema = { type?: string; format?: string; title?: string; enum?: unknown[] };
interface FormsJson { [key: string]: { schema?: { properties?: Record<string, FieldSchema> }; uiSchema?: Record<string, { 'ui:enumNames'?: string[] } | undefined> } }

const RESULT_LABELS: Record<string, string> = { success: '调处成功', failed: '调处未成功' };

export class PublicCases {
  constructor(private readonly pool: pg.Pool, private readonly directory: OrgDirectory) {}

  async list(input: { limit: number; offset: number }): Promise<PublicCase[]> {
    const { rows } = await this.pool.query<{
      number: string; type: string | null; unit: string | null; created_at: Date; completed_at: Date | null;
      data: Record<string, unknown> | null; public: PublicConfig | null; forms: FormsJson | null; start_form: string | null; result: string | null;
    }>(
      `select c.number, c.type, c.unit, c.created_at, c.completed_at, c.variables -> 'data' as data,
              d.meta -> 'public' as public, d.forms, d.meta ->> 'startFormKey' as start_form,
              (select t.data ->> 'result' from tasks t where t.case_id = c.id and t.status = 'completed' and t.data ->> 'result' in ('success', 'failed')
                order by t.completed_at desc, t.created_at desc limit 1) as result
         from cases c join definitions d on d.id = c.definition_id
        where c.status = 'completed' and coalesce((d.meta -> 'public' ->> 'enabled')::boolean, false)
        order by c.completed_at desc nulls last, c.number desc limit $1 offset $2`,
      [input.limit, input.offset],
    );
    return rows.map((r) => {
      const config = r.public ?? {};
      const data = r.data ?? {};
      const intake = (r.start_form && r.forms?.[r.start_form]) || undefined;
      const props = intake?.schema?.properties ?? {};
      const masked = (config.mask ?? []).filter((f) => typeof data[f] === 'string' && (data[f] as string).trim());
      const secrets = masked.map((f) => ({ raw: (data[f] as string).trim(), masked: maskValue(data[f] as string, props[f], f) }));
      const scrub = (text: string) => maskText(secrets.reduce((t, s) => t.split(s.raw).join(s.masked), text));
      const fields: PublicCase['fields'] = [];
      for (const f of config.fields ?? []) {
        if ((config.mask ?? []).includes(f)) continue;
        const v = data[f];
        if (v === undefined || v === null || v === '' || typeof v === 'object') continue;
        const label = enumLabel(v, props[f], intake?.uiSchema?.[f]?.['ui:enumNames']);
        fields.push({ field: f, title: props[f]?.title ?? f, value: scrub(label) });
      }
      for (const f of masked) fields.push({ field: f, title: props[f]?.title ?? f, value: maskValue(data[f] as string, props[f], f) });
      const nameField = masked.find((f) => kind(props[f], f) === 'name');
      return {
        number: Number(r.number),
        type: r.type,
        unitName: this.directory.unitName(r.unit),
        party: nameField ? maskName(data[nameField] as string) : null,
        status: 'completed' as const,
        result: (r.result && RESULT_LABELS[r.result]) ?? '已办结',
        createdAt: r.created_at,
        completedAt: r.completed_at,
        fields,
      };
    });
  }
}

function kind(schema: FieldSchema | undefined, field: string): 'id' | 'phone' | 'name' {
  if (schema?.format === 'cn-resident-id' || /id(card|number)/i.test(field)) return 'id';
  if (schema?.format === 'cn-mobile' || schema?.format === 'cn-phone' || /phone|mobile|tel/i.test(field)) return 'phone';
  return 'name';
}

function maskValue(value: string, schema: FieldSchema | undefined, field = ''): string {
  const k = kind(schema, field);
  if (k === 'id') return maskIdNumber(value.trim());
  if (k === 'phone') return maskPhone(value.trim());
  return maskName(value);
}

function enumLabel(v: unknown, schema: FieldSchema | undefined, names: string[] | undefined): string {
  const i = schema?.enum?.indexOf(v) ?? -1;
  return i >= 0 && names?.[i] ? names[i] : String(v);
}
