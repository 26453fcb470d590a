// What a draft changes against the deployed pack, file by file, in words an administrator reads:
// rules added / removed / changed by name, form fields by title, pack.json settings by key, and for
// a BPMN file (or anything that does not parse) lines added and removed.
import type { PackFiles } from '../api/types';

export type DiffNote =
  | { kind: 'rulesAdded' | 'rulesRemoved' | 'rulesChanged' | 'fieldsAdded' | 'fieldsRemoved' | 'fieldsChanged' | 'keysChanged'; names: string[] }
  | { kind: 'lines'; added: number; removed: number }
  | { kind: 'unreadable' };

export interface FileDiff {
  file: string;
  change: 'added' | 'removed' | 'changed';
  notes: DiffNote[];
}

type Json = unknown;

function parse(text: string | undefined): Json {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** JSON compared by value, not by formatting. */
const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/** Lines of `after` not in `before` and the other way round (a multiset difference: moves count as nothing). */
export function lineChanges(before: string, after: string): { added: number; removed: number } {
  const count = (text: string) => {
    const m = new Map<string, number>();
    for (const l of text.split('\n')) {
      const k = l.trim();
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const a = count(before);
  const b = count(after);
  let added = 0;
  let removed = 0;
  for (const [k, n] of b) added += Math.max(0, n - (a.get(k) ?? 0));
  for (const [k, n] of a) removed += Math.max(0, n - (b.get(k) ?? 0));
  return { added, removed };
}

/** Items of two lists matched by a name: which were added, removed, changed. */
function byName(before: Json[], after: Json[], name: (x: Json, i: number) => string) {
  const a = new Map(before.map((x, i) => [name(x, i), x]));
  const b = new Map(after.map((x, i) => [name(x, i), x]));
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && !same(a.get(k), b.get(k))),
  };
}

function listNotes(kinds: ['rulesAdded' | 'fieldsAdded', 'rulesRemoved' | 'fieldsRemoved', 'rulesChanged' | 'fieldsChanged'], d: { added: string[]; removed: string[]; changed: string[] }): DiffNote[] {
  const out: DiffNote[] = [];
  if (d.added.length) out.push({ kind: kinds[0], names: d.added });
  if (d.removed.length) out.push({ kind: kinds[1], names: d.removed });
  if (d.changed.length) out.push({ kind: kinds[2], names: d.changed });
  return out;
}

/** Top-level keys whose values differ (`skip`: keys described otherwise). */
function keyNotes(a: Record<string, Json>, b: Record<string, Json>, skip: string[] = []): DiffNote[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k) && !same(a[k], b[k]));
  return keys.length ? [{ kind: 'keysChanged', names: keys }] : [];
}

function ruleNotes(a: Record<string, Json>, b: Record<string, Json>): DiffNote[] {
  const rules = (x: Record<string, Json>) => (Array.isArray(x.rules) ? x.rules : []);
  const name = (r: Json, i: number) => (isObject(r) && typeof r.name === 'string' ? r.name : `#${i + 1}`);
  return [...listNotes(['rulesAdded', 'rulesRemoved', 'rulesChanged'], byName(rules(a), rules(b), name)), ...keyNotes(a, b, ['rules'])];
}

function formNotes(a: Record<string, Json>, b: Record<string, Json>): DiffNote[] {
  const props = (x: Record<string, Json>) => {
    const schema = isObject(x.schema) ? x.schema : {};
    return isObject(schema.properties) ? schema.properties : {};
  };
  const pa = props(a);
  const pb = props(b);
  const ui = (x: Record<string, Json>, k: string) => (isObject(x.uiSchema) ? x.uiSchema[k] : undefined);
  const title = (k: string) => {
    const p = pb[k] ?? pa[k];
    return isObject(p) && typeof p.title === 'string' ? `${p.title}（${k}）` : k;
  };
  const added = Object.keys(pb).filter((k) => !(k in pa));
  const removed = Object.keys(pa).filter((k) => !(k in pb));
  const changed = Object.keys(pb).filter((k) => k in pa && (!same(pa[k], pb[k]) || !same(ui(a, k), ui(b, k))));
  const notes = listNotes(['fieldsAdded', 'fieldsRemoved', 'fieldsChanged'], { added: added.map(title), removed: removed.map(title), changed: changed.map(title) });
  // the rest of the schema (required, order …) and uiSchema entries that are not a field's
  const restA = { ...(isObject(a.schema) ? { ...a.schema, properties: undefined } : {}) };
  const restB = { ...(isObject(b.schema) ? { ...b.schema, properties: undefined } : {}) };
  const other = keyNotes(restA, restB);
  if (other[0]?.kind === 'keysChanged') notes.push({ kind: 'keysChanged', names: other[0].names.map((n) => `schema.${n}`) });
  const fields = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  const uiA = isObject(a.uiSchema) ? a.uiSchema : {};
  const uiB = isObject(b.uiSchema) ? b.uiSchema : {};
  const uiKeys = [...new Set([...Object.keys(uiA), ...Object.keys(uiB)])].filter((k) => !fields.has(k) && !same(uiA[k], uiB[k]));
  if (uiKeys.length) notes.push({ kind: 'keysChanged', names: uiKeys.map((k) => `uiSchema.${k}`) });
  return notes;
}

/** One file's notes; empty when the two texts mean the same. */
function fileNotes(file: string, before: string, after: string): DiffNote[] {
  if (file.endsWith('.json')) {
    const a = parse(before);
    const b = parse(after);
    if (isObject(a) && isObject(b)) {
      if (same(a, b)) return [];
      if (/^rules\//.test(file)) return ruleNotes(a, b);
      if (/^forms\//.test(file)) return formNotes(a, b);
      return keyNotes(a, b);
    }
    if (b === undefined) return [{ kind: 'unreadable' }, { kind: 'lines', ...lineChanges(before, after) }];
  }
  return [{ kind: 'lines', ...lineChanges(before, after) }];
}

/** Every file that differs, sorted by path. */
export function diffPack(deployed: PackFiles, draft: PackFiles): FileDiff[] {
  const files = [...new Set([...Object.keys(deployed), ...Object.keys(draft)])].sort();
  const out: FileDiff[] = [];
  for (const file of files) {
    const a = deployed[file];
    const b = draft[file];
    if (a === b) continue;
    if (a === undefined) out.push({ file, change: 'added', notes: [] });
    else if (b === undefined) out.push({ file, change: 'removed', notes: [] });
    else {
      const notes = fileNotes(file, a, b);
      if (notes.length) out.push({ file, change: 'changed', notes });
    }
  }
  return out;
}
