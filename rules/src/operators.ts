// Operators a condition can use: json-rules-engine's built-ins plus our org-aware ones.
import type { OrgIndex } from './org-index';
import { DEPARTMENT_KINDS, type DepartmentKind, type UnitLevel, UNIT_LEVELS } from './org-model';

/** What a condition's `value` must be, so validation can check it before deploy. */
export type OperatorValueKind =
  | 'any' | 'array' | 'number' | 'boolean'
  | 'units' /* unit code or list of codes */
  | 'levels' /* level or list of levels */
  | 'kinds' /* department kind or list of kinds */;

export interface OperatorInfo {
  name: string;
  /** Chinese wording used in explanations: `{fact}{label}{value}`. */
  label: string;
  value: OperatorValueKind;
  /** Ours (org-aware or list helpers) rather than json-rules-engine's. */
  custom: boolean;
  description: string;
}

export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

export interface OperatorDefinition extends OperatorInfo {
  /** Builds the evaluator for one org model. */
  create?: (org: OrgIndex) => OperatorFn;
}

const BUILT_IN: OperatorInfo[] = [
  { name: 'equal', label: '为', value: 'any', custom: false, description: 'fact === value' },
  { name: 'notEqual', label: '不为', value: 'any', custom: false, description: 'fact !== value' },
  { name: 'in', label: '属于', value: 'array', custom: false, description: 'value (a list) includes fact' },
  { name: 'notIn', label: '不属于', value: 'array', custom: false, description: 'value (a list) does not include fact' },
  { name: 'contains', label: '包含', value: 'any', custom: false, description: 'fact (a list) includes value' },
  { name: 'doesNotContain', label: '不包含', value: 'any', custom: false, description: 'fact (a list) does not include value' },
  { name: 'lessThan', label: '小于', value: 'number', custom: false, description: 'fact < value' },
  { name: 'lessThanInclusive', label: '不超过', value: 'number', custom: false, description: 'fact <= value' },
  { name: 'greaterThan', label: '大于', value: 'number', custom: false, description: 'fact > value' },
  { name: 'greaterThanInclusive', label: '不少于', value: 'number', custom: false, description: 'fact >= value' },
];

/** json-rules-engine 7 operator decorators, written `decorator:operator` (e.g. `not:within`). */
export const DECORATORS: Record<string, string> = {
  someFact: '（任一事实值）', everyFact: '（每个事实值）', someValue: '（任一比较值）', everyValue: '（每个比较值）',
  swap: '（交换两侧）', not: '非',
};

function list(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value : [value];
}

function codes(value: unknown): string[] | undefined {
  const l = list(value);
  return l?.every((v): v is string => typeof v === 'string') ? l : undefined;
}

