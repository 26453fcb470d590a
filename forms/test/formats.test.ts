import { describe, expect, it } from 'vitest';
import {
  isLandline,
  isMobile,
  isPlausibleBirthDate,
  isPostcode,
  isResidentId,
  isUscc,
  normalizeResidentId,
  residentIdCheckCharacter,
  usccCheckCharacter,
} from '../src/index';

const today = new Date(2024, 5, 15); // 15 June 2024, local time

describe('resident ID (cn-resident-id)', () => {
  it('accepts IDs with a correct check digit, including X', () => {
    for (const id of ['621122198001010013', '11010519491231002X', '440304200002291236', '62112219850615002X', '621122199208080048']) {
      expect(isResidentId(id, today), id).toBe(true);
    }
  });

  it('computes the GB 11643 check character', () => {
    expect(residentIdCheckCharacter('62112219800101001')).toBe('3');
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it('rejects every wrong check character of a valid ID', () => {
    const body = '62112219800101001';
    for (const c of '0123456789X') if (c !== '3') expect(isResidentId(body + c, today), c).toBe(false);
  });

  it('rejects a transposition of two digits (the checksum catches it)', () => {
    expect(isResidentId('621122198001010103', today)).toBe(false);
  });

  it('accepts a lower-case x and normalises it', () => {
    expect(isResidentId('11010519491231002x', today)).toBe(true);
    expect(normalizeResidentId(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it.each([
    ['30 February', '19990230'],
    ['29 February of a common year', '20010229'],
    ['month 13', '19001301'],
    ['month 00', '19900001'],
    ['day 00', '19900100'],
    ['day 32', '19900132'],
    ['31 April', '19900431'],
    ['before 1900', '18991231'],
    ['in the future', '20240616'],
  ])('rejects an impossible birth date: %s', (_name, birth) => {
    const body = `110105${birth}001`;
    expect(isPlausibleBirthDate(birth, today)).toBe(false);
    expect(isResidentId(body + residentIdCheckCharacter(body), today)).toBe(false);
  });

  it('accepts someone born today and on 29 February 2000', () => {
    for (const birth of ['20240615', '20000229']) {
      const body = `110105${birth}001`;
      expect(isResidentId(body + residentIdCheckCharacter(body), today), birth).toBe(true);
    }
  });

  it('rejects unknown province codes, wrong lengths and letters', () => {
    for (const id of ['990105199001010014', '001122198001010013', '62112219800101001', '6211221980010100133', '62112219800101A013', '621122800101001', '']) {
      expect(isResidentId(id, today), id).toBe(false);
    }
  });
});

describe('unified social credit code (cn-uscc)', () => {
  it('accepts published and computed codes', () => {
    for (const code of ['91350100M000100Y43', '12621122438012345N', '92621122MA0000000H', '91621122MA71XY0E0A']) {
      expect(isUscc(code), code).toBe(true);
    }
  });

  it('computes the GB 32100 check character, 0 when the remainder is 0', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    const zero = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c) => `9162112200000000${c}`).find((b) => usccCheckCharacter(b) === '0');
    expect(zero).toBeDefined();
    expect(isUscc(`${zero}0`)).toBe(true);
  });

  it('rejects wrong checks, forbidden letters, lower case and wrong lengths', () => {
    for (const code of ['91350100M000100Y44', '91350100M000100O43', '91350100M000100I43', '91350100m000100y43', '91350100M000100Y4', '91350100M000100Y433', '0135010AM000100Y43']) {
      expect(isUscc(code), code).toBe(false);
    }
  });
});

describe('phone numbers and postcodes', () => {
  it('cn-mobile: 11 digits from 13x to 19x', () => {
    for (const ok of ['13012345678', '15912345678', '19912345678']) expect(isMobile(ok), ok).toBe(true);
    for (const bad of ['12012345678', '1391234567', '139123456789', '+8613912345678', '139-1234-5678']) expect(isMobile(bad), bad).toBe(false);
  });

  it('cn-phone: area code, local number, optional extension', () => {
    for (const ok of ['0932-6621234', '09326621234', '010-62345678', '021-62345678-801', '0932-66212345', '0932-6621234转12', '0932-6621234#12']) {
      expect(isLandline(ok), ok).toBe(true);
    }
    for (const bad of ['6621234', '010-6234567', '0932-0621234', '0932-1621234', '13912345678', '0932-662123', '932-6621234']) {
      expect(isLandline(bad), bad).toBe(false);
    }
  });

  it('cn-postcode: six digits', () => {
    expect(isPostcode('748100')).toBe(true);
    for (const bad of ['74810', '7481000', '74810A']) expect(isPostcode(bad), bad).toBe(false);
  });
});
