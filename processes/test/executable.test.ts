// isExecutable (issue 13): a process without isExecutable="true" — the attribute left out, as
// hand-written files do, or "false", as bpmn.io and Signavio export — is treated the same way by
// the pack validator (`yizhan pack validate`), by the deploy (the pack's and the engine's own) and
// by a case start: refused with NO_EXECUTABLE_PROCESS naming the process, nothing stored, and no
// case started. With the attribute set, the same file validates, deploys and starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BpmnInvalidError, openDatabase, type CaseEngine, type Database } from '@yizhan/engine';
import { createPackEngine, deployPack, loadPackDir, PackInvalidError, validatePack, type PackBundle } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../engine/test/support/databases';

const miniDir = new URL('./fixtures/mini/', import.meta.url).pathname;
const FILE = 'dispute.bpmn';
const INTAKE = { applicant: '张三', mobile: '13912345678', type: '劳资纠纷', unit: 'mini.east', description: '欠薪' };

const variants: [string, (xml: string) => string][] = [
  ['isExecutable left out', (xml) => xml.replace(' isExecutable="true"', '')],
  ['isExecutable="false"', (xml) => xml.replace('isExecutable="true"', 'isExecutable="false"')],
];

/** The mini pack under id `id`, its process's isExecutable changed by `edit`. */
function variant(mini: PackBundle, id: string, edit: (xml: string) => string): PackBundle {
  const xml = mini.bpmn[FILE];
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  return { ...mini, manifest: { ...mini.manifest, id }, bpmn: { ...mini.bpmn, [FILE]: edited } };
}

describe.each(databaseTargets())('a process not marked executable, on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;
  let mini: PackBundle;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = createPackEngine({ pool: db.pool });
    mini = await loadPackDir(miniDir);
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it.each(variants)('%s: validate, deploy and start all refuse it, naming the process', async (_name, edit) => {
    const id = `noexec${variants.findIndex(([, e]) => e === edit)}`;
    const pack = variant(mini, id, edit);
    const key = `${id}/dispute`;
    const fields = { code: 'NO_EXECUTABLE_PROCESS', elementId: 'dispute', message: expect.stringContaining('isExecutable=true') };
    const named = expect.objectContaining(fields);

    // validate
    const problems = await validatePack(pack);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ ...fields, file: FILE })]));
    expect(problems.find((p) => p.code === 'NO_EXECUTABLE_PROCESS')?.message).toContain('流程未标记为可执行');

    // deploy: the pack's deploy, and the engine's own (what an API client reaching the engine does)
    const packRefused = await deployPack(engine, pack).catch((e: unknown) => e);
    expect(packRefused).toBeInstanceOf(PackInvalidError);
    expect((packRefused as PackInvalidError).details).toEqual(expect.arrayContaining([named]));
    const engineRefused = await engine.deploy({ key, bpmn: pack.bpmn[FILE] }).catch((e: unknown) => e);
    expect(engineRefused).toBeInstanceOf(BpmnInvalidError);
    expect((engineRefused as BpmnInvalidError).details).toEqual([named]);
    expect(await engine.definitions.list(key)).toEqual([]);

    // start: there is nothing to start — the start does not get as far as bpmn-engine's
    // "No executable processes", and no case row is written
    const before = (await db.pool.query('select count(*)::int as n from cases')).rows[0].n;
    const startRefused = await engine.startCase({ process: key, data: INTAKE }).catch((e: unknown) => e);
    expect(startRefused).toMatchObject({ code: 'DEFINITION_NOT_FOUND' });
    expect(String((startRefused as Error).message)).not.toMatch(/No executable/i);
    expect((await db.pool.query('select count(*)::int as n from cases')).rows[0].n).toBe(before);
  });

  it('marked isExecutable="true", the same file validates, deploys and starts', async () => {
    const pack = variant(mini, 'exec', (xml) => xml.replace('isExecutable="true"', 'isExecutable="true" '));
    expect((await validatePack(pack)).filter((p) => p.code === 'NO_EXECUTABLE_PROCESS')).toEqual([]);
    const deployed = await deployPack(engine, pack);
    expect(deployed.processes).toEqual([expect.objectContaining({ key: 'exec/dispute', version: 1 })]);
    const c = await engine.startCase({ process: 'exec/dispute', data: INTAKE });
    expect(c.status).toBe('active');
    expect(c.openTasks.map((t) => t.elementId)).toEqual(['handle']);
  });
});
