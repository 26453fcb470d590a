import { YizhanError } from '@yizhan/errors';
import type { FieldError } from './types';

/** One problem in a form definition, located by a JSON pointer into `{ schema, uiSchema }`. */
export interface FormDefinitionProblem {
  pointer: string;
  message: string;
  /** A stable code for problems a tool may act on (`FORM_PATTERN_UNSUPPORTED`); otherwise absent. */
  code?: 'FORM_PATTERN_UNSUPPORTED';
}

/** A form definition failed meta-validation (schema does not compile, unknown uiSchema key or widget, …). */
export class FormDefinitionInvalidError extends YizhanError<FormDefinitionProblem> {
  declare readonly code: 'FORM_DEFINITION_INVALID';

  constructor(details: FormDefinitionProblem[]) {
    super('FORM_DEFINITION_INVALID', `表单定义无效：${details.map((d) => `${d.pointer || '/'} ${d.message}`).join('；')}`, details);
  }
}

/**
 * Submitted form data failed validation; nothing was changed. The one class for `FORM_INVALID`:
 * thrown by `assertValid` (details: the validator's `FieldError`s) and by the engine before any
 * write (details: `{ field, code, message }` per field, as the API answers them). With `formKey`
 * the message names the form and counts the problems.
 */
export class FormInvalidError<D extends { field?: string; message: string } = FieldError> extends YizhanError<D> {
  declare readonly code: 'FORM_INVALID';

  constructor(details: D[], formKey?: string) {
    super('FORM_INVALID', formKey === undefined ? '表单填写有误，请检查标出的字段' : `表单「${formKey}」填写有误，共 ${details.length} 处`, details);
  }
}
