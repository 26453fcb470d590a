// Which form fields hold personal data (个人信息): by the CN format of the field, its name or its
// title. The pack validator refuses such a field in 公示 unmasked; the server masks them in 公示
// and for roles that need no personal data.

export type PersonalKind = 'id' | 'phone' | 'address' | 'name';

export interface FieldLike {
  type?: string | string[];
  format?: string;
  title?: string;
}

const ID_KEY = /id(card|number|no)|^sfz|shenfen|passport|certificate/i;
const ID_TITLE = /身份证|证件号|护照/;
const PHONE_KEY = /phone|mobile|^tel$|telephone|^contact(number|phone)?$|wechat/i;
const PHONE_TITLE = /电话|手机|联系方式|座机|微信/;
const ADDRESS_KEY = /address|^addr|residence|domicile|household/i;
const ADDRESS_TITLE = /住址|地址|住所|户籍/;
const NAME_KEY = /(^|[a-z_])(name|Name)$|^applicant|respondent|^part(y|ies)$|reporter|caller|^contact$|person|victim|defendant|plaintiff|witness|petitioner|complainant|guardian/i;
const NAME_TITLE = /姓名|当事人|申请人|反映人|对方|联系人|来电人|网格员|证人|监护人|投诉人|举报人/;

/** The kind of personal data a field holds, or undefined when it holds none. */
export function personalKind(field: string, schema: FieldLike | undefined): PersonalKind | undefined {
  const title = schema?.title ?? '';
  const format = schema?.format;
  const types = schema?.type === undefined ? [] : [schema.type].flat();
  if (format === 'cn-resident-id' || ID_KEY.test(field) || ID_TITLE.test(title)) return 'id';
  if (format === 'cn-mobile' || format === 'cn-phone' || PHONE_KEY.test(field) || PHONE_TITLE.test(title)) return 'phone';
  if (ADDRESS_KEY.test(field) || ADDRESS_TITLE.test(title)) return 'address';
  // A count of parties (当事人数) is no name: names are text.
  if (types.length && !types.includes('string') && !types.includes('array')) return undefined;
  if (NAME_KEY.test(field) || NAME_TITLE.test(title)) return 'name';
  return undefined;
}

/** A party key found in intake data (the engine normalises and indexes it for 研判). */
export interface PartyKeyFound {
  kind: PersonalKind;
  value: string;
}

/**
 * The parties of an intake — every string under a field that holds personal data, by the intake
 * form's schema (format, title) where it declares the field, else by the field's name; inside
 * lists of parties too (`parties: [{ name, idNumber }]`). What 研判 searches and compares.
 */
export function partyKeys(data: Record<string, unknown>, startForm: unknown): PartyKeyFound[] {
  const props = ((startForm as { schema?: { properties?: Record<string, FieldLike> } } | undefined)?.schema?.properties) ?? {};
  const out: PartyKeyFound[] = [];
  const visit = (v: unknown, field: string, schema: FieldLike | undefined, depth: number) => {
    if (depth > 6 || out.length > 200) return;
    if (typeof v === 'string') {
      const kind = field ? personalKind(field, schema) : undefined;
      if (kind && v.trim()) out.push({ kind, value: v });
    } else if (Array.isArray(v)) {
      v.forEach((x) => visit(x, field, schema, depth + 1));
    } else if (v && typeof v === 'object' && !isAttachmentRef(v)) {
      for (const [k, x] of Object.entries(v)) visit(x, k, undefined, depth + 1);
    }
  };
  for (const [k, v] of Object.entries(data ?? {})) visit(v, k, props[k], 0);
  return out;
}

/** An uploaded file referenced from form data (`{ id, name, size?, contentType? }`): its `name` is a file name, not a person's. */
function isAttachmentRef(v: object): boolean {
  const o = v as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.name === 'string' && ('size' in o || 'contentType' in o);
}
