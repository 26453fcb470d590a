// The Longxi example (rules/examples/longxi) as typed fixtures shared by the tests.
import orgJson from '../../examples/longxi/org.json';
import routingJson from '../../examples/longxi/routing.json';
import { decide, loadRuleSet, OrgIndex, type CaseFacts, type FactCondition, type OrgModel, type RoutingFacts, type RuleSet, type TopLevelCondition } from '../../src/index';

export const longxiOrg: OrgModel = orgJson as OrgModel;
export const longxi = new OrgIndex(longxiOrg);
export const longxiRouting: RuleSet = loadRuleSet(routingJson);

export function facts(c: CaseFacts, data: Record<string, unknown> = {}): RoutingFacts {
  return { data, case: c };
}

/** A one-rule set: does `condition` hold for these facts? */
export async function holds(condition: FactCondition | TopLevelCondition, f: RoutingFacts): Promise<boolean> {
  const ruleSet = loadRuleSet({
    name: 'probe', hitPolicy: 'FIRST',
    rules: [{ name: 'probe', conditions: 'fact' in condition ? { all: [condition] } : condition, event: { type: 'route', params: { departments: ['lx.centre'] } } }],
  });
  const { explanation } = await decide(ruleSet, f, longxi);
  return explanation.rules[0].fired;
}
