import type { RegistryWidgetsType } from '@rjsf/utils';
import type { YizhanWidgetName } from '../../widget-names';
import { AttachmentsWidget } from './AttachmentsWidget';
import { DateWidget } from './DateWidget';
import { DepartmentWidget } from './DepartmentWidget';
import { OrgUnitWidget } from './OrgUnitWidget';
import { RegionsWidget } from './RegionsWidget';

/** Our widgets by their uiSchema names, plus the date picker that replaces rjsf's `DateWidget`. */
export const caseFormWidgets: Record<YizhanWidgetName, RegistryWidgetsType[string]> & { DateWidget: RegistryWidgetsType[string] } = {
  'org-unit': OrgUnitWidget,
  department: DepartmentWidget,
  regions: RegionsWidget,
  attachments: AttachmentsWidget,
  DateWidget,
};

export { AttachmentsWidget, DateWidget, DepartmentWidget, OrgUnitWidget, RegionsWidget };
