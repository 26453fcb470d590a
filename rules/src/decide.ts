// decide(): run a rule set on a case, apply the hit policy, merge the decision, explain it.
import { OrgIndex } from './org-index';
import type { OrgModel } from './org-model';
import { deriveOrgFacts, type RoutingFacts } from './facts';
import { RuleRunner, type EvaluatedRule, type RunOutcome } from './jre-adapter';
import { DEFAULT_GROUP, structuralProblems, type DecisionParams, type FactRef, type HitPolicy, type RuleSet } from './rule-set';
import { mergeDecision, type Decision, type ResolvedParams } from './decision';
import { RuleConflictError, RuleSetInvalidError, type RuleProblem } from './errors';
import { summarize, traceCondition, type Explanation, type RuleTrace } from './explanation';
import { operatorInfo, unknownDecorators } from './operators';
import { walkConditions } from './walk';

export interface RoutingResult {
  decision: Decision;
  explanation: Explanation;
}

const runners = new WeakMap<RuleSet, WeakMap<OrgIndex, RuleRunner>>();
const runnable = new WeakSet<RuleSet>();

function runnerFor(ruleSet: RuleSet, org: OrgIndex): RuleRunner {
  let byOrg = runners.get(ruleSet);
  if (!byOrg) runners.set(ruleSet, (byOrg = new WeakMap()));
  let runner = byOrg.get(org);
  if (!runner) byOrg.set(org, (runner = new RuleRunner(ruleSet, org)));
  return runner;
}

/** What would make json-rules-engine throw mid-run: unknown operators, duplicate names, unknown groups. */
function assertRunnable(ruleSet: RuleSet): void {
  if (runnable.has(ruleSet)) return;
  const problems: RuleProblem[] = structuralProblems(ruleSet);
  if (problems.length > 0) throw new RuleSetInvalidError(problems);
  walkConditions(ruleSet, (condition, pointer) => {
    if ('fact' in condition && (!operatorInfo(condition.operator) || unknownDecorators(condition.operator).length > 0)) {
      problems.push({ pointer: `${pointer}/operator`, code: 'UNKNOWN_OPERATOR', message: `未知的运算符「${condition.operator}」` });
    }
  });
  if (problems.length > 0) throw new RuleSetInvalidError(problems);
  runnable.add(ruleSet);
}

function isFactRef(value: unknown): value is FactRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return typeof (value as { fact?: unknown }).fact === 'string' && keys.every((k) => k === 'fact' || k === 'path' || k === 'params');
}

async function resolveValue(value: unknown, outcome: RunOutcome): Promise<unknown> {
  if (isFactRef(value)) return outcome.resolve(value);
  if (Array.isArray(value)) {
    // A fact reference inside a list contributes its elements: [{fact: a}, "x"] → [...a, "x"].
    const parts = await Promise.all(value.map(async (v) => (isFactRef(v) ? outcome.resolve(v) : v)));
    return parts.flatMap((p, i) => (isFactRef(value[i]) ? (Array.isArray(p) ? p : p === undefined || p === null ? [] : [p]) : [p]));
  }
  return value;
}

/** Replaces fact references in params by the values the rules saw; normalises the well-known fields. */
async function resolveParams(params: DecisionParams | undefined, outcome: RunOutcome): Promise<ResolvedParams> {
  const resolved: ResolvedParams = {};
  for (const [field, raw] of Object.entries(params ?? {})) {
    const value = await resolveValue(raw, outcome);
    if (field === 'departments') {
      const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
      resolved.departments = [...new Set(list.filter((v): v is string => typeof v === 'string'))];
    } else if (field === 'leadUnit') {
      const lead = Array.isArray(value) ? value.find((v) => typeof v === 'string') : value;
      if (typeof lead === 'string') resolved.leadUnit = lead;
    } else if (value !== undefined) {
      resolved[field] = value;
    }
  }
  return resolved;
}

