// The case view offers the messages a case waits for: a Zhangye dispute in its specialist team's
// mediation shows 当事人撤回调解申请; the clerk gives a reason in the form the message declares and
// the case ends 撤回 — in a real browser against `yizhan serve --demo` (the shipped packs), on a
// desktop (1440 px) and a phone (390 px) without sideways scrolling; screenshots in test-results.
import { describe, expect, it } from 'vitest';
import { apiCaller } from './support/demo-server';
import { zhangyeIntake } from './support/cases';
import { apiLogin, demoAndBrowser, DESKTOP, logIn, openPage, pageWidth, PHONE, screenshots } from './support/session';

const demo = demoAndBrowser();
const { shot } = screenshots('case-messages');

describe('messages on the case page', () => {
  it.each([['1440', DESKTOP], ['390', PHONE]] as const)('a clerk withdraws a case with a reason through the 撤回 button (%s px)', async (label, size) => {
    const call = apiCaller(demo.baseUrl);
    const token = await apiLogin(call, 'zy-window');
    const c = await call<{ id: string }>('POST', '/api/cases', token, {
      process: 'zhangye/dispute', title: '撤回测试：土地流转租金',
      data: zhangyeIntake({ type: '土地承包纠纷', unit: 'ganzhou.daman', description: '土地流转租金拖欠' }),
    });

    const errors: string[] = [];
    const page = await openPage(demo.browser, { errors, width: size.width, height: size.height });
    await logIn(page, demo.baseUrl, 'zy-window');

    await page.goto(`${demo.baseUrl}/cases/${c.id}`);
    const offered = page.getByTestId('message-撤回');
    await offered.waitFor();
    expect(await offered.textContent()).toContain('当事人撤回调解申请');
    await offered.scrollIntoViewIfNeeded();
    await shot(page, `01-offered-${label}`);
    expect(await pageWidth(page)).toBeLessThanOrEqual(size.width);
    await offered.click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.locator('#root_withdrawReason').fill('双方已自行协商解决，申请撤回');
    await shot(page, `02-dialog-${label}`);
    expect(await pageWidth(page)).toBeLessThanOrEqual(size.width);
    await dialog.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' }).catch(() => undefined);
    await expect.poll(async () => (await page.getByTestId('timeline').textContent()) ?? '', { timeout: 30_000 }).toContain('收到消息 · 撤回：双方已自行协商解决，申请撤回');
    expect(await page.getByTestId('case-messages').count()).toBe(0);
    await shot(page, `03-withdrawn-${label}`);
    const after = await call('GET', `/api/cases/${c.id}`, token);
    expect(after.status).toBe('withdrawn'); // 撤回 ends the case withdrawn, not 办结
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
