// A day's work in the web app, in a real browser against `yizhan serve --demo` (the shipped packs):
// the live inbox (a task returned by one user appears in another user's open inbox within 5 s,
// with the header badge and a notice, no reload), the task page with the case's details, its
// timeline and the reason it came back, the case page with each step's data under its form's
// titles and the process version, and the print sheets (受理回执 with the case number's QR code,
// 案卷). Screenshots at 1440 and 390 px go to designer/test-results/day-work/ (git-ignored).
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { apiCaller } from './support/demo-server';
import { zhangyeIntake } from './support/cases';
import { apiLogin, demoAndBrowser, logIn, openPage, screenshots } from './support/session';

const { shot } = screenshots('day-work');
/** Demo users of processes/zhangye by department. */
const ZHANGYE_STAFF: Record<string, string> = {
  'zy.centre': 'zy-window', 'zy.team.urban': 'zy-urban', 'zy.team.labour': 'zy-labour', 'zy.team.agri': 'zy-agri', 'zy.court': 'zy-judge',
};

const demo = demoAndBrowser();
const errors: string[] = [];

async function open(user: string, width = 1440): Promise<Page> {
  const page = await openPage(demo.browser, { errors, width, label: user });
  await logIn(page, demo.baseUrl, user);
  return page;
}

