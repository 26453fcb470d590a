// Deploy-time checks of a rule set against an org model and the facts forms and cases provide.
import { OrgIndex } from './org-index';
import type { OrgModel } from './org-model';
import { BASE_FACTS, isOrgFact, type FactValueKind } from './facts';
import { structuralProblems, type Condition, type DecisionParams, type FactRef, type RuleSet } from './rule-set';
import type { RuleProblem } from './errors';
import { isDepartmentKind, isLevel, operatorInfo, unknownDecorators } from './operators';
import { durationSeconds, isDuration } from './duration';

/** The engine's timer horizon (about 100 years): a longer time limit cannot be scheduled. */
const MAX_DUE_SECONDS = 100 * 366 * 86_400;
import { describeFact, pathSegments } from './wording';
import { walkConditions } from './walk';

export interface ValidateOptions {
  org: OrgModel | OrgIndex;
  /**
   * Fact paths the forms and the case provide, dotted: `data.amount`, `case.type`, or `data`
   * for "any form field". When given, a condition on `data` / `case` must test a provided path.
   * Derived org facts are always provided.
   */
  providedFacts?: string[];
}

/** Operators whose value is compared with the fact's own values (so codes in it must exist). */
const COMPARING = new Set(['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'containsAny', 'containsAll']);

function isFactRef(value: unknown): value is FactRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { fact?: unknown }).fact === 'string';
}

