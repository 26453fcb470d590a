// The broken-pack corpus: each folder under test/broken/ is the valid test/fixtures/mini pack
// with one mistake, and expect.json names the problem the validator must report for it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPackDir, validatePack, type PackProblem } from '../src';

const root = new URL('./broken/', import.meta.url);
const cases = readdirSync(root).sort();

interface Expectation {
  description: string;
  code: string;
  file: string;
  elementId?: string;
  pointer?: string;
  message: string;
}

describe('broken packs', () => {
  it('are at least 15', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it('start from a valid pack', async () => {
    expect(await validatePack(await loadPackDir(new URL('./fixtures/mini/', import.meta.url).pathname))).toEqual([]);
  });

  it.each(cases)('%s is rejected with its specific problem', async (name) => {
    const dir = new URL(`./${name}/`, root).pathname;
    const want = JSON.parse(readFileSync(`${dir}/expect.json`, 'utf8')) as Expectation;
    const problems = await validatePack(await loadPackDir(dir));
    const match: Partial<PackProblem> = { code: want.code, file: want.file };
    if (want.elementId !== undefined) match.elementId = want.elementId;
    if (want.pointer !== undefined) match.pointer = want.pointer;
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ ...match, message: expect.stringContaining(want.message) })]));
    for (const p of problems) {
      expect(p.message).toMatch(/[\u4e00-\u9fff]/); // Chinese, for the administrator
      expect(p.elementId !== undefined || p.pointer !== undefined || p.code === 'MANIFEST_MISSING' || p.code === 'BPMN_PARSE').toBe(true);
    }
  });
});
