import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import type { CaseFormContext, CaseFormData } from '../form-context';
import { ariaDescribedByIds } from '@rjsf/utils';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';

const FORMAT = 'YYYY-MM-DD';

/**
 * Replaces rjsf's `DateWidget` (used for `format: "date"` and `ui:widget: "date"`): a zh-CN date picker whose
 * value is the `YYYY-MM-DD` string the `date` format expects. `ui:options.disableFuture` blocks later days.
 */
export function DateWidget({ id, value, disabled, readonly, placeholder, options, onChange, onBlur, onFocus }: WidgetProps<CaseFormData, RJSFSchema, CaseFormContext>) {
  const parsed = typeof value === 'string' && value ? dayjs(value, FORMAT) : undefined;
  const today = dayjs().endOf('day');
  return (
    <DatePicker
      id={id}
      aria-describedby={ariaDescribedByIds(id)}
      style={{ width: '100%' }}
      format={FORMAT}
      value={parsed && parsed.isValid() ? parsed : undefined}
      placeholder={placeholder || '请选择日期'}
      disabled={disabled || readonly}
      disabledDate={options.disableFuture ? (d: Dayjs) => d.isAfter(today) : undefined}
      onChange={(next: Dayjs | null) => onChange(next ? next.format(FORMAT) : undefined)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}
