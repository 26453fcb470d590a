// Visits every condition of a rule set with its JSON pointer (shared conditions, then rules).
import type { Condition, RuleSet } from './rule-set';

export type ConditionVisitor = (condition: Condition, pointer: string) => void;

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function walkCondition(condition: Condition, pointer: string, visit: ConditionVisitor): void {
  if (typeof condition !== 'object' || condition === null) return;
  visit(condition, pointer);
  if ('all' in condition && Array.isArray(condition.all)) condition.all.forEach((c, i) => walkCondition(c, `${pointer}/all/${i}`, visit));
  if ('any' in condition && Array.isArray(condition.any)) condition.any.forEach((c, i) => walkCondition(c, `${pointer}/any/${i}`, visit));
  if ('not' in condition) walkCondition(condition.not, `${pointer}/not`, visit);
}

export function walkConditions(ruleSet: RuleSet, visit: ConditionVisitor): void {
  for (const [name, condition] of Object.entries(ruleSet.conditions ?? {})) {
    walkCondition(condition, `/conditions/${escape(name)}`, visit);
  }
  ruleSet.rules.forEach((rule, i) => walkCondition(rule.conditions, `/rules/${i}/conditions`, visit));
}