export function validateRuleSet(ruleSet: RuleSet, options: ValidateOptions): RuleProblem[] {
  const org = OrgIndex.of(options.org);
  const problems: RuleProblem[] = structuralProblems(ruleSet);
  if (problems.some((p) => p.code === 'RULESET_TOO_DEEP' || p.code === 'RULESET_TOO_LARGE')) return problems;
  const add = (pointer: string, code: string, message: string) => problems.push({ pointer, code, message });

  const checkFact = (fact: string, path: string | undefined, pointer: string): void => {
    if (!isOrgFact(fact) && !(BASE_FACTS as readonly string[]).includes(fact)) {
      add(`${pointer}/fact`, 'UNKNOWN_FACT', `未知的事实「${fact}」：可用 data、case 及组织事实（如 involvedTownships）`);
      return;
    }
    if (path !== undefined && !path.startsWith('$')) {
      add(`${pointer}/path`, 'MALFORMED_CONDITION', `路径「${path}」应为 JSONPath，以 $ 开头，如 $.type`);
      return;
    }
    if (!options.providedFacts || isOrgFact(fact)) return;
    const dotted = [fact, ...pathSegments(path)].join('.');
    const provided = options.providedFacts.some((p) => p === dotted || dotted.startsWith(`${p}.`) || p.startsWith(`${dotted}.`));
    if (!provided) add(`${pointer}/${path !== undefined ? 'path' : 'fact'}`, 'FACT_NOT_PROVIDED', `没有表单或案件提供事实「${dotted}」`);
  };

  const checkCodes = (values: unknown, kind: FactValueKind, pointer: string): void => {
    const list = Array.isArray(values) ? values : [values];
    list.forEach((v, i) => {
      const at = Array.isArray(values) ? `${pointer}/${i}` : pointer;
      if (typeof v !== 'string') return;
      if ((kind === 'unit' || kind === 'units') && !org.hasUnit(v)) add(at, 'UNKNOWN_UNIT', `组织中没有编码为「${v}」的单位`);
      if ((kind === 'department' || kind === 'departments') && !org.hasDepartment(v)) add(at, 'UNKNOWN_DEPARTMENT', `组织中没有编码为「${v}」的部门`);
      if (kind === 'level' && !isLevel(v)) add(at, 'INVALID_VALUE', `「${v}」不是层级：应为 county、township、village 或 grid`);
    });
  };

  const checkCondition = (condition: Condition, pointer: string): void => {
    const shapes = ['all', 'any', 'not', 'condition', 'fact'].filter((k) => k in condition);
    if (shapes.length !== 1 || (shapes[0] === 'fact' && !('operator' in condition && 'value' in condition))) {
      add(pointer, 'MALFORMED_CONDITION', '条件应恰好是 all、any、not、condition 引用，或含 fact、operator、value 的比较之一');
      return;
    }
    if ('all' in condition && !Array.isArray(condition.all)) add(`${pointer}/all`, 'MALFORMED_CONDITION', 'all 应为条件数组');
    if ('any' in condition) {
      if (!Array.isArray(condition.any)) add(`${pointer}/any`, 'MALFORMED_CONDITION', 'any 应为条件数组');
      else if (condition.any.length === 0) add(`${pointer}/any`, 'MALFORMED_CONDITION', 'any 为空时永远不成立');
    }
    if ('not' in condition && (Array.isArray(condition.not) || typeof condition.not !== 'object')) {
      add(`${pointer}/not`, 'MALFORMED_CONDITION', 'not 应为单个条件，不能是数组');
    }
    if ('condition' in condition && !ruleSet.conditions?.[condition.condition]) {
      add(`${pointer}/condition`, 'UNKNOWN_CONDITION', `引用的共享条件「${condition.condition}」未在 conditions 中定义`);
    }
    if (!('fact' in condition)) return;

    const { fact, path, operator, value } = condition;
    checkFact(fact, path, pointer);
    const info = operatorInfo(operator);
    const badDecorators = unknownDecorators(operator);
    if (!info || badDecorators.length > 0) {
      add(`${pointer}/operator`, 'UNKNOWN_OPERATOR', `未知的运算符「${operator}」`);
      return;
    }
    if (isFactRef(value)) {
      checkFact(value.fact, value.path, `${pointer}/value`);
      return;
    }
    const at = `${pointer}/value`;
    const decorated = operator.includes(':');
    const listOrOne = (check: (v: unknown) => boolean) => (Array.isArray(value) ? value.length > 0 && value.every(check) : check(value));
    switch (info.value) {
      case 'number':
        if (!decorated && typeof value !== 'number') add(at, 'INVALID_VALUE', `运算符「${operator}」的比较值应为数字`);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') add(at, 'INVALID_VALUE', `运算符「${operator}」的比较值应为 true 或 false`);
        break;
      case 'array':
        if (!decorated && !Array.isArray(value)) add(at, 'INVALID_VALUE', `运算符「${operator}」的比较值应为数组`);
        break;
      case 'levels':
        if (!listOrOne(isLevel)) add(at, 'INVALID_VALUE', '层级应为 county、township、village、grid 之一或其数组');
        break;
      case 'kinds':
        if (!listOrOne(isDepartmentKind)) add(at, 'INVALID_VALUE', '部门类别应为 centre、resident、window、department、township、village、court 之一或其数组');
        break;
      case 'units':
        if (!listOrOne((v) => typeof v === 'string')) add(at, 'INVALID_VALUE', '比较值应为单位编码或其数组');
        else checkCodes(value, 'units', at);
        break;
      default:
        break;
    }
    if (COMPARING.has(info.name)) {
      const kind = describeFact(fact, path).kind;
      if (kind !== 'value' && kind !== 'object') checkCodes(value, kind, at);
    }
  };

  walkConditions(ruleSet, checkCondition);

  const checkParams = (params: DecisionParams | undefined, pointer: string): void => {
    if (!params) return;
    const refCheck = (ref: FactRef, at: string) => checkFact(ref.fact, ref.path, at);
    const { departments, leadUnit, level, dueIn, caseClass } = params;
    if (departments !== undefined) {
      if (isFactRef(departments)) refCheck(departments, `${pointer}/departments`);
      else if (Array.isArray(departments)) {
        departments.forEach((d, i) => {
          if (isFactRef(d)) refCheck(d, `${pointer}/departments/${i}`);
          else checkCodes(d, 'departments', `${pointer}/departments/${i}`);
        });
      } else add(`${pointer}/departments`, 'INVALID_VALUE', 'departments 应为部门编码数组');
    }
    if (leadUnit !== undefined) {
      if (isFactRef(leadUnit)) refCheck(leadUnit, `${pointer}/leadUnit`);
      else if (typeof leadUnit !== 'string' || (!org.hasDepartment(leadUnit) && !org.hasUnit(leadUnit))) {
        add(`${pointer}/leadUnit`, 'UNKNOWN_DEPARTMENT', `组织中没有编码为「${String(leadUnit)}」的部门或单位`);
      }
    }
    if (level !== undefined && !isLevel(level)) add(`${pointer}/level`, 'INVALID_VALUE', `「${String(level)}」不是层级`);
    if (dueIn !== undefined && !isDuration(dueIn)) add(`${pointer}/dueIn`, 'INVALID_VALUE', `时限「${String(dueIn)}」应为 ISO-8601 时长，如 P1D`);
    else if (dueIn !== undefined && durationSeconds(dueIn) > MAX_DUE_SECONDS) add(`${pointer}/dueIn`, 'INVALID_VALUE', `时限「${dueIn}」超出允许范围（最长约 100 年；引擎会把这样的案件挂起为异常），请用实际的时限，如 P30D`);
    if (caseClass !== undefined && !['general', 'larger', 'major'].includes(caseClass)) {
      add(`${pointer}/caseClass`, 'INVALID_VALUE', '案件等级应为 general、larger 或 major');
    }
  };

  checkParams(ruleSet.defaults, '/defaults');
  ruleSet.rules.forEach((rule, i) => checkParams(rule.event?.params, `/rules/${i}/event/params`));
  return problems;
}
