// PII masking for 公示 (public disclosure): names keep the surname, ID numbers and phones keep
// only their ends; free text has ID and phone numbers masked wherever they appear.

/** 张三 → 张*, 欧阳修 → 欧**. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 18-digit 身份证: first 3 and last 2 kept. */
export function maskIdNumber(id: string): string {
  return id.length <= 5 ? '*'.repeat(id.length) : id.slice(0, 3) + '*'.repeat(id.length - 5) + id.slice(-2);
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length < 7 ? '*'.repeat(phone.length) : phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

const ID_PATTERN = /(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)/g;
const MOBILE_PATTERN = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const LANDLINE_PATTERN = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

export function maskText(text: string): string {
  return text.replace(ID_PATTERN, maskIdNumber).replace(MOBILE_PATTERN, maskPhone).replace(LANDLINE_PATTERN, maskPhone);
}