function policyOf(ruleSet: RuleSet, group: string): HitPolicy {
  return group === DEFAULT_GROUP ? ruleSet.hitPolicy : ruleSet.groups?.[group]?.hitPolicy ?? ruleSet.hitPolicy;
}

/**
 * Routes a case. Every rule is evaluated (missing facts are undefined, never an error); each
 * group's hit policy picks the applied rules — FIRST: the highest-priority rule that fired (ties:
 * file order), COLLECT: all that fired, UNIQUE: the only one that fired, RuleConflictError if
 * several did — and their params merge over the defaults (see mergeDecision).
 */
export async function decide(ruleSet: RuleSet, facts: RoutingFacts, org: OrgModel | OrgIndex): Promise<RoutingResult> {
  assertRunnable(ruleSet);
  const index = OrgIndex.of(org);
  const orgFacts = deriveOrgFacts(facts, index);
  const runtimeFacts: Record<string, unknown> = { data: facts.data ?? {}, case: facts.case ?? {} };
  for (const [name, value] of Object.entries(orgFacts)) if (value !== undefined) runtimeFacts[name] = value;

  const outcome = await runnerFor(ruleSet, index).run(runtimeFacts);
  const priority = (r: EvaluatedRule) => ruleSet.rules[r.index].priority ?? 1;
  const ordered = [...outcome.rules].sort((a, b) => priority(b) - priority(a) || a.index - b.index);

  const applied = new Set<number>();
  const groups = new Map<string, EvaluatedRule[]>();
  for (const r of ordered) {
    const group = ruleSet.rules[r.index].group ?? DEFAULT_GROUP;
    groups.set(group, [...(groups.get(group) ?? []), r]);
  }
  for (const [group, rules] of groups) {
    const fired = rules.filter((r) => r.fired);
    const policy = policyOf(ruleSet, group);
    if (policy === 'UNIQUE' && fired.length > 1) {
      const names = fired.map((r) => `「${ruleSet.rules[r.index].name}」`).join('、');
      throw new RuleConflictError(
        fired.map((r) => ({ pointer: `/rules/${r.index}`, code: 'RULE_CONFLICT', message: `规则「${ruleSet.rules[r.index].name}」与其他规则同时命中` })),
        `命中策略 UNIQUE 要求至多一条规则命中${group ? `（分组「${group}」）` : ''}，但 ${names} 同时命中`,
      );
    }
    for (const r of policy === 'COLLECT' ? fired : fired.slice(0, 1)) applied.add(r.index);
  }

  const appliedRules = ordered.filter((r) => applied.has(r.index));
  const [defaults, ...params] = await Promise.all([
    resolveParams(ruleSet.defaults, outcome),
    ...appliedRules.map((r) => resolveParams(ruleSet.rules[r.index].event.params, outcome)),
  ]);
  const decision = mergeDecision(ruleSet, defaults, params);

  const traces: RuleTrace[] = ordered.map((r) => {
    const rule = ruleSet.rules[r.index];
    const group = rule.group ?? DEFAULT_GROUP;
    return {
      index: r.index, name: rule.name, ...(rule.description !== undefined ? { description: rule.description } : {}),
      group, hitPolicy: policyOf(ruleSet, group), priority: rule.priority ?? 1, pointer: `/rules/${r.index}`,
      fired: r.fired, applied: applied.has(r.index),
      // json-rules-engine records no result on a rule's top-level condition: it is the rule's.
      conditions: { ...traceCondition(rule.conditions, r.conditions, `/rules/${r.index}/conditions`, ruleSet, index), evaluated: true, result: r.fired },
    };
  });
  const appliedTraces = traces.filter((t) => t.applied);
  return {
    decision,
    explanation: {
      ruleSet: ruleSet.name, hitPolicy: ruleSet.hitPolicy, rules: traces, applied: appliedTraces.map((t) => t.name),
      facts: orgFacts, decision, summary: summarize(decision, appliedTraces, index),
    },
  };
}
