// 流程版本迁移 over HTTP: the fixture process's version 2 drops 反馈 (feedback) and adds 复核
// (review) after 调处. Cases waiting at 调处 move and end through 复核; those at 反馈 are refused
// with the element named and end on version 1; the 调处超期 timer version 2 adds is armed on the
// cases that move. The plan changes nothing; a bad mapping is 422 with
// the element id; a clerk, or another county's administrator, cannot migrate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { intake, otherCountyPack, packFiles, PASSWORD, PROCESS, startTestServer, type Json, type TestServer } from './support/harness';
import { runYizhan } from './support/cli';

/** A test that runs the `yizhan` CLI several times: each run starts Node and tsx (seconds apiece on a busy machine). */
const CLI_TIMEOUT = 180_000;

/** Version 2 of the fixture's BPMN: 反馈 (feedback) replaced by 复核 (review) after 调处, which gets a non-interrupting 3-day 调处超期 timer. */
function versionTwo(): Record<string, string> {
  const files = packFiles('2.0.0');
  files['dispute.bpmn'] = files['dispute.bpmn']
    .replace('id="feedback" name="反馈"', 'id="review" name="复核"')
    .replace('targetRef="feedback"', 'targetRef="review"')
    .replace('sourceRef="feedback"', 'sourceRef="review"')
    .replace('id="feedback_di" bpmnElement="feedback"', 'id="review_di" bpmnElement="review"')
    .replace('</bpmn:process>', '<bpmn:boundaryEvent id="handleOverdue" name="调处超期" attachedToRef="handle" cancelActivity="false"><bpmn:outgoing>fOverdue</bpmn:outgoing>'
      + '<bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>'
      + '<bpmn:sequenceFlow id="fOverdue" sourceRef="handleOverdue" targetRef="overdueNoted" />'
      + '<bpmn:endEvent id="overdueNoted" name="超期已记录"><bpmn:incoming>fOverdue</bpmn:incoming></bpmn:endEvent></bpmn:process>')
    .replace('</bpmndi:BPMNPlane>', '<bpmndi:BPMNShape id="handleOverdue_di" bpmnElement="handleOverdue"><dc:Bounds x="357" y="92" width="36" height="36" /></bpmndi:BPMNShape>'
      + '<bpmndi:BPMNShape id="overdueNoted_di" bpmnElement="overdueNoted"><dc:Bounds x="357" y="172" width="36" height="36" /></bpmndi:BPMNShape>'
      + '<bpmndi:BPMNEdge id="fOverdue_di" bpmnElement="fOverdue"><di:waypoint x="375" y="128" /><di:waypoint x="375" y="172" /></bpmndi:BPMNEdge></bpmndi:BPMNPlane>');
  return files;
}



