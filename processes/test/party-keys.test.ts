// The parties 研判 indexes: which intake values are found (by the intake form's format and title,
// else by field name; inside lists of parties; not file names) and the one normal form that the
// index and a search share.
import { describe, expect, it } from 'vitest';
import { normalizePartyValue } from '@yizhan/engine';
import { partyKeys } from '../src/personal-fields';

describe('party keys of an intake', () => {
  it('finds ID numbers, phones, names and addresses by form, title and name, also in lists of parties', () => {
    const form = { schema: { properties: { contact: { type: 'string', title: '联系电话' }, zhengjian: { type: 'string', format: 'cn-resident-id' } } } };
    const keys = partyKeys({
      applicant: '王建国', contact: '139 0932 1111', zhengjian: '62112219850505102x', address: '巩昌镇东关社区 3 号', type: '邻里纠纷', partyCount: 2,
      parties: [{ name: '李四', idNumber: '110101199003077777' }],
      photos: [{ id: 'a1', name: 'IMG_0001.jpg', size: 100 }],
    }, form);
    expect(keys).toEqual([
      { kind: 'name', value: '王建国' }, { kind: 'phone', value: '139 0932 1111' }, { kind: 'id', value: '62112219850505102x' },
      { kind: 'address', value: '巩昌镇东关社区 3 号' }, { kind: 'name', value: '李四' }, { kind: 'id', value: '110101199003077777' },
    ]);
  });

  it('normalises the way a search does: full-width, separators, case, country code; too short is nothing', () => {
    expect(normalizePartyValue('id', '６２１１２２ 19850505-102x')).toBe('62112219850505102X');
    expect(normalizePartyValue('phone', '+86 139-0932-1111')).toBe('13909321111');
    expect(normalizePartyValue('phone', '(0932)1234567')).toBe('09321234567');
    expect(normalizePartyValue('name', ' 王 建国 ')).toBe('王建国');
    expect(normalizePartyValue('address', '巩昌镇 东关社区，3号')).toBe('巩昌镇东关社区3号');
    expect(normalizePartyValue('id', '1234')).toBe('');
    expect(normalizePartyValue('name', '王')).toBe('');
  });
});
