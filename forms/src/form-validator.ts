import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from './ajv-factory';
import { validationSchema } from './closed-form';
import { FormDefinitionInvalidError, FormInvalidError } from './errors';
import { createLocalizer, type Localizer } from './messages';
import { escapePointer } from './schema-walk';
import type { FieldError, FormDefinition, FormSchema, Locale, UiSchema } from './types';

/**
 * ajv reports a failed `if`/`then` twice: once for the field inside `then` and once more as an `if` error on
 * the parent that tells the clerk nothing. rjsf's form drops it through `transformErrors`; so do we.
 */
export function isReportedKeyword(keyword: string): boolean {
  return keyword !== 'if';
}

/** The data pointer an ajv error belongs to: the missing property for `required`/`dependencies`. */
export function errorField(error: Pick<ErrorObject, 'instancePath' | 'params'>): string {
  const missing = (error.params as { missingProperty?: unknown }).missingProperty;
  return typeof missing === 'string' ? `${error.instancePath}/${escapePointer(missing)}` : error.instancePath;
}

/** rjsf's duplicate filter for anyOf/oneOf branches (same message under the same branch prefix). */
function dropBranchDuplicates(errors: ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    const { schemaPath, message } = error;
    const at = ['/anyOf/', '/oneOf/'].map((k) => schemaPath.indexOf(k)).find((i) => i > 0);
    const prefix = at === undefined ? undefined : schemaPath.slice(0, at);
    const dup = prefix !== undefined && kept.some((e) => e.message === message && e.schemaPath.startsWith(prefix));
    if (!dup) kept.push(error);
  }
  return kept;
}

/** How many distinct form schemas a validator keeps compiled (beyond those still referenced by object). */
const CONTENT_CACHE_SIZE = 500;

export interface FormValidatorOptions {
  /** Message language; zh-CN unless told otherwise. */
  locale?: Locale;
  /**
   * Refuse fields a form does not declare unless the form opts out (see `closed-form.ts`); default true, as
   * `CaseForm` does. False validates plain JSON Schema (e.g. HTTP request bodies).
   */
  closedByDefault?: boolean;
}

export interface FormValidator {
  readonly locale: Locale;
  /** Field errors of `data` against the form; an empty list means valid. */
  validate(def: FormDefinition, data: unknown): FieldError[];
  /** Throws `FormInvalidError` unless `data` is valid. */
  assertValid(def: FormDefinition, data: unknown): void;
}

/**
 * The server side of form validation: the same ajv (options, formats), the same messages and the same error
 * filtering as the rendered form, so the server accepts exactly what the browser accepts.
 */
export function createFormValidator(options: FormValidatorOptions = {}): FormValidator {
  const locale = options.locale ?? 'zh-CN';
  const closedByDefault = options.closedByDefault ?? true;
  const ajv: Ajv = createAjv();
  // Compiled validators by schema object (fast path) and by schema content: a new version of a form is a new
  // schema, whatever its `$id`, and the same content is compiled once. ajv keeps nothing: every compiled schema
  // is removed from it again, so an `$id` never pins an old version.
  const compiled = new WeakMap<FormSchema, ValidateFunction>();
  const byContent = new Map<string, ValidateFunction>();
  const localizers = new WeakMap<FormSchema, WeakMap<UiSchema, Localizer> | Localizer>();

  function compile(schema: FormSchema): ValidateFunction {
    let fn = compiled.get(schema);
    if (fn) return fn;
    const checked = closedByDefault ? validationSchema(schema) : schema;
    const key = JSON.stringify(checked);
    fn = byContent.get(key);
    if (fn) {
      byContent.delete(key); // most recently used last
    } else {
      try {
        fn = ajv.compile(checked);
      } catch (err) {
        throw new FormDefinitionInvalidError([{ pointer: '/schema', message: (err as Error).message }]);
      } finally {
        ajv.removeSchema(checked);
      }
    }
    byContent.set(key, fn);
    while (byContent.size > CONTENT_CACHE_SIZE) byContent.delete(byContent.keys().next().value as string);
    compiled.set(schema, fn);
    return fn;
  }

  function localizerFor(def: FormDefinition): Localizer {
    const make = () => createLocalizer({ locale, schema: def.schema, uiSchema: def.uiSchema });
    if (!def.uiSchema) {
      const known = localizers.get(def.schema);
      if (typeof known === 'function') return known;
      const made = make();
      localizers.set(def.schema, made);
      return made;
    }
    let byUi = localizers.get(def.schema);
    if (typeof byUi !== 'object') {
      byUi = new WeakMap();
      localizers.set(def.schema, byUi);
    }
    let made = byUi.get(def.uiSchema);
    if (!made) {
      made = make();
      byUi.set(def.uiSchema, made);
    }
    return made;
  }

  function validate(def: FormDefinition, data: unknown): FieldError[] {
    const fn = compile(def.schema);
    // Validate the JSON the data becomes on the wire, as rjsf's Form.validate does (undefined keys vanish,
    // NaN becomes null, dates become strings).
    const json = JSON.stringify(data);
    if (fn(json === undefined ? undefined : JSON.parse(json))) return [];
    const errors = (fn.errors ?? []).map((e) => ({ ...e, params: { ...e.params } }));
    localizerFor(def)(errors);
    return dropBranchDuplicates(errors)
      .filter((e) => isReportedKeyword(e.keyword))
      .map((e) => ({ field: errorField(e), keyword: e.keyword, message: e.message ?? '', params: e.params }));
  }

  return {
    locale,
    validate,
    assertValid(def, data) {
      const errors = validate(def, data);
      if (errors.length > 0) throw new FormInvalidError(errors);
    },
  };
}
