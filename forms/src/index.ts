// @yizhan/forms — form definitions and the one validator shared by server and browser. No React, no Node
// built-ins: the React rendering lives in `@yizhan/forms/react`.
export type { FieldError, FormDefinition, FormSchema, Locale, UiSchema } from './types';
export { FormDefinitionInvalidError, FormInvalidError, type FormDefinitionProblem } from './errors';
export { loadFormDefinition, unsupportedPatterns, type LoadFormDefinitionOptions } from './form-definition';
export {
  createFormValidator,
  errorField,
  isReportedKeyword,
  type FormValidator,
  type FormValidatorOptions,
} from './form-validator';
export { AJV_OPTIONS, AJV_OPTIONS_OVERRIDES, CUSTOM_FORMATS, compilePattern, createAjv, patternProblem } from './ajv-factory';
export { declaredFields, isClosedByDefault, validationSchema } from './closed-form';
export { createLocalizer, type Localizer, type LocalizerOptions } from './messages';
export {
  CN_FORMAT_NAMES,
  CN_FORMATS,
  isLandline,
  isMobile,
  isPlausibleBirthDate,
  isPostcode,
  isResidentId,
  isUscc,
  normalizeResidentId,
  residentIdCheckCharacter,
  usccCheckCharacter,
  type CnFormatName,
} from './formats/index';
export { RJSF_WIDGET_NAMES, YIZHAN_WIDGET_NAMES, type YizhanWidgetName } from './widget-names';
export type { Department, OrgContext, OrgUnit } from './org';
export { findUnit, flattenUnits } from './org';
