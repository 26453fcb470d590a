// The repository stands alone: every relative link in every Markdown file (outside node_modules and
// build output) leads to a file or folder inside the repository, and no path written in backticks
// leads out of it (the way READMEs once pointed at design notes that were never committed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
/** Folders that are not the repository's own text: dependencies, VCS, build and test output. */
const SKIP = new Set(['node_modules', '.git', 'dist', 'storybook-static', 'coverage', 'test-results', 'data', '.tmp']);

function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) found.push(...markdownFiles(join(dir, entry.name)));
    } else if (entry.name.endsWith('.md')) {
      found.push(join(dir, entry.name));
    }
  }
  return found;
}

/** The text outside fenced code blocks (their contents are examples, not links of this file). */
function prose(text: string): string {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  }).join('\n');
}

/** Link targets: inline `[text](target "title")`, images, and reference definitions `[id]: target`. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, '``'); // code spans are not links
  const targets: string[] = [];
  for (const m of text.matchAll(/!?\[[^\]\n]*\]\(\s*(<[^>\n]*>|[^)\s]+)(?:\s+["'(][^)\n]*)?\)/g)) targets.push(m[1].replace(/^<|>$/g, ''));
  for (const m of text.matchAll(/^\s{0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm)) targets.push(m[1].replace(/^<|>$/g, ''));
  return targets;
}

/** Paths written in backticks that start with `../`. */
function backtickedParentPaths(markdown: string): string[] {
  return [...prose(markdown).matchAll(/`(\.\.\/[^`\s]*)`/g)].map((m) => m[1]);
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
const inside = (path: string) => path === ROOT || path.startsWith(ROOT + sep);

/** Where a relative target points, from the Markdown file that holds it (`/x` = the repository root). */
function resolveTarget(file: string, target: string): string {
  const path = decodeURIComponent(target.split('#')[0].split('?')[0]);
  return path.startsWith('/') ? join(ROOT, path) : resolve(dirname(file), path);
}

const files = markdownFiles(ROOT);

describe('the repository stands alone', () => {
  it('finds the Markdown files, the root README and docs/ among them', () => {
    const names = files.map((f) => relative(ROOT, f));
    expect(names).toContain('README.md');
    expect(names).toEqual(expect.arrayContaining(['docs/architecture.md', 'docs/contract.md', 'docs/domain.md']));
  });

  it('reads links the way Markdown does', () => {
    const sample = [
      'See [the API](server/README.md#api), ![a diagram](<docs/a b.png> "title") and [web](https://example.org).',
      '[ref]: ../outside.md',
      '```', '[not a link](nowhere.md)', '```',
      'A `[code](span.md)` is not a link.',
    ].join('\n');
    expect(linkTargets(sample)).toEqual(['server/README.md#api', 'docs/a b.png', 'https://example.org', '../outside.md']);
  });

  it('every relative link in every Markdown file resolves to a file inside the repository', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const target of linkTargets(readFileSync(file, 'utf8'))) {
        if (isExternal(target) || target.startsWith('#')) continue;
        checked += 1;
        const path = resolveTarget(file, target);
        if (!inside(path)) broken.push(`${relative(ROOT, file)}: ${target} leads outside the repository`);
        else if (!existsSync(path)) broken.push(`${relative(ROOT, file)}: ${target} does not exist`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('no path in backticks leads out of the repository', () => {
    const outside: string[] = [];
    for (const file of files) {
      for (const path of backtickedParentPaths(readFileSync(file, 'utf8'))) {
        if (!inside(resolve(dirname(file), path))) outside.push(`${relative(ROOT, file)}: \`${path}\``);
      }
    }
    expect(outside).toEqual([]);
  });
});
