import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import { Select } from 'antd';
import { flattenUnits } from '../../org';
import { caseFormContext, stringList, type CaseFormContext, type CaseFormData } from '../form-context';

/**
 * `ui:widget: "department"` — one department code (formContext.departments), grouped by unit; on
 * an array of strings, several codes (e.g. 涉及的部门 at intake, which routing reads as codes).
 * `ui:options.kinds` limits the kinds (`["resident", "window"]`), `ui:options.units` the unit codes.
 */
export function DepartmentWidget({ id, value, disabled, readonly, placeholder, options, schema, registry, onChange, onBlur, onFocus }: WidgetProps<CaseFormData, RJSFSchema, CaseFormContext>) {
  const { units, departments } = caseFormContext(registry.formContext);
  const kinds = stringList(options.kinds);
  const unitCodes = stringList(options.units);
  const unitNames = new Map(flattenUnits(units).map(({ unit }) => [unit.code, unit.name]));
  const groups = new Map<string, { label: string; value: string }[]>();
  for (const d of departments) {
    if ((kinds && !kinds.includes(d.kind)) || (unitCodes && !unitCodes.includes(d.unit))) continue;
    const group = unitNames.get(d.unit) ?? d.unit;
    groups.set(group, [...(groups.get(group) ?? []), { label: d.name, value: d.code }]);
  }
  const grouped = [...groups].map(([label, opts]) => ({ label, options: opts }));
  const common = {
    id,
    'aria-describedby': ariaDescribedByIds(id),
    style: { width: '100%' },
    disabled: disabled || readonly,
    showSearch: { optionFilterProp: 'label' },
    allowClear: true,
    options: grouped,
    onBlur: () => onBlur(id, value),
    onFocus: () => onFocus(id, value),
  };
  if (schema.type === 'array') {
    const selected = Array.isArray(value) ? value.map(String) : [];
    return (
      <Select
        {...common}
        mode="multiple"
        value={selected}
        placeholder={placeholder || '请选择部门（可多选）'}
        onChange={(next: string[]) => onChange(next.length > 0 ? next : undefined)}
      />
    );
  }
  return (
    <Select
      {...common}
      value={typeof value === 'string' && value ? value : undefined}
      placeholder={placeholder || '请选择部门'}
      onChange={(next: string | undefined) => onChange(next || undefined)}
    />
  );
}
