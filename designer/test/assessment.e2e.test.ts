// The 考核排名 page in a real browser against the real server (embedded PostgreSQL on a temp data
// dir, the demo packs — Longxi ships its 千分制 assessment.json): 18 Longxi cases are taken through
// the API (closed well, failed, rated 不满意, returned and transferred back, left open), then the
// admin opens the page: the ranking is the API's, a red score drills down to exactly the cases
// that lost it, a scheme with other weights is previewed (the ranking follows it, nothing is
// deployed), and the Word bulletin downloads. Screenshots at 1440 and 390 px go to
// designer/test-results/assessment/ (git-ignored). Any console or page error fails the test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkLongxiCase } from './support/cases';
import { apiCaller, buildWeb, launchBrowser, startDemoServer, type DemoServer } from './support/demo-server';
import { apiLogin, logIn, openPage, pageWidth, PHONE, screenshots } from './support/session';

const { dir: SHOTS, shot } = screenshots('assessment');

let server: DemoServer | undefined;
let webDir = '';
let baseUrl = '';
let browser: Browser | undefined;
let token = '';
const consoleErrors: string[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The admin's API calls. */
const api = (method: string, path: string, body?: unknown) => apiCaller(baseUrl)<Json>(method, path, token, body);

const TYPES = ['劳资纠纷', '物业纠纷', '医疗纠纷'];
type End = 'good' | 'failed' | 'unhappy' | 'returned' | 'open';
const ENDS: End[] = ['good', 'good', 'failed', 'unhappy', 'returned', 'open'];

async function makeCase(i: number, end: End) {
  let c = await api('POST', '/api/cases', {
    process: 'longxi/dispute',
    data: { applicant: `考核${'甲乙丙丁戊己'[i % 6]}`, mobile: `1391235${String(1000 + i)}`, type: TYPES[i % TYPES.length], channel: '来访', unit: 'longxi', description: `第${i + 1}件考核测试纠纷` },
  });
  const handle = () => c.openTasks.find((t: Json) => t.elementId === 'handle');
  if (end === 'open') return;
  if (end === 'returned') {
    const department = handle().candidateGroups[0];
    await api('POST', `/api/tasks/${handle().id}/return`, { reason: '不属于本部门职责' });
    c = await api('GET', `/api/cases/${c.id}`);
    await api('POST', `/api/tasks/${handle().id}/transfer`, { department, reason: '经核实属该部门职责' });
    c = await api('GET', `/api/cases/${c.id}`);
  }
  await walkLongxiCase(apiCaller(baseUrl), token, c, {
    result: end === 'failed' ? 'failed' : 'success', satisfaction: end === 'unhappy' ? 'dissatisfied' : 'satisfied', stopAtRating: end === 'unhappy',
  });
}

async function rankingNames(page: Page): Promise<string[]> {
  return page.getByTestId('assess-ranking').locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents();
}

describe('the 考核 page in a browser', () => {
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'yizhan-assessment-web-'));
    buildWeb(webDir);
    server = await startDemoServer({ web: webDir, dataPrefix: 'yizhan-assessment-' });
    baseUrl = server.baseUrl;
    token = await apiLogin(apiCaller(baseUrl), 'admin');
    for (let i = 0; i < 18; i++) await makeCase(i, ENDS[i % ENDS.length]);
    browser = await launchBrowser();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  }, 60_000);

  it('ranks, drills down to lost points, previews a scheme and downloads the bulletin', async () => {
    const page = await openPage(browser!, { errors: consoleErrors, context: { acceptDownloads: true } });
    try {
      await logIn(page, baseUrl, 'admin');
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
      await shot(page, '01-ranking-1440');

      // a red score: the cases that lost the unit its points
      const lost = report.units.flatMap((u: Json) => u.indicators.filter((i: Json) => i.lost > 0).map((i: Json) => ({ u, i })))[0];
      expect(lost).toBeDefined();
      const behind = await api('GET', `/api/assessment/longxi/cases?period=${quarter}&unit=${lost.u.unit}&indicator=${lost.i.key}&limit=500`);
      await page.getByTestId(`lost-${lost.u.unit}-${lost.i.key}`).click();
      await page.getByTestId('assess-drill').waitFor();
      await expect.poll(() => page.getByTestId('assess-drill').locator('tbody tr.ant-table-row').count()).toBe(Math.min(behind.length, 10));
      expect(await page.getByTestId('assess-drill').textContent()).toContain(lost.i.label);
      await shot(page, '02-drill-down-1440');

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
      await shot(page, '03-preview-1440');
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
      const small = await openPage(browser!, { errors: consoleErrors, ...PHONE, console: false });
      await logIn(small, baseUrl, 'admin');
      await small.goto(`${baseUrl}/assessment`);
      await small.getByTestId('assessment').waitFor();
      await small.getByTestId('assess-pack').click();
      await small.locator('.ant-select-item-option').filter({ hasText: '陇西' }).first().click();
      await small.getByTestId('assess-ranking').waitFor();
      // the pack list closes (while it animates, it may reach past the screen's edge)
      await small.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
      await expect.poll(() => pageWidth(small)).toBeLessThanOrEqual(390);
      await shot(small, '04-ranking-390');
      await small.context().close();
    } catch (e) {
      await shot(page, 'failure');
      throw new Error(`${e instanceof Error ? e.message : String(e)}\nconsole errors:\n${consoleErrors.join('\n')}`);
    }
    // what the browser reports of the answers the test asked for: the broken scheme's 422 and the
    // 404 of a pack without an assessment scheme (the page says so in words)
    expect(consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of (404|422)/.test(e))).toEqual([]);
  }, 600_000);
});
