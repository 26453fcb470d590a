// The 考核排名 page in a real browser against the real server (embedded PostgreSQL on a temp data
// dir, the demo packs — Longxi ships its 千分制 assessment.json): 18 Longxi cases are taken through
// the API (closed well, failed, rated 不满意, returned and transferred back, left open), then the
// admin opens the page: the ranking is the API's, a red score drills down to exactly the cases
// that lost it, a scheme with other weights is previewed (the ranking follows it, nothing is
// deployed), and the Word bulletin downloads. Screenshots at 1440 and 390 px go to
// designer/test-results/assessment/ (git-ignored). Any console or page error fails the test.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, DESIGNER, launchBrowser, PASSWORD, startDemoServer, type DemoServer } from './support/demo-server';

const SHOTS = join(DESIGNER, 'test-results', 'assessment');

let server: DemoServer | undefined;
let webDir = '';
let baseUrl = '';
let browser: Browser | undefined;
let token = '';
const consoleErrors: string[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function api(method: string, path: string, body?: unknown): Promise<Json> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json() as Json;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const TYPES = ['劳资纠纷', '物业纠纷', '医疗纠纷'];
type End = 'good' | 'failed' | 'unhappy' | 'returned' | 'open';
const ENDS: End[] = ['good', 'good', 'failed', 'unhappy', 'returned', 'open'];

async function makeCase(i: number, end: End) {
  let c = await api('POST', '/api/cases', {
    process: 'longxi/dispute',
    data: { applicant: `考核${'甲乙丙丁戊己'[i % 6]}`, mobile: `1391235${String(1000 + i)}`, type: TYPES[i % TYPES.length], channel: '来访', unit: 'longxi', description: `第${i + 1}件考核测试纠纷` },
  });
  const task = (element: string) => c.openTasks.find((t: Json) => t.elementId === element);
  const complete = async (element: string, data: Record<string, unknown>) => {
    await api('POST', `/api/tasks/${task(element).id}/complete`, { data });
    c = await api('GET', `/api/cases/${c.id}`);
  };
  if (end === 'open') return;
  if (end === 'returned') {
    const department = task('handle').candidateGroups[0];
    await api('POST', `/api/tasks/${task('handle').id}/return`, { reason: '不属于本部门职责' });
    c = await api('GET', `/api/cases/${c.id}`);
    await api('POST', `/api/tasks/${task('handle').id}/transfer`, { department, reason: '经核实属该部门职责' });
    c = await api('GET', `/api/cases/${c.id}`);
  }
  // each open step in turn, as Longxi runs it (a failed mediation goes up a level, then 引导; 回访
  // after a rating) to the end; a 不满意 rating reopens the case, which is left there
  const dataFor: Record<string, Record<string, unknown>> = {
    mediation: { result: end === 'failed' ? 'failed' : 'success', note: '调处情况' },
    disposition: { way: 'litigation', note: '引导当事人向人民法院起诉' },
    feedback: { method: 'phone', message: '已电话告知当事人' },
    evaluation: { satisfaction: end === 'unhappy' ? 'dissatisfied' : 'satisfied', comment: '评价' },
    'return-visit': { recurred: false, note: '已回访' },
  };
  for (let step = 0; step < 12 && c.openTasks.length; step++) {
    const open = c.openTasks[0] as Json;
    if (!dataFor[open.formKey]) throw new Error(`no data for ${open.elementId} (${open.formKey})`);
    await complete(open.elementId, dataFor[open.formKey]);
    if (open.formKey === 'evaluation' && end === 'unhappy') break;
  }
}

async function rankingNames(page: Page): Promise<string[]> {
  return page.getByTestId('assess-ranking').locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents();
}

describe('the 考核 page in a browser', () => {
  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    webDir = mkdtempSync(join(tmpdir(), 'yizhan-assessment-web-'));
    buildWeb(webDir);
    server = await startDemoServer({ web: webDir, dataPrefix: 'yizhan-assessment-' });
    baseUrl = server.baseUrl;
    token = (await api('POST', '/api/auth/login', { username: 'admin', password: PASSWORD })).token;
    for (let i = 0; i < 18; i++) await makeCase(i, ENDS[i % ENDS.length]);
    browser = await launchBrowser();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  }, 60_000);

  it('ranks, drills down to lost points, previews a scheme and downloads the bulletin', async () => {
    const context = await browser!.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
    try {
      await page.goto(`${baseUrl}/login`);
      await page.locator('#login-username').fill('admin');
      await page.locator('#login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('current-user').waitFor();
      await page.getByTestId('nav-/assessment').click();
      await page.getByTestId('assessment').waitFor();
      // the first pack (Fugu) has no scheme: an explanation, not an error, and nothing to download
      await page.getByTestId('assess-no-scheme').waitFor();
      expect(await page.getByTestId('bulletin-docx').isDisabled()).toBe(true);
      // the packs list in its order; Longxi is the one with cases
      await page.getByTestId('assess-pack').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '陇西' }).first().click();

      const now = new Date(Date.now() + 8 * 3600_000);
      const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
      const report = await api('GET', `/api/assessment/longxi?period=${quarter}`);
      const labour = report.units.find((u: Json) => u.unit === 'lx.labour');
      expect(labour.figures.cases).toBeGreaterThan(0);
      await expect.poll(() => rankingNames(page)).toEqual(report.units.map((u: Json) => u.name));
      await page.screenshot({ path: join(SHOTS, '01-ranking-1440.png'), fullPage: true });

      // a red score: the cases that lost the unit its points
      const lost = report.units.flatMap((u: Json) => u.indicators.filter((i: Json) => i.lost > 0).map((i: Json) => ({ u, i })))[0];
      expect(lost).toBeDefined();
      const behind = await api('GET', `/api/assessment/longxi/cases?period=${quarter}&unit=${lost.u.unit}&indicator=${lost.i.key}&limit=500`);
      await page.getByTestId(`lost-${lost.u.unit}-${lost.i.key}`).click();
      await page.getByTestId('assess-drill').waitFor();
      await expect.poll(() => page.getByTestId('assess-drill').locator('tbody tr.ant-table-row').count()).toBe(Math.min(behind.length, 10));
      expect(await page.getByTestId('assess-drill').textContent()).toContain(lost.i.label);
      await page.screenshot({ path: join(SHOTS, '02-drill-down-1440.png'), fullPage: true });

      // preview: all points on satisfaction and returns — the ranking follows the edited scheme
      await page.getByTestId('preview-open').click();
      const scheme = JSON.parse(await page.getByTestId('preview-scheme').inputValue());
      scheme.indicators = [
        { key: 'satisfaction', label: '群众满意', figure: 'satisfactionRate', weight: 500, full: 1, zero: 0.5, noData: 'zero' },
        { key: 'returns', label: '推诿退回', figure: 'returns', weight: 500, deduct: 250 },
      ];
      await page.getByTestId('preview-scheme').fill(JSON.stringify(scheme, null, 2));
      await page.getByTestId('preview-run').click();
      await page.getByTestId('preview-banner').waitFor();
      const previewed = await api('POST', '/api/assessment/longxi/preview', { period: quarter, scheme });
      await expect.poll(() => rankingNames(page)).toEqual(previewed.units.map((u: Json) => u.name));
      expect(previewed.units.map((u: Json) => u.name)).not.toEqual(report.units.map((u: Json) => u.name));
      await page.screenshot({ path: join(SHOTS, '03-preview-1440.png'), fullPage: true });
      // a broken scheme: the error names the place
      await page.getByTestId('preview-scheme').fill(JSON.stringify({ ...scheme, total: 999 }));
      await page.getByTestId('preview-run').click();
      await expect.poll(() => page.getByTestId('assess-preview').textContent()).toContain('ASSESSMENT_INVALID');
      // nothing was deployed
      expect((await api('GET', `/api/assessment/longxi?period=${quarter}`)).units.map((u: Json) => u.name)).toEqual(report.units.map((u: Json) => u.name));

      // the Word bulletin
      const [downloaded] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-docx').click()]);
      expect(downloaded.suggestedFilename()).toMatch(/考核通报\.docx$/);
      const file = join(SHOTS, downloaded.suggestedFilename());
      await downloaded.saveAs(file);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

      // a phone: the same page at 390 px, in English too
      const phone = await browser!.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
      const small = await phone.newPage();
      small.on('pageerror', (e) => consoleErrors.push(`${small.url()}: ${e.message}`));
      await small.goto(`${baseUrl}/login`);
      await small.locator('#login-username').fill('admin');
      await small.locator('#login-password').fill(PASSWORD);
      await small.getByTestId('login-submit').click();
      // on a phone the header folds into a menu: signed in is the login form gone
      await small.locator('#login-username').waitFor({ state: 'detached' });
      await small.goto(`${baseUrl}/assessment`);
      await small.getByTestId('assessment').waitFor();
      await small.getByTestId('assess-pack').click();
      await small.locator('.ant-select-item-option').filter({ hasText: '陇西' }).first().click();
      await small.getByTestId('assess-ranking').waitFor();
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await small.screenshot({ path: join(SHOTS, '04-ranking-390.png'), fullPage: true });
      await phone.close();
    } catch (e) {
      await page.screenshot({ path: join(SHOTS, 'failure.png'), fullPage: true });
      throw new Error(`${e instanceof Error ? e.message : String(e)}\nconsole errors:\n${consoleErrors.join('\n')}`);
    }
    // what the browser reports of the answers the test asked for: the broken scheme's 422 and the
    // 404 of a pack without an assessment scheme (the page says so in words)
    expect(consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of (404|422)/.test(e))).toEqual([]);
  }, 600_000);
});
