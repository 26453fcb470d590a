import { describe, expect, it } from 'vitest';
import { checkIntake, submitted } from '../examples/validate-intake';

describe('the README example', () => {
  it('reports the wrong ID and the missing labour-dispute fields in Chinese', () => {
    expect(checkIntake(submitted).map(({ field, message }) => ({ field, message }))).toEqual([
      { field: '/employer', message: '请填写用人单位' },
      { field: '/amountOwed', message: '请填写拖欠金额（元）' },
      { field: '/idNumber', message: '请输入有效的18位身份证号码' },
    ]);
  });

  it('accepts the corrected submission', () => {
    expect(checkIntake({ ...submitted, idNumber: '621122198001010013', employer: '陇西县某建筑公司', amountOwed: 12800 })).toEqual([]);
  });
});
