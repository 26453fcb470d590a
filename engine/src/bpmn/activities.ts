// What a case's waiting user tasks look like to the store, and where a completed task's data
// goes — read off bpmn-engine's activity objects (untyped; confined to here and case-execution.ts).
import { camundaProperties } from './definition';

export interface WaitingTask {
  executionId: string;
  elementId: string;
  name?: string;
  formKey?: string;
  candidateGroups: string[];
  assignee?: string;
  dueDate?: string;
  priority?: number;
  /** Multi-instance iteration index and element (e.g. the department of a joint mediation). */
  index?: number;
  item?: unknown;
}

/** The part of a bpmn-engine activity API we read. */
export interface Api {
  id: string;
  type: string;
  name?: string;
  executionId: string;
  content: Record<string, unknown> & { index?: number; isRootScope?: boolean; isMultiInstance?: boolean };
  owner: { behaviour: Record<string, unknown> };
  environment: { resolveExpression(expr: string, message: unknown): unknown; variables: Record<string, unknown> };
  getExecuting(): Api[];
  getPostponed?(): Api[];
  signal(message: unknown): void;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-engine's activity objects are untyped */

export function describeTask(api: Api, b: Record<string, unknown>): WaitingTask {
  const resolve = (v: unknown): unknown => (typeof v === 'string' && v.includes('${') ? api.environment.resolveExpression(v, api) : v);
  const groups = resolve(b.candidateGroups);
  const elementVariable = (b.loopCharacteristics as any)?.behaviour?.elementVariable ?? 'item';
  const priority = resolve(b.priority);
  return {
    executionId: api.executionId,
    elementId: api.id,
    name: (b.name as string | undefined) ?? api.name,
    formKey: str(resolve(b.formKey)),
    candidateGroups: toList(groups),
    assignee: str(resolve(b.assignee)),
    dueDate: str(resolve(b.dueDate)),
    priority: priority === undefined || priority === '' ? undefined : Number(priority),
    index: typeof api.content.index === 'number' ? api.content.index : undefined,
    item: api.content[elementVariable],
  };
}

/**
 * A completed task's data: kept per step in `outputs[elementId]`, and merged into the case data so gateways can
 * test it (`${environment.variables.data.resolved}`) — but never over an intake field, unless the task's
 * camunda property `mapsIntake` ("field1,field2") names it.
 */
export function mapTaskOutput(activity: any, content: any, intakeFields: ReadonlySet<string>, caseVariables?: Record<string, any>, iteration = false): void {
  if (!iteration && content.isMultiInstance && !content.isRootScope) return;
  const targets = [activity.environment.variables as Record<string, any>, ...(caseVariables ? [caseVariables] : [])];
  const output = content.output;
  if (Array.isArray(output)) {
    recordStepData(targets, activity.id, output.map((o: any) => o?.data ?? null), undefined);
  } else if (output && typeof output === 'object') {
    const mapped = new Set(toList(camundaProperties(activity.behaviour).mapsIntake));
    recordStepData(targets, activity.id, output.data ?? {}, (field) => !intakeFields.has(field) || mapped.has(field));
  }
}

/**
 * Keeps a step's data in `outputs[elementId]` and, for an object, merges the fields `merge` allows into `data`.
 * A step inside a sub-process writes to the sub-process's variables (its gateways read them) and to the
 * case's (what is kept and what the flow after the sub-process reads): `targets` lists both.
 */
export function recordStepData(targets: Iterable<Record<string, any>>, elementId: string, data: unknown, merge: ((field: string) => boolean) | undefined): void {
  for (const variables of new Set(targets)) {
    variables.outputs = { ...(variables.outputs ?? {}), [elementId]: data };
    if (merge && data && typeof data === 'object' && !Array.isArray(data)) {
      const merged = Object.fromEntries(Object.entries(data).filter(([field]) => merge(field)));
      variables.data = { ...(variables.data ?? {}), ...merged };
    }
  }
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

function toList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String).filter(Boolean);
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  return v === undefined || v === null ? [] : [String(v)];
}
