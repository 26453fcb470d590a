import { describe, expect, it } from 'vitest';
import { loadRuleSet, RuleSetInvalidError } from '../src/index';
import { longxiRouting } from './support/longxi';

function problemsOf(json: unknown) {
  try {
    loadRuleSet(json);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetInvalidError);
    expect((error as RuleSetInvalidError).code).toBe('RULESET_INVALID');
    return (error as RuleSetInvalidError).details;
  }
  throw new Error('expected the rule set to be rejected');
}

const rule = (over: Record<string, unknown> = {}) => ({
  name: 'r', conditions: { all: [{ fact: 'case', path: '$.type', operator: 'equal', value: '劳资纠纷' }] }, event: { type: 'route' }, ...over,
});

describe('loadRuleSet', () => {
  it('loads the Longxi example', () => {
    expect(longxiRouting.name).toBe('longxi-routing');
    expect(longxiRouting.rules.length).toBeGreaterThan(10);
  });

  it('reports missing fields and unknown hit policies with pointers', () => {
    expect(problemsOf({ hitPolicy: 'ALL', rules: [] })).toEqual([
      { pointer: '/name', code: 'SCHEMA', message: '缺少必填字段「name」' },
      { pointer: '/hitPolicy', code: 'SCHEMA', message: '取值应为以下之一：FIRST、COLLECT、UNIQUE' },
    ]);
  });

  it('points into malformed conditions without noise from the other condition shapes', () => {
    const problems = problemsOf({ name: 'x', hitPolicy: 'FIRST', rules: [rule({ conditions: { all: [{ fact: 'case', operator: 'equal' }] } })] });
    expect(problems).toEqual([{ pointer: '/rules/0/conditions/all/0/value', code: 'SCHEMA', message: '缺少必填字段「value」' }]);
  });

  it('rejects a bare fact condition at the top level, a not with an array, a bad duration and level', () => {
    const problems = problemsOf({
      name: 'x', hitPolicy: 'FIRST',
      rules: [
        rule({ conditions: { fact: 'case', operator: 'equal', value: 1 } }),
        rule({ name: 'b', conditions: { not: [] } }),
        rule({ name: 'c', event: { type: 'route', params: { dueIn: '1 day', level: 'city' } } }),
      ],
    });
    expect(problems.map((p) => p.pointer)).toEqual(expect.arrayContaining([
      '/rules/0/conditions/condition', '/rules/1/conditions/not', '/rules/2/event/params/dueIn', '/rules/2/event/params/level',
    ]));
    expect(problems.find((p) => p.pointer === '/rules/2/event/params/dueIn')?.message).toContain('P1D');
  });

  it('rejects duplicate rule names and undeclared groups', () => {
    expect(problemsOf({ name: 'x', hitPolicy: 'FIRST', rules: [rule(), rule({ group: 'class' })] })).toEqual([
      { pointer: '/rules/1/name', code: 'DUPLICATE_RULE_NAME', message: '规则名称「r」与第 1 条规则重复' },
      { pointer: '/rules/1/group', code: 'UNKNOWN_GROUP', message: '规则分组「class」未在 groups 中声明' },
    ]);
  });
});
