// The example in engine/README.md, run as written (embedded PostgreSQL in a temp dir).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CaseEngine, ManualClock, openDatabase } from '../src';

it('runs the README example on a fresh embedded PostgreSQL', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yizhan-readme-'));
  const bpmn = readFileSync(new URL('./fixtures/joint-mediation.bpmn', import.meta.url), 'utf8');
  const log: string[] = [];
  // --- README example ---
  const db = await openDatabase({ dataDir }); // or { url: process.env.DATABASE_URL }
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  const engine = new CaseEngine({
    pool: db.pool,
    clock,
    handlers: {
      // a stand-in for a pack's rule set; the built-in `route` handler uses @yizhan/rules
      route: async () => ({ variables: { decision: { joint: false, departments: ['labour'], dueIn: 'P1D' } } }),
    },
  });
  await engine.deploy({
    key: 'demo/dispute',
    bpmn,
    forms: {
      intake: { schema: { type: 'object', required: ['applicant'], properties: { applicant: { type: 'string' } } } },
      mediation: { schema: { type: 'object', properties: { result: { type: 'string' } } } },
      feedback: { schema: { type: 'object' } },
      evaluation: { schema: { type: 'object' } },
    },
    ruleSets: { routing: {} },
  });
  let c = await engine.startCase({ process: 'demo/dispute', data: { applicant: '张三' }, actor: 'clerk' });
  log.push(`${c.openTasks[0].name} → ${c.openTasks[0].candidateGroups.join(',')}, due ${c.openTasks[0].dueAt?.toISOString()}`);
  clock.advance('P31D');
  await engine.fireDueTimers(); // the P30D boundary timer escalates to 挂牌督办
  c = await engine.getCase(c.id);
  log.push(c.openTasks.map((t) => t.name).join(','));
  while (c.status !== 'completed') c = await engine.completeTask(c.openTasks[0].id, c.openTasks[0].formKey === 'mediation' ? { result: 'success' } : {}, 'staff');
  log.push(c.status);
  await db.close();
  // --- end ---
  rmSync(dataDir, { recursive: true, force: true });
  expect(log).toEqual(['调处 → labour, due 2026-03-03T01:00:00.000Z', '挂牌督办', 'completed']);
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme).toContain("await engine.fireDueTimers(); // the P30D boundary timer escalates to 挂牌督办");
});
