// One copy of what is easy to copy: the UUID test lives in engine/src/ids.ts (`isUuid`, exported
// by @yizhan/engine) and nowhere else — no second `isUuid`, no UUID regular expression in another
// package's sources — and the engine's case and task rows become views in one place (case-views.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const PACKAGES = ['errors', 'rules', 'forms', 'engine', 'processes', 'server', 'designer'];
const SKIP = new Set(['node_modules', 'dist', 'test', 'storybook-static']);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const files = PACKAGES.flatMap((p) => sources(join(ROOT, p, 'src'))).map((f) => ({ file: relative(ROOT, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));
/** A UUID pattern: 8 hex digits, a dash, 4 hex digits … however the class is written. */
const UUID_PATTERN = /\[(?:0-9a-f|a-f0-9|0-9A-Fa-f|0-9a-fA-F|\\da-f|a-f\\d)\]\{8\}-/;

function where(test: (text: string) => boolean): string[] {
  return files.filter((f) => test(f.text)).map((f) => f.file).sort();
}

describe('one copy', () => {
  it('recognises a UUID pattern and an isUuid definition', () => {
    expect(UUID_PATTERN.test('/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i')).toBe(true);
    expect(UUID_PATTERN.test('/^[\\da-f]{8}-/')).toBe(true);
    expect(UUID_PATTERN.test('/^(\\d{4})-Q([1-4])$/')).toBe(false);
    expect(files.length).toBeGreaterThan(100);
  });

  it('of the UUID test: engine/src/ids.ts', () => {
    expect(where((t) => UUID_PATTERN.test(t))).toEqual(['engine/src/ids.ts']);
    expect(where((t) => /\b(?:function|const|let)\s+isUuid\b/.test(t))).toEqual(['engine/src/ids.ts']);
  });

  it('of the row mappers: engine/src/case-views.ts maps the engine rows to its public views', () => {
    // a function taking a row (…Row) and answering one of the views the engine's face exports
    const mapper = /\(\s*\w+\s*:\s*\w*Row\b[^)]*\)\s*:\s*(?:TaskView|ScopedTaskView|CaseView|CaseSummary)\s*(?:=>|\{)/;
    expect(mapper.test('export function taskView(t: TaskRow, now: Date): TaskView {')).toBe(true);
    expect(where((t) => mapper.test(t))).toEqual(['engine/src/case-views.ts']);
  });
});
