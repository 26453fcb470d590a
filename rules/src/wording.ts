// Chinese wording for explanations: fact labels, values shown by name, small numbers.
import type { OrgIndex } from './org-index';
import { CASE_FIELDS, ORG_FACTS, isOrgFact, type FactValueKind } from './facts';
import { KIND_LABELS, LEVEL_LABELS, type DepartmentKind, type UnitLevel } from './org-model';
import { isDepartmentKind, isLevel } from './operators';
import type { CaseClass } from './rule-set';

const NUMERALS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2 → 两, 12 → 12: how a count reads in a sentence ("涉及两个乡镇"). */
export function countText(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 10 ? NUMERALS[n] : String(n);
}

export const CLASS_LABELS: Record<CaseClass, string> = { general: '一般纠纷', larger: '较大纠纷', major: '重大疑难纠纷' };

/** Splits a simple JSONPath (`$.a.b`, `$['a'].b`, `$.a[0]`) into property names, up to the first index or filter. */
export function pathSegments(path: string | undefined): string[] {
  if (!path) return [];
  const segments: string[] = [];
  const re = /\.([A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff-]*)|\[['"]([^'"]+)['"]\]|(\[[^\]]*\]|\.\.|\.\*)/gy;
  re.lastIndex = path.startsWith('$') ? 1 : 0;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[3] !== undefined) break;
    segments.push(m[1] ?? m[2]);
  }
  return segments;
}

export interface FactDescription {
  label: string;
  kind: FactValueKind;
  /** Noun for counted lists ("乡镇" in 涉及两个乡镇), when the fact lists things involved. */
  noun?: string;
}

const NOUNS: Record<string, string> = {
  involvedTownships: '乡镇', involvedCounties: '县', involvedDepartments: '部门', involvedUnits: '单位',
  involvedTownshipCentres: '乡镇综治中心',
};

/** How a fact (plus path) reads, and what its values are. */
export function describeFact(fact: string, path?: string): FactDescription {
  const segments = pathSegments(path);
  if (isOrgFact(fact)) {
    const info = ORG_FACTS[fact];
    return segments.length === 0 ? { label: info.label, kind: info.kind, noun: NOUNS[fact] } : { label: `${info.label}.${segments.join('.')}`, kind: 'value' };
  }
  if (fact === 'case') {
    const field = segments.length === 1 ? CASE_FIELDS[segments[0]] : undefined;
    if (field) return { label: field.label, kind: field.kind, noun: segments[0] === 'units' ? '单位' : segments[0] === 'departments' ? '部门' : undefined };
    return { label: segments.length ? `案件字段「${segments.join('.')}」` : '案件', kind: 'value' };
  }
  if (fact === 'data') {
    return { label: segments.length ? `表单字段「${segments.join('.')}」` : '表单数据', kind: 'value' };
  }
  return { label: segments.length ? `${fact}.${segments.join('.')}` : fact, kind: 'value' };
}

/** A value as a clerk reads it: codes become names, levels and kinds become words. */
export function valueText(value: unknown, kind: FactValueKind, org: OrgIndex): string {
  if (value === undefined || value === null) return '（未提供）';
  if (Array.isArray(value)) return value.length === 0 ? '（无）' : value.map((v) => valueText(v, kind, org)).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    if (kind === 'unit' || kind === 'units' || kind === 'department' || kind === 'departments') return org.name(value) ?? value;
    if (kind === 'level' && isLevel(value)) return LEVEL_LABELS[value as UnitLevel];
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export function levelText(levels: unknown): string {
  const list = Array.isArray(levels) ? levels : [levels];
  return list.map((l) => (isLevel(l) ? LEVEL_LABELS[l] : String(l))).join('或');
}

export function kindText(kinds: unknown): string {
  const list = Array.isArray(kinds) ? kinds : [kinds];
  return list.map((k) => (isDepartmentKind(k) ? KIND_LABELS[k as DepartmentKind] : String(k))).join('或');
}
