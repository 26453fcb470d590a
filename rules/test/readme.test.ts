// The README's example is a file in examples/longxi; this runs it and checks the README shows it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide, type Decision, type RoutingFacts } from '../src/index';
import example from '../examples/longxi/example-case.json';
import { longxi, longxiRouting } from './support/longxi';

describe('README example', () => {
  it('routes the example case as the README says', async () => {
    const { decision, explanation } = await decide(longxiRouting, example.facts as RoutingFacts, longxi);
    expect(decision).toEqual(example.decision as Decision);
    expect(explanation.summary).toBe(example.summary);
  });

  it('is quoted in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(example.summary);
    expect(readme).toContain(JSON.stringify(example.facts.case));
  });
});
