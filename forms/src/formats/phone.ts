/** Format `cn-mobile`: an 11-digit mainland mobile number, 13x–19x, without country code or separators. */
export function isMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

// 3-digit area codes (010, 02x) carry 8-digit numbers; 4-digit ones 7 or 8 digits. Local numbers never start
// with 0 or 1. An extension follows "-", "转" or "#".
const LANDLINE = /^(?:(?:0(?:10|2\d))-?[2-9]\d{7}|(?:0[3-9]\d{2})-?[2-9]\d{6,7})(?:(?:-|转|#)\d{1,6})?$/;

/** Format `cn-phone`: a landline with area code, e.g. `0931-1234567`, `010-12345678-123`, `09311234567`. */
export function isLandline(value: string): boolean {
  return LANDLINE.test(value);
}

/** Format `cn-postcode`: a 6-digit postal code. */
export function isPostcode(value: string): boolean {
  return /^\d{6}$/.test(value);
}
