import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { TreeSelect } from 'antd';
import { caseFormContext, stringList, type CaseFormContext, type CaseFormData } from '../form-context';
import { unitTreeData } from './org-tree-data';

/**
 * `ui:widget: "regions"` on an array of strings — several unit codes, e.g. the townships a dispute involves.
 * `ui:options.levels` limits the pickable levels (`["township"]`). An empty choice is `undefined`.
 */
export function RegionsWidget({ id, value, disabled, readonly, placeholder, options, registry, onChange, onBlur, onFocus }: WidgetProps<CaseFormData, RJSFSchema, CaseFormContext>) {
  const { units } = caseFormContext(registry.formContext);
  const treeData = unitTreeData(units, stringList(options.levels));
  const selected = Array.isArray(value) ? value.map(String) : [];
  return (
    <TreeSelect
      id={id}
      aria-describedby={ariaDescribedByIds(id)}
      style={{ width: '100%' }}
      multiple
      treeData={treeData}
      value={selected}
      placeholder={placeholder || '请选择（可多选）'}
      disabled={disabled || readonly}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandAll
      onChange={(next: string[]) => onChange(next.length > 0 ? next : undefined)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}
