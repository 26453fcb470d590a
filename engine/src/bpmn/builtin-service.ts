// A service task's behaviour in bpmn-engine: it calls the engine's built-in handler for its topic
// (no JavaScript from a BPMN file ever runs) on a later turn of the event loop, merges the
// handler's variables and records it; a failing handler leaves the task in flight as an incident.
import { camundaProperties } from './definition';
import type { ExecutionEvent, Incident, ServiceCall, ServiceInvoker } from './execution-types';

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-engine's activity objects are untyped; see also activities.ts */

/** What a built-in service shares with the execution running it. */
export interface BuiltinServiceRun {
  /** The services still running (settle() waits for them). */
  inflight: Set<Promise<void>>;
  incidents(): Incident[];
  events(): ExecutionEvent[];
  /** The execution was halted (its budget exceeded): outcomes are dropped. */
  halted(): boolean;
  /** Re-enters bpmn-engine under the execution's budget guard. */
  enter(fn: () => void): void;
}

export function builtinService(invoke: ServiceInvoker, run: BuiltinServiceRun) {
  // bpmn-elements instantiates `behaviour.Service` per execution.
  const { inflight, incidents, events, halted, enter } = run;
  return function BuiltinService(activity: any) {
    return {
      type: 'yizhan:builtin',
      execute(message: any, callback: (err: Error | null, output?: unknown) => void) {
        const variables = activity.environment.variables as Record<string, unknown>;
        const call: ServiceCall = {
          elementId: activity.id,
          topic: String(activity.behaviour.topic),
          properties: camundaProperties(activity.behaviour),
          variables: structuredClone(variables),
        };
        // The handler runs on a later turn of the event loop: services chained in a loop can
        // never starve other requests of the event loop (microtasks alone would).
        const run = new Promise<void>((resolve) => setImmediate(resolve))
          .then(() => (halted() ? undefined : invoke(call)))
          .then(
            (outcome) => {
              if (!outcome || halted()) return;
              Object.assign(variables, outcome.variables ?? {});
              events().push({ kind: 'service.completed', elementId: activity.id, elementType: activity.type, name: activity.name, annotations: outcome.annotations });
              enter(() => callback(null, outcome.variables ?? {}));
            },
            (err: unknown) => {
              // No callback: the task stays in flight, the case keeps its state, and a retry
              // (recover) runs the service again. A dead case is never the outcome.
              incidents().push({ elementId: activity.id, executionId: message?.content?.executionId, message: err instanceof Error ? err.message : String(err) });
            },
          );
        const tracked = run.finally(() => inflight.delete(tracked));
        inflight.add(tracked);
      },
    };
  };
}
