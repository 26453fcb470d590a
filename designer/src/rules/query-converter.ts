// json-rules-engine conditions (our rule-set format) ↔ react-querybuilder queries, both ways and
// exact: `fromQuery(toQuery(c))` deep-equals `c` for every condition the format allows.
//
//   { all: [...] } / { any: [...] }  ↔ group, combinator 'and' / 'or'
//   { not: X }                       ↔ group with not: true holding X as its only child
//   { fact, path?, operator, value } ↔ rule; field = fact plus path (`case.type` for `$.type`)
//   value { fact, path? }            ↔ rule with valueSource 'field'
//   { condition: 'name' }            ↔ rule on the pseudo-field `@condition`
// A top-level reference or fact condition (not wrapped in all/any) is a root group marked `bare`.
// What querybuilder has no place for (a condition's name, priority, params) rides in `meta`.
import type { Condition, FactRef, TopLevelCondition } from '@yizhan/rules';
import type { RuleGroupType, RuleType } from 'react-querybuilder';

/** Extra json-rules-engine properties kept on a querybuilder rule or group. */
export interface ConditionMeta {
  name?: string;
  priority?: number;
  params?: Record<string, unknown>;
  /** The root group stands for its single child itself (a top-level reference). */
  bare?: boolean;
}

export type QbRule = RuleType & { meta?: ConditionMeta };
export type QbGroup = RuleGroupType<QbRule> & { meta?: ConditionMeta };

export const CONDITION_FIELD = '@condition';
export const CONDITION_OPERATOR = 'is';

const SIMPLE_PATH = /^\$((\.[A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff]*)+)$/u;

/** `data` + `$.amount` → `data.amount`; paths that are not plain property chains keep `|`. */
export function fieldOf(fact: string, path?: string): string {
  if (path === undefined) return fact.includes('.') || fact.includes('|') ? `${fact}|` : fact;
  const m = SIMPLE_PATH.exec(path);
  if (m && !fact.includes('.') && !fact.includes('|')) return `${fact}${m[1]}`;
  return `${fact}|${path}`;
}

/** The inverse of fieldOf. */
export function factOf(field: string): { fact: string; path?: string } {
  const bar = field.indexOf('|');
  if (bar >= 0) {
    const path = field.slice(bar + 1);
    return path ? { fact: field.slice(0, bar), path } : { fact: field.slice(0, bar) };
  }
  const dot = field.indexOf('.');
  return dot < 0 ? { fact: field } : { fact: field.slice(0, dot), path: `$${field.slice(dot)}` };
}

function isFactRef(v: unknown): v is FactRef {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return typeof (v as FactRef).fact === 'string' && keys.every((k) => k === 'fact' || k === 'path')
    && ((v as FactRef).path === undefined || typeof (v as FactRef).path === 'string');
}

function metaOf(c: { name?: string; priority?: number; params?: Record<string, unknown> }, extra?: ConditionMeta): ConditionMeta | undefined {
  const meta: ConditionMeta = { ...extra };
  if (c.name !== undefined) meta.name = c.name;
  if (c.priority !== undefined) meta.priority = c.priority;
  if (c.params !== undefined) meta.params = c.params;
  return Object.keys(meta).length ? meta : undefined;
}

const withMeta = <T extends object>(o: T, meta: ConditionMeta | undefined): T & { meta?: ConditionMeta } => (meta ? { ...o, meta } : o);

function toNode(c: Condition): QbRule | QbGroup {
  if ('all' in c) return withMeta({ combinator: 'and', rules: c.all.map(toNode) }, metaOf(c)) as QbGroup;
  if ('any' in c) return withMeta({ combinator: 'or', rules: c.any.map(toNode) }, metaOf(c)) as QbGroup;
  if ('not' in c) return withMeta({ combinator: 'and', not: true, rules: [toNode(c.not)] }, metaOf(c)) as QbGroup;
  if ('condition' in c) {
    return withMeta({ field: CONDITION_FIELD, operator: CONDITION_OPERATOR, value: c.condition }, metaOf(c));
  }
  const rule: QbRule = isFactRef(c.value)
    ? { field: fieldOf(c.fact, c.path), operator: c.operator, value: fieldOf(c.value.fact, c.value.path), valueSource: 'field' }
    : { field: fieldOf(c.fact, c.path), operator: c.operator, value: c.value };
  return withMeta(rule, metaOf(c));
}

/** A rule's `conditions` as a querybuilder query. */
export function toQuery(c: TopLevelCondition): QbGroup {
  const node = toNode(c);
  if ('rules' in node) return node;
  return { combinator: 'and', rules: [node], meta: { bare: true } };
}

function applyMeta<T extends object>(o: T, meta: ConditionMeta | undefined): T {
  if (!meta) return o;
  const out: Record<string, unknown> = { ...(o as Record<string, unknown>) };
  if (meta.name !== undefined) out.name = meta.name;
  if (meta.priority !== undefined) out.priority = meta.priority;
  if (meta.params !== undefined) out.params = meta.params;
  return out as T;
}

function fromNode(n: QbRule | QbGroup): Condition {
  if ('rules' in n) {
    const children = n.rules.map((r) => fromNode(r as QbRule | QbGroup));
    const { bare: _bare, ...meta } = n.meta ?? {};
    const m = Object.keys(meta).length ? meta : undefined;
    if (n.not) {
      // A negated group of one is `{ not: child }`; several children are negated together.
      const inner: Condition = children.length === 1 ? children[0] : n.combinator === 'or' ? { any: children } : { all: children };
      return applyMeta({ not: inner }, m);
    }
    return applyMeta(n.combinator === 'or' ? { any: children } : { all: children }, m);
  }
  if (n.field === CONDITION_FIELD) return applyMeta({ condition: String(n.value) }, n.meta);
  const { fact, path } = factOf(n.field);
  let value: unknown = n.value;
  if (n.valueSource === 'field') {
    const ref = factOf(String(n.value));
    value = ref.path === undefined ? { fact: ref.fact } : { fact: ref.fact, path: ref.path };
  }
  const out: Record<string, unknown> = { fact };
  if (path !== undefined) out.path = path;
  out.operator = n.operator;
  out.value = value;
  return applyMeta(out as unknown as Condition, n.meta);
}

/** A querybuilder query back as a rule's `conditions`. */
export function fromQuery(q: QbGroup): TopLevelCondition {
  if (q.meta?.bare && !q.not && q.rules.length === 1 && !('rules' in q.rules[0])) {
    const only = fromNode(q.rules[0] as QbRule);
    return only as TopLevelCondition;
  }
  return fromNode(q) as TopLevelCondition;
}

/** Removes querybuilder's ids (and paths) so queries compare by content. */
export function stripIds(q: QbGroup): QbGroup {
  const strip = (n: QbRule | QbGroup): QbRule | QbGroup => {
    const { id: _id, path: _path, ...rest } = n as (QbRule | QbGroup) & { id?: string; path?: unknown };
    if ('rules' in rest) return { ...rest, rules: rest.rules.map((r) => strip(r as QbRule | QbGroup)) } as QbGroup;
    return rest as QbRule;
  };
  return strip(q) as QbGroup;
}
