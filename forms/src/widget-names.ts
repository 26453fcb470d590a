/** Widget names rjsf resolves by itself (its widget map per type plus its registry keys). */
export const RJSF_WIDGET_NAMES = [
  'text', 'password', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'data-url', 'radio', 'select', 'textarea',
  'hidden', 'date', 'datetime', 'date-time', 'alt-date', 'alt-datetime', 'time', 'color', 'file', 'files',
  'checkbox', 'checkboxes', 'updown', 'range',
  'AltDateTimeWidget', 'AltDateWidget', 'CheckboxWidget', 'CheckboxesWidget', 'ColorWidget', 'DateWidget',
  'DateTimeWidget', 'EmailWidget', 'FileWidget', 'HiddenWidget', 'PasswordWidget', 'RadioWidget', 'RangeWidget',
  'SelectWidget', 'TextWidget', 'TextareaWidget', 'TimeWidget', 'UpDownWidget', 'URLWidget',
] as const;

/**
 * Our widgets (rendered by `@yizhan/forms/react`), named in uiSchemas as `"ui:widget": "org-unit"` etc.
 * - `org-unit`: one unit code from the pack's org tree (string).
 * - `department`: one department code (string), or several on an array of strings.
 * - `regions`: several unit codes, e.g. townships involved (array of strings).
 * - `attachments`: file references `{ id, name, size?, contentType? }` (array); the server stores the files.
 * Dates use rjsf's own `date` widget, which we replace with a zh-CN date picker.
 */
export const YIZHAN_WIDGET_NAMES = ['org-unit', 'department', 'regions', 'attachments'] as const;
export type YizhanWidgetName = (typeof YIZHAN_WIDGET_NAMES)[number];
