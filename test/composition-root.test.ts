// One composition root: a pack-aware CaseEngine is built in exactly one place,
// processes/src/engine.ts (`createPackEngine`), and the HTTP app, `yizhan serve`, the CLI, the
// scenario runner and the test harnesses get their engine from it. Only the engine package itself
// (its sources, tests and README example) and the engine benchmark, which measures the bare engine
// against raw bpmn-engine, construct one directly.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const ROOT_FILE = 'processes/src/engine.ts';
const ALLOWED_DIRS = ['engine/', 'bench/engine/'];
const CONSTRUCTION = /\bnew\s+CaseEngine\s*[(<]/;
const SKIP = new Set(['node_modules', 'dist', 'data', 'coverage', 'storybook-static']);

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(path));
    else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const files = tsFiles(ROOT).map((f) => relative(ROOT, f).split('\\').join('/'));
const constructing = files.filter((f) => CONSTRUCTION.test(readFileSync(join(ROOT, f), 'utf8')));

describe('the composition root of a pack-aware engine', () => {
  it('is the only place outside the engine package that constructs a CaseEngine', () => {
    expect(constructing).toContain(ROOT_FILE);
    expect(constructing.filter((f) => f !== ROOT_FILE && !ALLOWED_DIRS.some((d) => f.startsWith(d)))).toEqual([]);
  });

  it.each([
    'server/src/app.ts', 'server/src/serve.ts', 'server/src/cli.ts',
    'processes/src/scenario-runner.ts', 'server/test/support/harness.ts', 'processes/test/deploy.test.ts',
  ])('is what %s uses', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toMatch(/\bcreatePackEngine\(/);
  });
});
