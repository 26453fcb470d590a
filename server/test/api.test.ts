// Scenario: a dispute reported in 甲镇 goes through the API — intake, routing with its
// explanation, the township inbox, claim, complete, the centre's feedback — and every documented
// error answers with the one error shape, over real HTTP on both PostgreSQL targets.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { intake, PROCESS, startTestServer, type Json, type TestServer } from './support/harness';

describe.each(databaseTargets())('HTTP API on $name PostgreSQL', (target) => {
  let s: TestServer;
  let clerka: string;
  let clerka2: string;
  let centre: string;
  let admin: string;

  beforeAll(async () => {
    s = await startTestServer(target);
  });
  // The test clock moves (deadlines, token expiry): sign in afresh for every test.
  beforeEach(async () => {
    [clerka, clerka2, centre, admin] = await Promise.all(['clerka', 'clerka2', 'centre', 'admin'].map((u) => s.login(u)));
  });
  afterAll(async () => {
    await s?.close();
  });

  const start = async (token: string, unit = 't-a-1', extra: Record<string, unknown> = {}) => {
    const r = await s.request('POST', '/api/cases', { token, body: { process: PROCESS, data: intake(unit, extra) } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as Json;
  };

  it('takes a case from intake to closure, every step in the history with its actor', async () => {
    const created = await start(clerka);
    expect(created).toMatchObject({ status: 'active', unit: 't-a-1', unitName: '甲镇东村', createdBy: 'clerka' });
    expect(created.routing.decision).toMatchObject({ departments: ['t-a-centre'], level: 'township' });
    expect(created.openTasks).toHaveLength(1);
    const handle = created.openTasks[0];
    expect(handle).toMatchObject({ elementId: 'handle', candidateGroups: ['t-a-centre'], colour: 'green' });
    expect(new Date(handle.dueAt).getTime() - new Date(handle.createdAt).getTime()).toBe(86400_000);

    // The case detail: variables, routing decision with its explanation, open tasks, timeline.
    const detail = await s.request('GET', `/api/cases/${created.id}`, { token: clerka });
    expect(detail.status).toBe(200);
    expect(detail.body.variables.data.applicant).toBe('张三丰');
    expect(detail.body.routing.explanation).toBeTruthy();
    expect(JSON.stringify(detail.body.routing.explanation)).toContain('属地管理');
    expect(detail.body.history.map((h: Json) => h.kind)).toEqual(expect.arrayContaining(['case.started', 'service.completed', 'task.created']));

    // The township inbox, with due date and colour.
    const inbox = await s.request('GET', '/api/tasks?scope=department&status=open', { token: clerka2 });
    expect(inbox.status).toBe(200);
    const mine = inbox.body.find((t: Json) => t.id === handle.id);
    expect(mine).toMatchObject({ caseNumber: created.number, colour: 'green', actionable: true, unitName: '甲镇东村' });
    expect(mine.dueAt).toBeTruthy();

    // Claim, unclaim, claim again; a colleague cannot complete a task claimed by someone else.
    let r = await s.request('POST', `/api/tasks/${handle.id}/claim`, { token: clerka });
    expect(r.status).toBe(200);
    expect(r.body.assignee).toBe('clerka');
    r = await s.request('POST', `/api/tasks/${handle.id}/claim`, { token: clerka2 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('TASK_CLAIMED');
    r = await s.request('POST', `/api/tasks/${handle.id}/unclaim`, { token: clerka2 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('NOT_ASSIGNEE');
    r = await s.request('POST', `/api/tasks/${handle.id}/unclaim`, { token: clerka });
    expect(r.status).toBe(200);
    expect(r.body.assignee).toBeNull();
    r = await s.request('POST', `/api/tasks/${handle.id}/claim`, { token: clerka });
    expect(r.body.assignee).toBe('clerka');
    r = await s.request('POST', `/api/tasks/${handle.id}/complete`, { token: clerka2, body: { data: { result: 'success' } } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('TASK_CLAIMED');
    r = await s.request('GET', '/api/tasks?scope=mine', { token: clerka });
    expect(r.body.map((t: Json) => t.id)).toEqual([handle.id]);

    // Complete with invalid data: 400 with per-field errors, nothing changes.
    r = await s.request('POST', `/api/tasks/${handle.id}/complete`, { token: clerka, body: { data: { result: 'maybe', note: 'x'.repeat(501) } } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('FORM_INVALID');
    expect(r.body.error.details.map((d: Json) => d.field).sort()).toEqual(['/note', '/result']);
    expect(r.body.error.details.every((d: Json) => /[\u4e00-\u9fa5]/.test(d.message))).toBe(true);
    expect((await s.request('GET', `/api/cases/${created.id}`, { token: clerka })).body.openTasks[0].id).toBe(handle.id);

    r = await s.request('POST', `/api/tasks/${handle.id}/complete`, { token: clerka, body: { data: { result: 'success', note: '双方和解' } } });
    expect(r.status).toBe(200);
    expect(r.body.openTasks.map((t: Json) => t.elementId)).toEqual(['feedback']);

    // A second completion: 409, nothing changes.
    r = await s.request('POST', `/api/tasks/${handle.id}/complete`, { token: clerka, body: { data: { result: 'failed' } } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('TASK_ALREADY_COMPLETED');
    const after = (await s.request('GET', `/api/cases/${created.id}`, { token: clerka })).body;
    expect(after.tasks.find((t: Json) => t.id === handle.id).data).toEqual({ result: 'success', note: '双方和解' });
    // who did what, by name: every username in the timeline and on the tasks (the engine's own
    // 'system' is no user); a renamed clerk shows under the new name
    expect((await s.request('POST', '/api/users/clerka', { token: admin, body: { displayName: '甲镇 李调解' } })).status).toBe(200);
    const named = (await s.request('GET', `/api/cases/${created.id}`, { token: clerka })).body;
    expect(named.people).toEqual({ clerka: '甲镇 李调解' });
    expect(named.history.some((h: Json) => h.actor === 'system')).toBe(true);

    // The centre gives feedback; the case closes.
    const feedback = after.openTasks[0];
    r = await s.request('POST', `/api/tasks/${feedback.id}/complete`, { token: centre, body: { data: { message: '已电话反馈当事人' } } });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('completed');
    const history = r.body.history as Json[];
    expect(history.filter((h) => h.kind === 'task.completed').map((h) => h.actor)).toEqual(['clerka', 'centre']);
    expect(history.filter((h) => h.kind.startsWith('task.') && h.kind !== 'task.created' && h.kind !== 'task.completed').map((h) => [h.kind, h.actor]))
      .toEqual([['task.claimed', 'clerka'], ['task.unclaimed', 'clerka'], ['task.claimed', 'clerka']]);
    expect(history.find((h) => h.kind === 'case.started').actor).toBe('clerka');
  });

  it('returns (退回) a task to the county centre and transfers (转办) it to another department', async () => {
    const c = await start(clerka);
    const task = c.openTasks[0];
    let r = await s.request('POST', `/api/tasks/${task.id}/return`, { token: clerka, body: { reason: '' } });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field).toBe('/reason');
    r = await s.request('POST', `/api/tasks/${task.id}/return`, { token: clerka, body: { reason: '不属于本镇管辖' } });
    expect(r.status).toBe(200);
    expect(r.body.candidateGroups).toEqual(['t-centre']);
    // The township clerk can still read the case (their township) but no longer act on the task.
    expect(r.body.actionable).toBe(false);
    r = await s.request('POST', `/api/tasks/${task.id}/claim`, { token: clerka });
    expect(r.status).toBe(403);

    r = await s.request('POST', `/api/tasks/${task.id}/transfer`, { token: centre, body: { department: 'nowhere' } });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field).toBe('/department');
    r = await s.request('POST', `/api/tasks/${task.id}/transfer`, { token: centre, body: { department: 't-labour', reason: '实为欠薪' } });
    expect(r.status).toBe(200);
    expect(r.body.candidateGroups).toEqual(['t-labour']);
    const labour = await s.login('labour');
    const inbox = await s.request('GET', '/api/tasks', { token: labour });
    expect(inbox.body.map((t: Json) => t.id)).toContain(task.id);
    const detail = await s.request('GET', `/api/cases/${c.id}`, { token: labour });
    expect(detail.status).toBe(200);
    const kinds = detail.body.history.map((h: Json) => [h.kind, h.actor]);
    expect(kinds).toEqual(expect.arrayContaining([['task.returned', 'clerka'], ['task.transferred', 'centre']]));
  });

  it('lists cases with filters and text search, within scope', async () => {
    const wages = await start(clerka, 't-a', { type: 'wages', summary: '欠薪' });
    expect(wages.openTasks[0].candidateGroups).toEqual(['t-labour']);
    let r = await s.request('GET', '/api/cases?type=wages', { token: clerka });
    expect(r.status).toBe(200);
    expect(r.body.map((c: Json) => c.id)).toContain(wages.id);
    expect(r.body.every((c: Json) => c.type === 'wages')).toBe(true);
    r = await s.request('GET', `/api/cases?q=${wages.number}&status=active`, { token: clerka });
    expect(r.body.map((c: Json) => c.id)).toContain(wages.id);
    r = await s.request('GET', '/api/cases?status=completed&limit=1', { token: admin });
    expect(r.body).toHaveLength(1);
    expect(r.body[0].status).toBe('completed');
    r = await s.request('GET', '/api/cases?limit=0', { token: admin });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(r.body.error.details[0].field).toBe('/limit');
    r = await s.request('GET', '/api/cases?status=closed', { token: admin });
    expect(r.status).toBe(400);
  });

  it('shows overdue tasks in red', async () => {
    const c = await start(clerka, 't-a');
    s.clock.advance('PT17H');
    let r = await s.request('GET', `/api/tasks?scope=department&caseId=${c.id}`, { token: await s.login('clerka') });
    expect(r.body[0].colour).toBe('yellow');
    s.clock.advance('PT8H');
    r = await s.request('GET', '/api/tasks?status=overdue', { token: await s.login('clerka') });
    expect(r.body.map((t: Json) => t.id)).toContain(c.openTasks[0].id);
    expect(r.body.every((t: Json) => t.colour === 'red')).toBe(true);
  });

  it('answers 400 for an invalid intake with per-field errors, and creates nothing', async () => {
    const before = (await s.request('GET', '/api/cases?limit=500', { token: admin })).body.length;
    const r = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: { applicant: '张', type: 'feud', unit: 't-a' } } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('FORM_INVALID');
    expect(r.body.error.details.map((d: Json) => d.field).sort()).toEqual(['/applicant', '/type']);
    expect((await s.request('GET', '/api/cases?limit=500', { token: admin })).body.length).toBe(before);
    const bad = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: '/data' }] });
  });

  it('answers 401 without a token, with a wrong password, an unknown or expired token', async () => {
    let r = await s.request('GET', '/api/cases');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHORIZED');
    r = await s.request('POST', '/api/auth/login', { body: { username: 'clerka', password: 'wrong' } });
    expect(r.status).toBe(401);
    r = await s.request('POST', '/api/auth/login', { body: { username: 'nobody', password: 'wrong' } });
    expect(r.status).toBe(401);
    r = await s.request('GET', '/api/me', { token: 'forged' });
    expect(r.status).toBe(401);
    const login = await s.request('POST', '/api/auth/login', { body: { username: 'clerkb', password: 'secret-pass-1' } });
    expect(login.body.expiresAt).toBeTruthy();
    const token = login.body.token;
    expect((await s.request('GET', '/api/me', { token })).body).toMatchObject({ username: 'clerkb', role: 'staff', unit: 't-b', unitName: '乙镇' });
    s.clock.advance('PT9H'); // tokens live 8 hours
    r = await s.request('GET', '/api/me', { token });
    expect(r.status).toBe(401);
    // Logout ends a session at once.
    const again = (await s.request('POST', '/api/auth/login', { body: { username: 'clerkb', password: 'secret-pass-1' } })).body.token;
    expect((await s.request('POST', '/api/auth/logout', { token: again })).status).toBe(204);
    expect((await s.request('GET', '/api/me', { token: again })).status).toBe(401);
  });

  it('answers 404 for unknown cases, tasks, forms, packs and routes', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [path, code] of [
      [`/api/cases/${id}`, 'CASE_NOT_FOUND'], ['/api/cases/not-a-uuid', 'CASE_NOT_FOUND'], [`/api/tasks/${id}`, 'TASK_NOT_FOUND'],
      ['/api/forms/nope', 'FORM_NOT_FOUND'], ['/api/packs/nope/versions', 'PACK_NOT_FOUND'], ['/api/nothing-here', 'NOT_FOUND'],
    ]) {
      const r = await s.request('GET', path, { token: admin });
      expect(r.status, path).toBe(404);
      expect(r.body.error.code, path).toBe(code);
    }
    const r = await s.request('POST', '/api/cases', { token: admin, body: { process: 'no/such', data: {} } });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('DEFINITION_NOT_FOUND');
  });

  it('answers 413 beyond the 1 MB body limit, 400 for malformed JSON, 415 for other media types', async () => {
    let r = await s.request('POST', '/api/cases', { token: clerka, raw: JSON.stringify({ process: PROCESS, data: intake('t-a', { summary: 'x'.repeat(1_100_000) }) }), headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    r = await s.request('POST', '/api/cases', { token: clerka, raw: '{"process":', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_REQUEST');
    r = await s.request('POST', '/api/cases', { token: clerka, raw: 'process=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('serves forms, definitions, org, users and security headers', async () => {
    let r = await s.request('GET', '/api/forms/intake', { token: clerka });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ key: 'intake', process: PROCESS, schema: { required: ['applicant', 'type', 'unit'] }, uiSchema: { summary: { 'ui:widget': 'textarea' } } });
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    // plain http on a county LAN must keep working: no forced upgrade to https
    expect(r.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(r.headers.get('strict-transport-security')).toBeNull();
    expect(r.headers.get('x-powered-by')).toBeNull();
    r = await s.request('GET', `/api/forms/mediation?process=${PROCESS}&version=1`, { token: clerka });
    expect(r.body.schema.required).toEqual(['result']);
    r = await s.request('GET', '/api/definitions', { token: clerka });
    expect(r.body).toEqual([expect.objectContaining({ key: PROCESS, version: 1 })]);
    r = await s.request('GET', '/api/org', { token: clerka });
    expect(r.body.units[0]).toMatchObject({ code: 't', name: '测试县' });
    expect(r.body.departments.map((d: Json) => d.code)).toContain('t-labour');
    r = await s.request('GET', '/api/users', { token: await s.login('leadera') });
    expect(r.body.map((u: Json) => u.username).sort()).toEqual(['clerka', 'clerka2', 'leadera']);
    r = await s.request('POST', '/api/users', { token: admin, body: { username: 'newclerk', password: 'long-enough-1', role: 'staff', unit: 't-b', departments: ['t-b-centre'] } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ username: 'newclerk', unitName: '乙镇', departments: ['t-b-centre'] });
    r = await s.request('POST', '/api/users', { token: admin, body: { username: 'newclerk', password: 'long-enough-1', role: 'staff', unit: 't-b' } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('USER_EXISTS');
    r = await s.request('POST', '/api/users', { token: admin, body: { username: 'x', password: 'short', role: 'boss' } });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: Json) => d.field).sort()).toEqual(['/password', '/role', '/username']);
    r = await s.request('POST', '/api/users', { token: await s.login('countyadmin'), body: { username: 'everywhere', password: 'long-enough-1', role: 'admin', unit: null } });
    expect(r.status).toBe(403);
    expect((await s.request('POST', '/api/auth/login', { body: { username: 'newclerk', password: 'long-enough-1' } })).status).toBe(200);
    r = await s.request('GET', '/api/health');
    expect(r.body).toEqual({ status: 'ok' });
  });

  it('counts cases by type, unit, level and department with closure and on-time rates', async () => {
    const leader = await s.login('leader');
    let r = await s.request('GET', '/api/stats?groupBy=type', { token: leader });
    expect(r.status).toBe(200);
    const neighbour = r.body.rows.find((x: Json) => x.key === 'neighbour');
    expect(neighbour.total).toBeGreaterThanOrEqual(3);
    expect(neighbour.closed).toBe(1);
    expect(neighbour.closureRate).toBeCloseTo(1 / neighbour.total, 3);
    expect(neighbour.onTimeRate).toBe(1);
    expect(r.body.totals.total).toBe(r.body.rows.reduce((a: number, x: Json) => a + x.total, 0));
    r = await s.request('GET', '/api/stats?groupBy=level', { token: leader });
    expect(r.body.rows.map((x: Json) => x.label)).toEqual(expect.arrayContaining(['乡镇级', '村（社区）级']));
    r = await s.request('GET', '/api/stats?groupBy=unit', { token: leader });
    expect(r.body.rows.find((x: Json) => x.key === 't-a-1').label).toBe('甲镇东村');
    r = await s.request('GET', '/api/stats?groupBy=department', { token: leader });
    expect(r.body.counting).toBe('cases');
    expect(r.body.rows.find((x: Json) => x.key === 't-a-centre')).toMatchObject({ label: '甲镇综治中心' });
    expect(r.body.rows.some((x: Json) => x.overdue > 0)).toBe(true);
    r = await s.request('GET', '/api/stats?from=2030-01-01', { token: leader });
    expect(r.body.totals.total).toBe(0);
    r = await s.request('GET', '/api/stats?from=yesterday', { token: leader });
    expect(r.status).toBe(400);
    r = await s.request('GET', '/api/stats?groupBy=colour', { token: leader });
    expect(r.status).toBe(400);
  });

  it('publishes closed cases without personal data (公示)', async () => {
    const r = await s.request('GET', '/api/public/cases');
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThanOrEqual(1);
    expect(r.body[0]).toEqual({
      number: expect.any(Number), type: 'neighbour', unitName: '甲镇东村', party: '张**', status: 'completed', result: '调处成功',
      createdAt: expect.any(String), completedAt: expect.any(String),
      fields: expect.arrayContaining([{ field: 'type', title: '纠纷类型', value: 'neighbour' }, { field: 'applicant', title: '当事人', value: '张**' }]),
      summary: null,
    });
    const text = JSON.stringify(r.body);
    for (const secret of ['张三丰', '13812345678', '110101199003077777', '双方和解', '邻里纠纷', '已电话反馈']) expect(text).not.toContain(secret);
  });

  it('refuses result: "success" slipped into a feedback form, and the statistics do not move (issue 11)', async () => {
    const leader = await s.login('leader');
    const c = await start(clerka, 't-a-1', { applicant: '李四光' });
    let r = await s.request('POST', `/api/tasks/${c.openTasks[0].id}/complete`, { token: clerka, body: { data: { result: 'failed', note: '调解未成' } } });
    expect(r.status).toBe(200);
    const feedback = r.body.openTasks[0];
    const before = (await s.request('GET', '/api/stats?groupBy=type', { token: leader })).body.totals;

    r = await s.request('POST', `/api/tasks/${feedback.id}/complete`, { token: centre, body: { data: { message: '已反馈当事人', result: 'success', applicant: '王五' } } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('FORM_INVALID');
    expect(r.body.error.details.map((d: Json) => d.field).sort()).toEqual(['/applicant', '/result']);

    const after = (await s.request('GET', '/api/stats?groupBy=type', { token: leader })).body.totals;
    expect(after).toEqual(before);
    const detail = (await s.request('GET', `/api/cases/${c.id}`, { token: clerka })).body;
    expect(detail.variables.data).toMatchObject({ applicant: '李四光', result: 'failed' });
    expect(detail.openTasks.map((t: Json) => t.id)).toEqual([feedback.id]);
  });
});
