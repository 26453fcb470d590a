import { describe, expect, it } from 'vitest';
import { decide, loadRuleSet, RuleConflictError, type HitPolicy } from '../src/index';
import { facts, longxi } from './support/longxi';

// Three rules that all fire for a wage dispute of 6 workers in two townships.
function ruleSet(hitPolicy: HitPolicy) {
  return loadRuleSet({
    name: 'policy-probe',
    hitPolicy,
    defaults: { departments: ['lx.centre'], level: 'county', caseClass: 'general', source: 'defaults' },
    rules: [
      {
        name: '劳资纠纷交劳动监察', priority: 10,
        conditions: { all: [{ fact: 'case', path: '$.type', operator: 'equal', value: '劳资纠纷' }] },
        event: { type: 'route', params: { departments: ['lx.labour'], level: 'county', source: 'labour', tags: ['劳资'] } },
      },
      {
        name: '属地乡镇', priority: 5,
        conditions: { all: [{ fact: 'involvedTownships', operator: 'countAtLeast', value: 1 }] },
        event: { type: 'route', params: { departments: { fact: 'involvedTownshipCentres' }, level: 'township', leadUnit: 'lx.t.gongchang', source: 'local', tags: ['属地'] } },
      },
      {
        name: '群体性纠纷', priority: 5,
        conditions: { all: [{ fact: 'case', path: '$.partyCount', operator: 'greaterThanInclusive', value: 5 }] },
        event: { type: 'route', params: { caseClass: 'larger' } },
      },
      {
        name: '从不命中', priority: 100,
        conditions: { all: [{ fact: 'case', path: '$.type', operator: 'equal', value: '不存在的类型' }] },
        event: { type: 'route', params: { departments: ['lx.court'] } },
      },
    ],
  });
}

const wageCase = facts({ type: '劳资纠纷', partyCount: 6, unit: 'longxi.gongchang.dongguan', units: ['longxi.wenfeng.sanhe'] });

describe('hit policy FIRST', () => {
  it('applies the highest-priority rule that fired and only that one', async () => {
    const { decision, explanation } = await decide(ruleSet('FIRST'), wageCase, longxi);
    expect(decision).toMatchObject({ departments: ['lx.labour'], level: 'county', joint: false, caseClass: 'general', dueIn: 'P1D', source: 'labour' });
    expect(explanation.applied).toEqual(['劳资纠纷交劳动监察']);
    expect(explanation.rules.map((r) => [r.name, r.fired, r.applied])).toEqual([
      ['从不命中', false, false], ['劳资纠纷交劳动监察', true, false], ['属地乡镇', true, false], ['群体性纠纷', true, false],
    ].map(([n, f], i) => [n, f, i === 1]));
  });

  it('breaks priority ties by file order', async () => {
    const { explanation } = await decide(ruleSet('FIRST'), facts({ type: '邻里纠纷', partyCount: 6, unit: 'longxi.gongchang' }), longxi);
    expect(explanation.applied).toEqual(['属地乡镇']);
  });

  it('falls back to the defaults when nothing fires', async () => {
    const { decision, explanation } = await decide(ruleSet('FIRST'), facts({}), longxi);
    expect(decision).toEqual({ departments: ['lx.centre'], level: 'county', joint: false, caseClass: 'general', dueIn: 'P1D', source: 'defaults' });
    expect(explanation.applied).toEqual([]);
    expect(explanation.summary).toBe('未命中任何规则，按默认规则分流至陇西县综治中心办理（县级），一般纠纷，时限1天。');
  });
});

