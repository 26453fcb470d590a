// The form designer's model: a form definition's top-level fields as a list, and the edits the
// designer makes (add, change, remove, reorder), each returning a new definition. Conditions
// (if/then, dependencies) and nested fields are left untouched: they are edited in the JSON view.
import type { FormDefinition, FormSchema, UiSchema } from '@yizhan/forms';

export type FieldKind = 'text' | 'textarea' | 'number' | 'integer' | 'boolean' | 'date' | 'choice' | 'mobile' | 'residentId' | 'orgUnit' | 'department' | 'other';

export const FIELD_KINDS: { kind: Exclude<FieldKind, 'other'>; label: string }[] = [
  { kind: 'text', label: '单行文本' }, { kind: 'textarea', label: '多行文本' }, { kind: 'number', label: '数字' },
  { kind: 'integer', label: '整数' }, { kind: 'boolean', label: '是/否' }, { kind: 'date', label: '日期' },
  { kind: 'choice', label: '单选' }, { kind: 'mobile', label: '手机号码' }, { kind: 'residentId', label: '身份证号' },
  { kind: 'orgUnit', label: '单位（组织树）' }, { kind: 'department', label: '部门' },
];

export interface FieldSpec {
  key: string;
  title: string;
  kind: FieldKind;
  required: boolean;
  /** For `choice`: value and label. */
  options?: { value: string; label: string }[];
}

const uiOf = (def: FormDefinition, key: string): Record<string, unknown> => ((def.uiSchema ?? {})[key] as Record<string, unknown> | undefined) ?? {};

export function fieldKind(schema: FormSchema, ui: Record<string, unknown>): FieldKind {
  const w = ui['ui:widget'];
  if (w === 'org-unit') return 'orgUnit';
  if (w === 'department') return 'department';
  if (schema.type === 'string') {
    if (schema.enum) return 'choice';
    if (schema.format === 'date') return 'date';
    if (schema.format === 'cn-mobile') return 'mobile';
    if (schema.format === 'cn-resident-id') return 'residentId';
    if (w === 'textarea') return 'textarea';
    return schema.format ? 'other' : 'text';
  }
  if (schema.type === 'number') return 'number';
  if (schema.type === 'integer') return 'integer';
  if (schema.type === 'boolean') return 'boolean';
  return 'other';
}

/** Field order: `ui:order` (without `*`) then the remaining properties in schema order. */
export function fieldOrder(def: FormDefinition): string[] {
  const props = Object.keys(def.schema.properties ?? {});
  const order = ((def.uiSchema ?? {})['ui:order'] as string[] | undefined)?.filter((k) => k !== '*' && props.includes(k)) ?? [];
  return [...order, ...props.filter((p) => !order.includes(p))];
}

export function listFields(def: FormDefinition): FieldSpec[] {
  const props = def.schema.properties ?? {};
  const required = new Set(def.schema.required ?? []);
  return fieldOrder(def).map((key) => {
    const s = (typeof props[key] === 'object' ? props[key] : {}) as FormSchema;
    const ui = uiOf(def, key);
    const kind = fieldKind(s, ui);
    const spec: FieldSpec = { key, title: s.title ?? key, kind, required: required.has(key) };
    if (kind === 'choice') {
      const names = (ui['ui:enumNames'] as string[] | undefined) ?? [];
      spec.options = (s.enum ?? []).map((v, i) => ({ value: String(v), label: names[i] ?? String(v) }));
    }
    return spec;
  });
}

function schemaFor(spec: FieldSpec, previous?: FormSchema): { schema: FormSchema; ui: Record<string, unknown> } {
  // Keep what the designer does not model (description, minLength, …) from the previous schema.
  const base: FormSchema = { ...(previous ?? {}) };
  for (const k of ['type', 'format', 'enum'] as const) delete base[k];
  base.title = spec.title;
  switch (spec.kind) {
    case 'text': case 'textarea': case 'orgUnit': case 'department': return { schema: { ...base, type: 'string' }, ui: spec.kind === 'textarea' ? { 'ui:widget': 'textarea' } : spec.kind === 'orgUnit' ? { 'ui:widget': 'org-unit' } : spec.kind === 'department' ? { 'ui:widget': 'department' } : {} };
    case 'number': return { schema: { ...base, type: 'number' }, ui: {} };
    case 'integer': return { schema: { ...base, type: 'integer' }, ui: {} };
    case 'boolean': return { schema: { ...base, type: 'boolean' }, ui: {} };
    case 'date': return { schema: { ...base, type: 'string', format: 'date' }, ui: {} };
    case 'mobile': return { schema: { ...base, type: 'string', format: 'cn-mobile' }, ui: {} };
    case 'residentId': return { schema: { ...base, type: 'string', format: 'cn-resident-id' }, ui: {} };
    case 'choice': {
      const options = spec.options?.length ? spec.options : [{ value: 'a', label: '选项一' }];
      return { schema: { ...base, type: 'string', enum: options.map((o) => o.value) }, ui: { 'ui:enumNames': options.map((o) => o.label) } };
    }
    case 'other': return { schema: previous ?? { ...base, type: 'string' }, ui: {} };
  }
}

