import { describe, expect, it } from 'vitest';
import { facts, holds } from './support/longxi';

const grid = 'longxi.gongchang.dongguan.g01';

describe('org-aware operators', () => {
  it('within: every unit lies in one of the given subtrees', async () => {
    expect(await holds({ fact: 'case', path: '$.unit', operator: 'within', value: 'longxi.gongchang' }, facts({ unit: grid }))).toBe(true);
    expect(await holds({ fact: 'involvedUnits', operator: 'within', value: ['longxi.gongchang', 'longxi.wenfeng'] }, facts({ unit: grid, units: ['longxi.wenfeng.sanhe'] }))).toBe(true);
    expect(await holds({ fact: 'involvedUnits', operator: 'within', value: 'longxi.gongchang' }, facts({ unit: grid, units: ['longxi.wenfeng.sanhe'] }))).toBe(false);
    expect(await holds({ fact: 'case', path: '$.unit', operator: 'not:within', value: 'longxi.wenfeng' }, facts({ unit: grid }))).toBe(true);
  });

  it('atLevel: the units are at one of the levels', async () => {
    expect(await holds({ fact: 'case', path: '$.unit', operator: 'atLevel', value: ['village', 'grid'] }, facts({ unit: grid }))).toBe(true);
    expect(await holds({ fact: 'case', path: '$.unit', operator: 'atLevel', value: 'township' }, facts({ unit: grid }))).toBe(false);
  });

  it('spansMoreTownshipsThan / spansMoreCountiesThan count distinct townships and counties', async () => {
    const twoTownships = facts({ unit: grid, units: ['longxi.wenfeng.sanhe', 'longxi.gongchang.beiguan'] });
    expect(await holds({ fact: 'involvedUnits', operator: 'spansMoreTownshipsThan', value: 1 }, twoTownships)).toBe(true);
    expect(await holds({ fact: 'involvedUnits', operator: 'spansMoreTownshipsThan', value: 2 }, twoTownships)).toBe(false);
    expect(await holds({ fact: 'involvedUnits', operator: 'spansMoreCountiesThan', value: 1 }, twoTownships)).toBe(false);
    expect(await holds({ fact: 'involvedUnits', operator: 'spansMoreCountiesThan', value: 1 }, facts({ unit: grid, units: ['weiyuan.qingyuan'] }))).toBe(true);
  });

  it('hasDepartmentOfKind / allDepartmentsOfKind / residentAtCentre look at department kinds', async () => {
    const mixed = facts({ departments: ['lx.labour', 'lx.housing'] });
    expect(await holds({ fact: 'involvedDepartments', operator: 'hasDepartmentOfKind', value: 'resident' }, mixed)).toBe(true);
    expect(await holds({ fact: 'involvedDepartments', operator: 'hasDepartmentOfKind', value: ['window', 'court'] }, mixed)).toBe(false);
    expect(await holds({ fact: 'involvedDepartments', operator: 'allDepartmentsOfKind', value: 'resident' }, mixed)).toBe(false);
    expect(await holds({ fact: 'involvedDepartments', operator: 'allDepartmentsOfKind', value: ['resident', 'department'] }, mixed)).toBe(true);
    expect(await holds({ fact: 'involvedDepartments', operator: 'residentAtCentre', value: true }, mixed)).toBe(true);
    expect(await holds({ fact: 'involvedDepartments', operator: 'residentAtCentre', value: false }, facts({ departments: ['lx.housing'] }))).toBe(true);
  });

  it('competentFor matches department domains (谁主管谁负责)', async () => {
    expect(await holds({ fact: 'case', path: '$.departments', operator: 'competentFor', value: '物业纠纷' }, facts({ departments: ['lx.housing'] }))).toBe(true);
    expect(await holds({ fact: 'case', path: '$.departments', operator: 'competentFor', value: { fact: 'case', path: '$.type' } }, facts({ type: '消费纠纷', departments: ['lx.housing'] }))).toBe(false);
  });
});

