// The five county packs, as CI checks them: each validates clean and all its scenarios pass on
// both PostgreSQL targets (the embedded server and the server at 127.0.0.1:5432).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatScenarioLine, formatSummary, listPackDirs, loadPackDir, runScenarios, validatePack, type PackBundle, type Scenario, type ScenarioStep } from '../src';
import { databaseTargets } from '../../engine/test/support/databases';

const PACKS = ['fugu', 'gonghe', 'longxi', 'tongguan', 'zhangye'];
const bundles = new Map<string, PackBundle>();

beforeAll(async () => {
  for (const dir of await listPackDirs()) bundles.set(basename(dir), await loadPackDir(dir));
});

describe('the five county packs', () => {
  it('are the folders `yizhan serve` deploys', async () => {
    expect((await listPackDirs()).map((d) => basename(d))).toEqual(PACKS);
  });

  it.each(PACKS)('%s validates without a problem, warnings included', async (id) => {
    const bundle = bundles.get(id)!;
    expect(bundle.manifest.id).toBe(id);
    expect(await validatePack(bundle, { warnings: true })).toEqual([]);
  });

  it.each(PACKS)('%s has at least 8 scenarios covering joint mediation, a timed escalation, a 退回 and the evaluation', (id) => {
    const scenarios = Object.values(bundles.get(id)!.scenarios);
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    const steps: ScenarioStep[] = scenarios.flatMap((s) => s.steps ?? []);
    expect(scenarios.some((s) => s.routing?.decision?.joint === true)).toBe(true);
    expect(steps.some((s) => 'advance' in s && s.expect?.history?.includes('timer.fired'))).toBe(true);
    expect(steps.some((s) => 'return' in s)).toBe(true);
    expect(steps.some((s) => 'complete' in s && s.data?.satisfaction === 'dissatisfied')).toBe(true);
    expect(scenarios.some((s) => s.status === 'completed' && (s.path ?? []).some((t) => t === 'evaluate'))).toBe(true);
  });
});

describe.each(databaseTargets())('pack scenarios on $name PostgreSQL', (target) => {
  it.each(PACKS)('%s: every scenario passes', async (id) => {
    const lines: string[] = [];
    const results = await runScenarios(bundles.get(id)!, { databaseUrl: target.adminUrl, onResult: (r) => lines.push(formatScenarioLine(r)) });
    const failed = results.filter((r) => !r.passed);
    expect(failed.map(formatScenarioLine)).toEqual([]);
    expect(results.length).toBe(Object.keys(bundles.get(id)!.scenarios).length);
    expect(formatSummary(results)).toBe(`${results.length} passed, 0 failed`);
    expect(lines).toHaveLength(results.length);
  });
});

describe.each(databaseTargets())('the README scenario examples on $name PostgreSQL', (target) => {
  it('run against the Longxi pack (the full examples of §6, the lifecycle one included) and validate', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## 6. Scenarios'), readme.indexOf('## 7. Validation'));
    const examples = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as Scenario);
    expect(examples.length).toBe(2);
    expect(examples[1].steps?.some((s) => 'extend' in s) && examples[1].steps?.some((s) => 'suspend' in s)).toBe(true);
    const longxi = bundles.get('longxi')!;
    const scenarios = Object.fromEntries(examples.map((e, i) => [`readme-${i + 1}`, e]));
    expect((await validatePack({ ...longxi, scenarios })).map((p) => `${p.file} ${p.pointer}: ${p.message}`)).toEqual([]);
    const results = await runScenarios({ ...longxi, scenarios }, { databaseUrl: target.adminUrl });
    expect(results.map((r) => r.failures)).toEqual([[], []]);
  });

  it('shows every step type the schema knows, each line a valid step', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## 6. Scenarios'), readme.indexOf('## 7. Validation'));
    const lines = /```jsonc\n([\s\S]*?)```/.exec(section)![1].trim().split('\n').map((l) => JSON.parse(l) as ScenarioStep);
    const schema = JSON.parse(readFileSync(new URL('../schema/scenario.schema.json', import.meta.url), 'utf8')) as { definitions: { step: { oneOf: { required: string[] }[] } } };
    const kinds = schema.definitions.step.oneOf.map((b) => b.required[0]);
    expect(lines.map((l) => kinds.find((k) => k in l))).toEqual(kinds);
    for (const kind of kinds) expect(section).toContain(`| \`${kind}\` |`);
    const longxi = bundles.get('longxi')!;
    const steps = lines.filter((l) => !('signal' in l)); // no shipped pack catches a signal
    const problems = await validatePack({ ...longxi, scenarios: { steps: { name: '每种步骤', start: { data: {} }, steps } } });
    expect(problems.filter((p) => p.file === 'scenarios/steps.json')).toEqual([]);
  });
});
