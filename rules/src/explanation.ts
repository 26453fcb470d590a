// The "why routed here" trace: every rule, every condition with the values seen, and a sentence.
import type { EvaluatedCondition } from './jre-adapter';
import type { OrgIndex } from './org-index';
import type { OrgFacts } from './facts';
import type { Decision } from './decision';
import type { Condition, HitPolicy, RuleSet } from './rule-set';
import type { UnitLevel } from './org-model';
import { DECORATORS, operatorInfo } from './operators';
import { durationText } from './duration';
import { CLASS_LABELS, countText, describeFact, kindText, levelText, valueText } from './wording';

interface TraceBase {
  /** JSON pointer of the condition in the rule-set file. */
  pointer: string;
  /** The condition's own `name`, if it has one. */
  name?: string;
  /** false when json-rules-engine short-circuited and never looked at it. */
  evaluated: boolean;
  /** The outcome; undefined when not evaluated. */
  result?: boolean;
}

export interface BooleanConditionTrace extends TraceBase {
  kind: 'all' | 'any';
  conditions: ConditionTrace[];
}

export interface NotConditionTrace extends TraceBase {
  kind: 'not';
  condition: ConditionTrace;
}

export interface ReferenceConditionTrace extends TraceBase {
  kind: 'reference';
  /** Name of the shared condition in the rule set's `conditions`. */
  reference: string;
  /** The shared condition as evaluated; absent when it was not evaluated or does not exist. */
  condition?: ConditionTrace;
}

export interface FactConditionTrace extends TraceBase {
  kind: 'fact';
  fact: string;
  path?: string;
  operator: string;
  /** The value compared with (a referenced fact already resolved). */
  expected: unknown;
  /** The fact value seen; undefined when the fact is missing. */
  actual: unknown;
  /** The condition in Chinese, e.g. "涉及两个乡镇（巩昌镇、文峰镇）". */
  text: string;
}

export type ConditionTrace = BooleanConditionTrace | NotConditionTrace | ReferenceConditionTrace | FactConditionTrace;

export interface RuleTrace {
  index: number;
  name: string;
  description?: string;
  /** The rule's group; '' for rules without one. */
  group: string;
  hitPolicy: HitPolicy;
  priority: number;
  pointer: string;
  /** All its conditions held. */
  fired: boolean;
  /** Its params went into the decision (fired and chosen by the hit policy). */
  applied: boolean;
  conditions: ConditionTrace;
}