function withOrder(ui: UiSchema, order: string[]): UiSchema {
  return { ...ui, 'ui:order': [...order, ...(((ui['ui:order'] as string[] | undefined) ?? []).includes('*') ? ['*'] : [])] };
}

/** Adds or replaces the field `spec.key` (renaming from `previousKey` when given). */
export function putField(def: FormDefinition, spec: FieldSpec, previousKey?: string): FormDefinition {
  const from = previousKey ?? spec.key;
  const props = { ...(def.schema.properties ?? {}) };
  const previous = typeof props[from] === 'object' ? (props[from] as FormSchema) : undefined;
  const { schema, ui } = schemaFor(spec, previous);
  const uiSchema: UiSchema = { ...(def.uiSchema ?? {}) };
  // Keep ui options the designer does not model (placeholder, help, …), replace widget / enumNames.
  const prevUi = { ...((uiSchema[from] as Record<string, unknown> | undefined) ?? {}) };
  delete prevUi['ui:widget'];
  delete prevUi['ui:enumNames'];
  delete uiSchema[from];
  const nextUi = { ...prevUi, ...ui };
  if (Object.keys(nextUi).length) uiSchema[spec.key] = nextUi;
  // Rebuild properties in the same position (renames keep their place).
  const entries = Object.entries(props).map(([k, v]) => (k === from ? [spec.key, schema] : [k, v]) as [string, FormSchema | boolean]);
  if (!(from in props)) entries.push([spec.key, schema]);
  const order = fieldOrder(def).map((k) => (k === from ? spec.key : k));
  if (!order.includes(spec.key)) order.push(spec.key);
  const required = (def.schema.required ?? []).filter((r) => r !== from);
  if (spec.required) required.push(spec.key);
  const nextSchema: FormSchema = { ...def.schema, properties: Object.fromEntries(entries) };
  if (required.length) nextSchema.required = required;
  else delete nextSchema.required;
  return { schema: nextSchema, uiSchema: withOrder(uiSchema, order) };
}

export function removeField(def: FormDefinition, key: string): FormDefinition {
  const { [key]: _gone, ...properties } = def.schema.properties ?? {};
  const { [key]: _ui, ...uiSchema } = def.uiSchema ?? {};
  const required = (def.schema.required ?? []).filter((r) => r !== key);
  const schema: FormSchema = { ...def.schema, properties };
  if (required.length) schema.required = required;
  else delete schema.required;
  return { schema, uiSchema: withOrder(uiSchema, fieldOrder(def).filter((k) => k !== key)) };
}

export function moveField(def: FormDefinition, key: string, delta: -1 | 1): FormDefinition {
  const order = fieldOrder(def);
  const i = order.indexOf(key);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= order.length) return def;
  [order[i], order[j]] = [order[j], order[i]];
  return { schema: def.schema, uiSchema: withOrder(def.uiSchema ?? {}, order) };
}

/** A key not used yet: field1, field2, … */
export function freshKey(def: FormDefinition, stem = 'field'): string {
  const used = new Set(Object.keys(def.schema.properties ?? {}));
  let n = 1;
  while (used.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/**
 * Why a field id cannot be used, in Chinese (undefined when it can), with an ASCII id to use
 * instead: ids are the names the process, rules and API read (`data.amount`), so they must be
 * ASCII identifiers; the Chinese wording belongs in the title.
 */
export function keyProblem(key: string, taken: readonly string[], own?: string): { message: string; suggestion?: string } | undefined {
  const suggestion = () => {
    let n = 1;
    while (taken.includes(`field${n}`) && `field${n}` !== own) n++;
    return `field${n}`;
  };
  if (!key) return { message: '字段标识不能为空。', suggestion: suggestion() };
  if ([...key].some((c) => c.charCodeAt(0) > 0x7f)) {
    return { message: `字段标识只能用英文字母、数字和下划线（ASCII），不能含中文或全角字符：「${key}」。中文名称请写在“标题”里。`, suggestion: suggestion() };
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
    return { message: '字段标识须以英文字母或下划线开头，只含字母、数字和下划线（不能有空格、横线或其他符号）。', suggestion: suggestion() };
  }
  if (key !== own && taken.includes(key)) return { message: `字段标识「${key}」已被本表单的其他字段使用。`, suggestion: suggestion() };
  return undefined;
}
