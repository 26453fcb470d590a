// The case list in a real browser against `yizhan serve --demo`: newest first, a page at a time
// with the server's cursor (加载更多) and its bounded total, search, the inbox paged the same way,
// and on a phone one card per case with nothing wider than the screen. Screenshots at 1440 and
// 390 px go to designer/test-results/cases-list/ (git-ignored).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from './support/demo-server';
import { apiLogin, demoAndBrowser, logIn, openPage, pageWidth, PHONE, screenshots } from './support/session';

const CASES = 57; // more than one page (50), fewer than two
const demo = demoAndBrowser();
const { shot } = screenshots('cases-list');
const errors: string[] = [];

async function open(user: string, size: { width: number; height: number } = { width: 1440, height: 900 }): Promise<Page> {
  const page = await openPage(demo.browser, { errors, label: user, ...size });
  await logIn(page, demo.baseUrl, user);
  return page;
}

describe('the case list', () => {
  beforeAll(async () => {
    const call = apiCaller(demo.baseUrl);
    const token = await apiLogin(call, 'fg-clerk');
    for (let i = 1; i <= CASES; i++) {
      await call('POST', '/api/cases', token, {
        process: 'fugu/appeal', title: `欠薪诉求第${i}号`,
        data: { applicant: '王海军', mobile: '13709121234', channel: '来访', type: '劳资纠纷', unit: 'fugu', amount: 6000, resolvableOnSite: true, description: `工地拖欠工资（${i}）` },
      });
    }
  }, 600_000);

  it('shows the newest page first and reads the next one on demand', async () => {
    const page = await open('fg-clerk');
    await page.goto(`${demo.baseUrl}/cases`);
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(50);
    expect(await page.getByTestId('cases-shown').textContent()).toBe(`已显示 50 件，共 ${CASES} 件`);
    // newest first
    expect(await page.getByTestId('case-row').first().textContent()).toContain(`欠薪诉求第${CASES}号`);
    await shot(page, '01-first-page-1440');

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
    const page = await open('fg-hrss');
    await page.goto(`${demo.baseUrl}/inbox`);
    await expect.poll(() => page.getByTestId('task-row-windowHandle').count()).toBe(50);
    await page.getByTestId('inbox-more').click();
    await expect.poll(() => page.getByTestId('task-row-windowHandle').count()).toBe(CASES);
    expect(await page.getByTestId('inbox-more').count()).toBe(0);
    await page.context().close();
  }, 180_000);

  it('fits a phone: one card per case, nothing wider than the screen', async () => {
    const page = await open('fg-clerk', PHONE);
    await page.goto(`${demo.baseUrl}/cases`);
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(50);
    expect(await page.getByTestId('case-cards').count()).toBe(1);
    expect(await page.getByTestId('case-row').first().textContent()).toContain(`案件编号 ${CASES} · 欠薪诉求第${CASES}号`);
    await page.getByTestId('cases-more').click();
    await expect.poll(() => page.getByTestId('case-row').count()).toBe(CASES);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, '02-phone-390');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
