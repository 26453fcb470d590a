// 一事一评价 by the applicant and 公示, in a real browser against `yizhan serve --demo`: a Zhangye
// clerk opens a case waiting at 回访评价, creates a rating code on the case page and prints the
// rating slip (1440 px); the applicant, not signed in, types the code on a phone (390 px), rates
// 满意 with a comment, and the case closes with the rating in its history; the link then says the
// case is rated. 公示 lists the case with its staff-written summary, at 390 px and 1440 px.
import { describe, expect, it } from 'vitest';
import { apiCaller } from './support/demo-server';
import { zhangyeIntake } from './support/cases';
import { apiLogin, demoAndBrowser, logIn, openPage, pageWidth, PHONE, screenshots } from './support/session';

const { shot } = screenshots('citizen-rating');

const demo = demoAndBrowser();

/** Zhangye's 回访评价不满意 scenario up to the evaluation step, as its users do it. */
const STEPS: { task: string; as: string; data: Record<string, unknown> }[] = [
  { task: 'mediate', as: 'zy-urban', data: { result: 'success', note: '达成调解协议', agreed: true } },
  { task: 'confirm', as: 'zy-judge', data: { way: 'judicial', number: '(2026)甘0702民特12号' } },
  { task: 'feedback', as: 'zy-window', data: { method: 'phone', message: '已电话告知当事人调处结果' } },
  { task: 'publish', as: 'zy-window', data: { summary: '物业公司与业主就电梯维修费分摊达成调解协议，已司法确认' } },
];

describe('the applicant rates a case; 公示', () => {
  it('a clerk makes a rating code, the applicant rates on a phone without logging in, 公示 shows the summary', async () => {
    const call = apiCaller(demo.baseUrl);
    const window = await apiLogin(call, 'zy-window');
    let c = await call<{ id: string; number: number; openTasks: { id: string; elementId: string }[] }>('POST', '/api/cases', window, {
      process: 'zhangye/dispute', title: '陈丽反映电梯维修费分摊争议',
      data: zhangyeIntake({ type: '物业纠纷', unit: 'ganzhou', description: '陈丽反映电梯维修费分摊争议' }),
    });
    for (const step of STEPS) {
      const task = c.openTasks.find((t) => t.elementId === step.task);
      expect(task, step.task).toBeDefined();
      await call('POST', `/api/tasks/${task!.id}/complete`, await apiLogin(call, step.as), { data: step.data });
      c = (await call('GET', `/api/cases/${c.id}`, window)) as typeof c;
    }
    expect(c.openTasks.map((t) => t.elementId)).toEqual(['evaluate']);

    const errors: string[] = [];

    // the clerk, on a desktop
    const desk = await openPage(demo.browser, { errors });
    await desk.goto(`${demo.baseUrl}/login`);
    expect(await desk.getByTestId('public-links').textContent()).toContain('案件公示');
    await logIn(desk, demo.baseUrl, 'zy-window');
    await desk.goto(`${demo.baseUrl}/cases/${c.id}`);
    await desk.getByTestId('rating-card').waitFor();
    await desk.getByTestId('rating-issue').click();
    const code = (await desk.getByTestId('rating-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const url = (await desk.getByTestId('rating-url').textContent())!.trim();
    expect(url).toMatch(new RegExp(`^${demo.baseUrl}/rate/[A-Za-z0-9_-]{43}$`));
    await shot(desk, '01-case-rating-code-1440');
    await desk.getByTestId('rating-print').click();
    await desk.locator('[data-testid="print-rating"][data-ready="true"]').waitFor();
    expect(await desk.getByTestId('slip-code').textContent()).toBe(code);
    expect(await desk.getByTestId('rating-qr').getAttribute('data-qr-text')).toBe(url);
    await shot(desk, '02-rating-slip-1440');

    // the applicant, on a phone, not signed in
    const phone = await openPage(demo.browser, { errors, ...PHONE, context: { isMobile: true, hasTouch: true } });
    await phone.goto(`${demo.baseUrl}/rate`);
    await phone.locator('#rate-code').fill(code.toLowerCase());
    await phone.getByTestId('rate-lookup').click();
    await phone.getByTestId('rate-form').waitFor();
    expect(await phone.getByTestId('rate-number').textContent()).toBe(String(c.number));
    const shown = (await phone.getByTestId('rate-case').textContent()) ?? '';
    expect(shown).not.toContain('陈丽');
    expect(shown).not.toContain('13893631234');
    await phone.getByTestId('rate-satisfied').click();
    await phone.locator('#rate-comment').fill('调解员很耐心，问题解决了');
    await shot(phone, '03-rate-form-390');
    expect(await pageWidth(phone)).toBeLessThanOrEqual(390);
    await phone.getByTestId('rate-submit').click();
    await phone.getByTestId('rate-done').waitFor();
    expect(await phone.getByTestId('rate-done').textContent()).toContain('感谢您的评价');
    await shot(phone, '04-rate-thanks-390');

    const after = (await call('GET', `/api/cases/${c.id}`, window)) as { status: string; history: { kind: string; actor: string | null; data: unknown }[] };
    expect(after.status).toBe('completed');
    expect(after.history).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'task.completed', actor: 'citizen', data: { data: { satisfaction: 'satisfied', comment: '调解员很耐心，问题解决了' } } }),
    ]));
    // the link again: rated, once
    await phone.goto(url);
    await phone.getByTestId('rate-done').waitFor();
    expect(await phone.getByTestId('rate-done').textContent()).toContain('已评价');

    // 公示, on the phone and on the desktop
    await phone.goto(`${demo.baseUrl}/public/cases`);
    const card = phone.getByTestId('public-case').filter({ hasText: `${c.number}` }).first();
    await card.waitFor();
    expect(await card.textContent()).toContain('物业公司与业主就电梯维修费分摊达成调解协议');
    expect(await phone.getByTestId('public-list').textContent()).not.toContain('陈丽');
    expect(await pageWidth(phone)).toBeLessThanOrEqual(390);
    await shot(phone, '05-public-cases-390');
    await desk.goto(`${demo.baseUrl}/public/cases`);
    await desk.getByTestId('public-case').first().waitFor();
    await shot(desk, '06-public-cases-1440');
    await desk.getByTestId('lang-switch').click();
    await desk.getByText('Resolved disputes').waitFor();
    await desk.getByTestId('lang-switch').click();

    expect(errors).toEqual([]);
    await phone.context().close();
    await desk.context().close();
  }, 300_000);
});
