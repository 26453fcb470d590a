import type { Department, OrgUnit } from '../org';

/** A reference to a file the server has stored (upload itself belongs to the server). */
export interface AttachmentRef {
  id: string;
  name: string;
  size?: number;
  contentType?: string;
}

/** Uploads one file to the server and resolves to its reference. */
export type UploadAttachment = (file: File) => Promise<AttachmentRef>;

/** The data of a case form: one object, field by field. */
export type CaseFormData = Record<string, unknown>;

/** What CaseForm puts into rjsf's `formContext` for our widgets. */
export interface CaseFormContext {
  /** Root units of the pack's org tree. */
  units: OrgUnit[];
  departments: Department[];
  uploadAttachment?: UploadAttachment;
  /** The form's language, for the widgets' own words. */
  locale?: 'zh-CN' | 'en';
}

export function caseFormContext(value: unknown): CaseFormContext {
  const ctx = (value ?? {}) as Partial<CaseFormContext>;
  return { units: ctx.units ?? [], departments: ctx.departments ?? [], uploadAttachment: ctx.uploadAttachment, locale: ctx.locale };
}

/** `ui:options` value as a string list (`levels`, `kinds`, …). */
export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}
