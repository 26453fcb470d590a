// The broken-pack corpus: each folder under test/broken/ is the valid test/fixtures/mini pack
// with one mistake, and expect.json names the problem the validator must report for it.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPackDir, validatePack } from '../src';
import { expectCorpusProblem } from './support/corpus';

const root = new URL('./broken/', import.meta.url);
const cases = readdirSync(root).sort();

describe('broken packs', () => {
  it('are at least 15', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it('start from a valid pack', async () => {
    expect(await validatePack(await loadPackDir(new URL('./fixtures/mini/', import.meta.url).pathname))).toEqual([]);
  });

  it.each(cases)('%s is rejected with its specific problem', async (name) => {
    const dir = new URL(`./${name}/`, root).pathname;
    const problems = await expectCorpusProblem(dir);
    for (const p of problems) {
      expect(p.elementId !== undefined || p.pointer !== undefined || p.code === 'MANIFEST_MISSING' || p.code === 'BPMN_PARSE').toBe(true);
    }
  });
});
