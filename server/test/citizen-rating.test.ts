// 一事一评价 by the applicant over HTTP, without an account: a clerk issues a one-time link (256-bit
// token) and a typed code for a case at its evaluation step or ended without a rating; the rating
// is the case's evaluation in /api/stats and its history, follows the pack's reopen rule
// (Zhangye: 不满意 → 再次调处), works once (409), expires (410), and a typed code cannot be guessed
// (failed look-ups capped, 429). The public answers carry the case number, a masked title and the
// unit, nothing else; the database holds only hashes. Also the 公示 page: the staff-written
// 公示摘要 where the pack has one, never the intake's own words.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { loadPackDir } from '../src/packs';
import { intake, PROCESS, startTestServer, type Json, type TestServer } from './support/harness';

const ZHANGYE = new URL('../../processes/zhangye/', import.meta.url).pathname;

interface ScenarioStep { complete?: string; as?: string; data?: Record<string, unknown> }
interface Scenario { start: { as: string; data: Record<string, unknown> }; steps: ScenarioStep[] }
const scenario = (name: string): Scenario => JSON.parse(readFileSync(`${ZHANGYE}scenarios/${name}.json`, 'utf8'));

describe.each(databaseTargets())('the applicant rates a case on $name PostgreSQL', (target) => {
  let s: TestServer;

  beforeAll(async () => {
    s = await startTestServer(target, { publicLimits: { perMinute: 1000, codeFailuresPerHour: 4, codeFailuresTotalPerHour: 1000 } });
    await s.yizhan.services.packs.deploy(await loadPackDir(ZHANGYE), 'test');
  });
  afterAll(async () => {
    await s?.close();
  });

  /** A fixture case run to its end: 调处 → 反馈 → 办结, with no evaluation step (like one sent to litigation). */
  const closedCase = async (extra: Record<string, unknown> = {}) => {
    const started = await s.request('POST', '/api/cases', { token: await s.login('clerka'), body: { process: PROCESS, data: intake('t-a-1', extra) } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    let c: Json = started.body;
    for (const data of [{ result: 'success' }, { message: '已电话告知' }]) {
      const r = await s.request('POST', `/api/tasks/${c.openTasks[0].id}/complete`, { token: await s.login('admin'), body: { data } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      c = r.body;
    }
    expect(c.status).toBe('completed');
    return c as { id: string; number: number };
  };
  const issue = async (id: string, token?: string) => s.request('POST', `/api/cases/${id}/rating-link`, { token: token ?? await s.login('clerka') });
  const totals = async (process: string, as = 'leader') => (await s.request('GET', `/api/stats?process=${process}`, { token: await s.login(as) })).body.totals as Record<string, number>;

  it('a closed case without evaluation is rated once through the link; counted in 满意率 and in the history', async () => {
    const c = await closedCase({ summary: '张三丰与邻居王小明因排水沟堵塞发生争执，电话13812345678' });
    const before = await totals(PROCESS);
    const link = await issue(c.id);
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    expect(link.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes = 256 bits
    expect(link.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(link.body).toMatchObject({ stage: 'closed', path: `/rate/${link.body.token}` });
    const second = await issue(c.id);
    expect(second.status).toBe(201);

    const view = await s.request('GET', `/api/public/ratings/${link.body.token}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(Object.keys(view.body).sort()).toEqual(['caseNumber', 'expiresAt', 'rated', 'title', 'unitName']);
    expect(view.body).toMatchObject({ caseNumber: c.number, unitName: '甲镇东村', rated: false });
    const text = JSON.stringify(view.body);
    for (const secret of ['张三丰', '13812345678', '110101199003077777', c.id]) expect(text).not.toContain(secret);

    const rated = await s.request('POST', `/api/public/ratings/${link.body.token}`, { body: { satisfaction: 'basic', comment: '调解员很耐心' } });
    expect(rated.status, JSON.stringify(rated.body)).toBe(201);
    expect(rated.body).toMatchObject({ caseNumber: c.number, satisfaction: 'basic' });

    const again = await s.request('POST', `/api/public/ratings/${link.body.token}`, { body: { satisfaction: 'dissatisfied' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CASE_ALREADY_RATED');
    expect(JSON.stringify(again.body)).not.toContain(c.id);
    // the other link of the case, typed as a code: one rating per case
    const byCode = await s.request('POST', `/api/public/ratings/${encodeURIComponent(second.body.code.toLowerCase())}`, { body: { satisfaction: 'satisfied' } });
    expect(byCode.status).toBe(409);
    expect((await s.request('GET', `/api/public/ratings/${link.body.token}`)).body.rated).toBe(true);
    expect((await issue(c.id)).status).toBe(409);

    const after = await totals(PROCESS);
    expect(after.rated).toBe(before.rated + 1);
    expect(after.basic).toBe(before.basic + 1);
    expect(after.satisfied).toBe(before.satisfied);
    const kase = (await s.request('GET', `/api/cases/${c.id}`, { token: await s.login('clerka') })).body;
    expect(kase.status).toBe('completed');
    expect(kase.history.at(-1)).toMatchObject({ kind: 'case.rated', actor: 'citizen', data: { data: { satisfaction: 'basic', comment: '调解员很耐心' } } });
    const drill = await s.request('GET', `/api/stats/cases?process=${PROCESS}&groupBy=type&key=neighbour`, { token: await s.login('leader') });
    expect(drill.body.find((x: Json) => x.number === c.number)?.satisfaction).toBe('basic');
  });

  it('keeps only hashes; a link expires; cases out of scope, not yet at evaluation, or refused roles get no link', async () => {
    const c = await closedCase();
    const link = await issue(c.id);
    const { rows } = await s.db.pool.query('select token_hash, code_hash from rating_links');
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(link.body.token);
    expect(rows.every((r: Json) => r.token_hash.length === 32 && r.code_hash.length === 32)).toBe(true);

    s.clock.advance('P31D');
    const expired = await s.request('GET', `/api/public/ratings/${link.body.token}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('RATING_LINK_EXPIRED');
    expect((await s.request('POST', `/api/public/ratings/${link.body.token}`, { body: { satisfaction: 'satisfied' } })).status).toBe(410);

    const clerkb = await s.login('clerkb', true);
    expect((await issue(c.id, clerkb)).status).toBe(404);
    expect((await issue(c.id, await s.login('leader', true))).status).toBe(403);
    const open = await s.request('POST', '/api/cases', { token: await s.login('clerka', true), body: { process: PROCESS, data: intake('t-a-1') } });
    const early = await issue(open.body.id, await s.login('clerka'));
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CASE_NOT_ACTIVE');
    expect((await s.request('POST', '/api/public/ratings/not-a-link', { body: { satisfaction: 'satisfied' } })).status).toBe(404);
    const bad = await s.request('POST', `/api/public/ratings/${link.body.token}`, { body: { satisfaction: 'great', extra: 1 } });
    expect(bad.status).toBe(400);
    const big = await s.request('POST', `/api/public/ratings/${link.body.token}`, { body: { satisfaction: 'satisfied', comment: 'x'.repeat(20_000) } });
    expect(big.status).toBe(413);
  });

  it('the 不满意 of a case at its evaluation step follows the pack: Zhangye mediates again', async () => {
    const sc = scenario('07-dispute-dissatisfied');
    let c = await s.engine.startCase({ process: 'zhangye/dispute', data: sc.start.data, actor: sc.start.as });
    for (const step of sc.steps) {
      if (c.openTasks.some((t) => t.formKey === 'evaluation')) break;
      const task = c.openTasks.find((t) => t.elementId === step.complete);
      expect(task, step.complete).toBeDefined();
      c = await s.engine.completeTask(task!.id, step.data ?? {}, step.as, { force: true });
    }
    expect(c.openTasks.map((t) => t.formKey)).toEqual(['evaluation']);
    const before = await totals('zhangye', 'admin');
    const link = await issue(c.id, await s.login('admin'));
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    expect(link.body.stage).toBe('evaluation');
    const view = await s.request('GET', `/api/public/ratings/${link.body.code}`);
    expect(view.status).toBe(200);
    for (const secret of ['陈丽', '13893631234', '62070219920830567X']) expect(JSON.stringify(view.body)).not.toContain(secret);
    const rated = await s.request('POST', `/api/public/ratings/${link.body.code.replace('-', ' ')}`, { body: { satisfaction: 'dissatisfied', comment: '物业费仍未退还' } });
    expect(rated.status, JSON.stringify(rated.body)).toBe(201);
    const kase = (await s.request('GET', `/api/cases/${c.id}`, { token: await s.login('admin') })).body;
    expect(kase.status).toBe('active');
    expect(kase.openTasks.map((t: Json) => t.elementId)).toEqual(['mediate']);
    expect(kase.history).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'task.completed', actor: 'citizen', data: { data: { satisfaction: 'dissatisfied', comment: '物业费仍未退还' } } }),
    ]));
    const after = await totals('zhangye', 'admin');
    expect(after.dissatisfied).toBe(before.dissatisfied + 1);
    expect(after.rated).toBe(before.rated + 1);
    // reopened and back at evaluation, the case has had its applicant's rating: staff rate the second round
    expect((await s.request('POST', `/api/public/ratings/${link.body.token}`, { body: { satisfaction: 'satisfied' } })).status).toBe(409);
  });

  it('a case sent to litigation (Zhangye\'s 绿色通道 to the court, no evaluation step) still gets the applicant\'s rating', async () => {
    const sc = scenario('03-failed-green-channel');
    let c = await s.engine.startCase({ process: 'zhangye/dispute', data: sc.start.data, actor: sc.start.as });
    for (const step of sc.steps) {
      const task = c.openTasks.find((t) => t.elementId === step.complete);
      expect(task, step.complete).toBeDefined();
      c = await s.engine.completeTask(task!.id, step.data ?? {}, step.as, { force: true });
    }
    expect(c.status).toBe('completed');
    expect(c.tasks.map((t) => t.elementId).sort()).toEqual(['filing', 'mediate']); // ended at the court's filing, never at 评价
    const before = await totals('zhangye', 'admin');
    const link = await issue(c.id, await s.login('admin'));
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    expect(link.body.stage).toBe('closed');
    const rated = await s.request('POST', `/api/public/ratings/${link.body.token}`, { body: { satisfaction: 'dissatisfied', comment: '调解没有结果' } });
    expect(rated.status, JSON.stringify(rated.body)).toBe(201);
    const after = await totals('zhangye', 'admin');
    expect(after.rated).toBe(before.rated + 1);
    expect(after.dissatisfied).toBe(before.dissatisfied + 1);
    const kase = (await s.request('GET', `/api/cases/${c.id}`, { token: await s.login('admin') })).body;
    expect(kase.status).toBe('completed'); // an ended case is rated, not reopened
    expect(kase.history.at(-1)).toMatchObject({ kind: 'case.rated', actor: 'citizen', data: { data: { satisfaction: 'dissatisfied' } } });
    expect((await s.request('POST', `/api/public/ratings/${link.body.token}`, { body: { satisfaction: 'satisfied' } })).status).toBe(409);
  });

  it('a typed code cannot be guessed: wrong codes are capped per address (429), the token link still works', async () => {
    const c = await closedCase();
    const link = await issue(c.id);
    await s.db.pool.query(`delete from public_request_counts where bucket like 'code:%'`);
    for (let i = 0; i < 4; i++) {
      const r = await s.request('GET', `/api/public/ratings/ZZZZZ-ZZZZ${i}`);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('RATING_LINK_NOT_FOUND');
    }
    const blocked = await s.request('GET', `/api/public/ratings/${link.body.code}`);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await s.request('GET', `/api/public/ratings/${link.body.token}`)).status).toBe(200);
    s.clock.advance('PT1H');
    expect((await s.request('GET', `/api/public/ratings/${link.body.code}`)).status).toBe(200);
  });

  it('公示 shows the staff-written 公示摘要, never the intake description, and pages with a total', async () => {
    await closedCase({ summary: '张三丰反映排水沟堵塞' });
    const sc = scenario('02-court-diversion');
    let c = await s.engine.startCase({ process: 'zhangye/dispute', data: { ...sc.start.data, description: '陈丽反映：邻居李建国拖欠劳动报酬四万二千元' }, actor: sc.start.as });
    for (const step of sc.steps) {
      const task = c.openTasks.find((t) => t.elementId === step.complete);
      if (!step.complete) continue;
      expect(task, step.complete).toBeDefined();
      // the staff-written summary names the applicant and a phone: published scrubbed
      const data = step.complete === 'publish' ? { summary: '陈丽与用人单位的劳动报酬纠纷已调解成功，回访电话13893631234' } : step.data ?? {};
      c = await s.engine.completeTask(task!.id, data, step.as, { force: true });
    }
    expect(c.status).toBe('completed');
    const page = await s.request('GET', '/api/public/case-page?limit=50');
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThanOrEqual(page.body.items.length);
    const shown = page.body.items.find((x: Json) => x.number === c.number);
    expect(shown.summary).toMatch(/^陈\*+与用人单位的劳动报酬纠纷已调解成功，回访电话138\*{4}1234$/);
    const text = JSON.stringify(page.body);
    for (const secret of ['李建国', '陈丽', '13893631234', '拖欠劳动报酬', '排水沟']) expect(text).not.toContain(secret);
    // a pack without a 公示摘要 publishes coded fields and masked ones only
    const fixture = page.body.items.find((x: Json) => x.unitName === '甲镇东村');
    expect(fixture.summary).toBeNull();
    expect(fixture.fields.map((f: Json) => f.field).sort()).toEqual(['applicant', 'idNumber', 'phone', 'type']);
    const second = await s.request('GET', '/api/public/case-page?limit=1&offset=1');
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].number).toBe(page.body.items[1].number);
    expect((await s.request('GET', '/api/public/case-page?limit=500')).status).toBe(400);
  });
});
