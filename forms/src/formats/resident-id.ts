// 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence, check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
// First two digits: province-level codes (GB/T 2260) plus 81/82/83 for Hong Kong, Macao and Taiwan residents.
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** The check character (0–9 or X) for the first 17 digits of a resident ID. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** YYYYMMDD of `today` in local time, for comparing birth dates. */
function compactDate(today: Date): string {
  const m = String(today.getMonth() + 1).padStart(2, '0');
  const d = String(today.getDate()).padStart(2, '0');
  return `${today.getFullYear()}${m}${d}`;
}

/** True for a real calendar date YYYYMMDD from 1900 up to and including `today`. */
export function isPlausibleBirthDate(yyyymmdd: string, today: Date = new Date()): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return yyyymmdd <= compactDate(today);
}

/**
 * Format `cn-resident-id`: an 18-character resident ID with a valid province code, a real birth date that
 * is not in the future and a correct check character. A lower-case `x` is accepted as the check character,
 * because clerks type it that way; store `normalizeResidentId(value)` if you need the canonical form.
 */
export function isResidentId(value: string, today: Date = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return false;
  if (!isPlausibleBirthDate(value.slice(6, 14), today)) return false;
  return residentIdCheckCharacter(value.slice(0, 17)) === value[17].toUpperCase();
}

/** Upper-cases the check character. */
export function normalizeResidentId(value: string): string {
  return value.trim().toUpperCase();
}