/** Org-aware operators and list helpers. A missing (undefined / null) fact makes them false, except `exists` and `isEmpty`. */
const CUSTOM: OperatorDefinition[] = [
  {
    name: 'within', label: '位于', value: 'units', custom: true,
    description: 'every unit code in the fact lies in the subtree of one of the value units (inclusive)',
    create: (org) => (fact, value) => {
      const units = codes(fact);
      const roots = codes(value);
      if (!units || !roots || units.length === 0) return false;
      return units.every((u) => roots.some((r) => org.isWithin(u, r)));
    },
  },
  {
    name: 'atLevel', label: '层级为', value: 'levels', custom: true,
    description: 'every unit code in the fact is at one of the value levels',
    create: (org) => (fact, value) => {
      const units = codes(fact);
      const levels = codes(value);
      if (!units || !levels || units.length === 0) return false;
      return units.every((u) => levels.includes(org.level(u) ?? ''));
    },
  },
  {
    name: 'spansMoreTownshipsThan', label: '涉及乡镇数多于', value: 'number', custom: true,
    description: 'the fact units lie in more than `value` distinct townships',
    create: (org) => (fact, value) => {
      const units = codes(fact);
      if (!units || typeof value !== 'number') return false;
      return new Set(units.flatMap((u) => org.township(u)?.code ?? [])).size > value;
    },
  },
  {
    name: 'spansMoreCountiesThan', label: '涉及县数多于', value: 'number', custom: true,
    description: 'the fact units lie in more than `value` distinct counties',
    create: (org) => (fact, value) => {
      const units = codes(fact);
      if (!units || typeof value !== 'number') return false;
      return new Set(units.flatMap((u) => org.county(u)?.code ?? [])).size > value;
    },
  },
  {
    name: 'hasDepartmentOfKind', label: '含有', value: 'kinds', custom: true,
    description: 'at least one department code in the fact has one of the value kinds',
    create: (org) => (fact, value) => {
      const departments = codes(fact);
      const kinds = codes(value);
      if (!departments || !kinds) return false;
      return departments.some((d) => kinds.includes(org.department(d)?.kind ?? ''));
    },
  },
  {
    name: 'allDepartmentsOfKind', label: '全部为', value: 'kinds', custom: true,
    description: 'the fact names at least one department and every one has one of the value kinds',
    create: (org) => (fact, value) => {
      const departments = codes(fact);
      const kinds = codes(value);
      if (!departments || !kinds || departments.length === 0) return false;
      return departments.every((d) => kinds.includes(org.department(d)?.kind ?? ''));
    },
  },
  {
    name: 'residentAtCentre', label: '进驻综治中心', value: 'boolean', custom: true,
    description: 'value true: some department in the fact is resident at the centre (kind resident); false: none is',
    create: (org) => (fact, value) => {
      const departments = codes(fact);
      if (!departments || typeof value !== 'boolean') return false;
      return departments.some((d) => org.department(d)?.kind === 'resident') === value;
    },
  },
  {
    name: 'competentFor', label: '主管', value: 'any', custom: true,
    description: 'some department in the fact lists the value (a case type) in its domains',
    create: (org) => (fact, value) => {
      const departments = codes(fact);
      if (!departments || typeof value !== 'string') return false;
      return departments.some((d) => org.department(d)?.domains?.includes(value) ?? false);
    },
  },
  {
    name: 'countGreaterThan', label: '数量多于', value: 'number', custom: true,
    description: 'the fact is a list with more than `value` elements',
    create: () => (fact, value) => Array.isArray(fact) && typeof value === 'number' && fact.length > value,
  },
  {
    name: 'countAtLeast', label: '数量不少于', value: 'number', custom: true,
    description: 'the fact is a list with at least `value` elements',
    create: () => (fact, value) => Array.isArray(fact) && typeof value === 'number' && fact.length >= value,
  },
  {
    name: 'containsAny', label: '包含任一', value: 'array', custom: true,
    description: 'the fact (a value or a list) shares at least one element with the value list',
    create: () => (fact, value) => {
      const l = list(fact);
      return !!l && Array.isArray(value) && l.some((v) => value.includes(v));
    },
  },
  {
    name: 'containsAll', label: '包含全部', value: 'array', custom: true,
    description: 'the fact (a list) contains every element of the value list',
    create: () => (fact, value) => {
      const l = list(fact);
      return !!l && Array.isArray(value) && value.every((v) => l.includes(v));
    },
  },
  {
    name: 'exists', label: '已填写', value: 'boolean', custom: true,
    description: 'value true: the fact is present (not undefined / null); false: it is missing',
    create: () => (fact, value) => (fact !== undefined && fact !== null) === value,
  },
  {
    name: 'isEmpty', label: '为空', value: 'boolean', custom: true,
    description: 'value true: the fact is missing, an empty list or an empty string; false: it has content',
    create: () => (fact, value) => {
      const empty = fact === undefined || fact === null || fact === '' || (Array.isArray(fact) && fact.length === 0);
      return empty === value;
    },
  },
];

export const OPERATORS: readonly OperatorDefinition[] = [...BUILT_IN, ...CUSTOM];
const BY_NAME = new Map(OPERATORS.map((o) => [o.name, o]));

/** The operator behind a possibly decorated name (`not:within` → within), or undefined. */
export function operatorInfo(name: string): OperatorInfo | undefined {
  return BY_NAME.get(name.split(':').pop() ?? name);
}

/** The decorators of a decorated operator name that json-rules-engine does not know. */
export function unknownDecorators(name: string): string[] {
  return name.split(':').slice(0, -1).filter((d) => !(d in DECORATORS));
}

/** Our operators bound to one org model. */
export function customOperators(org: OrgIndex): Array<{ name: string; fn: OperatorFn }> {
  return CUSTOM.map((o) => ({ name: o.name, fn: o.create!(org) }));
}

export function isLevel(value: unknown): value is UnitLevel {
  return typeof value === 'string' && (UNIT_LEVELS as readonly string[]).includes(value);
}

export function isDepartmentKind(value: unknown): value is DepartmentKind {
  return typeof value === 'string' && (DEPARTMENT_KINDS as readonly string[]).includes(value);
}
