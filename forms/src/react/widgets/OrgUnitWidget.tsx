import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { TreeSelect } from 'antd';
import { caseFormContext, stringList, type CaseFormContext, type CaseFormData } from '../form-context';
import { unitTreeData } from './org-tree-data';

/**
 * `ui:widget: "org-unit"` — one unit code from the pack's org tree (formContext.units).
 * `ui:options.levels` limits which levels may be picked, e.g. `["township", "village"]`.
 */
export function OrgUnitWidget({ id, value, disabled, readonly, placeholder, options, registry, onChange, onBlur, onFocus }: WidgetProps<CaseFormData, RJSFSchema, CaseFormContext>) {
  const { units } = caseFormContext(registry.formContext);
  const treeData = unitTreeData(units, stringList(options.levels));
  return (
    <TreeSelect
      id={id}
      aria-describedby={ariaDescribedByIds(id)}
      style={{ width: '100%' }}
      treeData={treeData}
      value={typeof value === 'string' && value ? value : undefined}
      placeholder={placeholder || '请选择单位'}
      disabled={disabled || readonly}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandAll
      onChange={(next: string | undefined) => onChange(next || undefined)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}
