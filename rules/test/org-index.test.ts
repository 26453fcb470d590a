import { describe, expect, it } from 'vitest';
import { OrgIndex, validateOrgModel } from '../src/index';
import { longxi, longxiOrg } from './support/longxi';

describe('OrgIndex over the Longxi org model', () => {
  it('finds units and departments by code', () => {
    expect(longxi.unit('longxi.gongchang')?.name).toBe('巩昌镇');
    expect(longxi.level('longxi.gongchang.dongguan.g01')).toBe('grid');
    expect(longxi.department('lx.xinfang')?.kind).toBe('resident');
    expect(longxi.unit('nowhere')).toBeUndefined();
    expect(longxi.name('lx.t.wenfeng')).toBe('文峰镇综治中心');
  });

  it('walks the tree upwards: parent, ancestors, enclosing township and county', () => {
    const grid = 'longxi.gongchang.dongguan.g01';
    expect(longxi.parent(grid)?.code).toBe('longxi.gongchang.dongguan');
    expect(longxi.ancestors(grid).map((u) => u.code)).toEqual(['longxi.gongchang.dongguan', 'longxi.gongchang', 'longxi']);
    expect(longxi.township(grid)?.name).toBe('巩昌镇');
    expect(longxi.county(grid)?.name).toBe('陇西县');
    expect(longxi.township('longxi')).toBeUndefined();
    expect(longxi.parent('longxi')).toBeUndefined();
  });

  it('tests subtrees inclusively and rejects unknown codes', () => {
    expect(longxi.isWithin('longxi.wenfeng.sanhe', 'longxi.wenfeng')).toBe(true);
    expect(longxi.isWithin('longxi.wenfeng', 'longxi.wenfeng')).toBe(true);
    expect(longxi.isWithin('longxi.wenfeng.sanhe', 'longxi.gongchang')).toBe(false);
    expect(longxi.isWithin('weiyuan.qingyuan', 'longxi')).toBe(false);
    expect(longxi.isWithin('nowhere', 'longxi')).toBe(false);
  });

  it('lists departments of a unit and those competent for a case type', () => {
    expect(longxi.departmentsOf('longxi.caizi').map((d) => d.code)).toEqual(['lx.t.caizi']);
    expect(longxi.competentFor('劳资纠纷').map((d) => d.code)).toEqual(['lx.labour']);
  });

  it('is built once per model object', () => {
    expect(OrgIndex.of(longxiOrg)).toBe(OrgIndex.of(longxiOrg));
    expect(OrgIndex.of(longxi)).toBe(longxi);
  });

  it('reports duplicate codes and departments of unknown units with pointers', () => {
    const problems = validateOrgModel({
      units: [{ code: 'c', name: '县', level: 'county', children: [{ code: 'c', name: '重复', level: 'township' }] }],
      departments: [{ code: 'd', name: '部门', unit: 'x', kind: 'department' }],
    });
    expect(problems).toEqual([
      { pointer: '/units/0/children/0', code: 'DUPLICATE_CODE', message: '单位编码「c」重复' },
      { pointer: '/departments/0/unit', code: 'UNKNOWN_UNIT', message: '部门「部门」所属单位编码「x」不存在' },
    ]);
  });
});
