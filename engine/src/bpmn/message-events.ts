// Where a case waits for a BPMN message or signal from outside — an intermediate catch event, a
// boundary event, a receive task, an event-based gateway's branch — read off bpmn-engine's
// postponed activities (untyped; confined to here and case-execution.ts), and how a delivered
// payload lands in the case data.
import { camundaProperties } from './definition';

/** A message or signal catcher the case waits in. */
export interface WaitingCatch {
  kind: 'message' | 'signal';
  /** The `name` of the bpmn:message / bpmn:signal (its id when it has none). */
  name: string;
  /** The id of the bpmn:message / bpmn:signal. */
  refId: string;
  elementId: string;
  /** The catching element's name (else the message name): what a button says. */
  label: string;
  executionId: string;
  /** The form the payload must fit: the catching element's camunda property `formKey`. */
  formKey?: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-engine's activity objects are untyped */

const DEFINITION_KINDS: Record<string, { kind: WaitingCatch['kind']; ref: string }> = {
  'bpmn:MessageEventDefinition': { kind: 'message', ref: 'messageRef' },
  'bpmn:SignalEventDefinition': { kind: 'signal', ref: 'signalRef' },
};

/** The waiting catchers among the postponed activities of an execution (sub-processes included). */
export function findCatches(postponed: any[]): { catcher: WaitingCatch; api: any }[] {
  const out: { catcher: WaitingCatch; api: any }[] = [];
  const visit = (apis: any[]) => {
    for (const api of apis) {
      if (api.type === 'bpmn:SubProcess' && api.getPostponed) {
        visit(api.getPostponed());
        continue;
      }
      const found = describeCatch(api);
      if (found) out.push({ catcher: found, api });
    }
  };
  visit(postponed);
  return out;
}

function describeCatch(api: any): WaitingCatch | undefined {
  const owner = api.owner ?? {};
  const behaviour = (owner.behaviour ?? {}) as Record<string, any>;
  let kind: WaitingCatch['kind'] | undefined;
  let ref: { id?: string; name?: string } | undefined;
  const def = DEFINITION_KINDS[api.type];
  if (def) {
    // an event waiting in one of its event definitions: the postponed api is the definition's
    const defs = (behaviour.eventDefinitions ?? []) as { type?: string; behaviour?: Record<string, any> }[];
    const match = defs.find((d) => (d.type ?? d.behaviour?.$type) === api.type);
    kind = def.kind;
    ref = match?.behaviour?.[def.ref];
  } else if (api.type === 'bpmn:ReceiveTask' && behaviour.messageRef) {
    kind = 'message';
    ref = behaviour.messageRef;
  }
  if (!kind || !ref?.id) return undefined;
  const name = ref.name || ref.id;
  const formKey = camundaProperties(behaviour).formKey;
  return {
    kind, name, refId: ref.id, elementId: String(api.id), label: String(owner.name ?? api.name ?? name), executionId: String(api.executionId),
    ...(formKey ? { formKey } : {}),
  };
}

/**
 * Maps a delivered payload into the case variables as a task's form data is: kept in
 * `outputs[elementId]` and merged into `data`, except intake fields the element's `mapsIntake`
 * property does not name.
 */
export function mapPayload(api: any, elementId: string, payload: Record<string, unknown>, intakeFields: ReadonlySet<string>): void {
  const variables = api.environment.variables as Record<string, any>;
  const outputs = (variables.outputs ??= {});
  outputs[elementId] = payload;
  const mapped = new Set((camundaProperties(api.owner?.behaviour ?? {}).mapsIntake ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  const merged = Object.fromEntries(Object.entries(payload).filter(([field]) => !intakeFields.has(field) || mapped.has(field)));
  variables.data = { ...(variables.data ?? {}), ...merged };
}

/**
 * Keeps a non-interrupting message / signal boundary event armed while its activity runs, as BPMN
 * says: bpmn-elements re-arms only timer cycles (`execute.repeat`), so when one of its message /
 * signal definitions completes, the boundary event is told to repeat as a timer cycle tells it — it
 * queues a restart of itself, which runs once this firing has left, and is part of the saved state.
 * The subscription outranks bpmn-elements' own (priority 300), so the repeat is queued before the
 * completion ends the boundary event's execution. An extension (`activate` / `deactivate`) for the
 * activity extension hook; undefined for any other element.
 */
export function rearmNonInterrupting(activity: any): { activate(): void; deactivate(): void } | undefined {
  if (activity.type !== 'bpmn:BoundaryEvent' || activity.behaviour?.cancelActivity !== false) return undefined;
  const defs = (activity.behaviour.eventDefinitions ?? []) as { type?: string }[];
  if (!defs.some((d) => d.type !== undefined && d.type in DEFINITION_KINDS)) return undefined;
  const tag = `_yizhan-rearm-${activity.id}`;
  return {
    activate() {
      activity.broker.subscribeTmp('execution', 'execute.completed', (_: string, message: any) => {
        const content = message.content ?? {};
        if (!content.isDefinitionScope || !(content.type in DEFINITION_KINDS)) return;
        activity.broker.publish('execution', 'execute.repeat', { ...content });
      }, { noAck: true, consumerTag: tag, priority: 1000 });
    },
    deactivate() {
      activity.broker.cancel(tag);
    },
  };
}
