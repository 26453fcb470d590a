// The modeler in Chinese and the role-aware pack and intake pages, in a real browser against the
// real server (embedded PostgreSQL on a temp data dir, the demo packs): the palette, context pad,
// replace menu and properties panel speak Chinese, the replace menu offers nothing a deploy refuses
// (no script task), the palette does not cover the diagram's start; a leader sees a pack read-only
// with no 部署 button; an auditor at /cases/new reads why the role cannot register cases; a 403
// names the missing permission in Chinese. Screenshots at 1440 px and 390 px go to
// designer/test-results/modeler-zh/ (git-ignored). Any console or page error fails the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESIGNER, apiCaller } from './support/demo-server';
import { longxiIntake } from './support/cases';
import { apiLogin, demoAndBrowser, logIn, openPage, pageWidth, screenshots } from './support/session';

const { shot: snap } = screenshots('modeler-zh');

const demo = demoAndBrowser({ dataPrefix: 'yizhan-modeler-zh-' });

const newPage = (errors: string[], width = 1440, height = 900) => openPage(demo.browser, { errors, width, height, context: { acceptDownloads: false } });
const login = (page: Page, username: string) => logIn(page, demo.baseUrl, username);

/** The titles of the entries in a bpmn-js container (the palette labels them aria-label, the context pad title). */
const titles = (page: Page, selector: string) =>
  page.locator(`${selector} .entry`).evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? e.getAttribute('aria-label') ?? '').filter(Boolean));

const HAN = /[\u4e00-\u9fff]/;

async function openLongxi(page: Page) {
  await page.goto(`${demo.baseUrl}/admin/packs/longxi`);
  await page.getByTestId('pack-title').waitFor();
}

