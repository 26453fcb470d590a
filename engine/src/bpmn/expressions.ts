// Expression resolution for bpmn-engine: bpmn-elements' own resolver for the property paths the
// packs have always used, our safe evaluator (conditions/) for comparisons, `&&` / `||` / `!`,
// short variable names and FEEL (`=…`), and two guards against a case taking the server down.
import { Environment } from 'bpmn-elements';
import type { BudgetGuard } from './budget';
import { evaluateExpression, isLegacyPath, legacyPathProblem } from './conditions';
import { timerProblem } from './limits';

interface ExpressionResolver {
  resolveExpression(template: unknown, context: unknown, fnContext?: unknown): unknown;
  isExpression?(text: unknown): boolean;
  hasExpression?(text: unknown): boolean;
}

/**
 * A timer's `timeDuration` as the pack wrote it, resolved like any expression and then turned into
 * the elapsed duration it stands for (working days: see `ExecutionOptions.timerDuration`).
 */
export class TimerDuration {
  constructor(readonly raw: string, readonly convert: (duration: string) => string) {}
}

/** bpmn-elements' own resolver (property paths only), which ours wraps. */
const stockExpressions = (new Environment() as unknown as { expressions: ExpressionResolver }).expressions;

/**
 * bpmn-elements' expression resolver, with two guards: every `${…}` of a template is resolved
 * once (the stock resolver re-scans substituted values, so a variable holding `${…}` of itself
 * loops forever), and a resolved timer value the validator would refuse — a zero or sub-minute
 * cycle, on which the timer library itself loops forever, or a duration beyond ~100 years —
 * halts the case instead of reaching the timer.
 */
export function guardedExpressions(guard: BudgetGuard): ExpressionResolver {
  const stock = stockExpressions;
  const check = (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    const kind = /^R\d*\//.test(value) ? 'timeCycle' : /^P/.test(value) ? 'timeDuration' : undefined;
    const problem = kind ? timerProblem(kind, value) : undefined;
    if (problem) guard.refuse(problem.message);
    guard.throwIfHalted();
    return value;
  };
  /** One `${…}`: a legacy path as bpmn-elements resolves it (unless it reaches past the variables), else ours. */
  const one = (expression: string, context: unknown, fnContext: unknown): unknown => {
    if (isLegacyPath(expression)) return legacyPathProblem(expression) ? undefined : stock.resolveExpression(expression, context, fnContext);
    return evaluateExpression(expression, context);
  };
  const resolver: ExpressionResolver = {
    ...stock,
    resolveExpression(template: unknown, context: unknown, fnContext: unknown): unknown {
      if (template instanceof TimerDuration) {
        const value = resolver.resolveExpression(template.raw, context, fnContext);
        return typeof value === 'string' && /^P/.test(value) ? check(template.convert(value)) : value;
      }
      if (typeof template !== 'string') return check(stock.resolveExpression(template, context, fnContext));
      if (template.trimStart().startsWith('=')) return check(evaluateExpression(template, context));
      if (!template.includes('${')) return check(template);
      if (/^\s*\$\{[^}]+\}\s*$/.test(template)) return check(one(template.trim(), context, fnContext));
      return check(template.replace(/\$\{(.+?)\}/g, (whole) => {
        const v = one(whole, context, fnContext);
        return v === undefined || v === null ? '' : String(v);
      }));
    },
  };
  return resolver;
}

/**
 * Has the activity's timer durations resolved through `convert` (TimerDuration): bpmn-engine then
 * arms, saves and resumes each timer with the elapsed duration the pack's deadline rule gives —
 * the due time the timers table records too.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-engine's activity objects are untyped */
export function countTimersAs(activity: any, convert: (duration: string) => string): void {
  for (const ed of (activity.eventDefinitions ?? []) as any[]) {
    if (ed?.type === 'bpmn:TimerEventDefinition' && typeof ed.timeDuration === 'string') ed.timeDuration = new TimerDuration(ed.timeDuration, convert);
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */
