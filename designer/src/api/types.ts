// The HTTP API's resources as the web app sees them (JSON: dates are ISO strings).
// Mirrors the server's OpenAPI components (server/src/api-schemas.ts).
import type { Explanation, OrgModel } from '@yizhan/rules';
import type { FormDefinition } from '@yizhan/forms';

export type Role = 'admin' | 'integrator' | 'staff' | 'leader' | 'auditor';
export type DueColour = 'green' | 'yellow' | 'red';
export type CaseStatus = 'active' | 'completed' | 'incident' | 'failed';

export interface User {
  username: string;
  displayName: string;
  role: Role;
  unit: string | null;
  unitName: string | null;
  departments: string[];
  demo: boolean;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

export interface ErrorDetail {
  field?: string;
  elementId?: string;
  pointer?: string;
  file?: string;
  code?: string;
  message: string;
}

export interface Task {
  id: string;
  caseId: string;
  executionId: string;
  elementId: string;
  name: string | null;
  formKey: string | null;
  candidateGroups: string[];
  assignee: string | null;
  unit: string | null;
  iteration: number | null;
  item: unknown;
  dueAt: string | null;
  priority: number | null;
  status: 'open' | 'completed' | 'cancelled';
  colour: DueColour | null;
  data: unknown;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

export interface InboxTask extends Task {
  caseNumber: number;
  caseTitle: string | null;
  caseType: string | null;
  processKey: string;
  actionable: boolean;
  unitName?: string | null;
}

export interface TaskWithForm extends InboxTask {
  form: FormDefinition | null;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string | null;
  kind: string;
  elementId: string | null;
  taskId: string | null;
  data: unknown;
}

export interface Incident {
  id: number;
  elementId: string;
  message: string;
  status: 'open' | 'resolved';
  attempts: number;
  createdAt: string;
  resolvedAt: string | null;
}

export interface Routing {
  ruleSet?: string;
  decision?: Record<string, unknown>;
  explanation?: Explanation;
}

export interface CaseDetail {
  id: string;
  number: number;
  processKey: string;
  definitionId: string;
  version: number;
  status: CaseStatus;
  title: string | null;
  type: string | null;
  channel: string | null;
  unit: string | null;
  unitName: string | null;
  variables: Record<string, unknown>;
  routing: Routing | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  openTasks: Task[];
  tasks: Task[];
  incidents: Incident[];
  history: HistoryEntry[];
}

export interface CaseSummary {
  id: string;
  number: number;
  processKey: string;
  status: CaseStatus;
  title: string | null;
  type: string | null;
  channel: string | null;
  unit: string | null;
  unitName: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  openTaskCount: number;
  nextDueAt: string | null;
  colour: DueColour | null;
}

export interface PackDeployment {
  packId: string;
  version: string;
  name: string | null;
  county: string | null;
  description: string | null;
  processes: { key: string; definitionId: string; version: number }[];
  deployedBy: string | null;
  deployedAt: string;
}

export interface Definition {
  id: string;
  key: string;
  version: number;
  name: string | null;
  processId: string;
  deployedBy: string | null;
  createdAt: string;
}

export interface DefinitionDetail extends Definition {
  bpmn?: string;
  startFormKey?: string | null;
}

export interface FormResource extends FormDefinition {
  key: string;
  process: string;
  version: number;
}

/** A pack as files: path inside the pack → text (`pack.json`, `dispute.bpmn`, `forms/intake.json`). */
export type PackFiles = Record<string, string>;

export type { OrgModel };
