// One check for the pack corpora (test/broken/, test/hostile/): each folder is the valid
// test/fixtures/mini pack with one mistake or attack, and its expect.json names the problem the
// validator must report — code, file, element id or JSON pointer, and part of the message.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadPackDir, validatePack, type PackProblem } from '../../src';

interface Expectation {
  description: string;
  code: string;
  file: string;
  elementId?: string;
  pointer?: string;
  message: string;
}

/** Validates the pack in `dir`, asserts its expected problem is among those reported (all in Chinese), and returns them. */
export async function expectCorpusProblem(dir: string): Promise<PackProblem[]> {
  const want = JSON.parse(readFileSync(`${dir}/expect.json`, 'utf8')) as Expectation;
  const problems = await validatePack(await loadPackDir(dir));
  const match: Partial<PackProblem> = { code: want.code, file: want.file };
  if (want.elementId !== undefined) match.elementId = want.elementId;
  if (want.pointer !== undefined) match.pointer = want.pointer;
  expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ ...match, message: expect.stringContaining(want.message) })]));
  for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/); // Chinese, for the administrator
  return problems;
}
