// Deploying a pack and running scenarios on the store: versions, rejection before anything is
// written, the runner reporting a wrong expectation, and the CLI's default embedded store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type CaseEngine, type Database } from '@yizhan/engine';
import { createPackEngine, deployPack, formatScenarioLine, formatSummary, loadPackDir, PackInvalidError, runScenarios, type PackBundle } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../engine/test/support/databases';

const miniDir = new URL('./fixtures/mini/', import.meta.url).pathname;

describe.each(databaseTargets())('deployPack on $name PostgreSQL', (target) => {
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

  it('deploys every process as <pack id>/<process id>, a new version each time', async () => {
    const first = await deployPack(engine, mini, { actor: 'admin' });
    expect(first).toMatchObject({ packId: 'mini', version: 1, processes: [{ key: 'mini/dispute', version: 1 }] });
    const second = await deployPack(engine, mini);
    expect(second.processes[0]).toMatchObject({ key: 'mini/dispute', version: 2 });
    const def = await engine.definitions.byKey('mini/dispute');
    expect(def.meta).toMatchObject({ pack: 'mini', packVersion: '0.1.0', county: 'mini', file: 'dispute.bpmn' });
    const c = await engine.startCase({ process: 'mini/dispute', data: { applicant: '张三', mobile: '13912345678', type: '劳资纠纷', unit: 'mini.east', description: '欠薪' } });
    expect(c.openTasks.map((t) => [t.elementId, t.candidateGroups])).toEqual([['handle', ['mini.labour']]]);
  });

  it('deploys inside the caller\'s transaction with { client }: a rollback leaves no version behind', async () => {
    const renamed: PackBundle = { ...mini, manifest: { ...mini.manifest, id: 'txmini' } };
    const client = await db.pool.connect();
    let rolledBack = '';
    try {
      await client.query('begin');
      const inTx = await deployPack(engine, renamed, { client });
      expect(inTx.processes[0]).toMatchObject({ key: 'txmini/dispute', version: 1 });
      rolledBack = inTx.processes[0].definitionId;
      // Not visible outside the transaction until the caller commits.
      expect(await engine.definitions.list('txmini/dispute')).toEqual([]);
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect(await engine.definitions.list('txmini/dispute')).toEqual([]);
    // Nor was it cached: the rolled-back id is unknown to the engine.
    await expect(engine.definitions.byIdOrThrow(rolledBack)).rejects.toMatchObject({ code: 'DEFINITION_NOT_FOUND' });
    const committed = await deployPack(engine, renamed);
    expect(committed.processes[0]).toMatchObject({ key: 'txmini/dispute', version: 1 });
  });

  it('rejects an invalid pack with PACK_INVALID before deploying anything', async () => {
    const broken = await loadPackDir(new URL('./broken/script-task/', import.meta.url).pathname);
    const error = await deployPack(engine, { ...broken, manifest: { ...broken.manifest, id: 'never' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackInvalidError);
    expect((error as PackInvalidError).code).toBe('PACK_INVALID');
    expect((error as PackInvalidError).details).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'SCRIPT_NOT_ALLOWED', elementId: 'again' })]));
    expect(await engine.definitions.list('never/dispute')).toEqual([]);
  });

  it('reports a scenario whose expectation does not hold, with what happened instead', async () => {
    const labour = mini.scenarios.labour;
    const wrong: PackBundle = {
      ...mini,
      scenarios: {
        labour,
        wrong: { ...labour, name: '期望错误的场景', routing: { decision: { departments: ['mini.centre'] } }, path: ['evaluate'] },
      },
    };
    const results = await runScenarios(wrong, { databaseUrl: target.adminUrl });
    expect(results.map((r) => [r.name, r.passed])).toEqual([['劳资纠纷由劳动监察调处', true], ['期望错误的场景', false]]);
    expect(results[1].failures).toEqual([
      '分流结果.departments：期望 ["mini.centre"]，实际 ["mini.labour"]',
      '办理路径：期望 evaluate，实际 handle → feedback → evaluate',
    ]);
    expect(formatScenarioLine(results[1])).toMatch(/^✗ 期望错误的场景 \(\d+ ms\)\n {4}- 分流结果/);
    expect(formatSummary(results)).toBe('1 passed, 1 failed');
  });

  it('fails a step acted on by a user outside the task\'s candidate groups', async () => {
    const labour = mini.scenarios.labour;
    const steps = [{ complete: 'handle', as: 'east', data: { note: '越权办理' } }];
    const [result] = await runScenarios({ ...mini, scenarios: { x: { ...labour, steps, path: undefined, status: undefined } } }, { databaseUrl: target.adminUrl });
    expect(result.passed).toBe(false);
    expect(result.failures[0]).toContain('east（mini.t.east）不在任务「handle」的候选组中');
  });
});

describe('runScenarios without a database URL', () => {
  it('runs on a throwaway embedded PostgreSQL, as `yizhan pack test` does by default', async () => {
    const results = await runScenarios(await loadPackDir(miniDir));
    expect(results.map((r) => r.passed)).toEqual([true, true]);
  }, 120_000);
});
