// The hook through which the engine validates form data before any write: by default the forms
// package's validator — the same ajv options, formats and Chinese messages the browser uses.
import { createFormValidator, FormInvalidError, type FormDefinition } from '@yizhan/forms';
import type { DefinitionRecord, FormDefinitionLike } from './definitions';
import type { ErrorDetail } from './errors';

export type FormValidator = (form: FormDefinitionLike, data: unknown, formKey: string) => ErrorDetail[];

export function createDefaultFormValidator(locale: 'zh-CN' | 'en' = 'zh-CN'): FormValidator {
  const validator = createFormValidator({ locale });
  return (form, data) =>
    validator.validate(form as FormDefinition, data).map((e) => ({ field: e.field, code: e.keyword, message: e.message, ...(e.params ? { params: e.params } : {}) }));
}

/** Validates data against a form of the definition version; FORM_INVALID (nothing written) when it does not fit. */
export function checkForm(validate: FormValidator, def: DefinitionRecord, formKey: string | undefined, data: unknown): void {
  if (!formKey) return;
  const form = def.forms[formKey];
  if (!form) return; // deploy guarantees literal form keys exist
  const errors: ErrorDetail[] = validate(form, data, formKey);
  if (errors.length) throw new FormInvalidError(errors, formKey);
}
