// The case list in a real browser against `yizhan serve --demo`: newest first, a page at a time
// with the server's cursor (加载更多) and its bounded total, search, the inbox paged the same way,
// and on a phone one card per case with nothing wider than the screen. Screenshots at 1440 and 390 px go
// to designer/test-results/cases-list/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGNER, launchBrowser, PASSWORD, apiCaller, startDemoServer, type DemoServer } from './support/demo-server';

const SHOTS = join(DESIGNER, 'test-results', 'cases-list');
const CASES = 57; // more than one page (50), fewer than two

let server: DemoServer | undefined;
let browser: Browser | undefined;
const errors: string[] = [];

async function open(user: string, width: number): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${user}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`${user}: ${e.message}`));
  await page.goto(`${server!.baseUrl}/login`);
  await page.locator('#login-username').fill(user);
  await page.locator('#login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(width < 768 ? 'menu-toggle' : 'current-user').waitFor();
  return page;
}

describe('the case list', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startDemoServer();
    browser = await launchBrowser();
    const call = apiCaller(server.baseUrl);
    const { token } = await call<{ token: string }>('POST', '/api/auth/login', undefined, { username: 'fg-clerk', password: PASSWORD });
    for (let i = 1; i <= CASES; i++) {
      await call('POST', '/api/cases', token, {
        process: 'fugu/appeal', title: `欠薪诉求第${i}号`,
        data: { applicant: '王海军', mobile: '13709121234', channel: '来访', type: '劳资纠纷', unit: 'fugu', amount: 6000, resolvableOnSite: true, description: `工地拖欠工资（${i}）` },
      });
    }
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('shows the newest page first and reads the next one on demand', async () => {
    const page = await open('fg-clerk', 1440);
    await page.goto(`${server!.baseUrl}/cases`);
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(50);
    expect(await page.getByTestId('cases-shown').textContent()).toBe(`已显示 50 件，共 ${CASES} 件`);
    // newest first
    expect(await page.getByTestId('case-row').first().textContent()).toContain(`欠薪诉求第${CASES}号`);
    await page.screenshot({ path: join(SHOTS, '01-first-page-1440.png'), fullPage: true });

    await page.getByTestId('cases-more').click();
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(CASES);
    expect(await page.getByTestId('cases-shown').textContent()).toBe(`已显示 ${CASES} 件，共 ${CASES} 件`);
    expect(await page.getByTestId('cases-more').count()).toBe(0);
    expect(await page.getByTestId('case-row').last().textContent()).toContain('欠薪诉求第1号');

    // a search starts over from its own first page
    await page.getByPlaceholder('搜索').fill('第7号');
    await page.getByPlaceholder('搜索').press('Enter');
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
    expect(await page.getByTestId('cases-shown').textContent()).toBe('已显示 1 件，共 1 件');
    await page.context().close();
  }, 180_000);

  it("reads a department's inbox a page at a time too", async () => {
    // every case waits at the 人社 window: 57 open tasks, 50 to a page
    const page = await open('fg-hrss', 1440);
    await page.goto(`${server!.baseUrl}/inbox`);
    await expect.poll(() => page.getByTestId('task-row-windowHandle').count()).toBe(50);
    await page.getByTestId('inbox-more').click();
    await expect.poll(() => page.getByTestId('task-row-windowHandle').count()).toBe(CASES);
    expect(await page.getByTestId('inbox-more').count()).toBe(0);
    await page.context().close();
  }, 180_000);

  it('fits a phone: one card per case, nothing wider than the screen', async () => {
    const page = await open('fg-clerk', 390);
    await page.goto(`${server!.baseUrl}/cases`);
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(50);
    expect(await page.getByTestId('case-cards').count()).toBe(1);
    expect(await page.getByTestId('case-row').first().textContent()).toContain(`案件编号 ${CASES} · 欠薪诉求第${CASES}号`);
    await page.getByTestId('cases-more').click();
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(CASES);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, '02-phone-390.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
