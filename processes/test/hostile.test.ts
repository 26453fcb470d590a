// The hostile-pack corpus (issue 11): each folder under test/hostile/ is the valid
// test/fixtures/mini pack turned into an attack that once took the server down (a loop nothing
// waits in, a runaway or out-of-range timer, a huge or deeply nested rule set); expect.json names
// the code the validator must refuse it with — the same check the engine makes at deploy.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectCorpusProblem } from './support/corpus';

const root = new URL('./hostile/', import.meta.url);
const cases = readdirSync(root).sort();

describe('hostile packs', () => {
  it('cover every attack of the campaign', () => {
    expect(cases).toEqual(['loop-gateway-task', 'loop-service-gateway', 'rules-too-deep', 'rules-too-large', 'timer-cycle-second', 'timer-cycle-zero', 'timer-far-future']);
  });

  it.each(cases)('%s is refused with its code', async (name) => {
    const dir = new URL(`./${name}/`, root).pathname;
    await expectCorpusProblem(dir);
  });
});
