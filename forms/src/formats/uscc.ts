// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, last one a mod-31 check.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a unified social credit code. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Format `cn-uscc`: position 1 the registering authority (1–9, A, N, Y), position 2 the organisation
 * category, positions 3–8 the region code (digits), 9–17 the organisation code, 18 the GB 32100 check.
 * Upper case only, as printed on licences; I, O, Z, S and V never occur.
 */
export function isUscc(value: string): boolean {
  if (!/^[1-9ANY][0-9A-HJ-NP-RTUW-Y]\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/.test(value)) return false;
  return usccCheckCharacter(value.slice(0, 17)) === value[17];
}
