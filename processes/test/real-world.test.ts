// Real-world BPMN files: exports shaped like those of Camunda Modeler 7, the bpmn.io demo,
// Signavio, Bizagi and Camunda 8, a collaboration with lanes and message flows, data objects,
// ISO-8859-1 and UTF-16 files (test/real-world/). expected.json declares each one's outcome: it
// deploys and a case runs to the end on the real engine and database, with one warning per
// ignored kind; or it is refused by the engine's own deploy, naming the element and the
// alternative. Every message is Chinese, carries its element id, and no parser English.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BpmnInvalidError, builtinHandlers, checkDeployment, openDatabase, readBpmn, type CaseEngine, type Database, type ErrorDetail } from '@yizhan/engine';
import { createPackEngine } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../engine/test/support/databases';

interface Expected {
  shape: string;
  outcome: 'runs' | 'rejected';
  process?: string;
  processName?: string;
  tasks?: string[];
  warnings?: string[];
  warningMessages?: string[];
  problems?: { code: string; elementId: string; message: string }[];
  onlyOnce?: string;
}

const root = new URL('./real-world/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', root), 'utf8')) as Record<string, Expected>;
const files = Object.keys(expected).sort();
const ENGLISH = /unparsable|unresolved|unknown (type|attribute)|nested error|line: \d|detected|failed to parse/i;

/** Reads and checks a file as the engine's deploy does; a file that does not parse gives its parse problems. */
async function check(file: string): Promise<{ problems: ErrorDetail[]; warnings: ErrorDetail[]; xml?: string }> {
  const bytes = readFileSync(new URL(file, root));
  try {
    const doc = await readBpmn(bytes);
    const warnings: ErrorDetail[] = [];
    return { problems: checkDeployment(doc, { handlers: builtinHandlers }, warnings), warnings, xml: doc.xml };
  } catch (err) {
    if (!(err instanceof BpmnInvalidError)) throw err;
    return { problems: err.details, warnings: [] };
  }
}

function expectReadable(details: ErrorDetail[]): void {
  for (const d of details) {
    expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    expect(d.message).not.toMatch(ENGLISH);
    if (d.elementId) expect(d.message.startsWith(`${d.elementId}：`)).toBe(true);
    expect(d.message).not.toMatch(/警告\s*警告|错误\s*错误/);
  }
}

describe('the real-world corpus', () => {
  it('covers the exporting tools and encodings the issue names', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.filter((f) => expected[f].outcome === 'runs').length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s: every message is Chinese, names its element, and each ignored kind is said once', async (file) => {
    const { problems, warnings } = await check(file);
    expectReadable([...problems, ...warnings]);
    const want = expected[file];
    if (want.outcome === 'runs') {
      expect(problems).toEqual([]);
      expect(warnings.map((w) => w.code).sort()).toEqual([...(want.warnings ?? [])].sort());
      for (const m of want.warningMessages ?? []) expect(warnings.map((w) => w.message).join('\n')).toContain(m);
    } else {
      for (const p of want.problems ?? []) {
        expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: p.code, elementId: p.elementId, message: expect.stringContaining(p.message) })]));
      }
      if (want.onlyOnce) expect(problems.filter((p) => p.code === want.onlyOnce).length).toBe(1);
    }
  });
});

describe.each(databaseTargets())('real-world files on the engine, $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = createPackEngine({ pool: db.pool });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it.each(files)('%s: the declared outcome', async (file) => {
    const want = expected[file];
    const key = `real-world/${file.replace(/\.bpmn$/, '')}`;
    const bpmn = (await readBpmn(readFileSync(new URL(file, root)))).xml;
    if (want.outcome === 'rejected') {
      const refused = await engine.deploy({ key, bpmn }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(BpmnInvalidError);
      const details = (refused as BpmnInvalidError).details;
      expectReadable(details);
      for (const p of want.problems ?? []) expect(details).toEqual(expect.arrayContaining([expect.objectContaining({ code: p.code, elementId: p.elementId })]));
      return;
    }
    const def = await engine.deploy({ key, bpmn });
    expect(def.processId).toBe(want.process);
    // what the deploy ignored is kept with the version, one line per kind
    expect(def.meta.warnings?.length ?? 0).toBe(want.warnings?.length ?? 0);
    if (want.processName) expect(def.name).toBe(want.processName);
    let c = await engine.startCase({ process: key, data: {} });
    const done: string[] = [];
    while (c.status === 'active' && c.openTasks.length > 0 && done.length < 10) {
      const task = c.openTasks[0];
      done.push(task.elementId);
      c = await engine.completeTask(task.id, {}, 'tester', { force: true });
    }
    expect(done).toEqual(want.tasks);
    expect(c.status).toBe('completed');
  });
});
