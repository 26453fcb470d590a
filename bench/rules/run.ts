// Median decision time for a 50-rule set: decide() beside json-rules-engine's raw run() on the
// same rules, same facts, same process. Run: npx tsx bench/rules/run.ts
import { readFileSync } from 'node:fs';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { customOperators, decide, deriveOrgFacts, loadRuleSet, OrgIndex, type OrgModel, type RoutingFacts } from '@yizhan/rules';

const org = new OrgIndex(JSON.parse(readFileSync(new URL('../../rules/examples/longxi/org.json', import.meta.url), 'utf8')) as OrgModel);
const townships = org.units().filter((u) => u.level === 'township').map((u) => u.code);
const types = ['劳资纠纷', '邻里纠纷', '土地权属纠纷', '物业纠纷', '消费纠纷', '医疗纠纷', '信访事项', '婚姻家庭纠纷', '交通事故纠纷', '合同纠纷'];

// 50 rules in the shapes an administrator writes: a type plus a place, an amount band, org operators.
const rules = Array.from({ length: 50 }, (_, i) => ({
  name: `规则${i + 1}`,
  priority: 50 - i,
  conditions: {
    all: [
      { fact: 'case', path: '$.type', operator: 'equal', value: types[i % types.length] },
      i % 3 === 0
        ? { fact: 'case', path: '$.unit', operator: 'within', value: townships[i % townships.length] }
        : i % 3 === 1
          ? { fact: 'involvedTownships', operator: 'countGreaterThan', value: 1 }
          : { fact: 'responsibleDepartments', operator: 'hasDepartmentOfKind', value: ['resident', 'window'] },
      { any: [
        { fact: 'case', path: '$.amount', operator: 'greaterThanInclusive', value: (i % 5) * 20000 },
        { fact: 'data', path: '$.urgent', operator: 'equal', value: true },
      ] },
    ],
  },
  event: { type: 'route', params: { departments: [{ fact: 'responsibleDepartments' }, 'lx.centre'], level: 'county', joint: i % 2 === 0 } },
}));
const ruleSet = loadRuleSet({ name: 'bench-50', hitPolicy: 'COLLECT', defaults: { departments: ['lx.centre'] }, rules });

const raw = new Engine(rules.map((r) => ({ ...r, conditions: r.conditions as unknown as TopLevelCondition }) as RuleProperties), { allowUndefinedFacts: true });
for (const { name, fn } of customOperators(org)) raw.addOperator<unknown, unknown>(name, fn);

const cases: RoutingFacts[] = Array.from({ length: 64 }, (_, i) => ({
  data: { urgent: i % 7 === 0 },
  case: {
    type: types[i % types.length], amount: (i * 7919) % 100000, partyCount: 1 + (i % 9),
    unit: townships[i % townships.length], units: i % 4 === 0 ? [townships[(i + 1) % townships.length]] : [],
  },
}));

async function median(label: string, once: (f: RoutingFacts) => Promise<unknown>, runs: number): Promise<number> {
  for (let i = 0; i < 300; i++) await once(cases[i % cases.length]);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await once(cases[i % cases.length]);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const m = samples[Math.floor(samples.length / 2)];
  console.log(`${label.padEnd(44)} median ${m.toFixed(3)} ms   p90 ${samples[Math.floor(samples.length * 0.9)].toFixed(3)} ms`);
  return m;
}

const runs = Number(process.argv[2] ?? 3000);
console.log(`50 rules, ${runs} decisions each, node ${process.version}`);
// The raw run gets the same facts decide() builds. decide() adds hit policy, params, merge and the explanation,
// and saves time with a direct resolver for plain `$.a.b` paths (the raw engine runs every path through jsonpath-plus).
const rawMedian = await median('json-rules-engine run() (raw)', (f) => raw.run({ ...f, ...deriveOrgFacts(f, org) }), runs);
const ourMedian = await median('decide() (facts + hit policy + explanation)', (f) => decide(ruleSet, f, org), runs);
console.log(`overhead ratio decide / raw = ${(ourMedian / rawMedian).toFixed(2)}×`);
