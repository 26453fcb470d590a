// The 统计分析 dashboard in a real browser against the real server (embedded PostgreSQL on a temp
// data dir, the demo packs): 24 Longxi cases are taken through the API to different ends (closed
// satisfied / basic, reopened after 不满意, failed mediation, still open), then the admin opens the
// dashboard: the KPIs show the server's figures, every chart draws, a click on a table row drills
// down to its cases, the grouping switches, and the Excel export downloads. Screenshots go to
// designer/test-results/dashboard/ (git-ignored). Any console or page error fails the test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkLongxiCase } from './support/cases';
import { apiCaller, buildWeb, launchBrowser, startDemoServer, type DemoServer } from './support/demo-server';
import { apiLogin, logIn, openPage, pageWidth, PHONE, screenshots } from './support/session';

const { dir: SHOTS, shot } = screenshots('dashboard');

let server: DemoServer | undefined;
let webDir = '';
let baseUrl = '';
let browser: Browser | undefined;
const consoleErrors: string[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const api = (method: string, path: string, token?: string, body?: unknown) => apiCaller(baseUrl)<Json>(method, path, token, body);

const TYPES = ['劳资纠纷', '物业纠纷', '医疗纠纷', '邻里纠纷'];
const UNITS = ['longxi', 'longxi.gongchang', 'longxi.wenfeng', 'longxi.gongchang.dongguan'];
type End = 'satisfied' | 'basic' | 'reopened' | 'failed' | 'open';
const ENDS: End[] = ['satisfied', 'satisfied', 'basic', 'reopened', 'failed', 'open'];

/** A Longxi case taken to `end` by the admin (who may act on every task). */
async function makeCase(token: string, i: number, end: End) {
  const c = await api('POST', '/api/cases', token, {
    process: 'longxi/dispute',
    data: {
      applicant: `测试${'甲乙丙丁戊己庚辛'[i % 8]}${'一二三'[i % 3]}`, mobile: `1391234${String(1000 + i)}`, type: TYPES[i % TYPES.length], channel: '来访',
      unit: UNITS[i % UNITS.length], description: `第${i + 1}件测试纠纷，请求调处`,
    },
  });
  if (end === 'open') return;
  await walkLongxiCase(apiCaller(baseUrl), token, c, {
    result: end === 'failed' ? 'failed' : 'success',
    satisfaction: end === 'reopened' ? 'dissatisfied' : end === 'basic' ? 'basic' : 'satisfied',
    stopAtRating: end === 'reopened',
  });
}

describe('the statistics dashboard in a browser', () => {
  beforeAll(async () => {
    // A build of its own (the other browser test may be using designer/dist), served with --web.
    webDir = mkdtempSync(join(tmpdir(), 'yizhan-dashboard-web-'));
    buildWeb(webDir);
    server = await startDemoServer({ web: webDir, dataPrefix: 'yizhan-dashboard-' });
    baseUrl = server.baseUrl;
    const token = await apiLogin(apiCaller(baseUrl), 'admin');
    for (let i = 0; i < 24; i++) await makeCase(token, i, ENDS[i % ENDS.length]);
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  }, 60_000);

  it('shows the figures as charts, drills down to cases and exports Excel', async () => {
    const page = await openPage(browser!, { errors: consoleErrors, context: { acceptDownloads: true } });
    try {
      await logIn(page, baseUrl, 'admin');
      await page.getByTestId('nav-/dashboard').click();
      await page.getByTestId('dashboard').waitFor();

      // The KPIs are the server's figures for the leader's county.
      const token = await apiLogin(apiCaller(baseUrl), 'admin');
      const stats = await api('GET', '/api/stats?groupBy=type', token);
      expect(stats.totals.total).toBeGreaterThanOrEqual(24);
      const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
      await expect.poll(() => page.getByTestId('kpi-受理').textContent()).toContain(String(stats.totals.total));
      expect(await page.getByTestId('kpi-办结率').textContent()).toContain(pct(stats.totals.closureRate));
      expect(await page.getByTestId('kpi-调处成功率').textContent()).toContain(pct(stats.totals.successRate));
      expect(await page.getByTestId('kpi-满意率').textContent()).toContain(pct(stats.totals.satisfactionRate));
      expect(await page.getByTestId('kpi-初访化解率').textContent()).toContain(pct(stats.totals.firstResolveRate));
      expect(await page.getByTestId('kpi-初访化解率').textContent()).toContain(`${stats.totals.firstResolved} / ${stats.totals.closed}`);

      // Every chart draws on its canvas.
      for (const chart of ['chart-bar', 'chart-pie', 'chart-trend', 'chart-level', 'chart-satisfaction', 'chart-channel', 'chart-case-class', 'chart-handling-level']) {
        await page.getByTestId(chart).locator('canvas').first().waitFor();
      }
      await page.waitForTimeout(800); // chart animations
      await shot(page, '01-dashboard');

      // Drill-down: a row of the table lists exactly its cases.
      const labour = stats.rows.find((r: Json) => r.key === '劳资纠纷');
      await page.getByTestId('stats-table').getByRole('cell', { name: '劳资纠纷', exact: true }).click();
      await page.getByTestId('drill-down').waitFor();
      await expect.poll(() => page.getByTestId('drill-down').locator('tbody tr.ant-table-row').count()).toBe(Math.min(labour.total, 10));
      await page.getByTestId('drill-down').scrollIntoViewIfNeeded();
      await shot(page, '02-drill-down');

      // Another grouping.
      await page.getByTestId('group-by').getByText('按单位').click();
      await expect.poll(() => page.getByTestId('stats-table').textContent()).toContain('巩昌镇');
      // By township: 东关社区's cases count for 巩昌镇, with the server's figures.
      const townships = await api('GET', '/api/stats?groupBy=township', token);
      const gongchang = townships.rows.find((r: Json) => r.key === 'longxi.gongchang');
      const units = await api('GET', '/api/stats?groupBy=unit', token);
      const inGongchang = units.rows.filter((r: Json) => String(r.key).startsWith('longxi.gongchang')).reduce((n: number, r: Json) => n + r.total, 0);
      expect(gongchang.total).toBe(inGongchang);
      await page.getByTestId('group-by').getByText('按乡镇').click();
      await expect.poll(() => page.getByTestId('stats-table').locator('tr', { hasText: '巩昌镇' }).textContent()).toContain(String(gongchang.total));
      expect(await page.getByTestId('stats-table').textContent()).not.toContain('东关社区');
      // By channel, the 来源渠道 of the intake.
      await page.getByTestId('group-by').getByText('按来源渠道').click();
      await expect.poll(() => page.getByTestId('stats-table').textContent()).toContain('来访');
      await shot(page, '03-by-channel');

      // Excel export.
      const [downloaded] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
      expect(downloaded.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = join(SHOTS, downloaded.suggestedFilename());
      await downloaded.saveAs(file);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK'); // a zip, as xlsx is
    } catch (e) {
      await shot(page, 'failure');
      throw new Error(`${e instanceof Error ? e.message : String(e)}\nconsole errors:\n${consoleErrors.join('\n')}`);
    }
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it('fits a phone: the groupings scroll, the KPIs and every chart stack', async () => {
    const page = await openPage(browser!, { errors: consoleErrors, ...PHONE, console: false });
    await logIn(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/dashboard`);
    await page.getByTestId('chart-handling-level').locator('canvas').first().waitFor();
    await page.waitForTimeout(800);
    await shot(page, '04-phone');
    // nothing wider than the screen but the scrolling strip of groupings
    const width = await pageWidth(page);
    expect(width).toBeLessThanOrEqual(390);
    // every chart gets the full width, one under the other, never squeezed side by side
    const charts = ['chart-bar', 'chart-pie', 'chart-trend', 'chart-level', 'chart-satisfaction'];
    const boxes = await Promise.all(charts.map((id) => page.getByTestId(id).boundingBox()));
    for (const [i, box] of boxes.entries()) {
      expect(box!.width).toBeGreaterThan(300);
      if (i > 0) expect(box!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height);
    }
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