describe('the modeler in Chinese, and what each role may do', () => {
  it('palette, context pad, replace menu and properties panel are Chinese; nothing a deploy refuses is offered', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await login(page, 'admin');
    await openLongxi(page);
    const start = page.locator('[data-testid="modeler-canvas"] .djs-shape[data-element-id="intake"]');
    await start.waitFor();

    // the palette: every tool titled in Chinese, no data object or data store
    const palette = await titles(page, '.djs-palette');
    expect(palette.length).toBeGreaterThan(5);
    for (const title of palette) expect(title, `palette entry "${title}"`).toMatch(HAN);
    expect(palette).toContain('创建任务');
    expect(await page.locator('.djs-palette [data-action="create.data-object"]').count()).toBe(0);
    expect(await page.locator('.djs-palette [data-action="create.data-store"]').count()).toBe(0);

    // the palette does not cover the start event after the fit
    await snap(page, '1440-modeler');
    const paletteBox = (await page.locator('.djs-palette').boundingBox())!;
    const startBox = (await start.boundingBox())!;
    expect(startBox.x, 'start event right of the palette').toBeGreaterThan(paletteBox.x + paletteBox.width);

    // a task's context pad and its replace menu
    const task = page.locator('[data-testid="modeler-canvas"] .djs-shape[data-element-id="feedback"]');
    await task.click();
    await page.locator('.djs-context-pad .entry').first().waitFor();
    const pad = await titles(page, '.djs-context-pad');
    expect(pad.length).toBeGreaterThan(3);
    for (const title of pad) expect(title, `context pad entry "${title}"`).toMatch(HAN);
    expect(pad).toContain('追加任务');
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    const menu = page.locator('.djs-popup');
    await menu.locator('[data-id="replace-with-service-task"]').waitFor();
    const ids = await menu.locator('[data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    expect(ids).toContain('replace-with-manual-task');
    // receive tasks (they wait for a message) and call activities (a process of the same file) run:
    // offered; the rest a deploy refuses: not offered
    expect(ids).toContain('replace-with-receive-task');
    expect(ids).toContain('replace-with-call-activity');
    for (const refused of ['replace-with-script-task', 'replace-with-rule-task', 'replace-with-send-task']) {
      expect(ids, refused).not.toContain(refused);
    }
    expect(await menu.locator('[data-id="replace-with-service-task"]').textContent()).toContain('服务任务');
    expect(await menu.textContent()).not.toMatch(/Script task|脚本任务/);
    await snap(page, '1440-replace-menu');
    await page.keyboard.press('Escape');

    // the properties panel: Chinese groups; `${content.department}` reads as words, not only `${…}`
    await page.locator('[data-testid="modeler-canvas"] .djs-shape[data-element-id="jointMediation"]').click();
    await page.locator('.bio-properties-panel-group-header', { hasText: '基本信息' }).waitFor();
    await page.locator('[data-group-id="group-yizhan"] .bio-properties-panel-group-header').click();
    const dept = page.locator('#bio-properties-panel-yizhan-candidateGroups');
    await dept.waitFor();
    const selected = await dept.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    expect(selected).toContain('多实例的当前项「department」');
    await snap(page, '1440-properties');
    await page.context().close();
    expect(errors).toEqual([]);
  }, 240_000);

  it('the JavaScript the browser loads on the way to the modeler (shell, packs list, pack page) stays within 250 kB gzip', async () => {
    // What the browser requests, from an empty cache, signed in, on the way from the packs list to
    // the modeler; the modeler's own chunks (those of its lazy import that nothing else on the way
    // needs) are what comes after the budget. Sizes are the built files gzipped, as
    // scripts/bundle-size.ts counts them.
    const dist = join(DESIGNER, 'dist');
    type Chunk = { file: string; isEntry?: boolean; imports?: string[] };
    const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
    const closure = (keys: string[]) => {
      const seen = new Set<string>();
      const walk = (k: string) => { if (!seen.has(k)) { seen.add(k); (manifest[k]?.imports ?? []).forEach(walk); } };
      keys.forEach(walk);
      return new Set([...seen].map((k) => `/${manifest[k].file}`));
    };
    const onTheWay = closure([...Object.keys(manifest).filter((k) => manifest[k].isEntry), 'src/pages/PacksPage.tsx', 'src/pages/PackPage.tsx']);
    const modelerOnly = new Set([...closure(['src/bpmn/PackModeler.tsx'])].filter((f) => !onTheWay.has(f)));

    const token = await apiLogin(apiCaller(demo.baseUrl), 'admin');
    const errors: string[] = [];
    const page = await newPage(errors);
    await page.addInitScript((t) => window.localStorage.setItem('yizhan.token', t), token);
    const scripts = new Set<string>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.js')) scripts.add(path);
    });
    await page.goto(`${demo.baseUrl}/admin/packs`);
    await page.getByTestId('pack-row-longxi').getByTestId('open-pack').click();
    await page.locator('[data-testid="modeler-canvas"] .djs-shape[data-element-id="intake"]').waitFor();
    const before = [...scripts].filter((f) => !modelerOnly.has(f));
    expect([...scripts].some((f) => modelerOnly.has(f)), 'the modeler chunk was loaded').toBe(true);
    const kb = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0) / 1024;
    const beforeKb = kb(before);
    console.log(`JavaScript loaded before the modeler, in the browser: ${before.length} files, ${beforeKb.toFixed(1)} kB gzip; the modeler's own: ${kb([...scripts].filter((f) => modelerOnly.has(f))).toFixed(1)} kB gzip`);
    expect(beforeKb).toBeGreaterThan(50);
    expect(beforeKb).toBeLessThanOrEqual(250);
    await page.context().close();
    expect(errors).toEqual([]);
  }, 180_000);

  it('the rules editor tries a rule set with the intake form and names departments instead of codes', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await login(page, 'admin');
    await openLongxi(page);
    await page.getByTestId('pack-tabs').getByText('分流规则').click();
    const tryRun = page.getByTestId('try-run');
    await tryRun.getByTestId('try-run-form').waitFor();
    expect(await tryRun.getByTestId('try-run-facts').count()).toBe(0);
    await tryRun.getByTestId('try-run-button').click();
    const result = page.getByTestId('try-run-result');
    await result.waitFor();
    const decision = (await result.locator('.ant-descriptions').first().textContent()) ?? '';
    expect(decision).toMatch(HAN);
    expect(decision, 'department codes are shown by name').not.toMatch(/\blx\.[a-z]/);
    expect(decision).not.toMatch(/handling|onSite|reportBack/);
    await snap(page, '1440-rules-try-run');
    await page.context().close();
    expect(errors).toEqual([]);
  }, 180_000);

  it('the dashboard: a drill-down scrolls into view; English mode is English', async () => {
    const call = apiCaller(demo.baseUrl);
    await call('POST', '/api/cases', await apiLogin(call, 'admin'), { process: 'longxi/dispute', title: '看板下钻测试', data: longxiIntake() });
    const errors: string[] = [];
    const page = await newPage(errors, 1440, 900);
    await login(page, 'admin');
    await page.goto(`${demo.baseUrl}/dashboard`);
    const row = page.getByTestId('stats-table').locator('tbody tr', { hasText: '邻里纠纷' });
    await row.click();
    const drill = page.getByTestId('drill-down');
    await drill.waitFor();
    // scrolled to: the drill-down's top is inside the window
    await expect.poll(async () => (await drill.boundingBox())?.y ?? 10_000).toBeLessThan(900);
    expect((await drill.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('dashboard-title').textContent()).toBe('Dashboard');
    const text = (await page.getByTestId('kpis').textContent()) ?? '';
    expect(text).toContain('Closure rate');
    expect(text).not.toMatch(HAN);
    await snap(page, '1440-dashboard-en');
    await page.getByTestId('lang-switch').click();
    await page.context().close();
    expect(errors).toEqual([]);
  }, 180_000);

  it('on a phone (390 px) the modeler fits: the properties panel goes below the canvas', async () => {
    const errors: string[] = [];
    const page = await newPage(errors, 390, 844);
    await login(page, 'admin');
    await openLongxi(page);
    const start = page.locator('[data-testid="modeler-canvas"] .djs-shape[data-element-id="intake"]');
    await start.waitFor();
    // the palette covers a third of a phone's canvas: the diagram goes below it, not under it
    const paletteBox = (await page.locator('.djs-palette').boundingBox())!;
    const startBox = (await start.boundingBox())!;
    expect(startBox.x > paletteBox.x + paletteBox.width || startBox.y > paletteBox.y + paletteBox.height, 'start event clear of the palette').toBe(true);
    const canvas = (await page.getByTestId('modeler-canvas').boundingBox())!;
    const panel = (await page.getByTestId('properties-panel').boundingBox())!;
    expect(canvas.width).toBeGreaterThan(300);
    expect(panel.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await snap(page, '390-modeler');
    await page.context().close();
    expect(errors).toEqual([]);
  }, 180_000);

  it('a leader sees a pack read-only: a viewer, no modeler, no 部署 button; a deploy through the API is refused in Chinese', async () => {
    for (const [width, height] of [[1440, 900], [390, 844]]) {
      const errors: string[] = [];
      const page = await newPage(errors, width, height);
      await login(page, 'leader');
      await openLongxi(page);
      await page.getByTestId('pack-read-only').waitFor();
      await page.locator('[data-testid="bpmn-viewer"] .djs-shape[data-element-id="intake"]').waitFor();
      expect(await page.getByTestId('deploy').count()).toBe(0);
      expect(await page.getByTestId('deploy-version').count()).toBe(0);
      expect(await page.getByTestId('modeler').count()).toBe(0);
      expect(await page.locator('.djs-palette').count()).toBe(0);
      await snap(page, `${width}-leader-pack`);
      // the rules tab: every control disabled
      await page.getByTestId('pack-tabs').getByText('分流规则').click();
      await page.getByTestId('read-only-editor').first().waitFor();
      expect(await page.getByTestId('add-rule').isDisabled()).toBe(true);
      await page.context().close();
      expect(errors).toEqual([]);
    }

    const token = await apiLogin(apiCaller(demo.baseUrl), 'leader');
    const res = await fetch(`${demo.baseUrl}/api/packs`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ files: {} }),
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('FORBIDDEN');
    expect(body.error.message).toContain('部署流程包');
    expect(body.error.message).toContain('领导');
  }, 240_000);

  it('an auditor at /cases/new reads why the role cannot register cases, in Chinese and in English', async () => {
    for (const [width, height] of [[1440, 900], [390, 844]]) {
      const errors: string[] = [];
      const page = await newPage(errors, width, height);
      await login(page, 'auditor');
      await page.goto(`${demo.baseUrl}/cases/new`);
      const panel = page.getByTestId('not-allowed');
      await panel.waitFor();
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain('审计人员');
      expect(text).toContain('不能受理登记案件');
      await snap(page, `${width}-auditor-new-case`);
      if (width === 1440) {
        await page.getByTestId('lang-switch').click();
        await expect.poll(() => panel.textContent()).toContain('may not register cases');
        await page.getByTestId('lang-switch').click();
      }
      await page.context().close();
      expect(errors).toEqual([]);
    }
  }, 180_000);
});
