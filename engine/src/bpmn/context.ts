// The executable form of a parsed BPMN file: a moddle-context-serializer context of bpmn-elements
// types. Serialised right after parsing — walking the moddle tree (validation, bpmnlint) fills in
// empty collections that would change how bpmn-elements runs the definition. What a deploy
// ignores (./real-world: lanes, data objects, ioSpecification, message flows, other pools, type
// definitions) is left out of the executable view, so ignored means not run.
import * as Elements from 'bpmn-elements';
import serializer, { deserialize, TypeResolver } from 'moddle-context-serializer';
import type { ModdleElement, ModdleParseResult } from './moddle';
import { IGNORED } from './real-world';
import { markDeadEnds, SequenceFlow } from './dead-paths';
import { BpmnStandardLoopCharacteristics } from './standard-loop';

// standard loops run with the BPMN meaning of loopCondition (see ./standard-loop); sequence flows
// pass a discard on only where a join waits for it (see ./dead-paths)
const typeResolver = TypeResolver(Elements as unknown as Record<string, unknown>, (types: Record<string, unknown>) => {
  types['bpmn:StandardLoopCharacteristics'] = BpmnStandardLoopCharacteristics;
  types['bpmn:SequenceFlow'] = SequenceFlow;
});

/** JSON of the serialised context (what a definition version stores). */
export function serializeContext(parsed: ModdleParseResult): string {
  return serializer({ ...parsed, rootElement: executableView(parsed.rootElement) } as never, typeResolver).serialize();
}

/** Properties of flow nodes and containers that hold only ignored parts. */
const IGNORED_PROPERTIES = ['laneSets', 'artifacts', 'ioSpecification', 'dataInputAssociations', 'dataOutputAssociations', 'messageFlows', 'documentation', 'properties'];

/**
 * A copy of the tree without the ignored parts: the other pools' processes (when one is
 * executable), ignored root elements, and ignored children and properties of processes and
 * sub-processes. Plain property reads only — the moddle tree itself is not touched.
 */
function executableView(root: ModdleElement): ModdleElement {
  const rootElements = (root.rootElements as ModdleElement[] | undefined) ?? [];
  const anyExecutable = rootElements.some((e) => e.$type === 'bpmn:Process' && e.isExecutable === true);
  // processes called from the executable one (call activities) run as part of it
  const called = calledProcessIds(rootElements);
  const kept = rootElements
    .filter((e) => !IGNORED[e.$type] && !(anyExecutable && e.$type === 'bpmn:Process' && e.isExecutable !== true && !called.has(e.id ?? '')))
    .map((e) => (e.$type === 'bpmn:Process' || e.$type === 'bpmn:Collaboration' ? container(e) : e));
  return copy(root, { rootElements: kept });
}

/** Ids of the processes that call activities of the executable processes name (`calledElement`), transitively. */
export function calledProcessIds(rootElements: ModdleElement[]): Set<string> {
  const byId = new Map(rootElements.filter((e) => e.$type === 'bpmn:Process' && e.id).map((e) => [e.id as string, e]));
  const out = new Set<string>();
  const visit = (container: ModdleElement) => {
    for (const el of (container.flowElements as ModdleElement[] | undefined) ?? []) {
      if (el.$type === 'bpmn:SubProcess') visit(el);
      const target = el.$type === 'bpmn:CallActivity' && typeof el.calledElement === 'string' ? byId.get(el.calledElement) : undefined;
      if (target && !out.has(target.id as string)) {
        out.add(target.id as string);
        visit(target);
      }
    }
  };
  rootElements.filter((e) => e.$type === 'bpmn:Process' && e.isExecutable === true).forEach(visit);
  return out;
}

function container(el: ModdleElement): ModdleElement {
  const flowElements = el.flowElements as ModdleElement[] | undefined;
  const changes: Record<string, unknown> = {};
  if (flowElements) changes.flowElements = flowElements.filter((e) => !IGNORED[e.$type]).map(flowNode);
  return copy(el, changes);
}

function flowNode(el: ModdleElement): ModdleElement {
  if (el.$type === 'bpmn:SubProcess' || el.$type === 'bpmn:Transaction' || el.$type === 'bpmn:AdHocSubProcess') return container(el);
  return IGNORED_PROPERTIES.some((k) => el[k] !== undefined) ? copy(el, {}) : el;
}

/** A shallow copy with the same prototype (moddle type), ignored properties left out, `changes` applied. */
function copy(el: ModdleElement, changes: Record<string, unknown>): ModdleElement {
  const out = Object.create(Object.getPrototypeOf(el) as object, Object.getOwnPropertyDescriptors(el)) as ModdleElement;
  for (const k of IGNORED_PROPERTIES) if (Object.prototype.hasOwnProperty.call(out, k)) delete out[k];
  return Object.assign(out, changes);
}

export function deserializeContext(json: string): unknown {
  const ctx = JSON.parse(json) as Parameters<typeof markDeadEnds>[0];
  markDeadEnds(ctx);
  return deserialize(ctx, typeResolver);
}
