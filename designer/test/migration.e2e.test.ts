// 案件迁移 in a real browser against `yizhan serve --demo`: four Longxi cases wait at 调处化解 on
// version 1; version 2 adds a 调处复核 step after it and renames its 时限 timer. The administrator opens
// 案件迁移, checks the plan (调处化解 proposed onto itself; the timer unmapped, in red), maps the timer
// (a wrong choice first: the server's Chinese answer), leaves one case out, confirms; one selected case is withdrawn in
// between and is refused. The report says 已迁移 / 拒绝 with the reason, a migrated case's view shows
// version 2 and walks into 调处复核, and the cases not migrated stay on version 1 — at 1440 and 390 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nextVersion } from '../src/pack/pack-files';
import { apiCaller } from './support/demo-server';
import { apiLogin, demoAndBrowser, logIn, openPage, pageWidth, screenshots } from './support/session';

const demo = demoAndBrowser({ dataPrefix: 'yizhan-migration-e2e-' });
const { shot } = screenshots('migration');

interface Case { id: string; number: number; definitionId: string; openTasks: { id: string; elementId: string }[]; status: string }

/** Version 2 of Longxi's dispute process: 调处化解 → 调处复核 (new) → 调处完毕; its 时限 timer renamed handleOverdue. */
function withReview(bpmn: string): string {
  const out = bpmn
    .replace('<bpmn:boundaryEvent id="overdue"', '<bpmn:boundaryEvent id="handleOverdue"')
    .replace('sourceRef="overdue"', 'sourceRef="handleOverdue"')
    .replace('bpmnElement="overdue"', 'bpmnElement="handleOverdue"')
    .replace('<bpmn:sequenceFlow id="f_handle_done" sourceRef="handle" targetRef="handled" />', [
      '<bpmn:sequenceFlow id="f_handle_done" sourceRef="handle" targetRef="review" />',
      '<bpmn:userTask id="review" name="调处复核" camunda:formKey="mediation" camunda:candidateGroups="lx.centre" camunda:dueDate="P3D">',
      '  <bpmn:incoming>f_handle_done</bpmn:incoming>',
      '  <bpmn:outgoing>f_review_done</bpmn:outgoing>',
      '</bpmn:userTask>',
      '<bpmn:sequenceFlow id="f_review_done" sourceRef="review" targetRef="handled" />',
    ].join('\n    '))
    .replace('<bpmn:incoming>f_handle_done</bpmn:incoming>\n      <bpmn:incoming>f_jointConclusion_handled</bpmn:incoming>', '<bpmn:incoming>f_review_done</bpmn:incoming>\n      <bpmn:incoming>f_jointConclusion_handled</bpmn:incoming>')
    .replace(/<bpmndi:BPMNEdge id="f_handle_done_di" bpmnElement="f_handle_done">[\s\S]*?<\/bpmndi:BPMNEdge>/, [
      '<bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="2125" y="470" width="100" height="80" /></bpmndi:BPMNShape>',
      '<bpmndi:BPMNEdge id="f_handle_done_di" bpmnElement="f_handle_done"><di:waypoint x="2175" y="390" /><di:waypoint x="2175" y="470" /></bpmndi:BPMNEdge>',
      '<bpmndi:BPMNEdge id="f_review_done_di" bpmnElement="f_review_done"><di:waypoint x="2125" y="510" /><di:waypoint x="825" y="510" /><di:waypoint x="825" y="95" /></bpmndi:BPMNEdge>',
    ].join('\n      '));
  if (!out.includes('id="review_di"') || !out.includes('<bpmn:incoming>f_review_done</bpmn:incoming>\n      <bpmn:incoming>f_jointConclusion')) {
    throw new Error('dispute.bpmn changed: the test cannot add 调处复核');
  }
  return out;
}

const snap = (page: Page, name: string) => shot(page, name);

/** Elements wider than the phone (for the failure message). */
const overflow = (page: Page) => page.evaluate(() => [...document.querySelectorAll('body *')]
  .filter((e) => e.getBoundingClientRect().right > 392).slice(0, 5)
  .map((e) => `${e.tagName}.${typeof e.className === 'string' ? e.className : ''} ${Math.round(e.getBoundingClientRect().right)}`));

