// Forms are closed by default: data may hold only the fields the form declares. A field the form does not
// declare is an error on that field, on the server and in the browser alike — a task form cannot be used to
// slip `applicant` or `result` into a case.
//
// "Declared" means anywhere the form can show the field: the root `properties`, a local `$ref`, and the
// conditional branches (`if`/`then`/`else`, `allOf`/`anyOf`/`oneOf`, `dependencies`). A plain
// `additionalProperties: false` would refuse the fields a `then` declares, so a closed form is checked with
// `propertyNames: { enum: [the declared fields] }`, which rjsf ignores when rendering. The localizer (the one
// hook rjsf gives on raw ajv errors) then reports each refused name as an `additionalProperties` error on the
// field itself, so both sides return `{ field: '/result', keyword: 'additionalProperties' }`.
//
// A form opts out by saying anything about extra fields at its root: `additionalProperties` (`true`, a
// schema, or an explicit `false` with its standard meaning), `patternProperties` or `propertyNames`.
import type { ErrorObject } from 'ajv';
import { equivalentSchemas, escapePointer } from './schema-walk';
import type { FormSchema } from './types';

const CLOSING_PATH = '#/propertyNames';

/** The root fields a form declares (root properties, `$ref` targets and conditional branches), in order. */
export function declaredFields(schema: FormSchema): string[] {
  const out = new Set<string>();
  for (const s of equivalentSchemas(schema, schema)) for (const name of Object.keys(s.properties ?? {})) out.add(name);
  return [...out];
}

/** Whether the form is closed by default: it says nothing about fields it does not declare. */
export function isClosedByDefault(schema: FormSchema): boolean {
  return !('additionalProperties' in schema) && !('patternProperties' in schema) && !('propertyNames' in schema);
}

/** The schema both validators check: a closed form gets `propertyNames` listing its declared fields. */
export function validationSchema(schema: FormSchema): FormSchema {
  if (!isClosedByDefault(schema)) return schema;
  const fields = declaredFields(schema);
  // `enum` must list at least one value: a form without fields accepts no field at all.
  return { ...schema, propertyNames: fields.length > 0 ? { enum: fields } : false };
}

/**
 * Rewrites, in place, the errors of a closed form's `propertyNames`: the inner `enum` errors go, and each
 * refused name becomes `{ keyword: 'additionalProperties', instancePath: '/<name>', params: { additionalProperty } }`.
 * Returns the names it rewrote.
 */
export function reportUndeclaredFields(errors: ErrorObject[], schema: FormSchema): Set<string> {
  const undeclared = new Set<string>();
  if (!isClosedByDefault(schema)) return undeclared;
  for (let i = errors.length - 1; i >= 0; i--) {
    const e = errors[i];
    if (e.instancePath !== '') continue;
    if (e.schemaPath.startsWith(`${CLOSING_PATH}/`)) {
      errors.splice(i, 1);
    } else if (e.schemaPath === CLOSING_PATH && e.keyword === 'propertyNames') {
      const name = String((e.params as { propertyName?: unknown }).propertyName);
      undeclared.add(name);
      e.keyword = 'additionalProperties';
      e.instancePath = `/${escapePointer(name)}`;
      e.params = { additionalProperty: name };
    }
  }
  return undeclared;
}
