import { describe, expect, it } from 'vitest';
import { decide, loadRuleSet, RuleSetInvalidError, validateRuleSet, type RuleSet } from '../src/index';
import { longxi, longxiOrg, longxiRouting } from './support/longxi';

const set = (rules: unknown[], extra: Record<string, unknown> = {}): RuleSet =>
  loadRuleSet({ name: 'v', hitPolicy: 'FIRST', rules, ...extra });
const rule = (conditions: unknown, params: Record<string, unknown> = {}, name = 'r') => ({ name, conditions, event: { type: 'route', params } });

describe('validateRuleSet', () => {
  it('finds nothing wrong with the Longxi example and the facts its forms provide', () => {
    const providedFacts = ['case', 'data.resolvableOnSite', 'data.crossIndustry', 'data.longStanding', 'data.keyPetition'];
    expect(validateRuleSet(longxiRouting, { org: longxiOrg, providedFacts })).toEqual([]);
  });

  it('catches unknown operators and decorators', () => {
    const problems = validateRuleSet(set([rule({ all: [
      { fact: 'case', path: '$.unit', operator: 'insideOf', value: 'longxi' },
      { fact: 'case', path: '$.unit', operator: 'maybe:within', value: 'longxi' },
    ] })]), { org: longxi });
    expect(problems).toEqual([
      { pointer: '/rules/0/conditions/all/0/operator', code: 'UNKNOWN_OPERATOR', message: '未知的运算符「insideOf」' },
      { pointer: '/rules/0/conditions/all/1/operator', code: 'UNKNOWN_OPERATOR', message: '未知的运算符「maybe:within」' },
    ]);
  });

  it('catches facts nobody provides', () => {
    const problems = validateRuleSet(set([rule({ all: [
      { fact: 'data', path: '$.amount', operator: 'greaterThan', value: 1 },
      { fact: 'data', path: '$.applicant.idCard', operator: 'exists', value: true },
      { fact: 'case', path: '$.type', operator: 'equal', value: '劳资纠纷' },
      { fact: 'weather', operator: 'equal', value: 'rain' },
      { fact: 'involvedTownships', operator: 'countGreaterThan', value: 1 },
    ] })]), { org: longxi, providedFacts: ['data.applicant', 'case.type'] });
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/rules/0/conditions/all/0/path', 'FACT_NOT_PROVIDED'],
      ['/rules/0/conditions/all/3/fact', 'UNKNOWN_FACT'],
    ]);
    expect(problems[0].message).toBe('没有表单或案件提供事实「data.amount」');
  });

  it('catches unknown units and departments in conditions and in event params', () => {
    const problems = validateRuleSet(set([rule(
      { all: [
        { fact: 'case', path: '$.unit', operator: 'within', value: ['longxi', 'atlantis'] },
        { fact: 'involvedDepartments', operator: 'contains', value: 'lx.nothing' },
        { fact: 'reportingLevel', operator: 'in', value: ['village', 'city'] },
      ] },
      { departments: ['lx.centre', 'lx.ghost', { fact: 'involvedDepartments' }], leadUnit: 'nobody' },
    )], { defaults: { departments: ['lx.phantom'] } }), { org: longxi });
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/rules/0/conditions/all/0/value/1', 'UNKNOWN_UNIT'],
      ['/rules/0/conditions/all/1/value', 'UNKNOWN_DEPARTMENT'],
      ['/rules/0/conditions/all/2/value/1', 'INVALID_VALUE'],
      ['/defaults/departments/0', 'UNKNOWN_DEPARTMENT'],
      ['/rules/0/event/params/departments/1', 'UNKNOWN_DEPARTMENT'],
      ['/rules/0/event/params/leadUnit', 'UNKNOWN_DEPARTMENT'],
    ]);
  });

  it('catches malformed conditions: wrong value types, empty any, unknown shared conditions', () => {
    const problems = validateRuleSet(set([rule({ all: [
      { fact: 'involvedTownships', operator: 'countGreaterThan', value: '1' },
      { fact: 'involvedDepartments', operator: 'hasDepartmentOfKind', value: 'ministry' },
      { any: [] },
      { condition: 'nowhere' },
    ] })]), { org: longxi });
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/rules/0/conditions/all/0/value', 'INVALID_VALUE'],
      ['/rules/0/conditions/all/1/value', 'INVALID_VALUE'],
      ['/rules/0/conditions/all/2/any', 'MALFORMED_CONDITION'],
      ['/rules/0/conditions/all/3/condition', 'UNKNOWN_CONDITION'],
    ]);
  });

  it('checks a rule set that bypassed loadRuleSet for shape too', () => {
    const raw = { name: 'raw', hitPolicy: 'FIRST', rules: [{ name: 'r', conditions: { all: [
      { fact: 'case' }, { fact: 'case', path: 'type', operator: 'equal', value: 'x' },
    ] }, event: { type: 'route' } }] } as unknown as RuleSet;
    expect(validateRuleSet(raw, { org: longxi }).map((p) => [p.pointer, p.code])).toEqual([
      ['/rules/0/conditions/all/0', 'MALFORMED_CONDITION'], ['/rules/0/conditions/all/1/path', 'MALFORMED_CONDITION'],
    ]);
  });

  it('makes decide refuse a rule set with an unknown operator instead of failing mid-run', async () => {
    const bad = set([rule({ all: [{ fact: 'case', operator: 'resembles', value: 1 }] })]);
    await expect(decide(bad, { data: {}, case: {} }, longxi)).rejects.toBeInstanceOf(RuleSetInvalidError);
  });
});
