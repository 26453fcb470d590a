import { describe, expect, it } from 'vitest';
import { decide, loadRuleSet, type ConditionTrace, type FactConditionTrace } from '../src/index';
import { facts, longxi, longxiRouting } from './support/longxi';

function leaves(trace: ConditionTrace): FactConditionTrace[] {
  switch (trace.kind) {
    case 'fact': return [trace];
    case 'all': case 'any': return trace.conditions.flatMap(leaves);
    case 'not': return leaves(trace.condition);
    case 'reference': return trace.condition ? leaves(trace.condition) : [];
  }
}

describe('explanation', () => {
  it('lists every rule in evaluation order with fired / applied flags', async () => {
    const { explanation } = await decide(longxiRouting, facts({ type: '劳资纠纷', unit: 'longxi', partyCount: 3 }), longxi);
    expect(explanation.rules).toHaveLength(longxiRouting.rules.length);
    expect(explanation.rules[0].priority).toBe(100);
    const resident = explanation.rules.find((r) => r.name === '进驻部门在综治中心调处')!;
    expect(resident).toMatchObject({ fired: true, applied: true, pointer: '/rules/4', group: '', hitPolicy: 'FIRST' });
    expect(explanation.rules.find((r) => r.name === '报到部门限期调处')).toMatchObject({ fired: false, applied: false });
  });

  it('records each condition with fact, path, operator, expected and actual values and a pointer', async () => {
    const { explanation } = await decide(longxiRouting, facts({ type: '邻里纠纷', unit: 'longxi.gongchang.dongguan.g01', partyCount: 6 }), longxi);
    const village = explanation.rules.find((r) => r.name === '小事不出村')!;
    expect(village.fired).toBe(false);
    expect(leaves(village.conditions)).toEqual([
      expect.objectContaining({ pointer: '/rules/8/conditions/all/0', fact: 'reportingLevel', operator: 'in', expected: ['village', 'grid'], actual: 'grid', result: true, text: '上报单位层级为网格级' }),
      expect.objectContaining({ fact: 'case', path: '$.type', actual: '邻里纠纷', result: true }),
      expect.objectContaining({ pointer: '/rules/8/conditions/all/2/not', operator: 'greaterThanInclusive', expected: 5, actual: 6, result: true, text: '当事人数为6（不少于5）' }),
      expect.objectContaining({ path: '$.amount', evaluated: true, actual: undefined, result: false }),
    ]);
    const notTrace = (village.conditions as { conditions: ConditionTrace[] }).conditions[2];
    expect(notTrace).toMatchObject({ kind: 'not', result: false });
  });

  it('follows shared condition references into the conditions section', async () => {
    const { explanation } = await decide(longxiRouting, facts({ type: '邻里纠纷', unit: 'longxi', units: ['longxi.shouyang', 'longxi.caizi'] }), longxi);
    const larger = explanation.rules.find((r) => r.name === '较大纠纷')!;
    const reference = (larger.conditions as { conditions: ConditionTrace[] }).conditions[2];
    expect(reference).toMatchObject({ kind: 'reference', reference: 'jointParties', result: true });
    expect(reference.kind === 'reference' && reference.condition?.pointer).toBe('/conditions/jointParties');
  });

  it('marks conditions json-rules-engine skipped (lower condition priority after a failure) as not evaluated', async () => {
    const ruleSet = loadRuleSet({ name: 'sc', hitPolicy: 'FIRST', rules: [{ name: 'r', conditions: { all: [
      { fact: 'case', path: '$.type', operator: 'equal', value: '劳资纠纷', priority: 2 },
      { fact: 'case', path: '$.amount', operator: 'greaterThan', value: 0, priority: 1 },
    ] }, event: { type: 'route' } }] });
    const { explanation } = await decide(ruleSet, facts({ type: '邻里纠纷', amount: 5 }), longxi);
    const [first, second] = leaves(explanation.rules[0].conditions);
    expect(first).toMatchObject({ evaluated: true, result: false, actual: '邻里纠纷' });
    expect(second).toMatchObject({ evaluated: false, actual: undefined });
    expect(second.result).toBeUndefined();
  });

  it('writes a readable Chinese sentence for single-department routes', async () => {
    const { explanation } = await decide(longxiRouting, facts({ type: '诉前调解', unit: 'longxi' }, { resolvableOnSite: true }), longxi);
    expect(explanation.summary).toBe('因责任部门（诉调对接窗口）含有窗口单位，现场能够调处，依据规则「窗口单位现场调处」，分流至诉调对接窗口办理（县级），一般纠纷，时限1天。');
  });
});
