// 流程版本迁移 on a real pack: Longxi's scenarios, each stopped after every one of its steps, leave
// cases waiting everywhere the process can wait (joint mediation's parallel tasks, the boundary
// timers of handling, 回访 …). Deployed again as a new version with the same elements, every one of
// them migrates without a mapping, keeps its open tasks and timers, and runs the rest of its
// scenario on the new version.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '@yizhan/engine';
import { databaseTargets } from '../../engine/test/support/databases';
import { loadPackDir } from '../src/packs';
import { startTestServer, type TestServer } from './support/harness';

const LONGXI = fileURLToPath(new URL('../../processes/longxi/', import.meta.url));
const PROCESS = 'longxi/dispute';

interface Step { complete?: string; as?: string; data?: Record<string, unknown> }
interface Scenario { name: string; start: { as: string; data: Record<string, unknown> }; steps: Step[]; path?: string[] }

const scenarios: Scenario[] = readdirSync(new URL('scenarios/', `file://${LONGXI}`))
  .filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(new URL(`scenarios/${f}`, `file://${LONGXI}`), 'utf8')) as Scenario)
  .filter((x) => Array.isArray(x.steps) && x.path); // the ones that run (not the invalid-input scenarios)

describe.each(databaseTargets())('migrating Longxi cases at every step of its scenarios on $name PostgreSQL', (target) => {
  let s: TestServer;
  const cases: { scenario: Scenario; done: number; view: CaseView }[] = [];

  beforeAll(async () => {
    s = await startTestServer(target);
    await s.yizhan.services.packs.deploy(await loadPackDir(LONGXI), 'test');
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Completes the scenario's `complete` steps from `from` on while they apply; how many it did. */
  const play = async (c: CaseView, steps: Step[], from: number, upTo: number) => {
    let view = c;
    let done = from;
    for (const step of steps.slice(from, upTo)) {
      if (!step.complete) continue;
      const task = view.openTasks.find((t) => t.elementId === step.complete);
      if (!task) break; // the scenario moves the clock or sends a message here: stop
      try {
        view = await s.engine.completeTask(task.id, step.data ?? {}, step.as, { force: true });
      } catch {
        break; // a step the scenario runner fills in (dates) or expects to be refused: stop here
      }
      done = steps.indexOf(step) + 1;
    }
    return { view, done };
  };

  it('every running case moves to the new version without a mapping and finishes its scenario there', async () => {
    for (const scenario of scenarios) {
      const completes = scenario.steps.filter((x) => x.complete).length;
      for (let k = 0; k <= completes; k++) {
        const started = await s.engine.startCase({ process: PROCESS, data: scenario.start.data, actor: scenario.start.as });
        const upTo = k === 0 ? 0 : scenario.steps.indexOf(scenario.steps.filter((x) => x.complete)[k - 1]) + 1;
        const { view, done } = await play(started, scenario.steps, 0, upTo);
        if (view.status === 'active') cases.push({ scenario, done, view });
      }
    }
    const waitingAt = new Set(cases.flatMap((c) => c.view.openTasks.map((t) => t.elementId)));
    expect(cases.length).toBeGreaterThan(30);
    expect(waitingAt.size).toBeGreaterThan(5);

    const before = await s.db.pool.query(`select case_id, id::text as id, element_id, assignee, due_at from tasks where status = 'open' union all
      select case_id, id::text, element_id, null, due_at from timers where status = 'pending' order by 1, 2`);
    const bundle = await loadPackDir(LONGXI);
    bundle.manifest.version = '99.0.0';
    await s.yizhan.services.packs.deploy(bundle, 'test');
    const latest = (await s.engine.definitions.byKey(PROCESS)).version;

    const plan = await s.engine.planMigration({ processKey: PROCESS, fromVersion: latest - 1, toVersion: latest });
    expect(plan.cases.filter((c) => !c.migratable)).toEqual([]);
    expect(plan).toMatchObject({ ok: true, caseCount: cases.length });
    const run = await s.engine.migrateCases({ processKey: PROCESS, fromVersion: latest - 1, toVersion: latest, actor: 'admin' });
    expect(run.results.filter((r) => r.status !== 'migrated')).toEqual([]);
    expect(run.migrated).toBe(cases.length);
    const after = await s.db.pool.query(`select case_id, id::text as id, element_id, assignee, due_at from tasks where status = 'open' union all
      select case_id, id::text, element_id, null, due_at from timers where status = 'pending' order by 1, 2`);
    expect(after.rows).toEqual(before.rows);

    s.engine.forgetLiveEngines();
    for (const c of cases) {
      const now = await s.engine.getCase(c.view.id);
      expect(now.definitionId).not.toBe(c.view.definitionId);
      const { view } = await play(now, c.scenario.steps, c.done, c.scenario.steps.length);
      // the scenario's steps go on as they would have on the old version
      expect(['active', 'completed'], `${c.scenario.name} after ${c.done}`).toContain(view.status);
    }
  }, 300_000);
});
