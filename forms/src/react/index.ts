// @yizhan/forms/react — rendering case forms (rjsf 6 + antd, zh-CN) with our widgets.
export { CaseForm, type CaseFormData, type CaseFormProps, type CaseFormRef } from './CaseForm';
export { createBrowserValidator, propertyToPointer, toFieldErrors, transformErrors } from './browser-validator';
export type { AttachmentRef, CaseFormContext, UploadAttachment } from './form-context';
export { translatorFor } from './translate-string';
export {
  AttachmentsWidget,
  caseFormWidgets,
  type CaseFormWidget,
  DateWidget,
  DepartmentWidget,
  OrgUnitWidget,
  RegionsWidget,
} from './widgets/index';
