import type { FieldError } from './types';

/** One problem in a form definition, located by a JSON pointer into `{ schema, uiSchema }`. */
export interface FormDefinitionProblem {
  pointer: string;
  message: string;
  /** A stable code for problems a tool may act on (`FORM_PATTERN_UNSUPPORTED`); otherwise absent. */
  code?: 'FORM_PATTERN_UNSUPPORTED';
}

/** A form definition failed meta-validation (schema does not compile, unknown uiSchema key or widget, …). */
export class FormDefinitionInvalidError extends Error {
  readonly code = 'FORM_DEFINITION_INVALID' as const;
  readonly details: FormDefinitionProblem[];

  constructor(details: FormDefinitionProblem[]) {
    super(`表单定义无效：${details.map((d) => `${d.pointer || '/'} ${d.message}`).join('；')}`);
    this.name = 'FormDefinitionInvalidError';
    this.details = details;
  }
}

/** Submitted form data failed validation; thrown by the engine when a task completion is invalid. */
export class FormInvalidError extends Error {
  readonly code = 'FORM_INVALID' as const;
  readonly details: FieldError[];

  constructor(details: FieldError[], message = '表单填写有误，请检查标出的字段') {
    super(message);
    this.name = 'FormInvalidError';
    this.details = details;
  }
}