export interface Explanation {
  ruleSet: string;
  hitPolicy: HitPolicy;
  /** Every rule, in evaluation order (priority, then file order). */
  rules: RuleTrace[];
  /** Names of the applied rules, highest priority first. */
  applied: string[];
  /** The org facts derived for this case. */
  facts: OrgFacts;
  decision: Decision;
  /** One readable Chinese sentence. */
  summary: string;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Pairs the rule-set JSON (for pointers and names) with json-rules-engine's evaluated copy. */
export function traceCondition(
  source: Condition | undefined, evaluated: EvaluatedCondition | undefined, pointer: string, ruleSet: RuleSet, org: OrgIndex,
): ConditionTrace {
  const node = evaluated ?? {};
  const base = (name?: string): TraceBase => ({
    pointer, ...(name !== undefined ? { name } : {}), evaluated: typeof node.result === 'boolean',
    ...(typeof node.result === 'boolean' ? { result: node.result } : {}),
  });
  if (source && 'condition' in source) {
    const shared = ruleSet.conditions?.[source.condition];
    // Once realised, the engine replaces the reference by the shared condition in place.
    const realised = !('condition' in node) && typeof node.result === 'boolean' && shared !== undefined;
    return {
      kind: 'reference', ...base(source.name), reference: source.condition,
      ...(realised ? { condition: traceCondition(shared, node, `/conditions/${escapePointer(source.condition)}`, ruleSet, org) } : {}),
    };
  }
  if (source && 'all' in source) {
    return { kind: 'all', ...base(source.name), conditions: source.all.map((c, i) => traceCondition(c, node.all?.[i], `${pointer}/all/${i}`, ruleSet, org)) };
  }
  if (source && 'any' in source) {
    return { kind: 'any', ...base(source.name), conditions: source.any.map((c, i) => traceCondition(c, node.any?.[i], `${pointer}/any/${i}`, ruleSet, org)) };
  }
  if (source && 'not' in source) {
    return { kind: 'not', ...base(source.name), condition: traceCondition(source.not, node.not, `${pointer}/not`, ruleSet, org) };
  }
  const fact = source as { fact: string; operator: string; value: unknown; path?: string; name?: string };
  const evaluatedNode = typeof node.result === 'boolean';
  const expected = evaluatedNode && 'valueResult' in node ? node.valueResult : fact.value;
  const actual = evaluatedNode ? node.factResult : undefined;
  return {
    kind: 'fact', ...base(fact.name), fact: fact.fact, ...(fact.path !== undefined ? { path: fact.path } : {}),
    operator: fact.operator, expected, actual,
    text: fact.name ?? conditionText(fact.fact, fact.path, fact.operator, expected, actual, node.result, org),
  };
}

/** One condition in Chinese, with the values seen. */
export function conditionText(
  factName: string, path: string | undefined, operator: string, expected: unknown, actual: unknown, result: boolean | undefined, org: OrgIndex,
): string {
  const fact = describeFact(factName, path);
  const parts = operator.split(':');
  const base = parts.pop() ?? operator;
  const decorators = parts.map((d) => DECORATORS[d] ?? d).join('');
  const info = operatorInfo(base);
  const seen = valueText(actual, fact.kind, org);
  const list = Array.isArray(actual) ? actual : actual === undefined || actual === null ? [] : [actual];
  const involved = (units: unknown[], noun: string) => `涉及${countText(units.length)}个${noun}${units.length ? `（${valueText(units, fact.kind, org)}）` : ''}`;

  if (decorators === '' && info) {
    switch (base) {
      case 'countGreaterThan':
      case 'countAtLeast':
        return fact.noun ? involved(list, fact.noun) : `${fact.label}共${countText(list.length)}个${list.length ? `（${seen}）` : ''}`;
      case 'spansMoreTownshipsThan':
      case 'spansMoreCountiesThan': {
        const level = base === 'spansMoreTownshipsThan' ? 'township' : 'county';
        const codes = [...new Set(list.flatMap((u) => (typeof u === 'string' ? org.enclosing(u, level)?.code ?? [] : [])))];
        return `${fact.label}涉及${countText(codes.length)}个${level === 'township' ? '乡镇' : '县'}${codes.length ? `（${codes.map((c) => org.name(c) ?? c).join('、')}）` : ''}`;
      }
      case 'hasDepartmentOfKind':
      case 'allDepartmentsOfKind':
        return `${fact.label}（${seen}）${info.label}${kindText(expected)}`;
      case 'residentAtCentre':
        return expected === false ? `${fact.label}（${seen}）未进驻综治中心` : `${fact.label}（${seen}）进驻综治中心`;
      case 'within':
        return `${fact.label}（${seen}）位于${valueText(expected, 'units', org)}`;
      case 'atLevel':
        return `${fact.label}（${seen}）为${levelText(expected)}`;
      case 'exists':
        return `${fact.label}${expected === false ? '未填写' : '已填写'}`;
      case 'isEmpty':
        return `${fact.label}${expected === false ? '不为空' : '为空'}`;
      case 'equal':
        return result === false ? `${fact.label}为${seen}（不为${valueText(expected, fact.kind, org)}）` : `${fact.label}为${seen}`;
      case 'in':
        return `${fact.label}为${seen}${result === false ? `（不属于${valueText(expected, fact.kind, org)}）` : ''}`;
      case 'lessThan':
      case 'lessThanInclusive':
      case 'greaterThan':
      case 'greaterThanInclusive':
        return `${fact.label}为${seen}（${info.label}${valueText(expected, 'value', org)}）`;
      case 'contains':
      case 'doesNotContain':
      case 'containsAny':
      case 'containsAll':
        return `${fact.label}${info.label}${valueText(expected, fact.kind, org)}`;
      default:
        return `${fact.label}${info.label}${valueText(expected, fact.kind, org)}`;
    }
  }
  const label = info?.label ?? base;
  return `${fact.label}（${seen}）${decorators}${label}${valueText(expected, fact.kind, org)}`;
}

/** The reasons a fired rule gives: texts of the conditions that held, outside any `not`. */
export function reasons(trace: ConditionTrace): string[] {
  if (trace.result !== true) return [];
  if (trace.name !== undefined && trace.kind !== 'fact') return [trace.name];
  switch (trace.kind) {
    case 'fact': return [trace.text];
    case 'all':
    case 'any': return trace.conditions.flatMap(reasons);
    case 'reference': return trace.condition ? reasons(trace.condition) : [];
    case 'not': return [];
  }
}

const SHORT_LEVELS: Record<UnitLevel, string> = { county: '县级', township: '乡镇级', village: '村级', grid: '网格级' };

/** "因…，依据规则「…」，分流至…（县级），较大纠纷，时限7天。" */
export function summarize(decision: Decision, applied: RuleTrace[], org: OrgIndex): string {
  const name = (code: string) => org.name(code) ?? code;
  const why = [...new Set(applied.flatMap((r) => reasons(r.conditions)))].slice(0, 4);
  const lead = decision.leadUnit;
  const others = decision.departments.filter((d) => d !== lead).map(name);
  let route: string;
  if (decision.joint) {
    const leader = lead !== undefined ? name(lead) : decision.departments.length > 0 ? name(decision.departments[0]) : '县综治中心';
    const rest = lead !== undefined ? others : others.slice(1);
    route = `分流至${leader}牵头${rest.length ? `，会同${rest.join('、')}` : ''}联合调解`;
  } else if (decision.departments.length > 0) {
    route = `分流至${decision.departments.map(name).join('、')}办理`;
  } else {
    route = `由${SHORT_LEVELS[decision.level]}办理`;
  }
  const because = why.length ? `因${why.join('，')}，` : '';
  const basis = applied.length ? `依据规则${applied.map((r) => `「${r.name}」`).join('、')}，` : '未命中任何规则，按默认规则';
  return `${because}${basis}${route}（${SHORT_LEVELS[decision.level]}），${CLASS_LABELS[decision.caseClass]}，时限${durationText(decision.dueIn)}。`;
}
