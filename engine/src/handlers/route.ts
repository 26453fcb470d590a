// The built-in `route` service handler (分流交办): binds a rule set of the deployed pack by name
// (camunda property `ruleSet`), decides with @yizhan/rules against the intake data, the case
// facts and the pack's org model, and stores the decision in the case variables (`decision`)
// and the decision with its explanation beside the case (`routing`, "why routed here").
import { decide, loadRuleSet, OrgIndex, RuleSetInvalidError, type OrgModel, type RoutingFacts, type RuleSet } from '@yizhan/rules';
import type { ErrorDetail } from '../errors';
import type { ServiceHandler, ServiceTaskCheck } from './types';

const ruleSets = new WeakMap<object, RuleSet>();
const orgs = new WeakMap<object, OrgIndex>();

/**
 * Deploy check of a 分流 task: its `ruleSet` property names a rule set of the deploy that loads.
 * RULESET_MISSING names the task; RULESET_INVALID the rule set's first problem.
 */
const checkRouteTask: ServiceTaskCheck = (task, deploy) => {
  const name = task.properties.ruleSet;
  const at = (code: string, message: string): ErrorDetail => ({ elementId: task.id, code, message: `${task.id}：${message}` });
  if (!name) return [at('RULESET_MISSING', '分流任务（camunda:topic="route"）缺少 camunda:property ruleSet：请在任务属性中填写规则集名称')];
  const json = deploy.ruleSets[name];
  if (!json || typeof json !== 'object') return [at('RULESET_MISSING', `分流任务引用的规则集「${name}」不存在（流程包中应有 rules/${name}.json）`)];
  try {
    if (!ruleSets.has(json)) ruleSets.set(json, loadRuleSet(json));
  } catch (err) {
    if (!(err instanceof RuleSetInvalidError)) throw err;
    return [at('RULESET_INVALID', `分流任务引用的规则集「${name}」无效：${err.details[0]?.message ?? err.message}`)];
  }
  return [];
};

export const routeHandler: ServiceHandler = Object.assign(async ({ properties, variables, definition }: Parameters<ServiceHandler>[0]) => {
  const name = properties.ruleSet;
  const json = name ? definition.ruleSets[name] : undefined;
  if (!json || typeof json !== 'object') throw new Error(`路由规则集「${name ?? ''}」不存在`);
  let ruleSet = ruleSets.get(json);
  if (!ruleSet) {
    ruleSet = loadRuleSet(json);
    ruleSets.set(json, ruleSet);
  }
  const orgJson = (definition.org ?? { units: [], departments: [] }) as OrgModel;
  let org = orgs.get(orgJson);
  if (!org) {
    org = new OrgIndex(orgJson);
    orgs.set(orgJson, org);
  }
  const result = await decide(ruleSet, routingFacts(variables), org);
  return {
    variables: { decision: result.decision },
    annotations: { routing: { ruleSet: name, decision: result.decision, explanation: result.explanation } },
  };
}, { check: checkRouteTask });

/**
 * Facts for the rules: the intake data as `data`; the case as `case` — what the engine recorded
 * at start (type, channel, reporting unit) completed from the well-known intake fields
 * (`units`, `departments`, `amount`, `partyCount`).
 */
export function routingFacts(variables: Readonly<Record<string, unknown>>): RoutingFacts {
  const data = (variables.data ?? {}) as Record<string, unknown>;
  const recorded = (variables.case ?? {}) as Record<string, unknown>;
  const checks: Record<string, (v: unknown) => boolean> = {
    type: (v) => typeof v === 'string' && v.length > 0,
    channel: (v) => typeof v === 'string' && v.length > 0,
    unit: (v) => typeof v === 'string' && v.length > 0,
    amount: (v) => typeof v === 'number' && Number.isFinite(v),
    partyCount: (v) => typeof v === 'number' && Number.isFinite(v),
    units: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
    departments: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  };
  const facts: RoutingFacts['case'] = { ...recorded };
  for (const [key, ok] of Object.entries(checks)) {
    const v = recorded[key] ?? data[key];
    if (ok(v)) facts[key] = v;
    else delete facts[key];
  }
  return { data, case: facts };
}
