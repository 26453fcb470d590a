// bpmnlint's `recommended` rules in the browser (the rules bundled statically, no Node resolver),
// with bpmnlint's own `recommended` categories and the Chinese wording the pack validator uses
// (`@yizhan/packs/wording`, one browser-safe file), so what the canvas shows is what a deploy would reject.
import { lintWording } from '@yizhan/packs/wording';
import { Linter } from 'bpmnlint';
import recommended from 'bpmnlint/config/recommended';
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

/** The implementation of every rule `recommended` names (a missing one fails in `resolveRule`). */
const RULES: Record<string, () => unknown> = {
  'ad-hoc-sub-process': adHocSubProcess, 'conditional-flows': conditionalFlows, 'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway, 'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent, 'fake-join': fakeJoin,
  global, 'label-required': labelRequired, 'link-event': linkEvent, 'no-bpmndi': noBpmndi, 'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected, 'no-duplicate-sequence-flows': noDuplicateSequenceFlows, 'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-split': noImplicitSplit, 'no-implicit-end': noImplicitEnd, 'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway, 'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent, 'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired, 'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway, 'superfluous-label': superfluousLabel, 'superfluous-termination': superfluousTermination,
};

export interface LintFinding {
  rule: string;
  elementId?: string;
  message: string;
  severity: 'error' | 'warning';
}

const resolver = {
  resolveRule(_pkg: string, name: string) {
    const rule = RULES[name];
    if (!rule) throw new Error(`bpmnlint 规则 ${name} 未打包进网页端（designer/src/bpmn/lint.ts）`);
    return rule;
  },
  resolveConfig() {
    throw new Error('configs are inlined');
  },
};

export async function lintDefinitions(definitions: unknown): Promise<LintFinding[]> {
  // A new linter each time: rules such as no-duplicate-sequence-flows keep state per instance.
  const linter = new Linter({ config: { rules: recommended.rules }, resolver });
  const results = await linter.lint(definitions as never);
  const out: LintFinding[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) {
      if (r.category !== 'error' && r.category !== 'warn') continue;
      out.push({ rule, elementId: r.id, message: lintWording(rule, r.message), severity: r.category === 'warn' ? 'warning' : 'error' });
    }
  }
  return out;
}
