// The data a CaseExecution takes and gives: service calls and their outcomes, incidents, the
// events the store projects, the stored state, and the options an execution is made with.
import type { ExecutionBudget } from './budget';

export interface ServiceCall {
  elementId: string;
  topic: string;
  properties: Record<string, string>;
  variables: Readonly<Record<string, unknown>>;
}

export interface ServiceOutcome {
  /** Merged into the case variables (the service's outputs). */
  variables?: Record<string, unknown>;
  /** Anything the store should keep beside the case (e.g. the routing explanation). */
  annotations?: Record<string, unknown>;
}

export type ServiceInvoker = (call: ServiceCall) => Promise<ServiceOutcome>;

export interface Incident {
  elementId: string;
  executionId?: string;
  message: string;
}

export interface ExecutionEvent {
  kind: 'activity.end' | 'service.completed';
  elementId: string;
  elementType: string;
  name?: string;
  annotations?: Record<string, unknown>;
}

export interface StoredState {
  name: string;
  state: string;
  stopped: boolean;
  engineVersion?: string;
  environment: unknown;
  definitions: unknown[];
}

export interface ExecutionOptions {
  /** Identifies the definition version whose context is cached. */
  definitionKey: string;
  sourceContext: string;
  invoke: ServiceInvoker;
  /**
   * The intake (start form) fields. A completed task's data is kept per step (`outputs[elementId]`) and merged
   * into `data`, except these fields: a task writes an intake field only when its `mapsIntake` property lists it.
   */
  intakeFields?: ReadonlySet<string>;
  budget?: ExecutionBudget;
  /**
   * Turns a timer's resolved ISO duration into the elapsed duration it stands for — in working-day
   * mode the time from now until that many working days on (`P3D` on a Friday → `PT…S` to
   * Wednesday), so a boundary timer and a task's due date are counted the same way. Left out, a
   * duration is elapsed time.
   */
  timerDuration?: (duration: string) => string;
}
