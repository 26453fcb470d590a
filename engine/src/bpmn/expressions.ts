// Expression resolution for bpmn-engine: bpmn-elements' own resolver (property paths only),
// wrapped with two guards against a case taking the server down.
import { Environment } from 'bpmn-elements';
import type { BudgetGuard } from './budget';
import { timerProblem } from './limits';

interface ExpressionResolver {
  resolveExpression(template: unknown, context: unknown, fnContext?: unknown): unknown;
  isExpression?(text: unknown): boolean;
  hasExpression?(text: unknown): boolean;
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
  return {
    ...stock,
    resolveExpression: (template: unknown, context: unknown, fnContext: unknown): unknown => {
      if (typeof template !== 'string' || /^\$\{[^}]+\}$/.test(template) || !template.includes('${')) {
        return check(stock.resolveExpression(template, context, fnContext));
      }
      return check(template.replace(/\$\{(.+?)\}/g, (whole) => {
        const v = stock.resolveExpression(whole, context, fnContext);
        return v === undefined || v === null ? '' : String(v);
      }));
    },
  };
}
