// The rule-set file format (rules/<name>.json in a pack) and its loader.
import AjvImport, { type ErrorObject } from 'ajv';
import schema from '../schema/rule-set.schema.json';
import { RuleSetInvalidError, type RuleProblem } from './errors';
import { sizeProblems } from './limits';
import type { UnitLevel } from './org-model';

export type HitPolicy = 'FIRST' | 'COLLECT' | 'UNIQUE';
/** 一般 / 较大 / 重大疑难 */
export type CaseClass = 'general' | 'larger' | 'major';

/** A reference to a fact value, usable as a condition value or an event param. */
export interface FactRef {
  fact: string;
  path?: string;
  params?: Record<string, unknown>;
}

export interface FactCondition {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  params?: Record<string, unknown>;
  /** Readable reason, used in the explanation sentence. */
  name?: string;
  priority?: number;
}
export interface AllCondition { all: Condition[]; name?: string; priority?: number }
export interface AnyCondition { any: Condition[]; name?: string; priority?: number }
export interface NotCondition { not: Condition; name?: string; priority?: number }
export interface ConditionReference { condition: string; name?: string; priority?: number }

export type TopLevelCondition = AllCondition | AnyCondition | NotCondition | ConditionReference;
export type Condition = TopLevelCondition | FactCondition;

/** Decision fields a rule (or the defaults) sets. Unknown fields are copied into the decision. */
export interface DecisionParams {
  departments?: Array<string | FactRef> | FactRef;
  level?: UnitLevel;
  leadUnit?: string | FactRef;
  joint?: boolean;
  caseClass?: CaseClass;
  dueIn?: string;
  [field: string]: unknown;
}

export interface RuleEvent {
  type: string;
  params?: DecisionParams;
}

export interface Rule {
  /** Unique within the rule set; quoted in explanations. */
  name: string;
  description?: string;
  /** Higher first; default 1. */
  priority?: number;
  /** Group (decision table) the rule belongs to; default: the rule set's own hit policy. */
  group?: string;
  conditions: TopLevelCondition;
  event: RuleEvent;
}

export interface RuleGroup {
  hitPolicy: HitPolicy;
  title?: string;
  description?: string;
}

export interface RuleSet {
  $schema?: string;
  name: string;
  title?: string;
  description?: string;
  version?: string | number;
  hitPolicy: HitPolicy;
  groups?: Record<string, RuleGroup>;
  defaults?: DecisionParams;
  timeLimits?: Partial<Record<CaseClass, string>>;
  conditions?: Record<string, TopLevelCondition>;
  rules: Rule[];
}

/** The group of rules without a `group`. */
export const DEFAULT_GROUP = '';

// ajv is CommonJS; depending on the bundler the class is the module or its `default`.
const Ajv = ((AjvImport as unknown as { default?: typeof AjvImport }).default ?? AjvImport);
let validateSchema: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;

function schemaValidator() {
  validateSchema ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validateSchema;
}

/**
 * Parses and checks a rule-set file: the JSON Schema, unique rule names, declared groups and
 * named conditions. Throws RuleSetInvalidError with every problem found.
 */
export function loadRuleSet(json: unknown): RuleSet {
  // before the schema validator, which recurses into every nested condition
  const tooBig = sizeProblems(json);
  if (tooBig.length > 0) throw new RuleSetInvalidError(tooBig);
  const validate = schemaValidator();
  if (!validate(json)) {
    throw new RuleSetInvalidError(schemaProblems(validate.errors ?? []));
  }
  const ruleSet = json as RuleSet;
  const problems = structuralProblems(ruleSet);
  if (problems.length > 0) throw new RuleSetInvalidError(problems);
  return ruleSet;
}

/** Checks the schema cannot express: unique names, known groups, known named conditions. */
export function structuralProblems(ruleSet: RuleSet): RuleProblem[] {
  const problems: RuleProblem[] = sizeProblems(ruleSet);
  if (problems.length > 0) return problems; // nothing below may walk a rule set that is too deep
  const seen = new Map<string, number>();
  ruleSet.rules.forEach((rule, i) => {
    const first = seen.get(rule.name);
    if (first !== undefined) {
      problems.push({ pointer: `/rules/${i}/name`, code: 'DUPLICATE_RULE_NAME', message: `规则名称「${rule.name}」与第 ${first + 1} 条规则重复` });
    } else {
      seen.set(rule.name, i);
    }
    if (rule.group !== undefined && !ruleSet.groups?.[rule.group]) {
      problems.push({ pointer: `/rules/${i}/group`, code: 'UNKNOWN_GROUP', message: `规则分组「${rule.group}」未在 groups 中声明` });
    }
  });
  return problems;
}

function schemaProblems(errors: ErrorObject[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // `if` only says "must match then/else"; the real error is reported on its own.
    if (error.keyword === 'if') continue;
    const problem: RuleProblem = {
      pointer: error.instancePath,
      code: 'SCHEMA',
      message: schemaMessage(error),
    };
    if (error.keyword === 'required') {
      problem.pointer = `${error.instancePath}/${String(error.params.missingProperty)}`;
    } else if (error.keyword === 'additionalProperties') {
      problem.pointer = `${error.instancePath}/${String(error.params.additionalProperty)}`;
    }
    const key = `${problem.pointer}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function schemaMessage(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': return `缺少必填字段「${String(p.missingProperty)}」`;
    case 'additionalProperties': return `不允许的字段「${String(p.additionalProperty)}」`;
    case 'type': return `类型应为 ${String(p.type)}`;
    case 'enum': return `取值应为以下之一：${(p.allowedValues as unknown[]).join('、')}`;
    case 'pattern': return error.instancePath.endsWith('dueIn') || error.schemaPath.includes('duration')
      ? '时限格式应为 ISO-8601 时长，如 P1D、P7D、P30D'
      : `格式不正确（应匹配 ${String(p.pattern)}）`;
    case 'minLength': return '不能为空';
    case 'minimum': return `不能小于 ${String(p.limit)}`;
    case 'anyOf': return '取值形式不正确（应为编码字符串或 {"fact": …} 引用）';
    default: return `格式错误：${error.message ?? error.keyword}`;
  }
}
