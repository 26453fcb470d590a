// The hook through which the engine validates form data before any write: by default the forms
// package's validator — the same ajv options, formats and Chinese messages the browser uses.
import { createFormValidator, type FormDefinition } from '@yizhan/forms';
import type { FormDefinitionLike } from './definitions';
import type { ErrorDetail } from './errors';

export type FormValidator = (form: FormDefinitionLike, data: unknown, formKey: string) => ErrorDetail[];

export function createDefaultFormValidator(locale: 'zh-CN' | 'en' = 'zh-CN'): FormValidator {
  const validator = createFormValidator({ locale });
  return (form, data) =>
    validator.validate(form as FormDefinition, data).map((e) => ({ field: e.field, code: e.keyword, message: e.message, ...(e.params ? { params: e.params } : {}) }));
}
