import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import type { ComponentType } from 'react';
import type { CaseFormContext, CaseFormData } from '../form-context';
import type { YizhanWidgetName } from '../../widget-names';
import { AttachmentsWidget } from './AttachmentsWidget';
import { DateWidget } from './DateWidget';
import { DepartmentWidget } from './DepartmentWidget';
import { OrgUnitWidget } from './OrgUnitWidget';
import { RegionsWidget } from './RegionsWidget';

/** Our widgets by their uiSchema names, plus the date picker that replaces rjsf's `DateWidget`. */
export type CaseFormWidget = ComponentType<WidgetProps<CaseFormData, RJSFSchema, CaseFormContext>>;

export const caseFormWidgets: Record<YizhanWidgetName | 'DateWidget', CaseFormWidget> = {
  'org-unit': OrgUnitWidget,
  department: DepartmentWidget,
  regions: RegionsWidget,
  attachments: AttachmentsWidget,
  DateWidget,
};

export { AttachmentsWidget, DateWidget, DepartmentWidget, OrgUnitWidget, RegionsWidget };
