// 受理与时限 on the case page, each action by the role that does it, in a real browser against
// `yizhan serve --demo` (the shipped Longxi pack): the clerk refuses a case at intake (不予受理) with
// a reason and a notice; the leader suspends a case (中止) and resumes it (恢复); the handling
// department's staff ask for 延期 on a phone (390 px) and the leader approves it, the task taking the
// new due date. Then a case is withdrawn (撤回) and the leader's dashboard counts the withdrawn and
// refused cases apart from 办结, as /api/stats does. Screenshots at 1440 px and 390 px go to
// designer/test-results/case-lifecycle/.
import { describe, expect, it } from 'vitest';
import { apiCaller } from './support/demo-server';
import { apiLogin, demoAndBrowser, logIn, openPage, pageWidth, PHONE, screenshots } from './support/session';

const { shot } = screenshots('case-lifecycle');
const demo = demoAndBrowser();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A Longxi wage dispute at the county (its handling goes to 县劳动保障监察大队, lx.labour). */
const WAGES = {
  applicant: '张建国', idNumber: '621122198001011235', mobile: '13919321234', channel: '来访', type: '劳资纠纷',
  unit: 'longxi', amount: 18000, partyCount: 3, description: '某建筑公司拖欠3名工人工资',
};

/** The dialog open now, its OK button pressed (antd spaces two-character labels: 确 定). */
async function confirm(page: import('playwright-core').Page): Promise<void> {
  const dialog = page.locator('.ant-modal:visible');
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
}