describe('a day of work in the browser', () => {
  it('live inbox, task and case details, receipt and case file', async () => {
    const call = apiCaller(demo.baseUrl);
    const token = await apiLogin(call, 'zy-window');
    type Kase = { id: string; number: number; definitionId: string; openTasks: { id: string; elementId: string; candidateGroups: string[]; dueAt: string | null }[] };
    const c = await call<Kase>('POST', '/api/cases', token, {
      process: 'zhangye/dispute', title: '农民工工资拖欠',
      data: zhangyeIntake({ type: '劳资纠纷', unit: 'ganzhou.daman', description: '工地拖欠三名农民工工资' }),
    });
    const task = c.openTasks[0];
    const handler = ZHANGYE_STAFF[task.candidateGroups[0]];
    expect(handler, `a demo user for ${task.candidateGroups.join()}`).toBeTruthy();
    expect(handler).not.toBe('zy-window');

    // ---- the centre's inbox is open; the handling team returns the task; it appears there ------
    const centre = await open('zy-window');
    await centre.getByTestId('nav-/inbox').click();
    await centre.getByTestId('inbox-scope').waitFor();
    await centre.waitForTimeout(500);
    expect(await centre.getByTestId(`task-row-${task.elementId}`).count()).toBe(0);
    const badgeBefore = Number((await centre.getByTestId('inbox-badge').textContent({ timeout: 6000 }).catch(() => '0')) || 0);

    const team = await open(handler);
    await team.goto(`${demo.baseUrl}/tasks/${task.id}`);
    // the task page shows the case: intake data under the intake form's titles, and its timeline
    await team.getByTestId('task-case').waitFor();
    expect(await team.getByTestId('task-case').textContent()).toContain('当事人（反映人）姓名陈丽');
    const history = await team.getByTestId('task-history').textContent();
    expect(history).toContain('受理');
    // who did it, by name: the window clerk by the pack's name for her, the engine as 系统
    expect(history).toContain('综合受理窗口');
    expect(history).toContain('系统');
    expect(history).not.toContain('zy-window');
    await team.getByTestId('return').click();
    await team.getByTestId('return-reason').fill('属城建类纠纷，不属本团队职责');
    await team.locator('.ant-modal:visible').getByRole('button', { name: /确\s*定/ }).click();
    await team.waitForURL(/\/inbox/);
    const returnedAt = Date.now();

    const row = centre.getByTestId(`task-row-${task.elementId}`);
    await row.waitFor({ timeout: 5000 });
    const seenAfter = Date.now() - returnedAt;
    expect(seenAfter).toBeLessThanOrEqual(5000);
    await centre.getByTestId('notice-new').waitFor({ timeout: 5000 });
    expect(Number(await centre.getByTestId('inbox-badge').textContent())).toBe(badgeBefore + 1);
    await shot(centre, '1440-01-inbox-live');

    // ---- the centre opens it: why it came back, the fresh deadline, the case ---------------------
    await row.getByTestId('handle').click();
    const handover = centre.getByTestId('task-handover');
    await handover.waitFor();
    expect(await handover.textContent()).toContain('属城建类纠纷，不属本团队职责');
    expect(await handover.textContent()).toContain('此任务被退回');
    const after = await call<{ dueAt: string | null }>('GET', `/api/tasks/${task.id}`, token);
    if (task.dueAt) expect(new Date(after.dueAt!).getTime()).toBeGreaterThan(new Date(task.dueAt).getTime());
    await centre.getByTestId('claim').click();
    const form = centre.getByTestId('task-form');
    await form.locator('.ant-radio-wrapper').first().click();
    for (const area of await form.locator('textarea').all()) await area.fill('经中心协调，双方达成还款计划');
    for (const box of await form.locator('input[type=checkbox]').all()) await box.check();
    await shot(centre, '1440-02-task-returned');
    await form.getByRole('button', { name: /^提\s*交$/ }).click();

    // ---- the case page: each step under its own form's titles, the process version ------------
    await centre.getByTestId('steps').waitFor();
    const step = await centre.getByTestId(`step-${task.elementId}`).textContent();
    expect(step).toContain('调处结果调处成功');
    expect(step).toContain('调处情况经中心协调，双方达成还款计划');
    expect(step).not.toContain('success');
    const def = await call<{ name: string | null; key: string; version: number }>('GET', `/api/definitions/${c.definitionId}`, token);
    expect(await centre.getByTestId('case-process').textContent()).toBe(`${def.name ?? def.key} v${def.version}`);
    // the intake as registered, in the form's order (the steps' data is not mixed into it)
    const intake = (await centre.getByTestId('intake-data').textContent()) ?? '';
    expect(intake).toContain('事项描述工地拖欠三名农民工工资');
    expect(intake.indexOf('当事人（反映人）姓名')).toBeLessThan(intake.indexOf('事项类型'));
    expect(intake).not.toContain('经中心协调');
    await shot(centre, '1440-03-case');

    // ---- print: the receipt with the QR code of the case number, and the case file --------------
    await centre.getByTestId('print-receipt').click();
    const receipt = centre.getByTestId('print-receipt');
    await receipt.waitFor();
    expect(await centre.getByTestId('nav').count()).toBe(0);
    expect(await centre.getByTestId('receipt-number').textContent()).toBe(String(c.number));
    expect(await centre.getByTestId('receipt-applicant').textContent()).toContain('陈丽');
    expect(await centre.getByTestId('receipt-unit').textContent()).toContain('甘州区综治中心');
    const qr = centre.getByTestId('receipt-qr');
    await qr.waitFor();
    const svg = await QRCode.toString(String(c.number), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    expect(await qr.getAttribute('src')).toBe(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await shot(centre, '1440-04-receipt');
    await centre.emulateMedia({ media: 'print' });
    expect(await centre.locator('.print-bar').isVisible()).toBe(false);
    await shot(centre, '1440-05-receipt-print');
    await centre.emulateMedia({ media: 'screen' });

    await centre.goto(`${demo.baseUrl}/print/case/${c.id}`);
    const file = centre.getByTestId('print-case');
    await file.locator('[data-testid^=casefile-step-]').first().waitFor();
    expect(await centre.getByTestId(`casefile-step-${task.elementId}`).textContent()).toContain('调处成功');
    expect(await file.textContent()).toContain('退回');
    expect(await centre.getByTestId('casefile-process').textContent()).toContain(`v${def.version}`);
    await shot(centre, '1440-06-case-file');

    // ---- a phone: the same pages at 390 px -----------------------------------------------------
    const phone = await open('zy-window', 390);
    expect(await phone.getByTestId('menu-toggle').isVisible()).toBe(true);
    await phone.goto(`${demo.baseUrl}/cases/${c.id}`);
    await phone.getByTestId('steps').waitFor();
    await shot(phone, '390-01-case');
    await phone.goto(`${demo.baseUrl}/print/receipt/${c.id}`);
    await phone.getByTestId('receipt-qr').waitFor();
    await shot(phone, '390-02-receipt');
    await phone.goto(`${demo.baseUrl}/print/case/${c.id}`);
    await phone.getByTestId(`casefile-step-${task.elementId}`).waitFor();
    await shot(phone, '390-03-case-file');
    const open2 = (await call<Kase>('GET', `/api/cases/${c.id}`, token)).openTasks[0];
    if (open2) {
      await phone.goto(`${demo.baseUrl}/tasks/${open2.id}`);
      await phone.getByTestId('task-case').waitFor();
      await shot(phone, '390-04-task');
    }
    expect(errors).toEqual([]);
  }, 400_000);
});
