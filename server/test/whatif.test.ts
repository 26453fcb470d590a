// 试算影响 over HTTP: a proposed pack re-decides the routing of past cases (as recorded), the
// report says what would change and which rules' hits move — and nothing in any case changes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { intake, otherCountyPack, packFiles, PROCESS, startTestServer, type Json, type TestServer } from './support/harness';
import { runYizhan } from './support/cli';

/** A test that runs the `yizhan` CLI several times: each run starts Node and tsx (seconds apiece on a busy machine). */
const CLI_TIMEOUT = 180_000;

/** The fixture's routing with 劳资纠纷 going to the township first unless it is a large wage arrear (大额欠薪). */
function proposedRouting(): Json {
  const routing = JSON.parse(packFiles()['rules/routing.json']);
  routing.rules[0] = {
    ...routing.rules[0],
    name: '大额劳资纠纷由县人社局办理',
    conditions: { all: [
      { fact: 'case', path: '$.type', operator: 'equal', value: 'wages' },
      { fact: 'data', path: '$.summary', operator: 'equal', value: '大额欠薪' },
    ] },
  };
  return routing;
}

const tmp = mkdtempSync(join(tmpdir(), 'yizhan-whatif-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


describe.each(databaseTargets())('what-if replay over HTTP on $name PostgreSQL', (target) => {
  let s: TestServer;
  let integrator: string;
  const started: { id: string; type: string; unit: string; big?: boolean }[] = [];

  beforeAll(async () => {
    s = await startTestServer(target);
    integrator = await s.login('integrator');
    const plan: { who: string; unit: string; type: string; big?: boolean }[] = [
      { who: 'clerka', unit: 't-a', type: 'wages' },
      { who: 'clerka', unit: 't-a', type: 'wages' },
      { who: 'clerka', unit: 't-a', type: 'wages', big: true },
      { who: 'clerka', unit: 't-a', type: 'neighbour' },
      { who: 'clerkb', unit: 't-b', type: 'wages' },
      { who: 'clerkb', unit: 't-b', type: 'neighbour' },
    ];
    for (const p of plan) {
      const data = intake(p.unit, { type: p.type, summary: p.big ? '大额欠薪' : '欠薪' });
      const r = await s.request('POST', '/api/cases', { token: await s.login(p.who), body: { process: PROCESS, data } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      started.push({ id: r.body.id, type: p.type, unit: p.unit, big: p.big });
      s.clock.advance(60_000);
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  const whatIf = (files: Record<string, string>, query = '', token = integrator) =>
    s.request('POST', `/api/packs/whatif${query}`, { token, body: { files } });

  it('reports the cases whose routing would change, from → to, the rules whose hits move, and the cases one by one', async () => {
    const r = await whatIf(packFiles('2.0.0', proposedRouting()));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const report = r.body;
    expect(report).toMatchObject({ packId: 'servertest', processes: [PROCESS], cases: 6, decisions: 6, truncated: false, conflicts: 0, missingRuleSets: [] });
    // the small wage disputes (3 of 4) leave 县人社局 for their township's centre; the large one stays
    const small = started.filter((c) => c.type === 'wages' && !c.big);
    expect(report.changedCases).toBe(small.length);
    expect(report.changed).toEqual({ departments: 3, level: 3, joint: 0, leadUnit: 0, caseClass: 0, dueIn: 3 });
    expect(report.transitions).toEqual([
      { from: '测试县人社局（县级）', to: '甲镇综治中心（乡镇级）', count: 2 },
      { from: '测试县人社局（县级）', to: '乙镇综治中心（乡镇级）', count: 1 },
    ]);
    expect(report.rules).toEqual(expect.arrayContaining([
      { ruleSet: 'routing', rule: '劳资纠纷由县人社局办理', before: 4, after: 0 },
      { ruleSet: 'routing', rule: '大额劳资纠纷由县人社局办理', before: 0, after: 1 },
      { ruleSet: 'routing', rule: '属地管理：乡镇综治中心办理', before: 2, after: 5 },
    ]));
    expect(report.changes.map((c: Json) => c.caseId).sort()).toEqual(small.map((c) => c.id).sort());
    expect(report.changes[0]).toMatchObject({
      processKey: PROCESS, ruleSet: 'routing', changed: ['departments', 'level', 'dueIn'],
      before: { departments: ['t-labour'], level: 'county' }, after: { departments: ['t-a-centre'], level: 'township' },
      rulesBefore: ['劳资纠纷由县人社局办理'], rulesAfter: ['属地管理：乡镇综治中心办理'],
    });
  });

  it('changes nothing: no case, task or definition moves, and the same pack replays to no change', async () => {
    const before = await Promise.all(started.map(async (c) => (await s.request('GET', `/api/cases/${c.id}`, { token: integrator })).body));
    const defs = (await s.request('GET', '/api/definitions', { token: integrator })).body;
    expect((await whatIf(packFiles('2.0.0', proposedRouting()))).status).toBe(200);
    const same = await whatIf(packFiles('2.0.0'));
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ cases: 6, changedCases: 0, transitions: [], rules: [], changes: [] });
    const after = await Promise.all(started.map(async (c) => (await s.request('GET', `/api/cases/${c.id}`, { token: integrator })).body));
    expect(after).toEqual(before);
    expect((await s.request('GET', '/api/definitions', { token: integrator })).body).toEqual(defs);
  });

  it('takes the period: cases outside [from, to) are not replayed', async () => {
    const r = await whatIf(packFiles('2.0.0', proposedRouting()), '?from=2025-01-01&to=2025-02-01');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ cases: 0, decisions: 0, changedCases: 0 });
    const bad = await whatIf(packFiles('2.0.0'), '?from=2026-03-02&to=2026-03-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    expect((await whatIf(packFiles('2.0.0'), '?from=yesterday')).status).toBe(400);
  });

  it('refuses what it cannot replay: an invalid pack (422), another county\'s pack (403), a role without pack:deploy (403), no login (401)', async () => {
    const broken = packFiles('2.0.0', { name: 'routing', hitPolicy: 'FIRST', rules: [{ name: 'x', conditions: { all: [{ fact: 'case', operator: 'nope', value: 1 }] }, event: { type: 'route' } }] });
    const invalid = await whatIf(broken);
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('PACK_INVALID');
    // the other county deploys its own pack; this county's administrator may not replay it
    expect((await s.request('POST', '/api/packs', { token: integrator, body: { files: otherCountyPack() } })).status).toBe(201);
    const foreign = await whatIf(otherCountyPack('2.0.0'), '', await s.login('countyadmin'));
    expect(foreign.status).toBe(403);
    const leader = await whatIf(packFiles('2.0.0'), '', await s.login('leader'));
    expect(leader.status).toBe(403);
    const anonymous = await s.request('POST', '/api/packs/whatif', { body: { files: packFiles('2.0.0') } });
    expect(anonymous.status).toBe(401);
  });

  it('yizhan pack whatif DIR --server prints the same report in Chinese', async () => {
    const dir = join(tmp, `proposed-${target.name}`);
    for (const [path, content] of Object.entries(packFiles('2.0.0', proposedRouting()))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const r = await runYizhan(['pack', 'whatif', dir, '--server', s.url, '--token', integrator, '--from', '2026-03-01', '--to', '2026-03-03']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('试算案件 6 个（分流 6 次），分流结果会改变的案件 3 个');
    expect(r.out).toContain('其中：办理部门改变 3，办理层级改变 3，办理时限改变 3');
    expect(r.out).toMatch(/2 {2}测试县人社局（县级） → 甲镇综治中心（乡镇级）/);
    expect(r.out).toContain('routing「劳资纠纷由县人社局办理」：4 → 0');
    const refused = await runYizhan(['pack', 'whatif', dir, '--server', s.url, '--token', await s.login('leader')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('试算失败（403');
  }, CLI_TIMEOUT);
});
