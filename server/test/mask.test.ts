// 公示 masking: names keep the surname; ID and phone numbers keep only their ends, also in free text.
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone, maskText } from '../src/mask';

describe('PII masking', () => {
  it('masks names, ID numbers and phone numbers', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳修')).toBe('欧**');
    expect(maskName(' 李 ')).toBe('李*');
    expect(maskIdNumber('11010119900307777X')).toBe('110*************7X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks ID and phone numbers wherever they appear in text', () => {
    const text = '当事人身份证110101199003077777，电话13812345678，座机0931-1234567，欠薪30000元';
    const masked = maskText(text);
    expect(masked).toBe('当事人身份证110*************77，电话138****5678，座机093*****4567，欠薪30000元');
    for (const secret of ['110101199003077777', '13812345678', '0931-1234567']) expect(masked).not.toContain(secret);
  });
});
