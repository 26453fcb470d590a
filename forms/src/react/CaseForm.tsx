import { generateTheme } from '@rjsf/antd';
import Form, { type IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, RJSFValidationError, TitleFieldProps, UiSchema as RjsfUiSchema } from '@rjsf/utils';
import { ConfigProvider, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useInsertionEffect, useMemo, type ReactNode, type Ref } from 'react';
import type { OrgContext } from '../org';
import type { FieldError, FormDefinition, Locale } from '../types';
import { validationSchema } from '../closed-form';
import { createBrowserValidator, toFieldErrors, transformErrors } from './browser-validator';
import type { CaseFormContext, CaseFormData, UploadAttachment } from './form-context';

export type { CaseFormData };
import { translatorFor } from './translate-string';
import { caseFormWidgets } from './widgets/index';

/** The rjsf form instance CaseForm forwards its `ref` to (`validateForm()`, `submit()`, `reset()`). */
export type CaseFormRef = Form<Record<string, unknown>, RJSFSchema, CaseFormContext>;

// The antd theme applied by hand (not through withTheme) so that `ref` is typed as the rjsf Form.
const antdTheme = generateTheme<CaseFormData, RJSFSchema, CaseFormContext>();
const widgets = { ...antdTheme.widgets, ...caseFormWidgets };

/** A section heading, left-aligned and without a colon (antd's theme draws an object's title as a field label). */
function SectionTitle({ id, title }: TitleFieldProps<CaseFormData, RJSFSchema, CaseFormContext>) {
  if (!title) return null;
  return <Typography.Title id={id} level={5} style={{ marginTop: 0, textAlign: 'start' }}>{title}</Typography.Title>;
}
const templates = { ...antdTheme.templates, TitleFieldTemplate: SectionTitle };

// The theme renders objects in a bare <fieldset>; without antd's form wrapper the browser draws its border.
const FORM_CSS = '.yz-case-form fieldset{border:0;margin:0;padding:0;min-width:0}';
function useFormCss(): void {
  useInsertionEffect(() => {
    if (document.getElementById('yz-case-form-css')) return;
    const style = document.createElement('style');
    style.id = 'yz-case-form-css';
    style.textContent = FORM_CSS;
    document.head.appendChild(style);
  }, []);
}

export interface CaseFormProps {
  /** The form (`loadFormDefinition` output). */
  definition: FormDefinition;
  formData?: CaseFormData;
  /** The pack's org tree and departments, for the org-unit / department / regions widgets. */
  org?: OrgContext;
  /** Stores a file on the server; without it the attachments widget is read-only. */
  uploadAttachment?: UploadAttachment;
  locale?: Locale;
  disabled?: boolean;
  readonly?: boolean;
  /** Label of the submit button (提交 by default). */
  submitText?: string;
  /** Called with valid data only. */
  onSubmit?: (data: CaseFormData) => void;
  onChange?: (data: CaseFormData) => void;
  /** Called after a failed submit or `validateForm()`, with the same errors the server would return. */
  onError?: (errors: FieldError[]) => void;
  /** Re-validate on every change (after the first submit is the usual choice). */
  liveValidate?: boolean;
  ref?: Ref<CaseFormRef>;
  /** Replaces the default submit button. */
  children?: ReactNode;
}

/**
 * A case form: rjsf 6 with the antd theme in zh-CN, our widgets, and the validator shared with the server.
 * Data the form submits is data the server accepts, and the errors it shows are the server's errors.
 */
export function CaseForm({
  definition,
  formData,
  org,
  uploadAttachment,
  locale = 'zh-CN',
  disabled,
  readonly,
  submitText,
  onSubmit,
  onChange,
  onError,
  liveValidate,
  ref,
  children,
}: CaseFormProps) {
  useFormCss();
  const validator = useMemo(() => createBrowserValidator(definition, locale), [definition, locale]);
  // The schema the server checks too: a closed form lists its declared fields in `propertyNames`, which rjsf
  // validates and does not render.
  const schema = useMemo(() => validationSchema(definition.schema) as RJSFSchema, [definition.schema]);
  const translateString = useMemo(() => translatorFor(locale), [locale]);
  const formContext = useMemo<CaseFormContext>(
    () => ({ units: org?.units ?? [], departments: org?.departments ?? [], uploadAttachment, locale: locale === 'en' ? 'en' : 'zh-CN' }),
    [org, uploadAttachment, locale],
  );
  // antd's pickers format month and weekday names through dayjs's global locale.
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  const uiSchema = useMemo<RjsfUiSchema>(
    () => ({
      ...(definition.uiSchema ?? {}),
      'ui:submitButtonOptions': { submitText: submitText ?? (locale === 'en' ? 'Submit' : '提交'), props: { type: 'primary' } },
    }),
    [definition.uiSchema, submitText, locale],
  );

  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <Form<CaseFormData, RJSFSchema, CaseFormContext>
        ref={ref}
        className="yz-case-form"
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        formContext={formContext}
        validator={validator}
        widgets={widgets}
        templates={templates}
        translateString={translateString}
        transformErrors={transformErrors}
        // Never invent data the clerk did not enter: the server must see what the browser validated.
        experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipEmptyDefaults', arrayMinItems: { populate: 'never' } }}
        showErrorList="top"
        noHtml5Validate
        disabled={disabled}
        readonly={readonly}
        liveValidate={liveValidate ? 'onChange' : undefined}
        onChange={(e: IChangeEvent<CaseFormData>) => onChange?.(e.formData ?? {})}
        onSubmit={(e: IChangeEvent<CaseFormData>) => onSubmit?.(e.formData ?? {})}
        onError={(errors: RJSFValidationError[]) => onError?.(toFieldErrors(errors))}
      >
        {children}
      </Form>
    </ConfigProvider>
  );
}
