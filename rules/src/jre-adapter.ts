// The one place that touches json-rules-engine's loosely typed API.
import { Engine, type RuleProperties, type TopLevelCondition as JreTopLevelCondition } from 'json-rules-engine';
import { JSONPath } from 'jsonpath-plus';
import type { FactRef, RuleSet } from './rule-set';
import type { OrgIndex } from './org-index';
import { customOperators } from './operators';

/** A condition node after evaluation, as json-rules-engine leaves it on the rule result. */
export interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  fact?: string;
  operator?: string;
  value?: unknown;
  path?: string;
  name?: string;
  /** Set when the engine evaluated the node; absent when it short-circuited. */
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
}

export interface EvaluatedRule {
  /** Index of the rule in `ruleSet.rules`. */
  index: number;
  fired: boolean;
  conditions: EvaluatedCondition;
}

export interface RunOutcome {
  rules: EvaluatedRule[];
  /** Resolves a fact reference against the same facts the rules saw. */
  resolve(ref: FactRef): Promise<unknown>;
}

const MAX_IDLE = 8;
const SIMPLE_PATH = /^\$(\.[A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff]*)+$/;

/**
 * Plain property paths (`$.type`, `$.applicant.name`) are the common case and are walked directly;
 * anything else (indexes, filters) goes to jsonpath-plus as json-rules-engine would.
 */
export function resolvePath(value: object, path: string): unknown {
  if (SIMPLE_PATH.test(path)) {
    let current: unknown = value;
    for (const key of path.slice(2).split('.')) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  }
  return JSONPath({ path, json: value, wrap: false });
}

/**
 * Runs one rule set against one org model. json-rules-engine keeps a per-engine run status,
 * so two overlapping `run()` calls on one Engine can cut each other short: every run takes an
 * engine of its own from a small pool.
 */
export class RuleRunner {
  private readonly idle: Engine[] = [];

  constructor(private readonly ruleSet: RuleSet, private readonly org: OrgIndex) {}

  private build(): Engine {
    const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: true, pathResolver: resolvePath });
    for (const { name, fn } of customOperators(this.org)) {
      engine.addOperator<unknown, unknown>(name, fn);
    }
    for (const [name, condition] of Object.entries(this.ruleSet.conditions ?? {})) {
      engine.setCondition(name, condition as unknown as JreTopLevelCondition);
    }
    this.ruleSet.rules.forEach((rule, index) => {
      // Every rule is evaluated (the explanation lists them all), so they share one engine
      // priority and run as one parallel batch; our hit policy orders them afterwards.
      const properties: RuleProperties = {
        name: String(index),
        priority: 1,
        conditions: rule.conditions as unknown as JreTopLevelCondition,
        event: { type: rule.event.type },
      };
      engine.addRule(properties);
    });
    return engine;
  }

  async run(facts: Record<string, unknown>): Promise<RunOutcome> {
    const engine = this.idle.pop() ?? this.build();
    try {
      const result = await engine.run(facts);
      const rules = [...result.results, ...result.failureResults].map((r): EvaluatedRule => ({
        index: Number(r.name),
        fired: r.result === true,
        conditions: r.conditions as unknown as EvaluatedCondition,
      }));
      rules.sort((a, b) => a.index - b.index);
      const almanac = result.almanac;
      return {
        rules,
        resolve: (ref) => almanac.factValue<unknown>(ref.fact, ref.params ?? {}, ref.path ?? ''),
      };
    } finally {
      if (this.idle.length < MAX_IDLE) this.idle.push(engine);
    }
  }
}
