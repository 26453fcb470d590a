// Dead-path elimination only where a join waits for it. When a gateway takes one flow,
// bpmn-elements discards the others, and a discarded flow discards its target, which discards
// all of its own outgoing flows, and so on to the end of the process (or until the path loops):
// a parallel join downstream counts discarded inbound flows as arrived. A process drawn only
// with exclusive gateways, loops back (退回) and boundary timers has no such join, and there a
// single step made bpmn-elements walk every path not taken — thousands of events per command,
// a third of a server's CPU under load, for nothing.
//
// So each sequence flow is marked, when a definition is loaded, with whether a discard through it
// can reach a parallel join (a parallel gateway with more than one incoming flow), following
// sequence flows, the boundary events of the activities on the way and link events; a flow that
// cannot drops the discard instead of passing it on. Nothing else reads discards: what runs,
// waits and completes is the same.
import * as Elements from 'bpmn-elements';

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-elements' flow objects are untyped */

const DEAD_END = 'yizhan:deadEnd';

interface SerializedNode { id: string; type: string; behaviour?: Record<string, any> }
interface SerializedFlow { id: string; sourceId: string; targetId: string; behaviour?: Record<string, unknown> }
export interface SerializedContext { activities?: SerializedNode[]; sequenceFlows?: SerializedFlow[] }

/** Marks, in a serialised context, the sequence flows whose discard no join waits for. */
export function markDeadEnds(ctx: SerializedContext): void {
  const flows = ctx.sequenceFlows ?? [];
  const activities = ctx.activities ?? [];
  // the graph backwards: which nodes lead to a node (sequence flows, boundary events, link events)
  const previous = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = previous.get(to);
    if (list) list.push(from);
    else previous.set(to, [from]);
  };
  const inbound = new Map<string, number>();
  for (const f of flows) {
    link(f.sourceId, f.targetId);
    inbound.set(f.targetId, (inbound.get(f.targetId) ?? 0) + 1);
  }
  const isLink = (a: SerializedNode) => ((a.behaviour?.eventDefinitions ?? []) as { type?: string }[]).some((d) => d.type === 'bpmn:LinkEventDefinition');
  // every link throw event leads to every link catch event (through one node, '#link')
  for (const a of activities) {
    const attachedTo = a.behaviour?.attachedTo?.id;
    if (typeof attachedTo === 'string') link(attachedTo, a.id);
    if (a.type === 'bpmn:IntermediateThrowEvent' && isLink(a)) link(a.id, '#link');
    if (a.type === 'bpmn:IntermediateCatchEvent' && isLink(a)) link('#link', a.id);
  }
  // every node from which a join can be reached: one walk back from the joins
  const leadsToJoin = new Set(activities.filter((a) => a.type === 'bpmn:ParallelGateway' && (inbound.get(a.id) ?? 0) > 1).map((a) => a.id));
  const queue = [...leadsToJoin];
  while (queue.length) {
    for (const p of previous.get(queue.pop() as string) ?? []) {
      if (leadsToJoin.has(p)) continue;
      leadsToJoin.add(p);
      queue.push(p);
    }
  }
  for (const f of flows) if (!leadsToJoin.has(f.targetId)) f.behaviour = { ...f.behaviour, [DEAD_END]: true };
}

/** bpmn-elements' sequence flow, which drops a discard that no join waits for (see markDeadEnds). */
export function SequenceFlow(this: any, flowDef: any, context: any): void {
  (Elements.SequenceFlow as any).call(this, flowDef, context);
}
SequenceFlow.prototype = Object.create((Elements.SequenceFlow as any).prototype, {
  constructor: { value: SequenceFlow, writable: true, configurable: true },
});
SequenceFlow.prototype.discard = function discard(this: any, content?: unknown) {
  if (this.behaviour?.[DEAD_END]) return undefined;
  return (Elements.SequenceFlow as any).prototype.discard.call(this, content);
};