describe('migrating running cases to a newer process version', () => {
  it('an administrator checks the plan, selects cases, confirms and reads the report; migrated cases run on the new version, the others keep theirs', async () => {
    const base = demo.baseUrl;
    const call = apiCaller(base);
    const token = await apiLogin(call, 'admin');
    const start = (title: string) => call<Case>('POST', '/api/cases', token, {
      process: 'longxi/dispute', title,
      data: { applicant: '王建国', mobile: '13912345670', type: '邻里纠纷', channel: '来访', unit: 'longxi.shouyang', partyCount: 2, description: `${title}：宅基地界线不清` },
    });
    const a = await start('迁移甲');
    const b = await start('迁移乙');
    const c = await start('迁移丙');
    const left = await start('迁移丁（留在原版本）');
    for (const k of [a, b, c, left]) expect(k.openTasks.map((t) => t.elementId)).toContain('handle');
    /** The version of the process a case runs on (its definition's). */
    const versionOf = async (k: Case) => {
      const now = await call<Case>('GET', `/api/cases/${k.id}`, token);
      return (await call<{ version: number }>('GET', `/api/definitions/${now.definitionId}`, token)).version;
    };
    const v1 = await versionOf(a);

    // version 2 deployed as an integrator would: the pack's files with 调处复核 added
    const { files } = await call<{ files: Record<string, string> }>('GET', '/api/packs/longxi/files', token);
    const manifest = JSON.parse(files['pack.json']) as { version: string };
    await call('POST', '/api/packs', token, {
      files: { ...files, 'pack.json': JSON.stringify({ ...manifest, version: nextVersion(manifest.version) }, null, 2), 'dispute.bpmn': withReview(files['dispute.bpmn']) },
    });

    const errors: string[] = [];
    const page = await openPage(demo.browser, { errors });
    await logIn(page, base, 'admin');
    await page.getByTestId('nav-/admin/migrations').click();
    await page.getByTestId('migration-title').waitFor();
    expect(await page.getByTestId('migration-title').textContent()).toBe('迁移运行中的案件到新版本');

    // the process and versions: Longxi's dispute process, version 1 → the latest
    await page.getByTestId('mig-process').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'longxi/dispute' }).click();
    expect(await page.getByTestId('mig-from').textContent()).toContain(`版本 ${v1}`);
    expect(await page.getByTestId('mig-to').textContent()).toContain(`版本 ${v1 + 1}（最新）`);
    await page.getByTestId('mig-plan').click();

    // the plan: 调处化解 waits, proposed onto itself; the renamed timer has no counterpart, in red
    const handle = page.getByTestId('mig-element-handle');
    await handle.waitFor();
    expect(await handle.textContent()).toContain('调处化解');
    expect(await handle.textContent()).toContain('自动对应');
    expect(await page.getByTestId('mig-map-handle').textContent()).toContain('调处化解（handle）');
    expect(await page.getByTestId('mig-plan-status').getAttribute('data-ok')).toBe('false');
    const problem = page.getByTestId('mig-problem-overdue');
    expect(await problem.textContent()).toContain('（overdue）');
    expect(await problem.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(207, 19, 34)');
    expect(await page.getByTestId(`mig-case-${a.number}`).locator('[data-state="refused"]').count()).toBe(1);
    await snap(page, 'problem-desktop');
    // a wrong mapping (the timer onto a task) is refused by the server in Chinese, the plan stays
    /** Picks `option` (「名称（id）」) as the target of `element`. */
    const choose = async (element: string, option: string) => {
      await page.getByTestId(`mig-map-${element}`).click();
      // the list is long and virtual: type to find the element, as a clerk would
      await page.keyboard.type(option.replace(/^.*（|）$/g, ''));
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click();
    };
    await choose('overdue', '调处复核（review）');
    await page.getByTestId('mig-plan-panel').locator('.ant-alert-error').filter({ hasText: 'MIGRATION_INVALID' }).waitFor();
    expect(await page.getByTestId('mig-plan-panel').textContent()).toContain('不能映射到类型不同的');
    // the timer onto its new id: the plan can run
    await choose('overdue', '（handleOverdue）');
    await expect.poll(() => page.getByTestId('mig-plan-status').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('mig-element-overdue').textContent()).toContain('已手动修改');
    for (const k of [a, b, c, left]) {
      expect(await page.getByTestId(`mig-case-${k.number}`).locator('[data-state="migratable"]').count()).toBe(1);
    }
    // the mapping is editable: the new 调处复核 is offered as a target
    await page.getByTestId('mig-map-handle').click();
    await page.keyboard.type('review');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '调处复核（review）' }).waitFor();
    await page.keyboard.press('Escape');
    // the new version's diagram marks where the cases will wait
    await page.getByTestId('mig-diagram-toggle').click();
    await page.getByTestId('mig-diagram').locator('.djs-element.yz-current[data-element-id="handle"]').waitFor();
    expect(await page.getByTestId('mig-diagram').locator('.djs-element[data-element-id="review"]').count()).toBeGreaterThan(0);
    await snap(page, 'plan-desktop');

    // 丁 stays out; the others are confirmed
    await page.getByTestId(`mig-check-${left.number}`).click();
    expect(await page.getByTestId('mig-start').textContent()).toContain('（3）');
    await page.getByTestId('mig-start').click();
    await page.getByTestId('mig-confirm-panel').waitFor();
    expect(await page.getByTestId('mig-confirm-panel').textContent()).toContain(`将把 3 件案件从「`);
    await snap(page, 'confirm-desktop');

    // meanwhile 丙 is withdrawn: it closes and must be refused, untouched
    await call('POST', `/api/cases/${c.id}/messages`, token, { name: '撤回', payload: { withdrawReason: '当事人已自行和解' } });
    await page.getByTestId('mig-confirm').click();
    const report = page.getByTestId('mig-report');
    await report.waitFor();
    for (const k of [a, b]) {
      await expect.poll(() => page.getByTestId(`mig-result-${k.number}`).locator('[data-status]').getAttribute('data-status')).toBe('migrated');
    }
    const refused = page.getByTestId(`mig-result-${c.number}`);
    expect(await refused.locator('[data-status]').getAttribute('data-status')).toBe('refused');
    expect((await refused.textContent())!).toMatch(/MIGRATION_(NOT_RUNNING|CASE_CHANGED)/);
    expect(await page.getByTestId(`mig-result-${left.number}`).count()).toBe(0);
    expect(await page.getByTestId('mig-report-migrated').textContent()).toContain('2');
    expect(await page.getByTestId('mig-report-refused').textContent()).toContain('1');
    await snap(page, 'report-desktop');

    // the server agrees: 甲 and 乙 on version 2, 丙 (withdrawn) and 丁 on version 1
    const now = async (k: Case) => call<Case>('GET', `/api/cases/${k.id}`, token);
    expect(await versionOf(a)).toBe(v1 + 1);
    expect(await versionOf(b)).toBe(v1 + 1);
    expect(await versionOf(c)).toBe(v1);
    expect(await versionOf(left)).toBe(v1);

    // a migrated case's view shows version 2; its 调处化解 done, it walks into the new 调处复核
    await page.getByTestId(`mig-result-${a.number}`).getByRole('link').click();
    await page.getByTestId('case-title').waitFor();
    await expect.poll(() => page.getByTestId('case-process').textContent()).toContain(`v${v1 + 1}`);
    await page.locator('.djs-element[data-element-id="review"]').first().waitFor();
    expect(await page.getByTestId('timeline').textContent()).toContain(`迁移到新版本：版本 ${v1} → ${v1 + 1}`);
    const migrated = await now(a);
    const task = migrated.openTasks.find((t) => t.elementId === 'handle');
    expect(task).toBeDefined();
    const next = await call<Case>('POST', `/api/tasks/${task!.id}/complete`, token, { data: { result: 'success', note: '双方达成一致' } });
    expect(next.openTasks.map((t) => t.elementId)).toEqual(['review']);
    // the case not migrated keeps working on version 1: its 调处化解 can be claimed as before
    const stayed = (await now(left)).openTasks.find((t) => t.elementId === 'handle');
    expect((await call<{ assignee: string | null }>('POST', `/api/tasks/${stayed!.id}/claim`, token)).assignee).toBe('admin');
    await snap(page, 'case-desktop');

    // on a phone: the plan's tables become cards, nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/admin/packs`);
    await page.getByTestId('pack-row-longxi').waitFor();
    await snap(page, 'packs-phone');
    expect(await pageWidth(page), (await overflow(page)).join(' | ')).toBeLessThanOrEqual(390);
    await page.getByTestId('open-migrations').click();
    await page.getByTestId('migration-title').waitFor();
    await page.getByTestId('mig-process').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'longxi/dispute' }).click();
    await page.getByTestId('mig-plan').click();
    await page.getByTestId(`mig-case-${left.number}`).waitFor();
    await choose('overdue', '（handleOverdue）');
    await expect.poll(() => page.getByTestId('mig-plan-status').getAttribute('data-ok')).toBe('true');
    await snap(page, 'plan-phone');
    expect(await pageWidth(page), (await overflow(page)).join(' | ')).toBeLessThanOrEqual(390);
    await page.getByTestId('mig-start').click();
    await page.getByTestId('mig-confirm').click();
    await page.getByTestId(`mig-result-${left.number}`).waitFor();
    expect(await page.getByTestId(`mig-result-${left.number}`).locator('[data-status]').getAttribute('data-status')).toBe('migrated');
    await snap(page, 'report-phone');
    expect(await pageWidth(page), (await overflow(page)).join(' | ')).toBeLessThanOrEqual(390);
    expect(await versionOf(left)).toBe(v1 + 1);

    // in English, nothing left to migrate is said so
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('mig-again').click();
    await expect.poll(() => page.getByTestId('migration-page').textContent()).toContain('Nothing to migrate: every running case is on the latest version of its process.');
    expect(await page.getByTestId('migration-title').textContent()).toBe('Migrate running cases to a newer version');
    await snap(page, 'nothing-phone-en');

    // the browser reports the 422 the wrong mapping asked for; nothing else
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e))).toEqual([]);
    await page.context().close();
  }, 400_000);
});
