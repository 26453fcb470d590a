import { isLandline, isMobile, isPostcode } from './phone';
import { isResidentId } from './resident-id';
import { isUscc } from './uscc';

/** Our format names, usable in schemas as `"format": "cn-resident-id"` etc. */
export const CN_FORMAT_NAMES = ['cn-resident-id', 'cn-mobile', 'cn-phone', 'cn-uscc', 'cn-postcode'] as const;
export type CnFormatName = (typeof CN_FORMAT_NAMES)[number];

/** The format checks, in the shape both ajv.addFormat and rjsf's `customFormats` take. */
export const CN_FORMATS: Record<CnFormatName, (value: string) => boolean> = {
  'cn-resident-id': (value) => isResidentId(value),
  'cn-mobile': isMobile,
  'cn-phone': isLandline,
  'cn-uscc': isUscc,
  'cn-postcode': isPostcode,
};

export { isResidentId, isPlausibleBirthDate, residentIdCheckCharacter, normalizeResidentId } from './resident-id';
export { isUscc, usccCheckCharacter } from './uscc';
export { isMobile, isLandline, isPostcode } from './phone';
