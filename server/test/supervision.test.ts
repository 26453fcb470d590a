// 挂牌督办 / 领导包案 and 研判 over HTTP, on both databases: a leader's 批示 reaches the task of the
// unit handling the case; a township leader cannot supervise another township's case (404); a
// leader acts on the supervision steps offered to them and on nothing else; a supervision timer of the
// process marks the case supervised like a 批示 does; the search by ID number
// finds the repeat case, is written to the audit log, and is masked for staff without `pii:read`;
// a spike of 3× the baseline in one township raises exactly one alert; a 研判 record is signed off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { intake, packFiles, PROCESS, startTestServer, type Json, type TestServer } from './support/harness';

const ID = '62112219800101123X';

describe.each(databaseTargets())('督办 and 研判 over HTTP on $name PostgreSQL', (target) => {
  let s: TestServer;
  // the tests move the clock by days: a token (8 hours) is asked for when it is used
  const leader = 'leader';
  const leadera = 'leadera';
  const clerka = 'clerka';
  const clerkb = 'clerkb';

  beforeAll(async () => {
    s = await startTestServer(target);
  });
  /** A request as a user (by name), logged in at the clock's present time. */
  const call = async (method: string, path: string, options: { token: string; body?: unknown }) =>
    s.request(method, path, { ...options, token: await s.login(options.token) });
  afterAll(async () => {
    await s?.close();
  });

  const start = async (token: string, unit: string, extra: Record<string, unknown> = {}) => {
    const r = await call('POST', '/api/cases', { token, body: { process: PROCESS, data: intake(unit, extra) } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as Json;
  };

  it('a leader\'s 批示 reaches the responsible unit\'s task, marks the case in the inbox, the case and the statistics, and is in the history', async () => {
    const before = (await call('GET', '/api/stats', { token: leader })).body.totals.supervised as number;
    const c = await start(clerka, 't-a');
    const deadline = new Date(s.clock.now().getTime() + 3 * 86400_000).toISOString();
    const r = await call('POST', `/api/cases/${c.id}/supervise`, { token: leader, body: { instruction: '请三日内化解并报结果', deadline, leaderInCharge: 'leader' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ caseId: c.id, instruction: '请三日内化解并报结果', deadline, leaderInCharge: 'leader', status: 'active', createdBy: 'leader' });

    // the township centre handles it: the 批示 is on its task, in the inbox and on the task page
    const inbox = (await call('GET', '/api/tasks', { token: clerka })).body as Json[];
    const task = inbox.find((t) => t.caseId === c.id);
    expect(task.supervision).toMatchObject({ instruction: '请三日内化解并报结果', by: 'leader', leaderInCharge: 'leader' });
    const page = await call('GET', `/api/tasks/${task.id}`, { token: clerka });
    expect(page.body.supervision.instruction).toBe('请三日内化解并报结果');

    const shown = (await call('GET', `/api/cases/${c.id}`, { token: clerka })).body;
    expect(shown.supervisedAt).not.toBeNull();
    expect(shown.leaderInCharge).toBe('leader');
    expect(shown.history.at(-1)).toMatchObject({ kind: 'case.supervised', actor: 'leader', data: { instruction: '请三日内化解并报结果', deadline, leaderInCharge: 'leader' } });
    const list = (await call('GET', '/api/cases?supervised=true', { token: leader })).body as Json[];
    expect(list.map((x) => x.id)).toContain(c.id);
    expect(list.every((x) => x.supervised)).toBe(true);
    expect((await call('GET', '/api/stats', { token: leader })).body.totals.supervised).toBe(before + 1);

    // 督办 list and 销号
    const entries = (await call('GET', '/api/supervisions', { token: leader })).body as Json[];
    const entry = entries.find((e) => e.caseId === c.id);
    expect(entry).toMatchObject({ caseNumber: c.number, caseUnit: 't-a', caseUnitName: '甲镇', overdue: false, createdByName: 'leader', leaderInChargeName: 'leader' });
    expect((await call('POST', `/api/supervisions/${entry.id}/close`, { token: clerka, body: {} })).status).toBe(403);
    const closed = await call('POST', `/api/supervisions/${entry.id}/close`, { token: leader, body: { note: '已化解' } });
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'leader', closingNote: '已化解' });
    const after = (await call('GET', `/api/tasks/${task.id}`, { token: clerka })).body;
    expect(after.supervision).toBeNull();
  });

  it('a township leader cannot supervise another township\'s case (404); bad input changes nothing', async () => {
    const b = await start(clerkb, 't-b');
    const r = await call('POST', `/api/cases/${b.id}/supervise`, { token: leadera, body: { instruction: '督办' } });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('CASE_NOT_FOUND');
    expect((await call('POST', `/api/cases/${b.id}/leader`, { token: leadera, body: { leader: 'leadera' } })).status).toBe(404);
    // staff have no case:supervise
    expect((await call('POST', `/api/cases/${b.id}/supervise`, { token: clerkb, body: { instruction: '督办' } })).status).toBe(403);
    // a 包案领导 must be a leader whose jurisdiction holds the case; a deadline must lie ahead
    const notLeader = await call('POST', `/api/cases/${b.id}/supervise`, { token: leader, body: { instruction: '督办', leaderInCharge: 'clerkb' } });
    expect(notLeader.status).toBe(400);
    const otherTownship = await call('POST', `/api/cases/${b.id}/leader`, { token: leader, body: { leader: 'leadera' } });
    expect(otherTownship.status).toBe(400);
    const past = await call('POST', `/api/cases/${b.id}/supervise`, { token: leader, body: { instruction: '督办', deadline: '2020-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
    const unchanged = (await call('GET', `/api/cases/${b.id}`, { token: leader })).body;
    expect(unchanged.supervisedAt).toBeNull();
    expect(unchanged.leaderInCharge).toBeNull();
    expect(unchanged.history.map((h: Json) => h.kind)).not.toContain('case.supervised');
    // the leader of 甲镇 supervises a case of 甲镇; 包案领导 assigned, in the history
    const a = await start(clerka, 't-a');
    expect((await call('POST', `/api/cases/${a.id}/supervise`, { token: leadera, body: { instruction: '镇领导督办' } })).status).toBe(201);
    const assigned = await call('POST', `/api/cases/${a.id}/leader`, { token: leader, body: { leader: 'leadera' } });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.leaderInCharge).toBe('leadera');
    expect(assigned.body.history.at(-1)).toMatchObject({ kind: 'case.leader.assigned', actor: 'leader', data: { from: null, to: 'leadera' } });
    // 甲镇's leader does not see 乙镇's supervisions
    const seen = (await call('GET', '/api/supervisions?status=all', { token: leadera })).body as Json[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.caseUnit.startsWith('t-a'))).toBe(true);
  });

  it('search by ID number finds the repeat case; the search is in the audit log; staff see masked results', async () => {
    const first = await start(clerka, 't-a', { applicant: '李四光', idNumber: ID, phone: '13900001111' });
    s.clock.advance('P10D');
    // the same person, the ID number written with spaces and a lower-case x
    const again = await start(clerka, 't-a', { applicant: '李四光', idNumber: `621122 19800101 123x`, phone: '13700002222' });
    const repeats = await call('GET', `/api/cases/${again.id}/repeats`, { token: clerka });
    expect(repeats.status).toBe(200);
    expect(repeats.body.days).toBe(30);
    expect(repeats.body.cases.map((c: Json) => [c.id, c.matched])).toEqual([[first.id, ['id']]]);
    // the other township sees neither
    expect((await call('GET', `/api/cases/${again.id}/repeats`, { token: clerkb })).status).toBe(404);

    const full = await call('GET', `/api/analysis/search?kind=id&value=${ID}`, { token: leader });
    expect(full.status).toBe(200);
    expect(full.body.map((c: Json) => c.id)).toEqual([again.id, first.id]);
    expect(full.body[1]).toMatchObject({ masked: false, parties: { names: ['李四光'], idNumbers: [ID], phones: ['13900001111'] } });

    const masked = await call('GET', `/api/analysis/search?kind=id&value=${ID.toLowerCase()}`, { token: clerka });
    expect(masked.body.map((c: Json) => c.id)).toEqual([again.id, first.id]);
    expect(masked.body[1]).toMatchObject({ masked: true, parties: { names: ['李**'], idNumbers: ['621*************3X'], phones: ['139****1111'] } });
    expect(JSON.stringify(masked.body)).not.toContain('13900001111');
    // another township's staff find nothing (scope), and are logged too
    expect((await call('GET', `/api/analysis/search?kind=id&value=${ID}`, { token: clerkb })).body).toEqual([]);
    expect((await call('GET', '/api/analysis/search?kind=phone&value=12', { token: clerka })).status).toBe(400);

    const auditor = 'auditor';
    expect((await call('GET', '/api/analysis/audit', { token: clerka })).status).toBe(403);
    const log = (await call('GET', '/api/analysis/audit', { token: auditor })).body as Json[];
    expect(log.slice(0, 3).map((e) => [e.username, e.role, e.kind, e.value, e.results])).toEqual([
      ['clerkb', 'staff', 'id', '621*************3X', 0],
      ['clerka', 'staff', 'id', '621*************3X', 2],
      ['leader', 'leader', 'id', '621*************3X', 2],
    ]);
    expect(new Set(log.slice(0, 3).map((e) => e.valueHash)).size).toBe(1);
    expect(JSON.stringify(log)).not.toContain(ID);
    // the log cannot be changed
    await expect(s.db.pool.query('delete from analysis_search_log')).rejects.toThrow(/append-only/);
  });

  it('a leader acts on the supervision step offered to them and on no other task', async () => {
    const files = packFiles('2.0.0');
    files['dispute.bpmn'] = files['dispute.bpmn'].replace('camunda:formKey="feedback"', 'camunda:formKey="supervise"');
    files['forms/supervise.json'] = JSON.stringify({ schema: { type: 'object', required: ['instruction'], properties: { instruction: { type: 'string', minLength: 1, title: '督办意见' } } } });
    delete files['forms/feedback.json'];
    const deployed = await call('POST', '/api/packs', { token: 'integrator', body: { files } });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    const centre = 'centre';
    const c = await start(centre, 't', { type: 'land' });
    const handle = c.openTasks[0];
    const refused = await call('POST', `/api/tasks/${handle.id}/complete`, { token: leader, body: { data: { result: 'success' } } });
    expect(refused.status).toBe(403);
    expect((await call('GET', `/api/tasks/${handle.id}`, { token: leader })).body.actionable).toBe(false);
    const done = await call('POST', `/api/tasks/${handle.id}/complete`, { token: centre, body: { data: { result: 'success' } } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const supervise = done.body.openTasks[0];
    expect(supervise.formKey).toBe('supervise');
    expect((await call('GET', `/api/tasks/${supervise.id}`, { token: leader })).body.actionable).toBe(true);
    const acted = await call('POST', `/api/tasks/${supervise.id}/complete`, { token: leader, body: { data: { instruction: '督办销号' } } });
    expect(acted.status, JSON.stringify(acted.body)).toBe(200);
    expect(acted.body.history.find((h: Json) => h.kind === 'task.completed' && h.taskId === supervise.id).actor).toBe('leader');
  });

  it('a supervision timer (挂牌督办 step) marks the case supervised: case view, the unit\'s inbox, the case list and the statistics; the unit keeps its task', async () => {
    const files = packFiles('3.0.0');
    // a non-interrupting timer on 调处 leads to a 挂牌督办 step of the centre (where the leader sits)
    files['dispute.bpmn'] = files['dispute.bpmn']
      .replace('<bpmn:sequenceFlow id="f3"', `<bpmn:boundaryEvent id="overdue" name="超过调处时限" cancelActivity="false" attachedToRef="handle">
      <bpmn:outgoing>fs1</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="fs1" sourceRef="overdue" targetRef="supervise" />
    <bpmn:userTask id="supervise" name="挂牌督办" camunda:formKey="supervise" camunda:candidateGroups="t-centre" camunda:dueDate="P7D">
      <bpmn:incoming>fs1</bpmn:incoming>
      <bpmn:outgoing>fs2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="fs2" sourceRef="supervise" targetRef="supervisedEnd" />
    <bpmn:endEvent id="supervisedEnd" name="督办销号">
      <bpmn:incoming>fs2</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="f3"`)
      .replace('<bpmndi:BPMNEdge id="f1_di"', `<bpmndi:BPMNShape id="overdue_di" bpmnElement="overdue"><dc:Bounds x="357" y="92" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="supervise_di" bpmnElement="supervise"><dc:Bounds x="325" y="160" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="supervisedEnd_di" bpmnElement="supervisedEnd"><dc:Bounds x="507" y="182" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="fs1_di" bpmnElement="fs1"><di:waypoint x="375" y="128" /><di:waypoint x="375" y="160" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="fs2_di" bpmnElement="fs2"><di:waypoint x="425" y="200" /><di:waypoint x="507" y="200" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f1_di"`);
    files['forms/supervise.json'] = JSON.stringify({ schema: { type: 'object', required: ['instruction'], properties: { instruction: { type: 'string', minLength: 1, title: '督办意见' } } } });
    const deployed = await call('POST', '/api/packs', { token: 'integrator', body: { files } });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);

    const before = (await call('GET', '/api/stats', { token: leader })).body.totals.supervised as number;
    const c = await start(clerka, 't-a');
    const handle = c.openTasks[0];
    expect(handle.elementId).toBe('handle');
    const inboxTask = async () => ((await call('GET', '/api/tasks', { token: clerka })).body as Json[]).find((t) => t.id === handle.id);
    expect((await inboxTask()).supervised).toBe(false);
    expect((await call('GET', `/api/cases/${c.id}`, { token: clerka })).body.supervisedAt).toBeNull();

    // two days on, the timer fires: the centre gets the 挂牌督办 step, the township keeps 调处
    s.clock.advance('P2DT1H');
    const firedAt = s.clock.now().toISOString();
    expect(await s.engine.fireDueTimers()).toBeGreaterThan(0);
    const shown = (await call('GET', `/api/cases/${c.id}`, { token: clerka })).body;
    expect(shown.openTasks.map((t: Json) => t.elementId).sort()).toEqual(['handle', 'supervise']);
    expect(shown.supervisedAt).toBe(firedAt);
    const marked = await inboxTask();
    expect(marked).toMatchObject({ supervised: true, supervision: null });
    expect((await call('GET', `/api/tasks/${handle.id}`, { token: clerka })).body.supervised).toBe(true);
    const list = (await call('GET', '/api/cases?supervised=true', { token: leader })).body as Json[];
    expect(list.find((x) => x.id === c.id)?.supervised).toBe(true);
    expect((await call('GET', '/api/stats', { token: leader })).body.totals.supervised).toBe(before + 1);

    // the leader completes the 督办 step (督办销号): the case stays counted as supervised, the task is no longer pressed
    const supervise = shown.openTasks.find((t: Json) => t.elementId === 'supervise');
    const acted = await call('POST', `/api/tasks/${supervise.id}/complete`, { token: leader, body: { data: { instruction: '已督促镇综治中心限期化解' } } });
    expect(acted.status, JSON.stringify(acted.body)).toBe(200);
    expect((await inboxTask()).supervised).toBe(false);
    expect((await call('GET', `/api/cases/${c.id}`, { token: clerka })).body.supervisedAt).toBe(firedAt);
    expect((await call('GET', '/api/stats', { token: leader })).body.totals.supervised).toBe(before + 1);
  });

  it('a spike of 3× the baseline in one township raises exactly one alert', async () => {
    // far after the other tests' cases: the last 9 weeks hold only these
    const now = new Date('2026-09-30T10:00:00+08:00').getTime();
    const WEEK = 7 * 86400_000;
    for (let week = 8; week >= 1; week--) {
      for (let i = 0; i < 2; i++) {
        s.clock.set(new Date(now - week * WEEK - (i + 1) * 3600_000));
        await start(clerka, 't-a-1');
        await start(clerkb, 't-b');
      }
    }
    for (let i = 0; i < 6; i++) {
      s.clock.set(new Date(now - 2 * 86400_000 + i * 3600_000));
      await start(clerka, 't-a');
    }
    for (let i = 0; i < 2; i++) await start(clerkb, 't-b-1');
    s.clock.set(new Date(now));
    const alerts = await call('GET', '/api/analysis/alerts', { token: leader });
    expect(alerts.status).toBe(200);
    // 甲镇 (its village rolled up): 6 against 2 a week; 乙镇 steady; the type: 8 against 4 (2×)
    expect(alerts.body).toEqual([{
      dimension: 'township', pack: 'servertest', key: 't-a', label: '甲镇', current: 6, baseline: 2, ratio: 3, factor: 3, minimum: 5,
    }]);
    // 乙镇's staff see no alert about 甲镇
    expect((await call('GET', '/api/analysis/alerts', { token: clerkb })).body).toEqual([]);
  });

  it('a monthly 研判 record links visible cases and is signed off by a leader', async () => {
    const [a] = (await call('GET', '/api/cases?unit=t-a&limit=1', { token: clerka })).body as Json[];
    const b = (await call('GET', '/api/cases?unit=t-b&limit=1', { token: clerkb })).body[0] as Json;
    const hidden = await call('POST', '/api/analysis/records', { token: clerka, body: { month: '2026-09', title: '九月研判', analysis: '邻里纠纷上升', caseIds: [a.id, b.id] } });
    expect(hidden.status).toBe(400);
    const r = await call('POST', '/api/analysis/records', { token: clerka, body: { month: '2026-09', title: '九月研判', analysis: '甲镇邻里纠纷明显上升，建议开展排查。', caseIds: [a.id] } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: 'draft', unit: 't-a', unitName: '甲镇', cases: [{ id: a.id, number: a.number }], createdBy: 'clerka' });
    expect((await call('POST', `/api/analysis/records/${r.body.id}/sign-off`, { token: clerka, body: {} })).status).toBe(403);
    expect((await call('GET', `/api/analysis/records/${r.body.id}`, { token: clerkb })).status).toBe(404);
    const signed = await call('POST', `/api/analysis/records/${r.body.id}/sign-off`, { token: leadera, body: { note: '同意' } });
    expect(signed.body).toMatchObject({ status: 'signed', signedBy: 'leadera', signOffNote: '同意' });
    expect((await call('POST', `/api/analysis/records/${r.body.id}/sign-off`, { token: leader, body: {} })).status).toBe(409);
    const list = (await call('GET', '/api/analysis/records?month=2026-09', { token: leader })).body as Json[];
    expect(list.map((x) => x.id)).toEqual([r.body.id]);
  });
});
