// No circular imports in the packages' sources, the web app's included — type-only imports too
// (`import type`, `export type … from`, `import('…')` types): a circle of types is still two
// modules that cannot be understood or changed apart. The graph follows relative imports and the
// workspace packages' entry points (`@yizhan/engine` → engine/src/index.ts); everything else is
// outside it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const PACKAGES = ['errors', 'rules', 'forms', 'engine', 'processes', 'server', 'designer'];

/** `@yizhan/…` specifier → file, from each package's `exports`. */
function workspaceEntries(): Map<string, string> {
  const entries = new Map<string, string>();
  for (const dir of PACKAGES) {
    const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; exports?: Record<string, string> };
    for (const [sub, target] of Object.entries(pkg.exports ?? {})) {
      entries.set(sub === '.' ? pkg.name : `${pkg.name}/${sub.replace(/^\.\//, '')}`, resolve(ROOT, dir, target));
    }
  }
  return entries;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every module a file imports, type-only imports and re-exports included. */
function importsOf(file: string, entries: Map<string, string>): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName: spec } of info.importedFiles) {
    const target = spec.startsWith('.') ? resolveRelative(file, spec) : entries.get(spec);
    if (target) out.push(target);
  }
  return out;
}

/** Cycles of the graph (one per strongly connected component of more than one file, or a self-import). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

function importGraph(): Map<string, string[]> {
  const entries = workspaceEntries();
  const graph = new Map<string, string[]>();
  for (const dir of PACKAGES) {
    for (const file of sourceFiles(join(ROOT, dir, 'src'))) graph.set(file, importsOf(file, entries));
  }
  return graph;
}

describe('import graph of errors/, rules/, forms/, engine/, processes/, server/ and designer/ sources', () => {
  it('sees type-only imports, re-exports and the workspace entry points', () => {
    const graph = importGraph();
    const route = join(ROOT, 'engine/src/handlers/route.ts');
    // route.ts imports only a type from ./types and values from @yizhan/rules
    expect(graph.get(route)).toEqual(expect.arrayContaining([join(ROOT, 'engine/src/handlers/types.ts'), join(ROOT, 'rules/src/index.ts')]));
    expect(graph.get(join(ROOT, 'engine/src/index.ts'))).toContain(join(ROOT, 'engine/src/handlers/index.ts'));
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toHaveLength(1);
  });

  it('has no circular imports', () => {
    const found = cycles(importGraph()).map((c) => c.map((f) => relative(ROOT, f)).sort());
    expect(found).toEqual([]);
  });
});
