// Rule-set size limits (issue 11): nesting 1,000 deep overflowed the stack (a 500 at deploy),
// 10,000 conditions cost megabytes and seconds per case. Both are refused with a code.
import { describe, expect, it } from 'vitest';
import { decide, loadRuleSet, RULE_SET_LIMITS, RuleSetInvalidError, validateRuleSet, type RuleSet } from '../src/index';
import { longxiOrg } from './support/longxi';

const leaf = { fact: 'case', operator: 'equal', value: '劳资纠纷', path: '$.type' };

function nested(depth: number): unknown {
  let c: unknown = leaf;
  for (let i = 1; i < depth; i++) c = i % 3 === 0 ? { not: c } : { all: [c] };
  return { name: 'deep', hitPolicy: 'FIRST', rules: [{ name: 'r', conditions: { all: [c] }, event: { type: 'route', params: {} } }] };
}

function wide(conditions: number): unknown {
  return { name: 'wide', hitPolicy: 'FIRST', rules: [{ name: 'r', conditions: { any: Array.from({ length: conditions }, () => leaf) }, event: { type: 'route', params: {} } }] };
}

function loadError(json: unknown): RuleSetInvalidError {
  try {
    loadRuleSet(json);
  } catch (err) {
    expect(err).toBeInstanceOf(RuleSetInvalidError);
    return err as RuleSetInvalidError;
  }
  throw new Error('expected RuleSetInvalidError');
}

describe('rule-set size limits', () => {
  it('refuses nesting 1,000 deep with RULESET_TOO_DEEP (not a stack overflow)', () => {
    const err = loadError(nested(1000));
    expect(err.details).toEqual([expect.objectContaining({ code: 'RULESET_TOO_DEEP' })]);
    expect(err.details[0].pointer.split('/').length).toBeGreaterThan(RULE_SET_LIMITS.maxDepth);
    expect(err.details[0].message).toMatch(/嵌套超过 20 层/);
  });

  it('accepts nesting up to the limit', () => {
    expect(() => loadRuleSet(nested(RULE_SET_LIMITS.maxDepth - 1))).not.toThrow();
    expect(loadError(nested(RULE_SET_LIMITS.maxDepth + 1)).details[0].code).toBe('RULESET_TOO_DEEP');
  });

  it('refuses 10,000 conditions with RULESET_TOO_LARGE, accepts 500', () => {
    const err = loadError(wide(10_000));
    expect(err.details).toEqual([expect.objectContaining({ code: 'RULESET_TOO_LARGE', pointer: '/rules' })]);
    expect(err.details[0].message).toContain('10000');
    expect(() => loadRuleSet(wide(RULE_SET_LIMITS.maxConditions))).not.toThrow();
  });

  it('validateRuleSet and decide refuse an oversized rule set built in code', async () => {
    const rs = nested(1000) as RuleSet;
    expect(validateRuleSet(rs, { org: longxiOrg }).map((p) => p.code)).toEqual(['RULESET_TOO_DEEP']);
    await expect(decide(wide(600) as RuleSet, { data: {}, case: { type: '劳资纠纷' } }, longxiOrg)).rejects.toBeInstanceOf(RuleSetInvalidError);
  });

  it('a time limit (dueIn) beyond ~100 years is INVALID_VALUE, as the engine could not schedule it', () => {
    const rs = loadRuleSet({ name: 'far', hitPolicy: 'FIRST', defaults: { dueIn: 'P100000Y' }, rules: [] });
    expect(validateRuleSet(rs, { org: longxiOrg })).toEqual([expect.objectContaining({ pointer: '/defaults/dueIn', code: 'INVALID_VALUE' })]);
  });
});
