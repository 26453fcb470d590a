// The hook through which the engine validates form data before any write. The forms package
// provides the real validator (Chinese messages, CN formats); this stopgap uses ajv directly.
import { Ajv, type ErrorObject } from 'ajv';
import type { FormDefinitionLike } from './definitions';
import type { ErrorDetail } from './errors';

export type FormValidator = (form: FormDefinitionLike, data: unknown, formKey: string) => ErrorDetail[];

export function createAjvFormValidator(): FormValidator {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const compiled = new WeakMap<object, ReturnType<Ajv['compile']>>();
  return (form, data) => {
    let validate = compiled.get(form.schema);
    if (!validate) {
      validate = ajv.compile(form.schema);
      compiled.set(form.schema, validate);
    }
    if (validate(data)) return [];
    return (validate.errors ?? []).map((e: ErrorObject) => ({
      field: e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath,
      code: e.keyword,
      message: e.message ?? e.keyword,
    }));
  };
}
