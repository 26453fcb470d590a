// PII masking for 公示 (public disclosure) and for roles that need no personal data: names keep
// the surname, ID numbers and phones keep only their ends. Free text is normalised first (NFKC:
// full-width digits and punctuation become ASCII) and numbers are recognised even when written
// with spaces, dashes, dots or brackets inside (`621122 19800101 1235`, `138-1234-5678`,
// `(0932)1234567`); names given as case data are masked wherever they appear.
import type { CaseView } from '@yizhan/engine';
import { personalKind } from './packs';

/** 张三 → 张*, 欧阳修 → 欧**. */
export function maskName(name: string): string {
  const chars = [...normalise(name).replace(/\s+/g, '')];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 身份证: first 3 and last 2 characters kept (separators inside are masked too). */
export function maskIdNumber(id: string): string {
  const d = normalise(id).trim();
  return d.length <= 5 ? '*'.repeat(d.length) : d.slice(0, 3) + '*'.repeat(d.length - 5) + d.slice(-2);
}

/** 13812345678 → 138****5678, 0931-1234567 → 093*****4567. */
export function maskPhone(phone: string): string {
  const d = normalise(phone).trim();
  return d.length < 7 ? '*'.repeat(d.length) : d.slice(0, 3) + '*'.repeat(d.length - 7) + d.slice(-4);
}

/** A street address: the first 6 characters (province, city, county) kept. */
export function maskAddress(address: string): string {
  const chars = [...normalise(address).trim()];
  const keep = Math.min(6, Math.floor(chars.length / 2));
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
}

/**
 * Characters whose NFKC form is an ASCII letter, digit, dot or space (full-width ６, ．, the
 * ideographic space, ① …) become that form, dash-like characters `-`; Chinese punctuation such
 * as ，；：（） stays as written.
 */
export function normalise(text: string): string {
  return text.replace(/[^ -~]/gu, (ch) => {
    if (/[\u2010-\u2015\u2212\u30fc\ufe58\ufe63\uff0d]/.test(ch)) return '-';
    const n = ch.normalize('NFKC');
    return /^[A-Za-z0-9.\s]+$/.test(n) ? n : ch;
  });
}

export type NumberKind = 'id' | 'mobile' | 'landline';

/** What a run of digits (separators removed) is, if it is a personal number. */
export function classifyNumber(digits: string): NumberKind | undefined {
  if (/^\d{17}[\dX]$/i.test(digits) || /^\d{15}$/.test(digits)) return 'id';
  if (/^(?:86)?1[3-9]\d{9}$/.test(digits)) return 'mobile';
  if (/^0\d{9,11}$/.test(digits)) return 'landline';
  return undefined;
}

// Digit groups and what may stand between two groups of one written number.
const RUN = /\d+(?:[\s\-.·_/()\uff08\uff09]{1,3}\d+)*[Xx]?/g;
const GROUP = /\d+[Xx]?/g;
// A bare local number (7–8 digits) counts as a phone only right after a phone word.
const LOCAL_AFTER_WORD = /((?:电话|手机|座机|固话|联系方式|号码|tel|phone)[:：\s]*)(\d{7,8})(?!\d)/gi;

/**
 * Masks ID numbers (18 with X, or 15 digits), mobile and landline numbers wherever they appear,
 * on the normalised text. A number written in several groups is recognised by joining groups.
 */
export function maskText(text: string): string {
  const out = normalise(text).replace(RUN, (run) => maskRun(run));
  return out.replace(LOCAL_AFTER_WORD, (_m, word: string, num: string) => word + '*'.repeat(num.length - 4) + num.slice(-4));
}

/** Within one run of digit groups: from each group, the longest sequence of groups that is a number gets masked. */
function maskRun(run: string): string {
  const groups = [...run.matchAll(GROUP)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  let out = '';
  let at = 0;
  let i = 0;
  while (i < groups.length) {
    let found: { j: number; kind: NumberKind } | undefined;
    let joined = '';
    const candidates: { j: number; digits: string }[] = [];
    for (let j = i; j < groups.length; j++) {
      joined += groups[j].text;
      if (joined.length > 20) break;
      candidates.push({ j, digits: joined });
    }
    for (const c of candidates.reverse()) {
      const kind = classifyNumber(c.digits);
      if (kind) {
        found = { j: c.j, kind };
        break;
      }
    }
    if (!found) {
      i++;
      continue;
    }
    const written = run.slice(groups[i].start, groups[found.j].end);
    out += run.slice(at, groups[i].start) + (found.kind === 'id' ? maskIdNumber(written) : maskPhone(written));
    at = groups[found.j].end;
    i = found.j + 1;
  }
  return out + run.slice(at);
}

/**
 * Replaces every mention of the given names (also written with spaces or full-width characters
 * inside) by their masked form. Names shorter than two characters are not searched for.
 */
export function maskNames(text: string, names: string[]): string {
  const wanted = [...new Set(names.map((n) => normalise(n).replace(/\s+/g, '')).filter((n) => [...n].length >= 2))]
    .sort((a, b) => b.length - a.length);
  let out = normalise(text);
  for (const name of wanted) {
    const pattern = new RegExp([...name].map(escapeRegExp).join('\\s*'), 'g');
    out = out.replace(pattern, maskName(name));
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Personal data redacted from a value of case data (form data, history entries): fields that hold
 * personal data by their name (`idNumber`, `mobile`, `phone`, `address`, `applicant` …) masked
 * by kind, and in every other text ID and phone numbers and the names found in such fields.
 */
export function redactPersonalData<T>(value: T, classify: (field: string) => 'id' | 'phone' | 'address' | 'name' | undefined, knownNames: string[] = []): T {
  const names: string[] = [...knownNames];
  const collect = (v: unknown, field: string) => {
    if (typeof v === 'string' && classify(field) === 'name') names.push(v);
    else if (Array.isArray(v)) v.forEach((x) => collect(x, field));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
  };
  collect(value, '');
  const walk = (v: unknown, field: string): unknown => {
    if (typeof v === 'string') {
      const kind = classify(field);
      if (kind === 'id') return maskIdNumber(v);
      if (kind === 'phone') return maskPhone(v);
      if (kind === 'address') return maskAddress(v);
      if (kind === 'name') return maskName(v);
      return maskText(maskNames(v, names));
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, field));
    if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(value, '') as T;
}

const byFieldName = (field: string) => personalKind(field, undefined);

/** A case as a user who needs no personal data sees it: form data, outputs, task data and the form data in its history redacted. */
export function redactCase<C extends Pick<CaseView, 'variables' | 'tasks' | 'openTasks' | 'history'>>(c: C): C {
  const names = intakeNames(c.variables?.data);
  // Names of the intake are masked in every other text of the case too.
  const redact = <T>(v: T): T => redactPersonalData(v, byFieldName, names);
  return {
    ...c,
    variables: { ...c.variables, data: redact(c.variables.data), outputs: redact(c.variables.outputs) },
    tasks: c.tasks.map((t) => redactTask(t, redact)),
    openTasks: c.openTasks.map((t) => redactTask(t, redact)),
    history: c.history.map((h) => {
      const d = h.data as { data?: unknown } | null;
      return d && typeof d === 'object' && 'data' in d ? { ...h, data: { ...d, data: redact(d.data) } } : h;
    }),
  };
}

/** A task's form data redacted (task lists for roles that need no personal data), with the names of its case's intake. */
export function redactTaskData<T extends { data: unknown }>(t: T, names: string[] = []): T {
  return { ...t, data: redactPersonalData(t.data, byFieldName, names) };
}

/** The names given in a case's intake data (fields holding names, also inside lists of parties). */
export function intakeNames(data: unknown): string[] {
  const names: string[] = [];
  const visit = (v: unknown, field: string) => {
    if (typeof v === 'string' && byFieldName(field) === 'name') names.push(v);
    else if (Array.isArray(v)) v.forEach((x) => visit(x, field));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(data, '');
  return names;
}

function redactTask<T extends { data: unknown }>(t: T, redact: <V>(v: V) => V): T {
  return { ...t, data: redact(t.data) };
}
