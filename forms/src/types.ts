/**
 * A JSON Schema (draft-07, as rjsf uses it) node, kept structural so callers need no schema typings.
 * Form roots are `type: "object"`; conditions use `if`/`then`/`else`, `dependencies`, `allOf`/`oneOf`/`anyOf`.
 */
export interface FormSchema {
  $id?: string;
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  properties?: Record<string, FormSchema | boolean>;
  required?: string[];
  items?: FormSchema | boolean | (FormSchema | boolean)[];
  enum?: unknown[];
  [keyword: string]: unknown;
}

/** rjsf uiSchema: `ui:*` options plus one nested uiSchema per property (`items` for array elements). */
export interface UiSchema {
  [key: string]: unknown;
}

/** A form as administrators design it: `forms/<key>.json` in a pack. */
export interface FormDefinition {
  schema: FormSchema;
  uiSchema?: UiSchema;
}

export type Locale = 'zh-CN' | 'en';

/** One validation error, the same on server and browser. */
export interface FieldError {
  /** JSON pointer of the data property: '' for the root, '/employer', '/towns/0'. */
  field: string;
  /** The JSON Schema keyword that failed (`required`, `format`, `pattern`, …). */
  keyword: string;
  /** Human message in the validator's locale (zh-CN by default). */
  message: string;
  /** ajv's error parameters (`missingProperty`, `format`, `limit`, …). */
  params?: Record<string, unknown>;
}
