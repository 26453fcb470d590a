import { createAjv, patternProblem } from './ajv-factory';
import { FormDefinitionInvalidError, type FormDefinitionProblem } from './errors';
import { escapePointer, isSchemaObject, itemSchemas, propertySchemas } from './schema-walk';
import type { FormDefinition, FormSchema, UiSchema } from './types';
import { RJSF_WIDGET_NAMES, YIZHAN_WIDGET_NAMES } from './widget-names';

export interface LoadFormDefinitionOptions {
  /** Extra widget names the rendering app registers, on top of rjsf's and ours. */
  widgets?: string[];
}

// One ajv for meta-validation only: schema compilation does not depend on data, so sharing it is safe.
let metaAjv: ReturnType<typeof createAjv> | undefined;

function checkSchema(schema: FormSchema, problems: FormDefinitionProblem[]): void {
  metaAjv ??= createAjv();
  const ajv = metaAjv;
  let valid: boolean;
  try {
    valid = ajv.validateSchema(schema) as boolean;
  } catch (err) {
    // e.g. a "$schema" naming a draft this ajv does not know
    problems.push({ pointer: '/schema', message: `无法校验 schema：${(err as Error).message}` });
    return;
  }
  if (!valid) {
    for (const e of ajv.errors ?? []) {
      problems.push({ pointer: `/schema${e.instancePath}`, message: `不符合 JSON Schema 规范：${e.message ?? e.keyword}` });
    }
    return;
  }
  walkFormats(schema, '/schema', (pointer, format) => {
    if (!ajv.formats[format]) problems.push({ pointer, message: `未知的格式“${format}”` });
  });
  const before = problems.length;
  problems.push(...unsupportedPatterns(schema));
  if (problems.length > before) return; // the compile error would repeat them
  try {
    const fn = ajv.compile(schema);
    void fn;
  } catch (err) {
    problems.push({ pointer: '/schema', message: `schema 无法编译：${(err as Error).message}` });
  } finally {
    ajv.removeSchema(schema);
  }
}

/** Calls `visit` for every `format` keyword in the schema (not inside `enum`/`const`/`default`/`examples`). */
function walkFormats(node: unknown, pointer: string, visit: (pointer: string, format: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walkFormats(child, `${pointer}/${i}`, visit));
    return;
  }
  if (!isSchemaObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'format' && typeof value === 'string') visit(`${pointer}/format`, value);
    else if (!['enum', 'const', 'default', 'examples'].includes(key)) walkFormats(value, `${pointer}/${escapePointer(key)}`, visit);
  }
}

/**
 * The `pattern`s and `patternProperties` keys of a form schema that RE2 cannot run (backreferences, lookaround),
 * each with its pointer into `{ schema }`, code `FORM_PATTERN_UNSUPPORTED` and a message naming form and field.
 */
export function unsupportedPatterns(schema: FormSchema): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  const form = typeof schema.title === 'string' && schema.title ? `表单“${schema.title}”` : '表单';
  walkPatterns(schema, '/schema', undefined, (pointer, pattern, field) => {
    if (patternProblem(pattern) === undefined) return;
    problems.push({
      pointer,
      code: 'FORM_PATTERN_UNSUPPORTED',
      message: `${form}${field ? `字段“${field}”的` : '的'}格式规则（pattern）“${pattern}”不受支持：只能使用 RE2 正则语法，不能有反向引用（如 \\1）和环视（如 (?=…)、(?<=…)、(?!…)）`,
    });
  });
  return problems;
}

/**
 * Calls `visit` for every `pattern` and every `patternProperties` key in the schema, with the field it belongs to
 * (its `title`, else its property name) — not inside `enum`/`const`/`default`/`examples`.
 */
