// The query-builder ↔ rule-set converter round trips exactly: every rule of the Longxi rule sets,
// every shared condition, and the corner cases of the format, also after react-querybuilder has
// prepared the query (ids added) and after edits made through its own update functions.
import { describe, expect, it } from 'vitest';
import { add, prepareRuleGroup, update } from 'react-querybuilder';
import type { RuleSet, TopLevelCondition } from '@yizhan/rules';
import longxiPack from '../../processes/longxi/rules/longxi-routing.json';
import longxiExample from '../../rules/examples/longxi/routing.json';
import { factOf, fieldOf, fromQuery, stripIds, toQuery, type QbGroup, type QbRule } from '../src/rules/query-converter';

const ruleSets = [longxiPack, longxiExample] as unknown as RuleSet[];

describe('given the Longxi rule sets', () => {
  for (const rs of ruleSets) {
    it(`${rs.name}: every rule's conditions survive toQuery → fromQuery unchanged, key order included`, () => {
      expect(rs.rules.length).toBeGreaterThan(5);
      for (const rule of rs.rules) {
        const back = fromQuery(toQuery(rule.conditions));
        expect(back).toStrictEqual(rule.conditions);
        expect(JSON.stringify(back)).toBe(JSON.stringify(rule.conditions));
      }
    });

    it(`${rs.name}: shared conditions survive too, and so do queries prepared by react-querybuilder`, () => {
      for (const c of Object.values(rs.conditions ?? {})) expect(fromQuery(toQuery(c))).toStrictEqual(c);
      for (const rule of rs.rules) {
        const prepared = prepareRuleGroup(toQuery(rule.conditions)) as QbGroup;
        expect(prepared.id).toBeTypeOf('string');
        expect(fromQuery(prepared)).toStrictEqual(rule.conditions);
      }
    });
  }
});

const corner: Array<[string, TopLevelCondition]> = [
  ['empty all', { all: [] }],
  ['empty any', { any: [] }],
  ['not of a fact', { not: { fact: 'case', path: '$.type', operator: 'equal', value: '劳资纠纷' } }],
  ['not of an all of one', { not: { all: [{ fact: 'data', path: '$.onSite', operator: 'equal', value: true }] } }],
  ['not of an any', { not: { any: [{ fact: 'involvedUnits', operator: 'within', value: ['a', 'b'] }, { condition: 'x' }] } }],
  ['top-level reference', { condition: 'jointParties' }],
  ['top-level reference with name and priority', { condition: 'jointParties', name: '需要联合调解', priority: 5 }],
  ['nested groups with names and priorities', {
    any: [
      { all: [{ fact: 'case', path: '$.amount', operator: 'greaterThan', value: 100000, name: '金额较大', priority: 3 }], name: 'g1' },
      { not: { condition: 'c' }, priority: 2 },
    ],
    name: 'root',
    priority: 7,
  }],
  ['fact-to-fact comparison', { all: [{ fact: 'reportingTownship', operator: 'equal', value: { fact: 'case', path: '$.units[0]' } }] }],
  ['fact reference with params stays a value', { all: [{ fact: 'a', operator: 'equal', value: { fact: 'b', params: { x: 1 } } }] }],
  ['an object value that only looks like a reference', { all: [{ fact: 'a', operator: 'equal', value: { fact: 1 } }] }],
  ['decorated operators and every value type', {
    all: [
      { fact: 'involvedUnits', operator: 'not:within', value: 'longxi.wenfeng' },
      { fact: 'case', path: '$.partyCount', operator: 'greaterThanInclusive', value: 5 },
      { fact: 'case', path: '$.flag', operator: 'equal', value: false },
      { fact: 'case', path: '$.x', operator: 'equal', value: null },
      { fact: 'case', path: '$.tags', operator: 'containsAny', value: ['a', 'b'] },
      { fact: 'case', operator: 'exists', value: true, params: { note: 'kept' } },
    ],
  }],
  ['JSONPath that is not a plain property chain', { all: [{ fact: 'data', path: '$.parties[*].name', operator: 'contains', value: '张三' }] }],
  ['Chinese property names', { all: [{ fact: 'data', path: '$.纠纷类型', operator: 'equal', value: '土地' }] }],
  ['path with a dash', { all: [{ fact: 'data', path: '$.a-b', operator: 'equal', value: 1 }] }],
];

describe('given the corner cases of the format', () => {
  for (const [name, c] of corner) {
    it(`${name}: round trips exactly`, () => {
      expect(fromQuery(toQuery(c))).toStrictEqual(c);
      expect(fromQuery(prepareRuleGroup(toQuery(c)) as QbGroup)).toStrictEqual(c);
    });
  }
});

describe('fields', () => {
  it('encode fact and path readably and decode them back', () => {
    expect(fieldOf('data', '$.amount')).toBe('data.amount');
    expect(factOf('data.amount')).toStrictEqual({ fact: 'data', path: '$.amount' });
    expect(fieldOf('involvedTownships')).toBe('involvedTownships');
    expect(factOf('involvedTownships')).toStrictEqual({ fact: 'involvedTownships' });
    expect(fieldOf('data', '$.parties[0]')).toBe('data|$.parties[0]');
    expect(factOf('data|$.parties[0]')).toStrictEqual({ fact: 'data', path: '$.parties[0]' });
  });
});

describe('when an administrator edits the query in react-querybuilder', () => {
  it('then the rule gets exactly the condition that was added or changed', () => {
    const base: TopLevelCondition = { all: [{ fact: 'case', path: '$.type', operator: 'equal', value: '劳资纠纷' }] };
    let q = prepareRuleGroup(toQuery(base)) as QbGroup;
    q = add(q, { field: 'case.amount', operator: 'greaterThan', value: 5000 } as QbRule, []) as QbGroup;
    q = update(q, 'value', '土地权属纠纷', [0]) as QbGroup;
    expect(fromQuery(q)).toStrictEqual({
      all: [
        { fact: 'case', path: '$.type', operator: 'equal', value: '土地权属纠纷' },
        { fact: 'case', path: '$.amount', operator: 'greaterThan', value: 5000 },
      ],
    });
    expect(stripIds(toQuery(fromQuery(q)))).toStrictEqual(stripIds(q));
  });
});
