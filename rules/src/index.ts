// @yizhan/rules — routing decisions for county 综治中心 on json-rules-engine. Pure: no I/O.
export type { UnitLevel, OrgUnit, DepartmentKind, Department, OrgModel } from './org-model';
export { UNIT_LEVELS, DEPARTMENT_KINDS, LEVEL_LABELS, KIND_LABELS } from './org-model';
export { OrgIndex, validateOrgModel } from './org-index';
export type { RuleProblem } from './errors';
export { RuleSetInvalidError, RuleConflictError } from './errors';
export type {
  HitPolicy, CaseClass, FactRef, FactCondition, AllCondition, AnyCondition, NotCondition, ConditionReference,
  TopLevelCondition, Condition, DecisionParams, RuleEvent, Rule, RuleGroup, RuleSet,
} from './rule-set';
export { loadRuleSet } from './rule-set';
export { RULE_SET_LIMITS } from './limits';
export type { CaseFacts, RoutingFacts, OrgFacts, FactInfo, FactValueKind } from './facts';
export { ORG_FACTS, CASE_FIELDS, deriveOrgFacts } from './facts';
export type { OperatorInfo, OperatorValueKind, OperatorFn } from './operators';
export { OPERATORS, DECORATORS, customOperators } from './operators';
export type { Decision } from './decision';
export { STANDARD_TIME_LIMITS } from './decision';
export type {
  Explanation, RuleTrace, ConditionTrace, BooleanConditionTrace, NotConditionTrace, ReferenceConditionTrace, FactConditionTrace,
} from './explanation';
export type { RoutingResult } from './decide';
export { decide } from './decide';
export type { ValidateOptions } from './validate';
export { validateRuleSet } from './validate';
export { durationText, durationSeconds, isDuration } from './duration';