function walkPatterns(node: unknown, pointer: string, field: string | undefined, visit: (pointer: string, pattern: string, field: string | undefined) => void): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walkPatterns(child, `${pointer}/${i}`, field, visit));
    return;
  }
  if (!isSchemaObject(node)) return;
  const here = field !== undefined && typeof node.title === 'string' && node.title ? node.title : field;
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${escapePointer(key)}`;
    if (key === 'pattern' && typeof value === 'string') visit(at, value, here);
    else if (key === 'patternProperties' && isSchemaObject(value)) {
      for (const [pattern, sub] of Object.entries(value)) {
        visit(`${at}/${escapePointer(pattern)}`, pattern, here);
        walkPatterns(sub, `${at}/${escapePointer(pattern)}`, here, visit);
      }
    } else if (key === 'properties' && isSchemaObject(value)) {
      for (const [name, sub] of Object.entries(value)) walkPatterns(sub, `${at}/${escapePointer(name)}`, name, visit);
    } else if (!['enum', 'const', 'default', 'examples'].includes(key)) walkPatterns(value, at, here, visit);
  }
}

function checkUiSchema(
  ui: UiSchema,
  schemas: FormSchema[],
  root: FormSchema,
  pointer: string,
  widgets: Set<string>,
  problems: FormDefinitionProblem[],
): void {
  for (const [key, value] of Object.entries(ui)) {
    const at = `${pointer}/${escapePointer(key)}`;
    if (key.startsWith('ui:')) {
      if (key === 'ui:widget' && typeof value === 'string' && !widgets.has(value)) {
        problems.push({ pointer: at, message: `未知的控件“${value}”` });
      }
      if (key === 'ui:order' && Array.isArray(value)) {
        value.forEach((name, i) => {
          if (name !== '*' && !schemas.some((s) => propertySchemas(s, String(name), root).length > 0)) {
            problems.push({ pointer: `${at}/${i}`, message: `ui:order 中的字段“${String(name)}”在 schema 中不存在` });
          }
        });
      }
      continue;
    }
    let children: FormSchema[] = schemas.flatMap((s) => propertySchemas(s, key, root));
    if (children.length === 0 && key === 'items') children = schemas.flatMap((s) => itemSchemas(s, root));
    if (children.length === 0 && key === 'additionalProperties') {
      children = schemas.map((s) => s.additionalProperties).filter(isSchemaObject);
    }
    if (children.length === 0) {
      problems.push({ pointer: at, message: `uiSchema 中的“${key}”在 schema 中没有对应字段` });
    } else if (isSchemaObject(value)) {
      checkUiSchema(value, children, root, at, widgets, problems);
    } else {
      problems.push({ pointer: at, message: `“${key}”的界面设置应当是对象` });
    }
  }
}

/**
 * Checks a form definition (`{ schema, uiSchema }`, e.g. a pack's `forms/<key>.json`) and returns it typed:
 * the schema is a valid JSON Schema with an object root and known formats, compiles with our ajv, every
 * uiSchema key names a field of the schema (looking into $ref and conditional branches), and every
 * `ui:widget` is known. Throws `FormDefinitionInvalidError` listing all problems.
 */
export function loadFormDefinition(json: unknown, options: LoadFormDefinitionOptions = {}): FormDefinition {
  const problems: FormDefinitionProblem[] = [];
  if (!isSchemaObject(json)) throw new FormDefinitionInvalidError([{ pointer: '', message: '表单定义应当是对象 { schema, uiSchema }' }]);
  for (const key of Object.keys(json)) {
    if (key !== 'schema' && key !== 'uiSchema') problems.push({ pointer: `/${escapePointer(key)}`, message: `未知的属性“${key}”（只允许 schema 和 uiSchema）` });
  }
  const { schema, uiSchema } = json;
  if (!isSchemaObject(schema)) {
    problems.push({ pointer: '/schema', message: '缺少 schema，或 schema 不是对象' });
    throw new FormDefinitionInvalidError(problems);
  }
  if (schema.type !== 'object') problems.push({ pointer: '/schema/type', message: '表单 schema 的根应当是 "type": "object"' });
  checkSchema(schema, problems);
  if (uiSchema !== undefined) {
    if (!isSchemaObject(uiSchema)) problems.push({ pointer: '/uiSchema', message: 'uiSchema 应当是对象' });
    else {
      const widgets = new Set<string>([...RJSF_WIDGET_NAMES, ...YIZHAN_WIDGET_NAMES, ...(options.widgets ?? [])]);
      checkUiSchema(uiSchema, [schema], schema, '/uiSchema', widgets, problems);
    }
  }
  if (problems.length > 0) throw new FormDefinitionInvalidError(problems);
  return uiSchema === undefined ? { schema } : { schema, uiSchema: uiSchema as UiSchema };
}
