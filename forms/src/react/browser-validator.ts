// The browser half of the shared validation: rjsf's own validator-ajv8, configured with our formats and
// localizer, so it builds an ajv identical to `createAjv()` and words errors like the server.
import type { RJSFSchema, RJSFValidationError, ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { AJV_OPTIONS_OVERRIDES, CUSTOM_FORMATS } from '../ajv-factory';
import { isReportedKeyword } from '../form-validator';
import { createLocalizer } from '../messages';
import type { FieldError, FormDefinition, Locale } from '../types';
import type { CaseFormContext } from './form-context';
import { escapePointer } from '../schema-walk';

/** An rjsf validator for one form definition (the localizer needs its titles). */
export function createBrowserValidator(
  def: FormDefinition,
  locale: Locale = 'zh-CN',
): ValidatorType<Record<string, unknown>, RJSFSchema, CaseFormContext> {
  const localizer = createLocalizer({ locale, schema: def.schema, uiSchema: def.uiSchema });
  return customizeValidator<Record<string, unknown>, RJSFSchema, CaseFormContext>(
    { customFormats: { ...CUSTOM_FORMATS }, ajvOptionsOverrides: { ...AJV_OPTIONS_OVERRIDES } },
    localizer,
  );
}

/** rjsf's `transformErrors`: drop the errors the server drops too. */
export function transformErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.filter((e) => e.name === undefined || isReportedKeyword(e.name));
}

/** rjsf's dotted `property` ('.towns.0', 'employer') as a JSON pointer ('/towns/0', '/employer'). */
export function propertyToPointer(property: string | undefined): string {
  const path = (property ?? '').replace(/^\./, '');
  return path === '' ? '' : `/${path.split('.').map(escapePointer).join('/')}`;
}

/** rjsf validation errors as our `FieldError`s. */
export function toFieldErrors(errors: RJSFValidationError[]): FieldError[] {
  return errors.map((e) => ({
    field: propertyToPointer(e.property),
    keyword: e.name ?? '',
    message: e.message ?? e.stack,
    ...(e.params ? { params: e.params as Record<string, unknown> } : {}),
  }));
}

export type { RJSFSchema };