describe.each(databaseTargets())('migrating running cases over HTTP on $name PostgreSQL', (target) => {
  let s: TestServer;
  let admin: string;
  const atHandle: string[] = [];
  const atFeedback: string[] = [];

  beforeAll(async () => {
    s = await startTestServer(target);
    admin = await s.login('countyadmin');
    const clerka = await s.login('clerka');
    for (let i = 0; i < 6; i++) {
      const r = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: intake('t-a-1') } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      if (i < 2) {
        const done = await s.request('POST', `/api/tasks/${r.body.openTasks[0].id}/complete`, { token: clerka, body: { data: { result: 'success' } } });
        expect(done.status, JSON.stringify(done.body)).toBe(200);
        atFeedback.push(r.body.id);
      } else atHandle.push(r.body.id);
    }
    const deployed = await s.request('POST', '/api/packs', { token: await s.login('integrator'), body: { files: versionTwo() } });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
  });
  afterAll(async () => {
    await s?.close();
  });

  const body = (extra: Json = {}) => ({ processKey: PROCESS, fromVersion: 1, toVersion: 2, ...extra });
  const snapshot = async () => (await s.db.pool.query(
    `select (select md5(string_agg(c::text, '' order by id)) from cases c) as cases, (select md5(string_agg(t::text, '' order by id)) from tasks t) as tasks,
            (select md5(string_agg(t::text, '' order by id)) from timers t) as timers, (select count(*)::int from history) as history,
            (select count(*)::int from case_migrations) as runs`)).rows[0];
  /** Completes the case's open tasks as their handlers would until it ends; the steps passed. */
  const finish = async (caseId: string) => {
    const steps: string[] = [];
    for (let n = 0; n < 10; n++) {
      const c = await s.request('GET', `/api/cases/${caseId}`, { token: admin });
      if (c.body.status !== 'active') {
        expect(c.body.status).toBe('completed');
        return steps;
      }
      const t = c.body.openTasks[0];
      steps.push(t.elementId);
      const who = t.elementId === 'handle' ? 'clerka' : 'centre';
      const data = t.elementId === 'handle' ? { result: 'success' } : { message: '已回复当事人' };
      const r = await s.request('POST', `/api/tasks/${t.id}/complete`, { token: await s.login(who), body: { data } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    throw new Error('case did not end');
  };

  it('lists the process with running cases on version 1', async () => {
    const r = await s.request('GET', '/api/migrations/versions', { token: admin });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual([{ processKey: PROCESS, name: expect.any(String), latestVersion: 2, versions: [{ version: 1, runningCases: 6 }] }]);
  });

  it('plans without changing anything: the mapping proposed, 反馈 unmapped, each case with its reason', async () => {
    const before = await snapshot();
    const r = await s.request('POST', '/api/migrations/plan', { token: admin, body: body() });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await snapshot()).toEqual(before);
    expect(r.body).toMatchObject({ processKey: PROCESS, fromVersion: 1, toVersion: 2, caseCount: 6, migratableCount: 4, ok: false, mapping: { handle: 'handle' } });
    expect(r.body.mapping.feedback).toBeUndefined();
    const byId = new Map(r.body.elements.map((e: Json) => [e.elementId, e]));
    expect(byId.get('handle')).toMatchObject({
      name: '调处', type: 'bpmn:UserTask', caseCount: 4, mappedTo: 'handle', proposed: true,
      newTimers: [{ elementId: 'handleOverdue', name: '调处超期', duration: 'P3D', interrupting: false }], // armed by the migration
    });
    expect(byId.get('feedback')).toMatchObject({ caseCount: 2, mappedTo: null, problem: { code: 'MIGRATION_UNMAPPED_ELEMENT' } });
    expect(r.body.targetElements.map((e: Json) => e.elementId).sort()).toEqual(['handle', 'handleOverdue', 'review']);
    const refused = r.body.cases.filter((c: Json) => !c.migratable);
    expect(refused.map((c: Json) => c.caseId).sort()).toEqual([...atFeedback].sort());
    expect(refused[0]).toMatchObject({ waitingAt: ['feedback'], code: 'MIGRATION_UNMAPPED_ELEMENT', reason: expect.stringContaining('反馈') });
    expect(r.body.cases[0].caseNo).toMatch(/^\d+$/);
    // mapped by hand, the plan is clean
    const mapped = await s.request('POST', '/api/migrations/plan', { token: admin, body: body({ mapping: { feedback: 'review' } }) });
    expect(mapped.body).toMatchObject({ ok: true, migratableCount: 6, mapping: { feedback: 'review', handle: 'handle' } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a bad mapping with 422 and the element id, an unknown version with 404, and changes nothing', async () => {
    const before = await snapshot();
    for (const mapping of [{ feedback: 'nowhere' }, { feedback: 'closed' }, { nothere: 'review' }]) {
      for (const path of ['/api/migrations/plan', '/api/migrations']) {
        const r = await s.request('POST', path, { token: admin, body: body({ mapping }) });
        expect(r.status, JSON.stringify(r.body)).toBe(422);
        expect(r.body.error.code).toBe('MIGRATION_INVALID');
        expect(r.body.error.details[0].elementId).toBe(Object.keys(mapping)[0]);
      }
    }
    const back = await s.request('POST', '/api/migrations/plan', { token: admin, body: body({ fromVersion: 2, toVersion: 1 }) });
    expect(back.status).toBe(422);
    const unknown = await s.request('POST', '/api/migrations/plan', { token: admin, body: body({ toVersion: 7 }) });
    expect(unknown.status).toBe(404);
    const noProcess = await s.request('POST', '/api/migrations/plan', { token: admin, body: body({ processKey: 'servertest/none' }) });
    expect(noProcess.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('lets neither a clerk nor another county\'s administrator plan or migrate', async () => {
    const other = await s.request('POST', '/api/packs', { token: await s.login('integrator'), body: { files: otherCountyPack() } });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    await s.yizhan.services.users.create({ username: 'uadmin', password: PASSWORD, displayName: '另一县管理员', role: 'admin', unit: 'u', departments: [] });
    const before = await snapshot();
    for (const who of ['clerka', 'uadmin']) {
      const token = await s.login(who);
      for (const path of ['/api/migrations/plan', '/api/migrations']) {
        const r = await s.request('POST', path, { token, body: body() });
        expect(r.status, `${who} ${path}`).toBe(403);
      }
    }
    expect((await s.request('GET', '/api/migrations/versions', { token: await s.login('clerka') })).status).toBe(403);
    // the other county's administrator sees none of these cases
    const seen = await s.request('GET', '/api/migrations/versions', { token: await s.login('uadmin') });
    expect(seen.body).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('yizhan migrate lists, plans (read-only) and names the element of a bad mapping', async () => {
    const before = await snapshot();
    const server = ['--server', s.url, '--token', admin];
    const list = await runYizhan(['migrate', ...server]);
    expect(list.code, list.out).toBe(0);
    expect(list.out).toContain(`${PROCESS}（`);
    expect(list.out).toContain('第 1 版：在办案件 6 个');
    const plan = await runYizhan(['migrate', PROCESS, '--from', '1', '--to', '2', ...server]);
    expect(plan.code, plan.out).toBe(0);
    expect(plan.out).toContain('可迁移 4 个');
    expect(plan.out).toMatch(/feedback「反馈」2 个案件 （无映射）\s+MIGRATION_UNMAPPED_ELEMENT/);
    expect(plan.out).toContain('新增定时器 handleOverdue「调处超期」P3D（不中断）：迁移时开始计时');
    const bad = await runYizhan(['migrate', PROCESS, '--from', '1', '--to', '2', '--map', 'feedback=nowhere', ...server]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('422 MIGRATION_INVALID');
    expect(bad.out).toContain('feedback：');
    expect(await snapshot()).toEqual(before);
  }, CLI_TIMEOUT);

  it('migrates the cases at 调处 (one moved on since the plan is planned again), refuses those at 反馈; all run to the end', async () => {
    const plan = await s.request('POST', '/api/migrations/plan', { token: admin, body: body() });
    expect(plan.body.migratableCount).toBe(4);
    // between plan and run, one case moves on to 反馈: under its lock it is refused like the others there
    const moved = atHandle.shift() as string;
    atFeedback.push(moved);
    const c = await s.request('GET', `/api/cases/${moved}`, { token: admin });
    await s.request('POST', `/api/tasks/${c.body.openTasks[0].id}/complete`, { token: await s.login('clerka'), body: { data: { result: 'success' } } });

    const run = await s.request('POST', '/api/migrations', { token: admin, body: body() });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body).toMatchObject({ migrationId: expect.any(String), migrated: 3, refused: 3 });
    for (const r of run.body.results) {
      if (atHandle.includes(r.caseId)) expect(r).toEqual({ caseId: r.caseId, caseNo: expect.any(String), status: 'migrated' });
      else expect(r).toMatchObject({ status: 'refused', code: 'MIGRATION_UNMAPPED_ELEMENT', reason: expect.stringContaining('feedback') });
    }
    for (const id of atHandle) {
      const got = await s.request('GET', `/api/cases/${id}`, { token: admin });
      expect(got.body.history.filter((h: Json) => h.kind === 'migrated')).toEqual([
        expect.objectContaining({ actor: 'countyadmin', data: expect.objectContaining({ fromVersion: 1, toVersion: 2, mapping: { handle: 'handle' }, by: 'countyadmin' }) }),
      ]);
      expect((await s.db.pool.query(`select element_id from timers where case_id = $1 and status = 'pending'`, [id])).rows).toEqual([{ element_id: 'handleOverdue' }]);
      expect(await finish(id)).toEqual(['handle', 'review']);
    }
    for (const id of atFeedback) expect(await finish(id)).toEqual(['feedback']);
    // nothing left on version 1
    expect((await s.request('GET', '/api/migrations/versions', { token: admin })).body).toEqual([]);
  });
});
