// The case engine stays split by reason to change: no source file of engine/src grows far past
// ~300 lines (a file that does has taken on a second concern and is split, as case-engine.ts,
// case-statistics.ts and commands/migration.ts were).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
/** "About 300": a little headroom for a comment, none for a second concern. */
const MAX_LINES = 320;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const lines = (file: string) => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').length;

describe('engine/src file sizes', () => {
  const files = sources(join(ROOT, 'engine/src'));

  it('reads the engine sources, the façade among them', () => {
    expect(files.map((f) => relative(ROOT, f))).toContain('engine/src/case-engine.ts');
    expect(files.length).toBeGreaterThan(40);
  });

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = files.map((f) => ({ file: relative(ROOT, f), lines: lines(f) })).filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
