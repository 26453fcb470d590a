// Clerk-friendly messages. ajv-i18n gives a Chinese (or English) text for every keyword; the keywords a
// clerk actually meets get our own wording, naming the field by its title instead of echoing a regex,
// a type name or a property key. The same localizer runs inside rjsf (as its `localizer`) and on the server.
import type { ErrorObject } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeZh from 'ajv-i18n/localize/zh';
import { reportUndeclaredFields } from './closed-form';
import { labelAt, unescapePointer } from './schema-walk';
import type { FormSchema, Locale, UiSchema } from './types';

type Params = Record<string, unknown>;
interface Wording {
  field: string; // a field without a title
  undeclared: string; // a field a closed form does not declare
  required: (label: string) => string;
  dependency: (label: string, trigger: string) => string;
  formats: Record<string, string>;
  invalidFormat: (label: string) => string;
  types: Record<string, string>;
  keywords: Record<string, (p: Params, label: string) => string>;
}

const zh: Wording = {
  field: '此项',
  undeclared: '表单中没有此项，不能填写',
  required: (label) => `请填写${label}`,
  dependency: (label, trigger) => `填写${trigger}时，请同时填写${label}`,
  formats: {
    'cn-resident-id': '请输入有效的18位身份证号码',
    'cn-mobile': '请输入有效的11位手机号码',
    'cn-phone': '请输入有效的固定电话号码（区号-号码，如 0931-8123456）',
    'cn-uscc': '请输入有效的18位统一社会信用代码',
    'cn-postcode': '请输入有效的6位邮政编码',
    date: '请输入有效的日期（如 2024-05-01）',
    time: '请输入有效的时间（如 09:30:00）',
    'date-time': '请输入有效的日期和时间',
    email: '请输入有效的电子邮箱地址',
    uri: '请输入有效的网址',
    url: '请输入有效的网址',
    hostname: '请输入有效的主机名',
    ipv4: '请输入有效的网络地址',
    ipv6: '请输入有效的网络地址',
    uuid: '请输入有效的唯一标识',
  },
  invalidFormat: (label) => `${label}格式不正确`,
  types: { string: '文字', number: '数字', integer: '整数', boolean: '是或否', array: '列表', object: '一组字段', null: '空值' },
  keywords: {
    pattern: (_p, label) => `${label}格式不正确`,
    type: (p) => `应填写${zh.types[String(p.type).split(',')[0]] ?? '正确类型的值'}`,
    enum: () => '请从给定的选项中选择',
    const: () => '取值不符合要求',
    minLength: (p) => `至少输入${p.limit}个字`,
    maxLength: (p) => `最多输入${p.limit}个字`,
    minimum: (p) => `不能小于${p.limit}`,
    maximum: (p) => `不能大于${p.limit}`,
    exclusiveMinimum: (p) => `必须大于${p.limit}`,
    exclusiveMaximum: (p) => `必须小于${p.limit}`,
    multipleOf: (p) => `必须是${p.multipleOf}的整数倍`,
    minItems: (p) => `至少选择${p.limit}项`,
    maxItems: (p) => `最多选择${p.limit}项`,
    uniqueItems: () => '不能有重复项',
    additionalProperties: () => '包含表单中没有的字段',
    anyOf: () => '请按其中一种要求填写',
    oneOf: () => '请按且只按其中一种要求填写',
    not: () => '取值不符合要求',
    'false schema': () => '此项不应填写',
    if: () => '请按条件要求填写',
  },
};

const en: Wording = {
  field: 'This field',
  undeclared: 'The form has no such field',
  required: (label) => `${label} is required`,
  dependency: (label, trigger) => `${label} is required when ${trigger} is filled in`,
  formats: {
    'cn-resident-id': 'Enter a valid 18-digit resident ID number',
    'cn-mobile': 'Enter a valid 11-digit mobile number',
    'cn-phone': 'Enter a valid landline number with area code (e.g. 0931-8123456)',
    'cn-uscc': 'Enter a valid 18-character unified social credit code',
    'cn-postcode': 'Enter a valid 6-digit postcode',
    date: 'Enter a valid date (e.g. 2024-05-01)',
    time: 'Enter a valid time (e.g. 09:30:00)',
    'date-time': 'Enter a valid date and time',
    email: 'Enter a valid email address',
    uri: 'Enter a valid web address',
    url: 'Enter a valid web address',
  },
  invalidFormat: (label) => `${label} is not in the expected format`,
  types: { string: 'text', number: 'a number', integer: 'a whole number', boolean: 'yes or no', array: 'a list', object: 'a group of fields', null: 'empty' },
  keywords: {
    pattern: (_p, label) => `${label} is not in the expected format`,
    type: (p) => `Must be ${en.types[String(p.type).split(',')[0]] ?? 'a value of the right type'}`,
    enum: () => 'Choose one of the given options',
    minLength: (p) => `Enter at least ${p.limit} characters`,
    maxLength: (p) => `Enter at most ${p.limit} characters`,
    minItems: (p) => `Choose at least ${p.limit}`,
    maxItems: (p) => `Choose at most ${p.limit}`,
    uniqueItems: () => 'Remove the duplicates',
    anyOf: () => 'Fill this in according to one of the options',
    oneOf: () => 'Fill this in according to exactly one of the options',
  },
};

const WORDING: Record<Locale, Wording> = { 'zh-CN': zh, en };
const FALLBACK: Record<Locale, (errors: ErrorObject[]) => void> = { 'zh-CN': localizeZh, en: localizeEn };

/** rjsf quotes property names (`'employer'`) while its localizer runs; strip that. */
function unquote(value: unknown): string {
  const s = String(value ?? '');
  return s.length >= 2 && s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1) : s;
}

function pathOf(instancePath: string): string[] {
  return instancePath.split('/').slice(1).map(unescapePointer);
}

export interface LocalizerOptions {
  locale?: Locale;
  schema: FormSchema;
  uiSchema?: UiSchema;
}

/**
 * A function that rewrites `message` on ajv errors in place, in rjsf's `Localizer` shape. It is also the one hook
 * rjsf gives on the raw errors, so it reports a closed form's undeclared fields (see `closed-form.ts`) first.
 */
export type Localizer = (errors?: ErrorObject[] | null) => void;

export function createLocalizer({ locale = 'zh-CN', schema, uiSchema }: LocalizerOptions): Localizer {
  const words = WORDING[locale];
  const label = (path: string[]) => labelAt(path, schema, uiSchema) ?? words.field;
  return (errors) => {
    if (!errors || errors.length === 0) return;
    const undeclared = reportUndeclaredFields(errors, schema);
    FALLBACK[locale](errors);
    for (const error of errors) {
      const path = pathOf(error.instancePath);
      const params = error.params as Params;
      if (error.keyword === 'additionalProperties' && path.length === 1 && undeclared.has(path[0])) {
        error.message = words.undeclared;
      } else if (error.keyword === 'required') {
        error.message = words.required(label([...path, unquote(params.missingProperty)]));
      } else if (error.keyword === 'dependencies' || error.keyword === 'dependentRequired') {
        const missing = label([...path, unquote(params.missingProperty)]);
        error.message = words.dependency(missing, label([...path, unquote(params.property)]));
      } else if (error.keyword === 'format') {
        error.message = words.formats[String(params.format)] ?? words.invalidFormat(label(path));
      } else if (words.keywords[error.keyword]) {
        error.message = words.keywords[error.keyword](params, label(path));
      }
    }
  };
}
