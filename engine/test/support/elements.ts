// The harness of the BPMN element tests: one database per target, a CaseEngine with cacheSize 0
// (every step recovers the engine from the store), an injected clock, and small BPMN fixtures read
// from engine/test/fixtures/elements/.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { CaseEngine, ManualClock, openDatabase, type CaseView, type Database } from '../../src';
import { createTestDatabase, type DatabaseTarget, type TestDatabase } from './databases';

export function elementBpmn(name: string): string {
  return readFileSync(new URL(`../fixtures/elements/${name}.bpmn`, import.meta.url), 'utf8');
}

export interface ElementHarness {
  engine: CaseEngine;
  clock: ManualClock;
  db: Database;
  /** Deploys fixture `name` under key `el/<name>`. */
  deploy(name: string): Promise<void>;
  start(name: string, data?: Record<string, unknown>): Promise<CaseView>;
  /** Completes the one open task of `elementId` (fails when there is not exactly one). */
  complete(c: CaseView, elementId: string, data?: Record<string, unknown>): Promise<CaseView>;
  /** Open tasks' element ids, sorted. */
  open(c: CaseView): string[];
  close(): Promise<void>;
}

export async function elementHarness(target: DatabaseTarget): Promise<ElementHarness> {
  const tdb: TestDatabase = await createTestDatabase(target);
  const db = await openDatabase({ url: tdb.url });
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  const engine = new CaseEngine({ pool: db.pool, clock, cacheSize: 0 });
  return {
    engine,
    clock,
    db,
    async deploy(name) {
      await engine.deploy({ key: `el/${name}`, bpmn: elementBpmn(name) });
    },
    start(name, data = {}) {
      return engine.startCase({ process: `el/${name}`, data, actor: 'clerk' });
    },
    async complete(c, elementId, data = {}) {
      const fresh = await engine.getCase(c.id);
      const tasks = fresh.openTasks.filter((t) => t.elementId === elementId);
      expect(tasks.map((t) => t.elementId)).toEqual([elementId]);
      return engine.completeTask(tasks[0].id, data, 'staff');
    },
    open(c) {
      return c.openTasks.map((t) => t.elementId).sort();
    },
    async close() {
      await db.close();
      await tdb.drop();
    },
  };
}
