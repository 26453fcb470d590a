// How a case ended: 办结 (completed) by default, or what the end event it reached says in its
// camunda property `outcome` — `withdrawn` (撤回) or `refused` (不予受理). The reason is the case
// data field the end event names in its property `reasonField` (default `reason`).
import type { ExecutionEvent } from '../bpmn/case-execution';
import { camundaProperties, loadSourceContext } from '../bpmn/definition';
import type { DefinitionRecord } from '../definitions';

/** A case's terminal status besides 办结. */
export type CaseOutcome = 'withdrawn' | 'refused';

export interface Ending {
  outcome: CaseOutcome;
  endEvent: string;
  reason: string | null;
}

const OUTCOMES: ReadonlySet<string> = new Set<CaseOutcome>(['withdrawn', 'refused']);

/** The end event's own outcome property, if it names one we know. */
export function endEventOutcome(def: DefinitionRecord, elementId: string): { outcome: CaseOutcome; reasonField: string } | undefined {
  const ctx = loadSourceContext(def.contextHash, def.sourceContext) as { getActivityById?: (id: string) => { behaviour?: object } | undefined };
  const activity = ctx.getActivityById?.(elementId);
  if (!activity?.behaviour) return undefined;
  const props = camundaProperties(activity.behaviour);
  const outcome = props.outcome?.trim();
  if (!outcome || !OUTCOMES.has(outcome)) return undefined;
  return { outcome: outcome as CaseOutcome, reasonField: props.reasonField?.trim() || 'reason' };
}

/** The ending of a case that just completed: the first end event passed that names an outcome. */
export function endingOf(def: DefinitionRecord, events: readonly ExecutionEvent[], variables: Record<string, unknown>): Ending | undefined {
  for (const e of events) {
    if (e.kind !== 'activity.end' || e.elementType !== 'bpmn:EndEvent') continue;
    const found = endEventOutcome(def, e.elementId);
    if (!found) continue;
    const data = (variables.data ?? {}) as Record<string, unknown>;
    const value = data[found.reasonField];
    return { outcome: found.outcome, endEvent: e.elementId, reason: typeof value === 'string' && value.trim() ? value : null };
  }
  return undefined;
}
