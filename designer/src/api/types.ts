// The HTTP API's resources as the web app sees them (JSON: dates are ISO strings), derived from the
// server's OpenAPI document: ./schema.d.ts is generated from it (npm run gen:api -w @yizhan/designer)
// and a test fails when it is stale. The names below are what the components use. Where the document
// is looser than the packages that produce the data (a routing explanation, an org model, a form
// definition), the package's own type is used for that field.
import type { Explanation, OrgModel } from '@yizhan/rules';
import type { FormDefinition } from '@yizhan/forms';
import type { components, operations } from './schema';

type Schemas = components['schemas'];

/** The JSON body of an operation's success response (200 or 201). */
export type ResponseOf<Op extends keyof operations> =
  operations[Op]['responses'] extends { 200: { content: { 'application/json': infer T } } } ? T
    : operations[Op]['responses'] extends { 201: { content: { 'application/json': infer T } } } ? T
      : never;

/** An operation's query parameters. */
export type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

/** An operation's JSON request body. */
export type BodyOf<Op extends keyof operations> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer T } } ? T : never;

export type Role = Schemas['User']['role'];
export type DueColour = NonNullable<Schemas['Task']['colour']>;
export type CaseStatus = Schemas['Case']['status'];

export type User = Schemas['User'];
export type Session = Schemas['Session'];
export type ErrorDetail = Schemas['ErrorDetail'];
export type Task = Schemas['Task'];
/** `unitName` is served (the case's unit by name) but not yet declared in the document. */
export type InboxTask = Schemas['InboxTask'] & { unitName?: string | null };
export type HistoryEntry = Schemas['HistoryEntry'];
export type Incident = Schemas['Incident'];

/** A task with its form; the document leaves the form's schema open, the forms package types it. */
export type TaskWithForm = Omit<ResponseOf<'getTask'>, 'form'> & { form?: FormDefinition | null };

/** The last routing decision; the document leaves it open (the rules package types the explanation). */
export interface Routing {
  ruleSet?: string;
  decision?: Record<string, unknown>;
  explanation?: Explanation;
}

/** A case; `people` (username → name) comes with GET /api/cases/:id only. */
export type CaseDetail = Omit<Schemas['Case'], 'routing'> & { routing: Routing | null; people?: Record<string, string> };
export type CaseSummary = Schemas['CaseSummary'];
/** A BPMN message a case waits for (撤回 …): what the case page offers as a button. */
export type WaitingMessage = Schemas['WaitingMessage'];
export type PackDeployment = Schemas['PackDeployment'];
export type WhatIfReport = Schemas['WhatIfReport'];
export type PackDiff = Schemas['PackDiff'];
/** A pack's draft: edits saved on the server without deploying them (listed without its files). */
export type PackDraftSummary = Schemas['PackDraftSummary'];
export type PackDraft = Schemas['PackDraft'];
export type Definition = Schemas['Definition'];
export type Attachment = Schemas['Attachment'];
/** 督办: one 批示 on a case; an entry of the 督办 list; the active one as a task shows it. */
export type Supervision = Schemas['Supervision'];
export type SupervisionEntry = Schemas['SupervisionEntry'];
export type TaskSupervision = Schemas['TaskSupervision'];
/** 研判: a case found by party, repeats of a case, a spike alert, a monthly record, a search audit entry. */
export type AnalysisCase = Schemas['AnalysisCase'];
export type Repeats = Schemas['Repeats'];
export type SpikeAlert = Schemas['SpikeAlert'];
export type AnalysisRecord = Schemas['AnalysisRecord'];
export type SearchAudit = Schemas['SearchAudit'];
/** One deployed definition with its BPMN XML and the start form key. */
export type DefinitionDetail = ResponseOf<'getDefinition'>;
export type FormResource = Omit<Schemas['FormDefinition'], 'schema' | 'uiSchema'> & FormDefinition;

/** A pack as files: path inside the pack → text (`pack.json`, `dispute.bpmn`, `forms/intake.json`). */
export type PackFiles = ResponseOf<'getPackFiles'>['files'];

export type { OrgModel };
/** 迁移运行中的案件 (/api/migrations): a process with running cases on an older version, what to migrate, the plan, the report. */
export type MigrationProcess = Schemas['MigrationVersions'];
export type MigrationRequest = BodyOf<'planMigration'>;
export type MigrationPlan = Schemas['MigrationPlan'];
export type MigrationReport = Schemas['MigrationResult'];
