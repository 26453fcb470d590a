// Parallel joins the engine cannot wait at correctly. bpmn-elements counts a branch at a parallel
// join as arrived when its token comes or when the branch was skipped: a gateway that did not take
// a flow sends a discard down it, to the join. That is right when the skipped path and the taken
// one reach the join through different incoming flows (an exclusive split straight into a join).
// It is wrong when both reach the join through the same incoming flow — an optional step whose
// gateway merges again before the join, or a return (退回) inside a branch: the discard of the path
// not taken gets there first, and the join goes on while the branch is still being worked (seen:
// 反馈 opened while 调处 was back with the department). Such a decision is refused at deploy,
// naming it and the join, with what to draw instead: the branch as an embedded sub-process.
import type { ModdleElement } from './moddle';
import { definitionsOf, refId } from './limits';

type Add = (el: ModdleElement | undefined, code: string, message: string) => void;

const DECISIONS = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway']);
const CONTAINERS = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

/** Checks one scope (a process or a sub-process; nested ones are checked on their own). */
export function checkParallelJoins(flowElements: ModdleElement[], add: Add): void {
  for (const el of flowElements) if (CONTAINERS.has(el.$type)) checkParallelJoins((el.flowElements as ModdleElement[] | undefined) ?? [], add);

  const outgoing = new Map<string, ModdleElement[]>();
  const incoming = new Map<string, ModdleElement[]>();
  const boundaries = new Map<string, ModdleElement[]>();
  const push = (map: Map<string, ModdleElement[]>, key: string | undefined, el: ModdleElement) => {
    if (key === undefined) return;
    const list = map.get(key);
    if (list) list.push(el);
    else map.set(key, [el]);
  };
  for (const el of flowElements) {
    if (el.$type === 'bpmn:SequenceFlow') {
      push(outgoing, refId(el.sourceRef), el);
      push(incoming, refId(el.targetRef), el);
    } else if (el.$type === 'bpmn:BoundaryEvent') push(boundaries, refId(el.attachedToRef), el);
  }
  const joins = flowElements.filter((el) => el.$type === 'bpmn:ParallelGateway' && el.id && (incoming.get(el.id)?.length ?? 0) > 1);
  if (!joins.length) return;

  const linkName = (el: ModdleElement) => definitionsOf(el).find((d) => d.$type === 'bpmn:LinkEventDefinition')?.name as string | undefined;
  const catches = flowElements.filter((el) => el.$type === 'bpmn:IntermediateCatchEvent' && linkName(el) !== undefined);
  /** Where a token (or a discard) goes from a node, besides its sequence flows. */
  const beside = (el: ModdleElement): ModdleElement[] => [
    ...(boundaries.get(el.id ?? '') ?? []),
    ...(el.$type === 'bpmn:IntermediateThrowEvent' && linkName(el) !== undefined ? catches.filter((c) => linkName(c) === linkName(el)) : []),
  ];

  /** The join's incoming flows a route reaches (a route: flows or boundary events leaving one node). */
  const reach = (route: ModdleElement[], join: ModdleElement): Set<ModdleElement> => {
    const found = new Set<ModdleElement>();
    const seen = new Set<ModdleElement>();
    const queue: ModdleElement[] = [];
    const visit = (node: ModdleElement) => {
      if (seen.has(node)) return;
      seen.add(node);
      queue.push(node);
    };
    const follow = (step: ModdleElement) => {
      if (step.$type === 'bpmn:SequenceFlow') {
        const target = step.targetRef as ModdleElement | undefined;
        if (target === join) found.add(step);
        else if (target) visit(target);
      } else visit(step);
    };
    route.forEach(follow);
    while (queue.length) {
      const node = queue.pop() as ModdleElement;
      for (const f of outgoing.get(node.id ?? '') ?? []) follow(f);
      beside(node).forEach(follow);
    }
    return found;
  };

  for (const node of flowElements) {
    if (!node.id || node.$type === 'bpmn:SequenceFlow' || node.$type === 'bpmn:ParallelGateway') continue;
    const out = outgoing.get(node.id) ?? [];
    const decides = (DECISIONS.has(node.$type) && out.length > 1) || out.some((f) => f.conditionExpression);
    // each route is taken or skipped as a whole: a decision's flows one by one, else the flows together
    const routes = [...(decides ? out.map((f) => [f]) : out.length ? [out] : []), ...(boundaries.get(node.id) ?? []).map((b) => [b])];
    if (routes.length < 2) continue;
    for (const join of joins) {
      const reached = routes.map((r) => reach(r, join));
      const shared = reached.flatMap((a, i) => reached.slice(i + 1).flatMap((b) => [...a].filter((f) => b.has(f))));
      if (!shared.length) continue;
      add(node, 'JOIN_AFTER_DECISION', `${node.id} 的不同去向（含退回、可选步骤或边界事件）会经同一入口 ${shared[0].id} 到达并行合流网关 ${join.id}：`
        + `合流会在分支仍在办理时提前放行。请把 ${node.id} 所在的分支（其中的判断、退回、可选步骤）画进一个内嵌子流程 (subProcess)，子流程结束后再连到 ${join.id}`);
      break;
    }
  }
}
