// Walking a form schema the way rjsf renders it: a property may be declared directly, behind a local $ref,
// or inside a conditional branch (allOf/anyOf/oneOf, if/then/else, dependencies).
import type { FormSchema, UiSchema } from './types';

export function isSchemaObject(value: unknown): value is FormSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decodes one JSON pointer segment. */
export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Resolves a local `#/…` reference against the root schema; undefined when it cannot. */
export function resolveLocalRef(ref: string, root: FormSchema): FormSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    if (!isSchemaObject(node)) return undefined;
    node = node[unescapePointer(decodeURIComponent(raw))];
  }
  return isSchemaObject(node) ? node : undefined;
}

const BRANCH_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;
const BRANCH_KEYWORDS = ['then', 'else', 'if'] as const;

/** Every schema that constrains the same data as `schema` (itself, $ref targets, conditional branches). */
export function equivalentSchemas(schema: FormSchema, root: FormSchema, seen = new Set<FormSchema>()): FormSchema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out = [schema];
  if (typeof schema.$ref === 'string') {
    const target = resolveLocalRef(schema.$ref, root);
    if (target) out.push(...equivalentSchemas(target, root, seen));
  }
  for (const keyword of BRANCH_LIST_KEYWORDS) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const s of list) if (isSchemaObject(s)) out.push(...equivalentSchemas(s, root, seen));
  }
  for (const keyword of BRANCH_KEYWORDS) {
    const s = schema[keyword];
    if (isSchemaObject(s)) out.push(...equivalentSchemas(s, root, seen));
  }
  const deps = schema.dependencies;
  if (isSchemaObject(deps)) {
    for (const s of Object.values(deps)) if (isSchemaObject(s)) out.push(...equivalentSchemas(s, root, seen));
  }
  return out;
}

/** The schemas that may describe property `name` of data described by `schema`. */
export function propertySchemas(schema: FormSchema, name: string, root: FormSchema): FormSchema[] {
  const out: FormSchema[] = [];
  for (const s of equivalentSchemas(schema, root)) {
    const prop = s.properties?.[name];
    if (isSchemaObject(prop)) out.push(...equivalentSchemas(prop, root));
    else if (prop === true) out.push({});
  }
  return out;
}

/** The schemas for array items of data described by `schema`. */
export function itemSchemas(schema: FormSchema, root: FormSchema): FormSchema[] {
  const out: FormSchema[] = [];
  for (const s of equivalentSchemas(schema, root)) {
    const items = s.items;
    if (isSchemaObject(items)) out.push(...equivalentSchemas(items, root));
    else if (Array.isArray(items)) for (const i of items) if (isSchemaObject(i)) out.push(...equivalentSchemas(i, root));
  }
  return out;
}

/**
 * The label of the data at `path` (segments of a JSON pointer): `ui:title` from the uiSchema, else the first
 * schema `title` found. Undefined for the root or an untitled field.
 */
export function labelAt(path: string[], root: FormSchema, uiSchema?: UiSchema): string | undefined {
  if (path.length === 0) return undefined;
  let ui: unknown = uiSchema;
  for (const seg of path) ui = isSchemaObject(ui) ? (/^\d+$/.test(seg) && 'items' in ui ? ui.items : ui[seg]) : undefined;
  if (isSchemaObject(ui) && typeof ui['ui:title'] === 'string') return ui['ui:title'];
  let schemas: FormSchema[] = [root];
  for (const seg of path) {
    schemas = schemas.flatMap((s) => {
      const props = propertySchemas(s, seg, root);
      return props.length > 0 || !/^\d+$/.test(seg) ? props : itemSchemas(s, root);
    });
  }
  for (const s of schemas) if (typeof s.title === 'string' && s.title) return s.title;
  return undefined;
}
