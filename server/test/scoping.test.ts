// Who may do what: a role × endpoint matrix over every declared route, and org scoping — a
// township's staff never reach another township's cases or tasks, by any endpoint or parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { actsOnFormsOf } from '@yizhan/packs';
import { can, ROLES, type Role } from '../src/roles';
import { intake, OTHER_PROCESS, otherCountyPack, PASSWORD, PEOPLE, PROCESS, startTestServer, type Json, type TestServer } from './support/harness';

describe.each(databaseTargets())('roles and org scoping on $name PostgreSQL', (target) => {
  let s: TestServer;
  let caseA: Json;
  let caseB: Json;
  let otherCounty: Promise<void> | undefined;
  /** Deploys 另一县 (the othertest pack) once. */
  const withOtherCounty = () => (otherCounty ??= (async () => {
    const deployed = await s.request('POST', '/api/packs', { token: await s.login('integrator'), body: { files: otherCountyPack() } });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
  })());

  beforeAll(async () => {
    s = await startTestServer(target);
    const a = await s.request('POST', '/api/cases', { token: await s.login('clerka'), body: { process: PROCESS, data: intake('t-a-1') } });
    const b = await s.request('POST', '/api/cases', { token: await s.login('clerkb'), body: { process: PROCESS, data: intake('t-b-1', { applicant: '李四海' }) } });
    caseA = a.body;
    caseB = b.body;
    expect(caseA.openTasks[0].candidateGroups).toEqual(['t-a-centre']);
    expect(caseB.openTasks[0].candidateGroups).toEqual(['t-b-centre']);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('grants every declared route by role and nothing more (role × endpoint matrix)', async () => {
    const userOf: Record<Role, string> = { admin: 'admin', integrator: 'integrator', staff: 'clerka', leader: 'leader', auditor: 'auditor' };
    const matrix: string[] = [];
    for (const route of s.yizhan.routes) {
      const path = route.path.replace(':id', caseA.openTasks[0].id).replace(':key', 'intake');
      for (const role of ROLES) {
        // Logging out ends the session: use a token of its own.
        const token = await s.login(userOf[role], route.operationId === 'logout');
        const r = await s.request(route.method.toUpperCase(), path, { token, body: route.method === 'get' ? undefined : {} });
        const allowed = route.access === 'public' || route.access === 'user' || can(role, route.access);
        matrix.push(`${route.method} ${route.path} ${role}: ${r.status}`);
        // a leader's task:act reaches only the supervision steps offered to them: this handling task is not theirs
        const narrowed = route.access === 'task:act' && actsOnFormsOf(role) !== undefined;
        if (narrowed) expect([400, 403], `${route.method} ${route.path} as ${role}`).toContain(r.status);
        else if (allowed) expect([401, 403], `${route.method} ${route.path} as ${role}`).not.toContain(r.status);
        else {
          expect(r.status, `${route.method} ${route.path} as ${role}`).toBe(403);
          expect(r.body.error.code).toBe('FORBIDDEN');
        }
      }
      if (route.access !== 'public') {
        const anonymous = await s.request(route.method.toUpperCase(), path, { body: route.method === 'get' ? undefined : {} });
        expect(anonymous.status, `${route.method} ${route.path} anonymous`).toBe(401);
      }
    }
    expect(matrix.length).toBe(s.yizhan.routes.length * ROLES.length);
  });

  it('keeps a township clerk out of another township: read, list, claim, complete, return, transfer', async () => {
    const clerkb = await s.login('clerkb');
    const taskA = caseA.openTasks[0].id;
    // Read.
    for (const path of [`/api/cases/${caseA.id}`, `/api/tasks/${taskA}`]) {
      const r = await s.request('GET', path, { token: clerkb });
      expect(r.status, path).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('张三丰');
    }
    // List, with every parameter that could widen the scope.
    const caseLists = [
      '/api/cases', '/api/cases?unit=t-a-1', '/api/cases?unit=t-a', `/api/cases?q=${caseA.number}`, '/api/cases?status=active&limit=500',
      `/api/cases?process=${PROCESS}`, '/api/cases?type=neighbour',
    ];
    for (const path of caseLists) {
      const r = await s.request('GET', path, { token: clerkb });
      expect(r.status, path).toBe(200);
      expect(r.body.map((c: Json) => c.id), path).not.toContain(caseA.id);
    }
    for (const scope of ['', 'inbox', 'mine', 'department', 'unit']) {
      for (const status of ['open', 'overdue', 'completed', 'all']) {
        for (const extra of ['', `&caseId=${caseA.id}`]) {
          const path = `/api/tasks?status=${status}${scope ? `&scope=${scope}` : ''}${extra}`;
          const r = await s.request('GET', path, { token: clerkb });
          expect(r.status, path).toBe(200);
          expect(r.body.some((t: Json) => t.caseId === caseA.id), path).toBe(false);
        }
      }
    }
    const own = await s.request('GET', '/api/tasks', { token: clerkb });
    expect(own.body.map((t: Json) => t.caseId)).toContain(caseB.id);
    // Act.
    const actions: [string, unknown][] = [
      ['claim', undefined], ['unclaim', undefined], ['complete', { data: { result: 'success' } }], ['return', { reason: '越权' }], ['transfer', { department: 't-b-centre' }],
    ];
    for (const [action, body] of actions) {
      const r = await s.request('POST', `/api/tasks/${taskA}/${action}`, { token: clerkb, body });
      expect(r.status, action).toBe(404);
      expect(r.body.error.code).toBe('TASK_NOT_FOUND');
    }
    // Register a case for the other township.
    const r = await s.request('POST', '/api/cases', { token: clerkb, body: { process: PROCESS, data: intake('t-a-1') } });
    expect(r.status).toBe(403);
    // Stats and users stay inside the township too.
    const users = await s.request('GET', '/api/users', { token: await s.login('leadera') });
    expect(users.body.every((u: Json) => u.unit === 't-a')).toBe(true);
    // Nothing changed on the other township's case.
    const after = await s.request('GET', `/api/cases/${caseA.id}`, { token: await s.login('clerka') });
    expect(after.body.openTasks[0]).toMatchObject({ id: taskA, assignee: null, candidateGroups: ['t-a-centre'], status: 'open' });
    expect(after.body.history.filter((h: Json) => h.actor === 'clerkb')).toEqual([]);
  });

  it('lets a township leader supervise only their township, and the county see the county', async () => {
    const leadera = await s.login('leadera');
    let r = await s.request('GET', '/api/cases?limit=500', { token: leadera });
    expect(r.body.map((c: Json) => c.id)).toContain(caseA.id);
    expect(r.body.map((c: Json) => c.id)).not.toContain(caseB.id);
    expect((await s.request('GET', `/api/cases/${caseB.id}`, { token: leadera })).status).toBe(404);
    r = await s.request('GET', '/api/tasks?scope=unit', { token: leadera });
    expect(r.body.every((t: Json) => t.unit?.startsWith('t-a'))).toBe(true);
    expect(r.body.every((t: Json) => t.actionable === false)).toBe(true);
    r = await s.request('GET', '/api/stats?groupBy=unit', { token: leadera });
    expect(r.body.rows.map((x: Json) => x.key)).toEqual(['t-a-1']);
    // Leaders and auditors read; they do not act.
    expect((await s.request('POST', `/api/tasks/${caseA.openTasks[0].id}/claim`, { token: leadera })).status).toBe(403);

    for (const user of ['leader', 'auditor', 'countyadmin']) {
      r = await s.request('GET', '/api/cases?limit=500', { token: await s.login(user) });
      expect(r.body.map((c: Json) => c.id), user).toEqual(expect.arrayContaining([caseA.id, caseB.id]));
    }
  });

  it('gives a county department the tasks transferred to it, and nothing else of the townships', async () => {
    const labour = await s.login('labour');
    // 人社局 is a county line department: it sees only the cases offered to it (not the county's
    // whole subtree, as before — that was the over-exposure), so the township's task is not found.
    expect((await s.request('POST', `/api/tasks/${caseB.openTasks[0].id}/claim`, { token: labour })).status).toBe(404);
    const t = await s.request('POST', `/api/tasks/${caseB.openTasks[0].id}/transfer`, { token: await s.login('clerkb'), body: { department: 't-labour' } });
    expect(t.status).toBe(200);
    const r = await s.request('POST', `/api/tasks/${caseB.openTasks[0].id}/claim`, { token: labour });
    expect(r.status).toBe(200);
    expect(r.body.assignee).toBe('labour');
  });

  it('lets an integrator deploy and submit cases, but not read the cases of others', async () => {
    const integrator = await s.login('integrator');
    const created = await s.request('POST', '/api/cases', { token: integrator, body: { process: PROCESS, data: intake('t-b', { applicant: '王五', type: 'land' }) } });
    expect(created.status).toBe(201);
    expect((await s.request('GET', `/api/cases/${caseA.id}`, { token: integrator })).status).toBe(403);
    expect(PEOPLE.integrator.unit).toBeNull();
  });

  it('keeps a county admin\'s user grants inside the county: units, departments, no global users', async () => {
    await withOtherCounty();
    const countyadmin = await s.login('countyadmin');
    const user = (username: string, extra: Record<string, unknown>) => ({ username, password: PASSWORD, role: 'staff', ...extra });
    const refused: [string, Record<string, unknown>][] = [
      ['u-unit', { unit: 'u-a', departments: ['u-a-centre'] }],
      ['u-depts', { unit: 't', departments: ['u-centre'] }],
      ['u-mixed', { unit: 't-a', departments: ['t-a-centre', 'u-labour'] }],
      ['global-admin', { role: 'admin', unit: null }],
      ['global-integrator', { role: 'integrator', unit: null }],
      ['global-default', { role: 'integrator' }],
    ];
    for (const [username, extra] of refused) {
      const r = await s.request('POST', '/api/users', { token: countyadmin, body: user(username, extra) });
      expect(r.status, username).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    // A township admin may not grant the county's departments either.
    let r = await s.request('POST', '/api/users', { token: countyadmin, body: user('townadmin', { role: 'admin', unit: 't-a', departments: ['t-a-centre'] }) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    r = await s.request('POST', '/api/users', { token: await s.login('townadmin'), body: user('t-labourer', { unit: 't-a', departments: ['t-labour'] }) });
    expect(r.status).toBe(403);
    // Within the county: fine; a global admin grants anything.
    r = await s.request('POST', '/api/users', { token: countyadmin, body: user('t-new', { unit: 't-b', departments: ['t-b-centre', 't-labour'] }) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    r = await s.request('POST', '/api/users', { token: await s.login('admin'), body: user('u-clerk', { unit: 'u-a', departments: ['u-a-centre'] }) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const all = (await s.request('GET', '/api/users', { token: await s.login('admin') })).body.map((u: Json) => u.username);
    for (const [username] of refused) expect(all).not.toContain(username);
    expect(all).not.toContain('t-labourer');
  });

  it('transfers (转办) only to departments of the case\'s own county: another county\'s department is 422 and nothing changes', async () => {
    await withOtherCounty();
    const clerka = await s.login('clerka');
    const created = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: intake('t-a-1') } });
    const task = created.body.openTasks[0];
    for (const department of ['u-centre', 'u-a-centre', 'u-labour']) {
      const r = await s.request('POST', `/api/tasks/${task.id}/transfer`, { token: clerka, body: { department, reason: '越县转办' } });
      expect(r.status, department).toBe(422);
      expect(r.body.error.code).toBe('TRANSFER_OUT_OF_SCOPE');
      expect(r.body.error.details[0]).toMatchObject({ field: '/department', code: 'TRANSFER_OUT_OF_SCOPE' });
    }
    const after = await s.request('GET', `/api/cases/${created.body.id}`, { token: clerka });
    expect(after.body.openTasks[0]).toMatchObject({ id: task.id, candidateGroups: ['t-a-centre'], assignee: null, status: 'open' });
    expect(after.body.history.filter((h: Json) => h.kind === 'task.transferred')).toEqual([]);
    // The other county's staff never see it.
    const uclerk = 'u-race-clerk';
    await s.request('POST', '/api/users', { token: await s.login('admin'), body: { username: uclerk, password: PASSWORD, role: 'staff', unit: 'u', departments: ['u-centre'] } });
    expect((await s.request('GET', `/api/tasks/${task.id}`, { token: await s.login(uclerk) })).status).toBe(404);
    // Within the county it works.
    const ok = await s.request('POST', `/api/tasks/${task.id}/transfer`, { token: clerka, body: { department: 't-labour' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('keeps intake in the clerk\'s own county: another county\'s process is 422 and stores nothing; lists and org are per county', async () => {
    await withOtherCounty();
    const clerka = await s.login('clerka');
    const count = async () => (await s.request('GET', '/api/cases?limit=500', { token: await s.login('admin') })).body.length;
    const before = await count();
    // A 测试县 clerk on 另一县's process (the unit defaults to the clerk's own, t-a): refused.
    const wrong = await s.request('POST', '/api/cases', { token: clerka, body: { process: OTHER_PROCESS, data: intake('t-a-1') } });
    expect(wrong.status, JSON.stringify(wrong.body)).toBe(422);
    expect(wrong.body.error.code).toBe('UNIT_OUTSIDE_PROCESS');
    expect(wrong.body.error.details[0]).toMatchObject({ field: '/data/unit', code: 'UNIT_OUTSIDE_PROCESS' });
    expect(wrong.body.error.message).toContain('不属于流程');
    expect(await count()).toBe(before);
    // The processes offered for intake are the clerk's county's only; an admin of every unit gets all.
    const startable = await s.request('GET', '/api/definitions?startable=true', { token: clerka });
    expect(startable.status).toBe(200);
    expect(startable.body.map((d: Json) => d.key)).toEqual([PROCESS]);
    const all = await s.request('GET', '/api/definitions?startable=true', { token: await s.login('admin') });
    expect(all.body.map((d: Json) => d.key).sort()).toEqual([OTHER_PROCESS, PROCESS].sort());
    // The org of a process is its county's: 转办 / intake pickers list only reachable departments.
    const org = await s.request('GET', `/api/org?process=${encodeURIComponent(PROCESS)}`, { token: clerka });
    expect(org.status).toBe(200);
    const codes = org.body.departments.map((d: Json) => d.code);
    expect(codes).toContain('t-centre');
    expect(codes.some((c: string) => c.startsWith('u'))).toBe(false);
    expect((await s.request('GET', '/api/org?process=nosuch%2Fprocess', { token: clerka })).status).toBe(404);
  });

  it('re-checks the right to act under the case lock: in complete-vs-transfer races the loser never succeeds', async () => {
    const clerka = await s.login('clerka');
    const clerka2 = await s.login('clerka2');
    const outcomes: string[] = [];
    for (let round = 0; round < 25; round++) {
      const created = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: intake('t-a-1') } });
      const taskId = created.body.openTasks[0].id;
      const [complete, transfer] = await Promise.all([
        s.request('POST', `/api/tasks/${taskId}/complete`, { token: clerka, body: { data: { result: 'success' } } }),
        s.request('POST', `/api/tasks/${taskId}/transfer`, { token: clerka2, body: { department: 't-labour', reason: '转人社局' } }),
      ]);
      outcomes.push(`${complete.status}/${transfer.status}`);
      const c = (await s.request('GET', `/api/cases/${created.body.id}`, { token: await s.login('admin') })).body;
      const task = c.tasks.find((t: Json) => t.id === taskId);
      if (transfer.status === 200) {
        // clerka lost the task: refused, and the task is t-labour's, open, not completed by clerka.
        expect(complete.status, `round ${round}: ${outcomes.at(-1)}`).toBe(403);
        expect(complete.body.error.code).toBe('FORBIDDEN');
        expect(task).toMatchObject({ status: 'open', candidateGroups: ['t-labour'], completedBy: null });
      } else {
        expect(complete.status, `round ${round}: ${outcomes.at(-1)}`).toBe(200);
        expect(transfer.status).toBe(409);
        expect(task).toMatchObject({ status: 'completed', completedBy: 'clerka', candidateGroups: ['t-a-centre'] });
        expect(c.history.filter((h: Json) => h.kind === 'task.transferred')).toEqual([]);
      }
    }
    expect(outcomes.every((o) => o === '200/409' || o === '403/200'), outcomes.join(' ')).toBe(true);
  });

  it('shows a county line department only the cases offered to it, past or present; the county centre sees the county', async () => {
    const centre = await s.login('centre');
    const labour = await s.login('labour');
    const wages = (await s.request('POST', '/api/cases', { token: centre, body: { process: PROCESS, data: intake('t', { type: 'wages', applicant: '欠薪工人' }) } })).body;
    const neighbour = (await s.request('POST', '/api/cases', { token: centre, body: { process: PROCESS, data: intake('t', { applicant: '县城居民' }) } })).body;
    expect(wages.openTasks[0].candidateGroups).toEqual(['t-labour']);
    expect(neighbour.openTasks[0].candidateGroups).toEqual(['t-centre']);
    const visible = async () => (await s.request('GET', '/api/cases?limit=500', { token: labour })).body.map((c: Json) => c.id) as string[];
    let ids = await visible();
    expect(ids).toContain(wages.id);
    for (const id of [neighbour.id, caseA.id]) {
      expect(ids).not.toContain(id);
      expect((await s.request('GET', `/api/cases/${id}`, { token: labour })).status).toBe(404);
    }
    // Transferred to 人社局: visible; returned by it to the centre: still visible (offered in the past).
    expect((await s.request('POST', `/api/tasks/${neighbour.openTasks[0].id}/transfer`, { token: centre, body: { department: 't-labour' } })).status).toBe(200);
    expect(await visible()).toContain(neighbour.id);
    const back = await s.request('POST', `/api/tasks/${neighbour.openTasks[0].id}/return`, { token: labour, body: { reason: '不属于劳资纠纷' } });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.candidateGroups).not.toContain('t-labour');
    ids = await visible();
    expect(ids).toContain(neighbour.id);
    expect(ids).not.toContain(caseA.id);
    expect((await s.request('GET', `/api/tasks/${neighbour.openTasks[0].id}`, { token: labour })).body.actionable).toBe(false);
    // The county centre serves the whole county.
    const all = (await s.request('GET', '/api/cases?limit=500', { token: centre })).body.map((c: Json) => c.id);
    expect(all).toEqual(expect.arrayContaining([caseA.id, caseB.id, wages.id, neighbour.id]));
  });

  it('masks ID numbers, phones and names for auditors, and in leaders\' lists; clerks and leaders\' details see them', async () => {
    const clerka = await s.login('clerka');
    const summary = '张三丰称对方电话139-1234-5678，身份证621122 19800101 1235';
    const created = (await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: intake('t-a-1', { summary }) } })).body;
    const done = await s.request('POST', `/api/tasks/${created.openTasks[0].id}/complete`, { token: clerka, body: { data: { result: 'success', note: '已联系张三丰，电话13812345678' } } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const secrets = ['110101199003077777', '13812345678', '139-1234-5678', '19800101', '张三丰'];
    const auditorCase = await s.request('GET', `/api/cases/${created.id}`, { token: await s.login('auditor') });
    expect(auditorCase.status).toBe(200);
    for (const secret of secrets) expect(JSON.stringify(auditorCase.body), secret).not.toContain(secret);
    expect(auditorCase.body.variables.data).toMatchObject({ idNumber: '110*************77', phone: '138****5678', applicant: '张**', type: 'neighbour', unit: 't-a-1' });
    expect(auditorCase.body.variables.data.summary).toContain('张**称对方电话139');
    for (const user of ['auditor', 'leader']) {
      const list = await s.request('GET', `/api/tasks?scope=unit&status=all&caseId=${created.id}`, { token: await s.login(user) });
      expect(list.status).toBe(200);
      expect(list.body.length, user).toBeGreaterThan(0);
      for (const secret of secrets) expect(JSON.stringify(list.body), `${user}: ${secret}`).not.toContain(secret);
    }
    // Those who work on it, and a leader opening the case, see it as entered.
    for (const user of ['clerka', 'leader', 'countyadmin']) {
      const r = await s.request('GET', `/api/cases/${created.id}`, { token: await s.login(user) });
      expect(r.body.variables.data, user).toMatchObject({ idNumber: '110101199003077777', phone: '13812345678', applicant: '张三丰', summary });
    }
    const clerkList = await s.request('GET', `/api/tasks?status=all&caseId=${created.id}`, { token: clerka });
    expect(JSON.stringify(clerkList.body)).toContain('13812345678');
  });
});