describe('受理与时限 on the case page', () => {
  it('不予受理 by the clerk, 中止 / 恢复 by the leader, 延期 asked on a phone and approved; the dashboard counts 撤回 apart', async () => {
    const call = apiCaller(demo.baseUrl);
    const clerk = await apiLogin(call, 'lx-clerk');
    const leaderToken = await apiLogin(call, 'lx-leader');
    const start = () => call<Json>('POST', '/api/cases', clerk, { process: 'longxi/dispute', title: '时限测试：拖欠工资', data: WAGES });
    const toRefuse = await start();
    const handled = await start();
    expect(handled.openTasks.map((t: Json) => [t.elementId, t.candidateGroups])).toEqual([['handle', ['lx.labour']]]);
    const errors: string[] = [];

    // 不予受理: the clerk, on a desktop
    const desk = await openPage(demo.browser, { errors });
    await logIn(desk, demo.baseUrl, 'lx-clerk');
    await desk.goto(`${demo.baseUrl}/cases/${toRefuse.id}`);
    await desk.getByTestId('case-lifecycle').waitFor();
    expect(await desk.getByTestId('suspend').count()).toBe(0); // 中止 is the leader's
    await desk.getByTestId('refuse').click();
    let dialog = desk.locator('.ant-modal:visible');
    await dialog.locator('#reason').fill('已经人民法院判决，不属于受理范围');
    await dialog.locator('#notice').fill('请按判决向县人民法院申请执行');
    await shot(desk, '01-refuse-dialog-1440');
    await confirm(desk);
    await expect.poll(async () => (await desk.getByTestId('timeline').textContent()) ?? '', { timeout: 30_000 }).toContain('不予受理');
    const refused = await call<Json>('GET', `/api/cases/${toRefuse.id}`, clerk);
    expect(refused.status).toBe('refused');
    expect(refused.openTasks).toEqual([]);
    expect(refused.history.at(-1)).toMatchObject({ kind: 'case.refused', actor: 'lx-clerk', data: { reason: '已经人民法院判决，不属于受理范围', notice: '请按判决向县人民法院申请执行' } });
    await shot(desk, '02-refused-1440');
    await desk.context().close();

    // 中止 and 恢复: the leader, on a desktop
    const lead = await openPage(demo.browser, { errors });
    await logIn(lead, demo.baseUrl, 'lx-leader');
    await lead.goto(`${demo.baseUrl}/cases/${handled.id}`);
    await lead.getByTestId('case-lifecycle').waitFor();
    expect(await lead.getByTestId('refuse').count()).toBe(0); // 不予受理 and 延期 are the staff's
    expect(await lead.getByTestId('extend').count()).toBe(0);
    await lead.getByTestId('suspend').click();
    await lead.locator('.ant-modal:visible #reason').fill('等待劳动能力鉴定结论');
    await confirm(lead);
    await lead.getByTestId('suspended').waitFor();
    expect(await lead.getByTestId('suspended').textContent()).toContain('已中止');
    expect((await call<Json>('GET', `/api/cases/${handled.id}`, clerk)).suspendedAt).not.toBeNull();
    await shot(lead, '03-suspended-1440');
    await lead.getByTestId('resume').click();
    expect(await lead.locator('.ant-modal:visible').textContent()).toContain('按中止的时间顺延');
    await confirm(lead);
    await lead.getByTestId('suspended').waitFor({ state: 'detached' });
    const resumed = await call<Json>('GET', `/api/cases/${handled.id}`, clerk);
    expect(resumed.suspendedAt).toBeNull();
    expect(resumed.history.filter((h: Json) => ['case.suspended', 'case.resumed'].includes(h.kind)).map((h: Json) => [h.kind, h.actor]))
      .toEqual([['case.suspended', 'lx-leader'], ['case.resumed', 'lx-leader']]);
    const timeline = (await lead.getByTestId('timeline').textContent()) ?? '';
    expect(timeline).toContain('中止');
    expect(timeline).toContain('恢复');

    // 延期: the labour inspectors' staff ask on a phone
    const phone = await openPage(demo.browser, { errors, ...PHONE });
    await logIn(phone, demo.baseUrl, 'lx-labour');
    await phone.goto(`${demo.baseUrl}/cases/${handled.id}`);
    await phone.getByTestId('case-lifecycle').waitFor();
    expect(await phone.getByTestId('suspend').count()).toBe(0);
    await phone.getByTestId('extend').click();
    dialog = phone.locator('.ant-modal:visible');
    await dialog.locator('#days').fill('10');
    await dialog.locator('#reason').fill('需调取用工记录，涉及人数多');
    await shot(phone, '04-extension-request-390');
    await confirm(phone);
    await phone.getByTestId('extensions').waitFor();
    expect(await phone.getByTestId('extensions').textContent()).toContain('待审批');
    expect(await pageWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await phone.getByTestId('case-lifecycle').scrollIntoViewIfNeeded();
    await shot(phone, '05-extension-pending-390');
    // staff cannot approve their own request
    expect(await phone.getByTestId('extensions').getByRole('button').count()).toBe(0);

    // the leader approves: the task takes the new due date
    await lead.reload();
    await lead.getByTestId('extensions').getByRole('button', { name: /^批\s*准$/ }).click();
    await expect.poll(async () => (await lead.getByTestId('extensions').textContent()) ?? '', { timeout: 30_000 }).toContain('已批准');
    const extensions = await call<Json[]>('GET', `/api/cases/${handled.id}/extensions`, clerk);
    expect(extensions).toHaveLength(1);
    expect(extensions[0]).toMatchObject({ status: 'approved', days: 10, requestedBy: 'lx-labour', decidedBy: 'lx-leader' });
    const extended = await call<Json>('GET', `/api/cases/${handled.id}`, clerk);
    expect(extended.openTasks[0].dueAt).toBe(extensions[0].newDueAt);
    expect(new Date(extended.openTasks[0].dueAt).getTime()).toBeGreaterThan(new Date(handled.openTasks[0].dueAt).getTime());
    expect(await lead.getByTestId('extensions').textContent()).toContain('新时限');
    await shot(lead, '06-extension-approved-1440');

    // 撤回, then the leader's dashboard: withdrawn and refused apart from 办结, the server's figures
    await call('POST', `/api/cases/${handled.id}/messages`, clerk, { name: '撤回', payload: { withdrawReason: '双方已自行协商解决，申请撤回', withdrawnBy: '当事人' } });
    expect((await call<Json>('GET', `/api/cases/${handled.id}`, clerk)).status).toBe('withdrawn');
    const totals = (await call<Json>('GET', '/api/stats', leaderToken)).totals;
    expect(totals.withdrawn).toBeGreaterThanOrEqual(1);
    expect(totals.refused).toBeGreaterThanOrEqual(1);
    await lead.goto(`${demo.baseUrl}/dashboard`);
    await expect.poll(async () => (await lead.getByTestId('kpi-撤回').textContent()) ?? '', { timeout: 30_000 }).toContain(`${totals.withdrawn}件`);
    expect(await lead.getByTestId('kpi-撤回').textContent()).toContain(`另有不予受理 ${totals.refused} 件`);
    expect(await lead.getByTestId('kpi-办结率').textContent()).toContain(`${totals.closed} 件办结`);
    await lead.getByTestId('kpis').scrollIntoViewIfNeeded();
    await shot(lead, '07-dashboard-withdrawn-1440');
    await lead.context().close();

    const small = await openPage(demo.browser, { errors, ...PHONE });
    await logIn(small, demo.baseUrl, 'lx-leader');
    await small.goto(`${demo.baseUrl}/dashboard`);
    await expect.poll(async () => (await small.getByTestId('kpi-撤回').textContent()) ?? '', { timeout: 30_000 }).toContain(`${totals.withdrawn}件`);
    expect(await pageWidth(small)).toBeLessThanOrEqual(PHONE.width);
    await shot(small, '08-dashboard-withdrawn-390');
    await small.context().close();
    await phone.context().close();
    expect(errors).toEqual([]);
  }, 300_000);
});
