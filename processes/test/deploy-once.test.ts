// One deploy pipeline: deploying a pack reads each BPMN file once and checks it once — the pack
// validator reads and checks, and the engine deploys the documents it checked. The engine's
// instrumentation hook (observeBpmnPipeline) counts the reads and checks; nothing is mocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeBpmnPipeline, openDatabase, readBpmn, type CaseEngine, type Database, type PipelineStep } from '@yizhan/engine';
import { checkPack, createPackEngine, deployPack, loadPackDir, PACKS_ROOT, type PackBundle } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../engine/test/support/databases';

/** What the pipeline did while `run` ran: per step, how many times each file (by its XML) was seen. */
async function observe(bundle: PackBundle, run: () => Promise<unknown>): Promise<Record<PipelineStep, Record<string, number>>> {
  const fileOf = new Map(Object.entries(bundle.bpmn).map(([file, xml]) => [xml, file]));
  const seen: Record<PipelineStep, Record<string, number>> = { read: {}, check: {} };
  const stop = observeBpmnPipeline((step, doc) => {
    const file = fileOf.get(doc.xml) ?? '(other)';
    seen[step][file] = (seen[step][file] ?? 0) + 1;
  });
  try {
    await run();
  } finally {
    stop();
  }
  return seen;
}

const once = (bundle: PackBundle) => Object.fromEntries(Object.keys(bundle.bpmn).map((f) => [f, 1]));

describe.each(databaseTargets())('one deploy pipeline on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;
  let zhangye: PackBundle;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = createPackEngine({ pool: db.pool });
    zhangye = await loadPackDir(`${PACKS_ROOT}/zhangye`); // two BPMN files
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('deployPack reads and checks each BPMN file once', async () => {
    expect(Object.keys(zhangye.bpmn).length).toBe(2);
    let deployed: Awaited<ReturnType<typeof deployPack>> | undefined;
    const seen = await observe(zhangye, async () => { deployed = await deployPack(engine, zhangye); });
    expect(seen).toEqual({ read: once(zhangye), check: once(zhangye) });
    expect(deployed?.processes.length).toBe(2);
  });

  it('the server path (checkPack, then deployPack with the checked pack) too: validated once, not twice', async () => {
    const bundle: PackBundle = { ...zhangye, manifest: { ...zhangye.manifest, id: 'zhangye-once' } };
    const seen = await observe(bundle, async () => {
      const checked = await checkPack(bundle);
      expect(checked.problems).toEqual([]);
      await deployPack(engine, bundle, { checked });
    });
    expect(seen).toEqual({ read: once(bundle), check: once(bundle) });
  });

  it('the engine checks a document itself unless it was checked with the same forms, rule sets and handlers', async () => {
    const [file, xml] = Object.entries(zhangye.bpmn)[0];
    const input = { key: 'once/raw', bpmn: xml, forms: zhangye.forms, ruleSets: zhangye.rules, org: zhangye.manifest.org };
    // XML only: read and checked by the engine's deploy
    expect(await observe(zhangye, () => engine.deploy(input))).toEqual({ read: { [file]: 1 }, check: { [file]: 1 } });
    // a document read but never checked: checked, not read again
    const document = await readBpmn(xml);
    expect(await observe(zhangye, () => engine.deploy({ ...input, document }))).toEqual({ read: {}, check: { [file]: 1 } });
    // now checked with these forms: deployed as it is
    expect(await observe(zhangye, () => engine.deploy({ ...input, document }))).toEqual({ read: {}, check: {} });
    // other rule sets than it was checked with: checked again — and refused, the route task's rule set missing
    const refused = await engine.deploy({ ...input, document, ruleSets: {} }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'BPMN_INVALID', details: expect.arrayContaining([expect.objectContaining({ code: 'RULESET_MISSING' })]) });
  });
});
