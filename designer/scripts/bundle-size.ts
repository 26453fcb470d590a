// Prints the gzip size of the JavaScript the browser loads before any lazy chunk (the entry and
// its static imports: what a user gets up to opening the modeler), and of the lazy chunks.
// Fails the build when the initial JavaScript exceeds the budget (250 kB gzip).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; name?: string; src?: string }

const BUDGET_KB = 250;
const dist = join(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/** Every chunk statically reachable from `keys`. */
function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const walk = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of manifest[k]?.imports ?? []) walk(i);
  };
  keys.forEach(walk);
  return seen;
}

const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
const initial = closure(entries);
const initialKb = [...initial].reduce((s, k) => s + gz(manifest[k].file), 0);

// The admin's way to the modeler: the shell, the packs list and the pack page (the modeler,
// rules editor and form designer are their own lazy chunks).
const beforeModeler = new Set(initial);
for (const page of ['src/pages/PacksPage.tsx', 'src/pages/PackPage.tsx']) for (const c of closure([page])) beforeModeler.add(c);
const beforeModelerKb = [...beforeModeler].reduce((s, k) => s + gz(manifest[k].file), 0);

const lazy = new Map<string, number>();
for (const k of Object.keys(manifest)) {
  for (const d of manifest[k].dynamicImports ?? []) {
    const extra = [...closure([d])].filter((c) => !initial.has(c));
    lazy.set(manifest[d].src ?? d, extra.reduce((s, c) => s + gz(manifest[c].file), 0));
  }
}

console.log(`\ninitial JavaScript (entry + static imports): ${initialKb.toFixed(1)} kB gzip`);
console.log(`JavaScript loaded before the modeler is opened (shell + packs list + pack page): ${beforeModelerKb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
for (const [name, kb] of [...lazy].sort((a, b) => b[1] - a[1])) console.log(`  lazy ${name}: +${kb.toFixed(1)} kB gzip`);
if (beforeModelerKb > BUDGET_KB) {
  console.error(`JavaScript before the modeler ${beforeModelerKb.toFixed(1)} kB gzip exceeds the ${BUDGET_KB} kB budget`);
  process.exit(1);
}
