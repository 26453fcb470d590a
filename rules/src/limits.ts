// Size limits of a rule set, checked before anything recursive touches it (the JSON Schema
// validator and the condition walkers recurse: a rule set nested 1,000 deep overflowed the stack,
// and 10,000 conditions cost megabytes and seconds on every case). Iterative on purpose.
import type { RuleProblem } from './errors';

export const RULE_SET_LIMITS = {
  /** Deepest nesting of all / any / not (a plain comparison at the top is depth 1). */
  maxDepth: 20,
  /** Conditions (comparisons and condition references) in the whole rule set, shared ones included. */
  maxConditions: 500,
} as const;

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Depth and count problems of a rule-set JSON (any shape; non-objects are left to the schema). */
export function sizeProblems(json: unknown): RuleProblem[] {
  if (typeof json !== 'object' || json === null) return [];
  const roots: { node: unknown; pointer: string }[] = [];
  const { rules, conditions } = json as { rules?: unknown; conditions?: unknown };
  if (conditions && typeof conditions === 'object' && !Array.isArray(conditions)) {
    for (const [name, c] of Object.entries(conditions)) roots.push({ node: c, pointer: `/conditions/${escape(name)}` });
  }
  if (Array.isArray(rules)) {
    rules.forEach((r, i) => {
      if (r && typeof r === 'object') roots.push({ node: (r as { conditions?: unknown }).conditions, pointer: `/rules/${i}/conditions` });
    });
  }
  const problems: RuleProblem[] = [];
  let count = 0;
  const stack = roots.map((r) => ({ ...r, depth: 1 }));
  let tooDeep = false;
  while (stack.length) {
    const { node, pointer, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > RULE_SET_LIMITS.maxDepth) {
      if (!tooDeep) {
        problems.push({
          pointer,
          code: 'RULESET_TOO_DEEP',
          message: `条件嵌套超过 ${RULE_SET_LIMITS.maxDepth} 层（all / any / not 层层嵌套）：请把条件拆成几条规则，或把共用部分写成 conditions 中的共享条件`,
        });
        tooDeep = true;
      }
      continue;
    }
    const c = node as { all?: unknown; any?: unknown; not?: unknown; fact?: unknown; condition?: unknown };
    if ('fact' in c || 'condition' in c) count++;
    for (const key of ['all', 'any'] as const) {
      const list = c[key];
      if (Array.isArray(list)) list.forEach((child, i) => stack.push({ node: child, pointer: `${pointer}/${key}/${i}`, depth: depth + 1 }));
    }
    if ('not' in c) stack.push({ node: c.not, pointer: `${pointer}/not`, depth: depth + 1 });
  }
  if (count > RULE_SET_LIMITS.maxConditions) {
    problems.push({
      pointer: '/rules',
      code: 'RULESET_TOO_LARGE',
      message: `规则集共有 ${count} 个条件，超过上限 ${RULE_SET_LIMITS.maxConditions}：每个案件都要逐条求值并记录解释；请合并相似规则（如用 in 运算符列出多个取值）或拆分为多个规则集`,
    });
  }
  return problems;
}