describe('hit policy COLLECT', () => {
  it('merges every fired rule: departments unioned, level escalated, joint when several rules name departments', async () => {
    const { decision, explanation } = await decide(ruleSet('COLLECT'), wageCase, longxi);
    expect(explanation.applied).toEqual(['劳资纠纷交劳动监察', '属地乡镇', '群体性纠纷']);
    expect(decision.departments).toEqual(['lx.labour', 'lx.t.gongchang', 'lx.t.wenfeng']);
    expect(decision.level).toBe('county');
    expect(decision.joint).toBe(true);
    expect(decision.caseClass).toBe('larger');
    expect(decision.dueIn).toBe('P7D');
    expect(decision.leadUnit).toBe('lx.t.gongchang');
    expect(decision.source).toBe('labour');
    expect(decision.tags).toEqual(['劳资', '属地']);
  });

  it('keeps joint false when only one rule names departments', async () => {
    const { decision } = await decide(ruleSet('COLLECT'), facts({ type: '劳资纠纷', partyCount: 6 }), longxi);
    expect(decision).toMatchObject({ departments: ['lx.labour'], joint: false, caseClass: 'larger', dueIn: 'P7D' });
  });
});

describe('hit policy UNIQUE', () => {
  it('decides when exactly one rule fires', async () => {
    const { decision } = await decide(ruleSet('UNIQUE'), facts({ type: '劳资纠纷' }), longxi);
    expect(decision.departments).toEqual(['lx.labour']);
  });

  it('throws RULE_CONFLICT naming the overlapping rules', async () => {
    const error = await decide(ruleSet('UNIQUE'), wageCase, longxi).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleConflictError);
    const conflict = error as RuleConflictError;
    expect(conflict.code).toBe('RULE_CONFLICT');
    expect(conflict.details.map((d) => d.pointer)).toEqual(['/rules/0', '/rules/1', '/rules/2']);
    expect(conflict.message).toContain('「劳资纠纷交劳动监察」');
  });
});

describe('groups and time limits', () => {
  const grouped = loadRuleSet({
    name: 'grouped', hitPolicy: 'FIRST',
    groups: { class: { hitPolicy: 'COLLECT' } },
    timeLimits: { larger: 'P5D' },
    rules: [
      { name: '信访', priority: 2, conditions: { all: [{ fact: 'case', path: '$.type', operator: 'equal', value: '信访事项' }] }, event: { type: 'route', params: { departments: ['lx.xinfang'] } } },
      { name: '兜底', conditions: { all: [] }, event: { type: 'route', params: { departments: ['lx.centre'] } } },
      { name: '较大', group: 'class', conditions: { all: [{ fact: 'case', path: '$.amount', operator: 'greaterThan', value: 1000 }] }, event: { type: 'classify', params: { caseClass: 'larger' } } },
      { name: '信访期限', group: 'class', conditions: { all: [{ fact: 'case', path: '$.type', operator: 'equal', value: '信访事项' }] }, event: { type: 'classify', params: { dueIn: 'P60D' } } },
    ],
  });

  it('applies each group by its own policy and merges the groups', async () => {
    const { decision, explanation } = await decide(grouped, facts({ type: '信访事项', amount: 5000 }), longxi);
    expect(explanation.applied).toEqual(['信访', '较大', '信访期限']);
    expect(decision).toMatchObject({ departments: ['lx.xinfang'], caseClass: 'larger', dueIn: 'P60D', joint: false });
  });

  it('takes dueIn from the rule set time limits of the merged class', async () => {
    const { decision } = await decide(grouped, facts({ type: '邻里纠纷', amount: 5000 }), longxi);
    expect(decision).toMatchObject({ departments: ['lx.centre'], caseClass: 'larger', dueIn: 'P5D' });
  });
});

describe('concurrent decisions', () => {
  it('gives every overlapping decide() its full result', async () => {
    const inputs = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? wageCase : facts({ type: '劳资纠纷' })));
    const shared = ruleSet('COLLECT');
    const results = await Promise.all(inputs.map((f) => decide(shared, f, longxi)));
    results.forEach((r, i) => {
      expect(r.explanation.rules).toHaveLength(4);
      expect(r.decision.joint).toBe(i % 2 === 0);
    });
  });
});
