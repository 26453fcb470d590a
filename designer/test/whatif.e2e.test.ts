// 试算影响 in a real browser against `yizhan serve --demo`: an administrator opens the Longxi pack,
// loads a proposed version without the 属地乡镇调处 rule, replays the past cases and sees, before
// deploying, how many would change, from → to, the rule whose hits move and the cases.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCaller, ROOT } from './support/demo-server';
import { apiLogin, demoAndBrowser, logIn, openPage, pageWidth, screenshots } from './support/session';

const demo = demoAndBrowser();
const tmp = mkdtempSync(join(tmpdir(), 'yizhan-whatif-e2e-'));
const { shot: snap } = screenshots('whatif');

/** The Longxi pack without its 属地乡镇调处 rule (township disputes would go to the county centre), 反馈 renamed. */
function proposedLongxi(): string {
  const dir = join(tmp, 'longxi');
  cpSync(join(ROOT, 'processes', 'longxi'), dir, { recursive: true });
  const file = join(dir, 'rules', 'longxi-routing.json');
  const rules = JSON.parse(readFileSync(file, 'utf8')) as { rules: { name: string }[] };
  rules.rules = rules.rules.filter((r) => r.name !== '属地乡镇调处');
  writeFileSync(file, JSON.stringify(rules, null, 2));
  const bpmn = join(dir, 'dispute.bpmn');
  writeFileSync(bpmn, readFileSync(bpmn, 'utf8').replace('name="反馈当事人"', 'name="电话反馈当事人"'));
  return dir;
}

describe('what-if replay in the pack editor', () => {
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('an administrator sees what a proposed rule change would do to past cases, the figures beside 部署, and after the deploy what changed from the version before', async () => {
    const call = apiCaller(demo.baseUrl);
    const token = await apiLogin(call, 'admin');
    const township = (await call('POST', '/api/cases', token, {
      process: 'longxi/dispute', title: '试算：两户宅基地界线',
      data: { applicant: '王建国', mobile: '13912345670', type: '邻里纠纷', channel: '来访', unit: 'longxi.shouyang', partyCount: 2, description: '两户宅基地界线不清，多次争执' },
    })) as { id: string; number: number };

    const errors: string[] = [];
    const page = await openPage(demo.browser, { errors });
    await logIn(page, demo.baseUrl, 'admin');
    await page.goto(`${demo.baseUrl}/admin/packs/longxi`);
    await page.getByTestId('pack-title').waitFor();

    // the deployed pack replays to no change
    await page.getByTestId('whatif-toggle').click();
    await page.getByTestId('whatif-run').click();
    await page.getByTestId('whatif-none').waitFor();
    expect(Number(await page.getByTestId('whatif-cases').locator('.ant-statistic-content-value').textContent())).toBeGreaterThanOrEqual(1);

    // the proposed version, opened from a folder as an integrator would
    await page.getByTestId('pack-folder').setInputFiles(proposedLongxi());
    await expect.poll(() => page.getByTestId('whatif-badge').count()).toBe(0);
    await page.getByTestId('whatif-run').click();
    await page.getByTestId('whatif-result').getByTestId('whatif-transition').first().waitFor();
    const changed = Number(await page.getByTestId('whatif-changed').locator('.ant-statistic-content-value').textContent());
    expect(changed).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('whatif-transition').first().textContent()).toContain('综治中心');
    expect(await page.getByTestId('whatif-rule').filter({ hasText: '属地乡镇调处' }).count()).toBe(1);
    const row = page.getByTestId('whatif-case').filter({ hasText: '试算：两户宅基地界线' });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(String(township.number));
    expect(await page.getByTestId('whatif-badge').textContent()).toMatch(new RegExp(`试算：${changed} / \\d+ 件会改变`));
    await snap(page, 'desktop');

    // nothing was deployed and the case kept its routing
    const packs = (await call('GET', '/api/packs', token)) as unknown as { packId: string; version: string }[];
    expect(packs.find((p) => p.packId === 'longxi')?.version).not.toBe(undefined);
    const after = (await call('GET', `/api/cases/${township.id}`, token)) as { routing: { decision: { level: string } } };
    expect(after.routing.decision.level).toBe('township');

    // on a phone the panel stays within the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('whatif-panel').scrollIntoViewIfNeeded();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await snap(page, 'phone');

    // deployed, the new version compared with the one before: the summary and both diagrams marked
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('deploy').click();
    await page.getByTestId('deployed-version').waitFor();
    const deployed = ((await page.getByTestId('deployed-version').textContent()) ?? '').replace(/^\D+/, '').trim();
    await page.getByTestId('pack-tabs').getByText('版本').click();
    await page.getByTestId(`diff-${deployed}`).click();
    const summary = page.getByTestId('diff-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('规则集「longxi-routing」：删除规则「属地乡镇调处」');
    expect(await summary.textContent()).toContain('dispute.bpmn：修改用户任务「电话反馈当事人」（name）');
    await page.getByTestId('diff-new').locator('.djs-element.yz-changed[data-element-id="feedback"]').waitFor();
    await page.getByTestId('diff-old').locator('.djs-element.yz-changed[data-element-id="feedback"]').waitFor();
    await page.getByTestId('version-diff').scrollIntoViewIfNeeded();
    await snap(page, 'diff-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 392)
      .slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
    await snap(page, 'diff-phone');
    expect(await pageWidth(page), wide.join(' | ')).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
