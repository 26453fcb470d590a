// @yizhan/designer — the web app (src/main.tsx is its entry). Its public face for tests and
// stories: the app, and the pure models behind the editors.
export { App } from './app/App';
export { ApiClient, ApiError, type InboxScope, type InboxStatus } from './api/client';
export type * from './api/types';
export { CONDITION_FIELD, factOf, fieldOf, fromQuery, toQuery, type ConditionMeta, type QbGroup, type QbRule } from './rules/query-converter';
export { textToValue, valueToText } from './rules/value-text';
export { FIELD_KINDS, fieldOrder, freshKey, listFields, moveField, putField, removeField, type FieldKind, type FieldSpec } from './forms/field-model';
export { bpmnFiles, formFiles, nextVersion, packInfo, ruleFiles, withVersion } from './pack/pack-files';
