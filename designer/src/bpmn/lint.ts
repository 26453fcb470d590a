// bpmnlint's `recommended` rules in the browser (the rules bundled statically, no Node resolver),
// with the Chinese wording the pack validator uses (processes/src/lint.ts), so what the canvas
// shows is what a deploy would reject.
import { Linter } from 'bpmnlint';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import global from 'bpmnlint/rules/global';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';

type Category = 'error' | 'warn';
const RULES: Record<string, [() => unknown, Category]> = {
  'ad-hoc-sub-process': [adHocSubProcess, 'error'], 'conditional-flows': [conditionalFlows, 'error'],
  'end-event-required': [endEventRequired, 'error'], 'event-based-gateway': [eventBasedGateway, 'error'],
  'event-sub-process-typed-start-event': [eventSubProcessTypedStartEvent, 'error'], 'fake-join': [fakeJoin, 'warn'],
  global: [global, 'warn'], 'label-required': [labelRequired, 'error'], 'link-event': [linkEvent, 'error'],
  'no-bpmndi': [noBpmndi, 'error'], 'no-complex-gateway': [noComplexGateway, 'error'], 'no-disconnected': [noDisconnected, 'error'],
  'no-duplicate-sequence-flows': [noDuplicateSequenceFlows, 'error'], 'no-gateway-join-fork': [noGatewayJoinFork, 'error'],
  'no-implicit-split': [noImplicitSplit, 'error'], 'no-implicit-end': [noImplicitEnd, 'error'], 'no-implicit-start': [noImplicitStart, 'error'],
  'no-inclusive-gateway': [noInclusiveGateway, 'warn'], 'no-overlapping-elements': [noOverlappingElements, 'warn'],
  'single-blank-start-event': [singleBlankStartEvent, 'error'], 'single-event-definition': [singleEventDefinition, 'error'],
  'start-event-required': [startEventRequired, 'error'], 'sub-process-blank-start-event': [subProcessBlankStartEvent, 'error'],
  'superfluous-gateway': [superfluousGateway, 'warn'], 'superfluous-label': [superfluousLabel, 'warn'],
  'superfluous-termination': [superfluousTermination, 'warn'],
};

const WORDING: Record<string, string> = {
  'label-required': '缺少名称：流程节点和网关的分支都要有名称，办理人才能看懂',
  'no-bpmndi': '缺少图形信息（BPMN DI）',
  'no-disconnected': '节点未连接到流程中（没有进入或离开的连线）',
  'no-implicit-start': '节点没有进入的连线，会成为隐含的开始',
  'no-implicit-end': '节点没有离开的连线，会成为隐含的结束',
  'no-implicit-split': '一个节点有多条离开的连线但没有网关：请用排他网关或并行网关显式分支',
  'conditional-flows': '网关的分支连线缺少条件（也没有设为默认分支）',
  'end-event-required': '流程缺少结束事件',
  'start-event-required': '流程缺少开始事件',
  'single-blank-start-event': '流程有多个无类型的开始事件',
  'no-duplicate-sequence-flows': '重复的连线（同一来源和目标）',
  'no-gateway-join-fork': '同一个网关既汇合又分支：请拆成两个网关',
  'no-complex-gateway': '不支持复杂网关',
  'single-event-definition': '一个事件只能有一个事件定义',
  'fake-join': '任务有多条进入的连线：请用网关汇合',
  'superfluous-gateway': '多余的网关（只有一进一出）',
  'no-inclusive-gateway': '不建议使用包容网关',
  'no-overlapping-elements': '图形元素重叠',
};

export interface LintFinding {
  rule: string;
  elementId?: string;
  message: string;
  severity: 'error' | 'warning';
}

const resolver = {
  resolveRule(_pkg: string, name: string) {
    const r = RULES[name];
    if (!r) throw new Error(`unknown rule ${name}`);
    return r[0];
  },
  resolveConfig() {
    throw new Error('configs are inlined');
  },
};

export async function lintDefinitions(definitions: unknown): Promise<LintFinding[]> {
  // A new linter each time: rules such as no-duplicate-sequence-flows keep state per instance.
  const linter = new Linter({ config: { rules: Object.fromEntries(Object.entries(RULES).map(([k, [, c]]) => [k, c])) }, resolver });
  const results = await linter.lint(definitions as never);
  const out: LintFinding[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) {
      if (r.category !== 'error' && r.category !== 'warn') continue;
      out.push({ rule, elementId: r.id, message: WORDING[rule] ?? r.message, severity: r.category === 'warn' ? 'warning' : 'error' });
    }
  }
  return out;
}