describe('list and presence operators', () => {
  it('countGreaterThan / countAtLeast count list elements', async () => {
    expect(await holds({ fact: 'involvedDepartments', operator: 'countGreaterThan', value: 1 }, facts({ departments: ['lx.labour', 'lx.hrss'] }))).toBe(true);
    expect(await holds({ fact: 'involvedDepartments', operator: 'countAtLeast', value: 3 }, facts({ departments: ['lx.labour', 'lx.hrss'] }))).toBe(false);
    expect(await holds({ fact: 'involvedDepartments', operator: 'countAtLeast', value: 0 }, facts({}))).toBe(true);
  });

  it('containsAny / containsAll compare lists', async () => {
    const f = facts({ departments: ['lx.labour', 'lx.hrss'] });
    expect(await holds({ fact: 'involvedDepartments', operator: 'containsAny', value: ['lx.hrss', 'lx.land'] }, f)).toBe(true);
    expect(await holds({ fact: 'involvedDepartments', operator: 'containsAll', value: ['lx.hrss', 'lx.land'] }, f)).toBe(false);
  });

  it('exists / isEmpty tell missing from present', async () => {
    expect(await holds({ fact: 'data', path: '$.amount', operator: 'exists', value: false }, facts({}))).toBe(true);
    expect(await holds({ fact: 'data', path: '$.amount', operator: 'exists', value: true }, facts({}, { amount: 0 }))).toBe(true);
    expect(await holds({ fact: 'case', path: '$.units', operator: 'isEmpty', value: true }, facts({ units: [] }))).toBe(true);
    expect(await holds({ fact: 'data', path: '$.note', operator: 'isEmpty', value: false }, facts({}, { note: '漏水' }))).toBe(true);
  });

  it('reads plain paths directly and other JSONPath through jsonpath-plus', async () => {
    const f = facts({}, { applicant: { name: '张三' }, parties: [{ role: '申请人', name: '李四' }] });
    expect(await holds({ fact: 'data', path: '$.applicant.name', operator: 'equal', value: '张三' }, f)).toBe(true);
    expect(await holds({ fact: 'data', path: '$.parties[0].name', operator: 'equal', value: '李四' }, f)).toBe(true);
    expect(await holds({ fact: 'data', path: "$['applicant']['name']", operator: 'equal', value: '张三' }, f)).toBe(true);
  });

  it('built-in operators still work beside ours', async () => {
    expect(await holds({ fact: 'case', path: '$.amount', operator: 'greaterThanInclusive', value: 50000 }, facts({ amount: 50000 }))).toBe(true);
    expect(await holds({ fact: 'case', path: '$.type', operator: 'in', value: ['邻里纠纷'] }, facts({ type: '邻里纠纷' }))).toBe(true);
  });
});

describe('missing facts: false, never a throw', () => {
  it.each([
    ['within', 'longxi'], ['atLevel', 'grid'], ['spansMoreTownshipsThan', 0], ['spansMoreCountiesThan', 0],
    ['hasDepartmentOfKind', 'resident'], ['allDepartmentsOfKind', 'resident'], ['residentAtCentre', true],
    ['competentFor', '劳资纠纷'], ['countGreaterThan', 0], ['countAtLeast', 0], ['containsAny', ['x']], ['containsAll', []],
    ['greaterThan', 0], ['equal', 'x'], ['in', ['x']],
  ])('%s on an absent data field is false', async (operator, value) => {
    expect(await holds({ fact: 'data', path: '$.absent.deeper', operator, value }, facts({}))).toBe(false);
  });

  it('an unknown org fact value (no reporting unit) is missing too', async () => {
    expect(await holds({ fact: 'reportingTownship', operator: 'equal', value: 'longxi.gongchang' }, facts({ unit: 'nowhere' }))).toBe(false);
    expect(await holds({ fact: 'reportingLevel', operator: 'exists', value: false }, facts({}))).toBe(true);
  });

  it('an empty data or case object is fine', async () => {
    expect(await holds({ fact: 'case', path: '$.type', operator: 'notEqual', value: '劳资纠纷' }, { data: {}, case: {} })).toBe(true);
  });
});
