// Loading packs from a folder and from an uploaded file map gives the same bundle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadPackDir, packFromFiles, validatePack } from '../src';

const miniDir = new URL('./fixtures/mini/', import.meta.url).pathname;

function filesOf(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, filesOf(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return out;
}

describe('loading a pack', () => {
  it('reads pack.json, BPMN files, forms, rules and scenarios from a folder', async () => {
    const b = await loadPackDir(miniDir);
    expect(b.manifest.id).toBe('mini');
    expect(Object.keys(b.bpmn)).toEqual(['dispute.bpmn']);
    expect(Object.keys(b.forms).sort()).toEqual(['evaluation', 'feedback', 'intake', 'mediation']);
    expect(Object.keys(b.rules)).toEqual(['mini-routing']);
    expect(Object.keys(b.scenarios).sort()).toEqual(['joint', 'labour']);
    expect(b.parseErrors).toEqual([]);
  });

  it('builds the same bundle from an uploaded file map', async () => {
    const fromDir = await loadPackDir(miniDir);
    const fromFiles = packFromFiles(filesOf(miniDir));
    expect({ ...fromFiles, dir: undefined }).toEqual({ ...fromDir, dir: undefined });
  });

  it('keeps syntax errors as problems and ignores files outside the format', async () => {
    const b = packFromFiles({ 'pack.json': '{', 'notes.txt': 'x', 'forms/a.json': '{"schema":{"type":"object"}}' });
    expect(Object.keys(b.forms)).toEqual(['a']);
    const problems = await validatePack(b);
    expect(problems[0]).toMatchObject({ file: 'pack.json', code: 'JSON_SYNTAX' });
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'NO_PROCESS' })]));
    expect(formatProblem(problems[0])).toMatch(/^pack\.json \/: \[JSON_SYNTAX\] 不是合法的 JSON/);
  });
});
