// 督办 and 研判 in a real browser against `yizhan serve --demo` (the shipped packs): a Longxi leader
// sees that a case is a repeat (the same ID number a week apart), puts it under supervision with a
// 批示 and a 包案领导 on the case page, finds it in the 督办 list, searches the party by ID number
// (in full); the handling unit reads the 批示 on its task page; a clerk's search is masked; a
// township's spike of cases is an alert on the 研判 page and the dashboard — at 1440 px and on a
// 390 px phone, with screenshots in test-results/supervision.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCaller, PASSWORD } from './support/demo-server';
import { apiLogin, demoAndBrowser, logIn, openPage, screenshots } from './support/session';

const { shot } = screenshots('supervision');
const ID = '62112219850505102X';
const INSTRUCTION = '请巩昌镇三日内入户化解，结果报县综治中心';

const demo = demoAndBrowser();

describe('督办 and 研判 in the browser', () => {
  const open = async (username: string, width: number): Promise<{ page: Page; errors: string[] }> => {
    const errors: string[] = [];
    const page = await openPage(demo.browser, { errors, width });
    await logIn(page, demo.baseUrl, username);
    return { page, errors };
  };

  it('a leader supervises a repeat case; the unit reads the 批示; search is full for the leader and masked for a clerk', async () => {
    const call = apiCaller(demo.baseUrl);
    const admin = await apiLogin(call, 'admin');
    await call('POST', '/api/users', admin, { username: 'lx-boss', displayName: '李县长', password: PASSWORD, role: 'leader', unit: 'longxi', departments: ['lx.centre'] });
    const clerk = await apiLogin(call, 'lx-clerk');
    const register = (title: string, mobile: string) => call('POST', '/api/cases', clerk, {
      process: 'longxi/dispute', title,
      data: { applicant: '王建国', idNumber: ID, mobile, channel: '来访', type: '邻里纠纷', unit: 'longxi.gongchang', description: '与邻居因排水沟渠发生纠纷' },
    }) as Promise<{ id: string; number: number; openTasks: { id: string; candidateGroups: string[] }[] }>;
    const first = await register('排水沟渠纠纷', '13909321111');
    const again = await register('排水沟渠纠纷（再次来访）', '13909322222');

    // the leader, 1440 px: repeats on the case page, then 挂牌督办 with a 批示 and a 包案领导
    const { page, errors } = await open('lx-boss', 1440);
    try {
      await page.goto(`${demo.baseUrl}/cases/${again.id}`);
      const repeats = page.getByTestId('case-repeats');
      await repeats.waitFor();
      expect(await repeats.textContent()).toContain(`案件编号 ${first.number}`);
      await page.getByTestId('supervise').click();
      const dialog = page.locator('.ant-modal:visible');
      await dialog.getByTestId('supervision-instruction').fill(INSTRUCTION);
      await dialog.getByTestId('supervision-leader').fill('lx-boss');
      await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
      await page.getByTestId('supervision').first().waitFor();
      expect(await page.getByTestId('case-supervision').textContent()).toContain(INSTRUCTION);
      expect(await page.getByTestId('leader-in-charge').textContent()).toContain('lx-boss');
      await page.getByTestId('supervised-tag').waitFor();
      await expect.poll(async () => (await page.getByTestId('timeline').textContent()) ?? '').toContain(`挂牌督办：${INSTRUCTION}`);
      await shot(page, '01-case-supervised-1440');

      await page.getByTestId('nav-/supervision').click();
      await page.getByTestId('supervision-row').first().waitFor();
      const listed = (await page.getByTestId('supervision-page').textContent()) ?? '';
      expect(listed).toContain(INSTRUCTION);
      // the leader by name (批示 and 包案领导), not by user name
      expect(listed).toContain('李县长');
      expect(listed).not.toContain('lx-boss');
      await shot(page, '02-supervision-list-1440');

      await page.getByTestId('nav-/analysis').click();
      await page.getByTestId('search-value').fill(ID.toLowerCase());
      await page.getByTestId('search-button').click();
      await page.getByTestId('search-results').locator('tbody tr').nth(1).waitFor();
      const full = (await page.getByTestId('search-results').textContent()) ?? '';
      expect(full).toContain(ID);
      expect(full).toContain('13909321111');
      expect(await page.getByTestId('search-masked').count()).toBe(0);
      await shot(page, '03-search-leader-1440');
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }

    // the unit the case is offered to reads the 批示 on its task page
    const groups = again.openTasks[0].candidateGroups;
    const handlers: Record<string, string> = { 'lx.t.gongchang': 'lx-gongchang', 'lx.centre': 'lx-clerk' };
    const handler = groups.map((g) => handlers[g]).find(Boolean) ?? 'admin';
    const unit = await open(handler, 1440);
    try {
      await unit.page.goto(`${demo.baseUrl}/inbox`);
      await unit.page.getByTestId('inbox-supervised').first().waitFor();
      await unit.page.goto(`${demo.baseUrl}/tasks/${again.openTasks[0].id}`);
      const shown = unit.page.getByTestId('task-supervision');
      await shown.waitFor();
      expect(await shown.textContent()).toContain(INSTRUCTION);
      // the leader's name comes with the case, read after the task
      await expect.poll(async () => (await shown.textContent()) ?? '').toContain('领导批示（李县长）');
      await shot(unit.page, '04-task-instruction-1440');
      expect(unit.errors).toEqual([]);
    } finally {
      await unit.page.context().close();
    }

    // a clerk on a phone: the search is masked; the task page shows the 批示 too
    const phone = await open('lx-clerk', 390);
    try {
      await phone.page.goto(`${demo.baseUrl}/analysis`);
      await phone.page.getByTestId('search-value').fill(ID);
      await phone.page.getByTestId('search-button').click();
      await phone.page.getByTestId('search-masked').waitFor();
      const masked = (await phone.page.getByTestId('search-results').textContent()) ?? '';
      expect(masked).toContain('621*************2X');
      expect(masked).not.toContain(ID);
      expect(masked).not.toContain('13909321111');
      await shot(phone.page, '05-search-masked-390');
      await phone.page.goto(`${demo.baseUrl}/cases/${again.id}`);
      await phone.page.getByTestId('case-supervision').waitFor();
      await phone.page.getByTestId('case-repeats').waitFor();
      await shot(phone.page, '06-case-390');
      await phone.page.goto(`${demo.baseUrl}/supervision`);
      await phone.page.getByTestId('supervision-row').first().waitFor();
      await shot(phone.page, '07-supervision-list-390');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.page.context().close();
    }
    // the searches are in the audit log
    const log = (await call('GET', '/api/analysis/audit', admin)) as { username: string; kind: string }[];
    expect(log.slice(0, 2).map((e) => [e.username, e.kind])).toEqual([['lx-clerk', 'id'], ['lx-boss', 'id']]);

    // 突增预警: four more 巩昌镇 cases this week (six, none before): the township is over the pack's
    // minimum and 3× its baseline — the 研判 page (1440 px) and the dashboard (390 px) show the alerts
    for (let i = 0; i < 4; i++) await register(`排水沟渠纠纷（第${i + 3}户）`, `1390932${String(3333 + i)}`);
    const boss = await apiLogin(call, 'lx-boss');
    const alerts = (await call('GET', '/api/analysis/alerts', boss)) as { dimension: string; key: string | null; label: string | null; current: number }[];
    const township = alerts.find((a) => a.dimension === 'township' && a.key === 'longxi.gongchang');
    expect(township?.current).toBeGreaterThanOrEqual(6);
    const leader = await open('lx-boss', 1440);
    try {
      await leader.page.goto(`${demo.baseUrl}/analysis`);
      await leader.page.getByRole('tab', { name: '突增预警' }).click();
      await expect.poll(() => leader.page.getByTestId('spike-alert').count()).toBe(alerts.length);
      expect(await leader.page.getByTestId('spike-alerts').textContent()).toContain(township!.label!);
      await shot(leader.page, '08-alerts-1440');
      expect(leader.errors).toEqual([]);
    } finally {
      await leader.page.context().close();
    }
    const small = await open('lx-boss', 390);
    try {
      await small.page.goto(`${demo.baseUrl}/dashboard`);
      await small.page.getByTestId('spike-alerts').waitFor();
      await expect.poll(() => small.page.getByTestId('spike-alert').count()).toBe(alerts.length);
      await small.page.getByTestId('spike-alerts').scrollIntoViewIfNeeded();
      await shot(small.page, '09-dashboard-alerts-390');
      expect(small.errors).toEqual([]);
    } finally {
      await small.page.context().close();
    }
  }, 480_000);
});
