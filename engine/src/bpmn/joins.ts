// Parallel joins the engine cannot wait at correctly. bpmn-elements counts a branch at a parallel
// join as arrived when its token comes or when the branch was skipped: a gateway that did not take
// a flow sends a discard down it, to the join. That is right when the skipped path and the taken
// one reach the join through different incoming flows (an exclusive split straight into a join).
// It is wrong when both reach the join through the same incoming flow — an optional step whose
// gateway merges again before the join, or a return (退回) inside a branch: the discard of the path
// not taken gets there first, and the join goes on while the branch is still being worked (seen:
// 反馈 opened while 调处 was back with the department). Such a decision is refused at deploy,
// naming it and the join, with what to draw instead: the branch as an embedded sub-process.
// Each decision walks the scope once per route; the walks of a scope share a budget of
// JOIN_CHECK_BUDGET steps (a pack is untrusted input), past which the scope is refused as too
// large to check rather than checked for seconds.
import type { ModdleElement } from './moddle';
import { definitionsOf, refId } from './limits';

type Add = (el: ModdleElement | undefined, code: string, message: string) => void;

/** Steps (nodes visited) the walks of one scope may take together. */
export const JOIN_CHECK_BUDGET = 2_000_000;

const DECISIONS = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway']);
const CONTAINERS = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

/** Checks one scope (a process or a sub-process; nested ones are checked on their own). */
export function checkParallelJoins(flowElements: ModdleElement[], add: Add): void {
  for (const el of flowElements) if (CONTAINERS.has(el.$type)) checkParallelJoins((el.flowElements as ModdleElement[] | undefined) ?? [], add);

  // the graph by id: sequence flows (kept, to know which of a join's incoming flows is reached),
  // a node to its boundary events, a link throw event to the catch events of its name
  const flowsFrom = new Map<string, ModdleElement[]>();
  const beside = new Map<string, string[]>();
  const incoming = new Map<string, number>();
  const push = <T>(map: Map<string, T[]>, key: string, v: T) => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  const linkName = (el: ModdleElement) => definitionsOf(el).find((d) => d.$type === 'bpmn:LinkEventDefinition')?.name as string | undefined;
  for (const el of flowElements) {
    if (el.$type === 'bpmn:SequenceFlow') {
      const from = refId(el.sourceRef);
      const to = refId(el.targetRef);
      if (from === undefined || to === undefined) continue;
      push(flowsFrom, from, el);
      incoming.set(to, (incoming.get(to) ?? 0) + 1);
    } else if (el.$type === 'bpmn:BoundaryEvent' && el.id && refId(el.attachedToRef)) push(beside, refId(el.attachedToRef) as string, el.id);
    else if (el.id && linkName(el) !== undefined) {
      if (el.$type === 'bpmn:IntermediateThrowEvent') push(beside, el.id, `#link:${linkName(el)}`);
      if (el.$type === 'bpmn:IntermediateCatchEvent') push(beside, `#link:${linkName(el)}`, el.id);
    }
  }
  const joins = new Set(flowElements.filter((el) => el.$type === 'bpmn:ParallelGateway' && el.id && (incoming.get(el.id) ?? 0) > 1).map((el) => el.id as string));
  if (!joins.size) return;

  let budget = JOIN_CHECK_BUDGET;
  /** The joins' incoming flows reached from the given nodes (not passing through a join). */
  const reach = (starts: string[], first: ModdleElement[]): Set<ModdleElement> => {
    const found = new Set<ModdleElement>();
    const seen = new Set<string>();
    const queue: string[] = [];
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      queue.push(id);
    };
    const follow = (flow: ModdleElement) => {
      const to = refId(flow.targetRef) as string;
      if (joins.has(to)) found.add(flow);
      else visit(to);
    };
    first.forEach(follow);
    starts.forEach(visit);
    while (queue.length && budget-- > 0) {
      const id = queue.pop() as string;
      (flowsFrom.get(id) ?? []).forEach(follow);
      (beside.get(id) ?? []).forEach(visit);
    }
    return found;
  };

  for (const node of flowElements) {
    if (!node.id || node.$type === 'bpmn:SequenceFlow' || node.$type === 'bpmn:ParallelGateway') continue;
    const out = flowsFrom.get(node.id) ?? [];
    const decides = (DECISIONS.has(node.$type) && out.length > 1) || out.some((f) => f.conditionExpression);
    // each route is taken or skipped as a whole: a decision's flows one by one, else the flows together
    const routes: ModdleElement[][] = decides ? out.map((f) => [f]) : out.length ? [out] : [];
    const boundaryRoutes = (beside.get(node.id) ?? []).filter((id) => !id.startsWith('#link:'));
    if (routes.length + boundaryRoutes.length < 2) continue;
    const reached = [...routes.map((r) => reach([], r)), ...boundaryRoutes.map((b) => reach([b], []))];
    if (budget <= 0) {
      add(node, 'JOIN_CHECK_TOO_LARGE', `${node.id} 所在的流程（或子流程）判断和并行合流过多，无法在部署时检查合流是否正确：请把并行分支中的判断、退回和可选步骤画进内嵌子流程，减少同一层级中的元素`);
      return;
    }
    const seenOnce = new Set<ModdleElement>();
    let shared: ModdleElement | undefined;
    for (const set of reached) {
      for (const f of set) {
        if (seenOnce.has(f)) shared ??= f;
        seenOnce.add(f);
      }
    }
    if (!shared) continue;
    const join = refId(shared.targetRef);
    add(node, 'JOIN_AFTER_DECISION', `${node.id} 的不同去向（含退回、可选步骤或边界事件）会经同一入口 ${shared.id} 到达并行合流网关 ${join}：`
      + `合流会在分支仍在办理时提前放行。请把 ${node.id} 所在的分支（其中的判断、退回、可选步骤）画进一个内嵌子流程 (subProcess)，子流程结束后再连到 ${join}`);
  }
}
