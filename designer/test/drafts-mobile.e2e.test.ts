// Drafts, users and the phone, in a real browser against `yizhan serve --demo` (the shipped packs):
// - a pack edit saved as a draft on the server survives a reload, is compared with the deployed
//   version and deployed later; leaving with unsaved edits asks first;
// - a 网格员 registering a case on a phone (390×844) with a photo loses nothing when the session
//   expires mid-intake: after logging in again the form comes back filled in, and submits;
// - a task form's draft survives a reload; at 390×844 the inbox, a task and intake have no
//   horizontal scroll;
// - an administrator sees the org tree, disables / enables a user, adds one and moves them to another unit.
// Screenshots at 1440 and 390 px go to designer/test-results/drafts-mobile/ (git-ignored).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCaller, PASSWORD } from './support/demo-server';
import { apiLogin, demoAndBrowser, logIn, openPage, pageWidth, pickOption, screenshots } from './support/session';

const { shot } = screenshots('drafts-mobile');
/** A 1×1 PNG: a photo as far as the server's type sniffing is concerned. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const demo = demoAndBrowser({ dataPrefix: 'yizhan-e2e-drafts-' });
const errors: string[] = [];

const newPage = (width = 1440, height = 900, expected?: RegExp) => openPage(demo.browser, { errors, width, height, expected });
const login = (page: Page, username: string) => logIn(page, demo.baseUrl, username);

describe('drafts, users and the phone in the browser', () => {
  it('a pack edit saved as a draft survives a reload, is compared with the deployed version and deployed later', async () => {
    const call = apiCaller(demo.baseUrl);
    const token = await apiLogin(call, 'admin');
    const before = await call<{ version: string; files: Record<string, string> }>('GET', '/api/packs/longxi/files', token);

    const page = await newPage();
    await login(page, 'admin');
    await page.goto(`${demo.baseUrl}/admin/packs/longxi`);
    await page.getByTestId('pack-title').waitFor();
    await page.getByTestId('pack-tabs').getByText('pack.json').click();
    const manifest = page.locator('textarea').filter({ hasText: '"id": "longxi"' });
    const text = await manifest.inputValue();
    const edited = text.replace(/"description": "([^"]*)"/, '"description": "$1（草稿：增加夜间值班说明）"');
    expect(edited).not.toBe(text);
    await manifest.fill(edited);
    await page.getByTestId('unsaved').waitFor();

    // leaving asks first: the browser's own question on reload / close, confirm() inside the app
    expect(await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    })).toBe(true);
    const asked: string[] = [];
    page.once('dialog', (d) => { asked.push(d.message()); void d.dismiss(); });
    await page.getByTestId('nav-/admin/packs').click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('未保存的修改');
    expect(new URL(page.url()).pathname).toBe('/admin/packs/longxi');

    // saved as a draft: nothing deployed, the address names the draft
    await page.getByTestId('draft-title').fill('增加夜间值班说明');
    await page.getByTestId('save-draft').click();
    await page.getByTestId('draft-current').waitFor();
    expect(page.url()).toMatch(/\?draft=[0-9a-f-]{36}$/);
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    expect((await call<{ version: string }>('GET', '/api/packs/longxi/files', token)).version).toBe(before.version);
    // saved work leaves without a question
    expect(await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    })).toBe(false);

    // a reload opens the draft again, with the edit
    await page.reload();
    await page.getByTestId('draft-current').waitFor();
    expect(await page.getByTestId('draft-current').textContent()).toContain('增加夜间值班说明');
    await page.getByTestId('pack-tabs').getByText('pack.json').click();
    expect(await page.locator('textarea').filter({ hasText: '"id": "longxi"' }).inputValue()).toContain('夜间值班说明');
    await shot(page, '1440-01-pack-draft');

    // listed, and compared with the deployed version in words
    await page.getByTestId('pack-tabs').getByText('草稿', { exact: true }).click();
    const row = page.getByTestId('draft-row-增加夜间值班说明');
    await row.waitFor();
    expect(await row.textContent()).toContain(`${before.version}`);
    await row.getByTestId('draft-compare').click();
    const diff = page.getByTestId('draft-diff');
    await diff.waitFor();
    await diff.getByTestId('diff-summary').waitFor();
    expect(await diff.locator('li').allTextContents()).toEqual(['pack.json：修改 description']);
    await shot(page, '1440-02-draft-diff');

    // deployed later (from the draft): a new version with the edit; the draft is gone
    const version = await page.getByTestId('deploy-version').inputValue();
    await page.getByTestId('deploy').click();
    await page.getByTestId('deployed-version').waitFor();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    const after = await call<{ version: string; files: Record<string, string> }>('GET', '/api/packs/longxi/files', token);
    expect(after.version).toBe(version);
    expect(after.files['pack.json']).toContain('夜间值班说明');
    expect(await call<unknown[]>('GET', '/api/packs/longxi/drafts', token)).toEqual([]);
    await page.getByTestId('pack-tabs').getByText('草稿', { exact: true }).click();
    await page.getByTestId('editor-diff').getByTestId('diff-none').waitFor();
    await shot(page, '1440-03-draft-deployed');
    await page.context().close();
  }, 300_000);

  it('a 网格员 on a phone keeps the intake through an expired session, with a photo, and submits it after logging in again', async () => {
    const call = apiCaller(demo.baseUrl);
    // the session expires while the clerk types: the server no longer knows the token
    const page = await newPage(390, 844, /401|Unauthorized/);
    await login(page, 'tg-sizhi');
    await page.goto(`${demo.baseUrl}/cases/new`);
    await page.locator('#root_applicant').waitFor();
    expect(await pageWidth(page), 'intake').toBeLessThanOrEqual(390);
    await page.locator('#root_applicant').fill('王桂兰');
    await page.locator('#root_mobile').fill('13991301234');
    await pickOption(page, 'root_type', '邻里纠纷');
    await pickOption(page, 'root_channel', '网格上报');
    await page.locator('#root_description').fill('两户因宅基地排水沟堵塞发生争执，网格员现场拍照');
    // 拍照上传: the phone's camera input (accept="image/*" capture)
    const camera = page.getByTestId('attachment-photo');
    expect(await camera.getAttribute('accept')).toBe('image/*');
    expect(await camera.getAttribute('capture')).not.toBeNull();
    await camera.setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.ant-upload-list-item', { hasText: '现场.png' }).waitFor();
    await page.locator('.ant-upload-list-item-uploading').waitFor({ state: 'detached' });
    expect(await pageWidth(page), 'intake filled').toBeLessThanOrEqual(390);
    await shot(page, '390-01-intake-filled');

    const token = await page.evaluate(() => window.localStorage.getItem('yizhan.token'));
    const out = await fetch(`${demo.baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(out.status).toBe(204);
    // the next request (the inbox poll) meets 401: the app goes to the login page
    await page.waitForURL(/\/login\?next=/, { timeout: 15_000 });
    expect(decodeURIComponent(page.url())).toContain('/cases/new');
    await login(page, 'tg-sizhi');
    await page.waitForURL(/\/cases\/new/);
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.locator('#root_applicant').inputValue()).toBe('王桂兰');
    expect(await page.locator('#root_mobile').inputValue()).toBe('13991301234');
    expect(await page.locator('#root_description').inputValue()).toContain('宅基地排水沟');
    expect(await page.locator('.ant-upload-list-item', { hasText: '现场.png' }).count()).toBe(1);
    expect(await pageWidth(page), 'intake restored').toBeLessThanOrEqual(390);
    await shot(page, '390-02-intake-restored');

    // the rest is filled in and the case registered with its photo; the draft is gone
    await page.locator('#root_unit').click();
    await page.keyboard.type('四知村第1网格');
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: '四知村第1网格' }).first().click();
    await page.getByTestId('intake-form').getByRole('button', { name: /提交受理/ }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/').pop()!;
    const again = await apiLogin(call, 'tg-sizhi');
    const photos = await call<{ name: string; contentType: string }[]>('GET', `/api/cases/${caseId}/attachments`, again);
    expect(photos).toEqual([expect.objectContaining({ name: '现场.png', contentType: 'image/png' })]);
    expect(await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('yizhan.form-draft.')))).toEqual([]);
    await page.goto(`${demo.baseUrl}/cases/new`);
    await page.locator('#root_applicant').waitFor();
    expect(await page.locator('#root_applicant').inputValue()).toBe('');
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    await page.context().close();

    const wide = await newPage();
    await login(wide, 'tg-sizhi');
    await wide.goto(`${demo.baseUrl}/cases/new`);
    await wide.locator('#root_applicant').waitFor();
    await shot(wide, '1440-04-intake');
    await wide.context().close();
  }, 300_000);

  it('at 390×844 the inbox and a task fit the screen; a task form keeps its draft across a reload', async () => {
    const call = apiCaller(demo.baseUrl);
    const token = await apiLogin(call, 'admin');
    const c = await call<{ id: string; openTasks: { id: string }[] }>('POST', '/api/cases', token, {
      process: 'longxi/dispute', title: '手机端：院墙排水',
      data: { applicant: '李秀英', mobile: '13912345678', type: '邻里纠纷', channel: '来访', unit: 'longxi.shouyang', partyCount: 2, description: '邻居院墙排水纠纷，双方多次争执，请求调处' },
    });
    const taskId = c.openTasks[0].id;
    await call('POST', `/api/tasks/${taskId}/claim`, token);

    const phone = await newPage(390, 844);
    await login(phone, 'admin');
    await phone.goto(`${demo.baseUrl}/inbox`);
    await phone.getByTestId('inbox-cards').locator('[data-testid^="task-row-"]').first().waitFor();
    expect(await pageWidth(phone), 'inbox').toBeLessThanOrEqual(390);
    await shot(phone, '390-03-inbox');

    await phone.goto(`${demo.baseUrl}/tasks/${taskId}`);
    const form = phone.getByTestId('task-form');
    const area = form.locator('textarea').first();
    await area.waitFor();
    expect(await pageWidth(phone), 'task').toBeLessThanOrEqual(390);
    await area.fill('已电话联系双方，约定周五现场调解');
    await phone.reload();
    await phone.getByTestId('draft-restored').waitFor();
    expect(await phone.getByTestId('task-form').locator('textarea').first().inputValue()).toBe('已电话联系双方，约定周五现场调解');
    expect(await pageWidth(phone), 'task restored').toBeLessThanOrEqual(390);
    await shot(phone, '390-04-task-draft');
    // 清除草稿 empties the form again
    await phone.getByTestId('draft-discard').click();
    await expect.poll(() => phone.getByTestId('task-form').locator('textarea').first().inputValue()).toBe('');
    await phone.context().close();
  }, 240_000);

  it('an administrator sees the org tree, disables and enables a user, adds one and moves them to another unit', async () => {
    const call = apiCaller(demo.baseUrl);
    const page = await newPage(1440, 900, /401/);
    await login(page, 'admin');
    await page.getByTestId('nav-/admin/users').click();
    await page.getByTestId('org-tree').getByText('潼关县', { exact: false }).first().waitFor();
    await page.getByTestId('org-tree').getByText(/^秦东镇/).click();
    const row = page.getByTestId('user-row-tg-qindong');
    await row.waitFor();
    expect(await page.getByTestId('user-row-lx-clerk').count()).toBe(0);
    await shot(page, '1440-05-users');
    page.once('dialog', (d) => void d.accept());
    await row.getByTestId('disable-user').click();
    await row.getByText('已停用').waitFor();
    const refused = await fetch(`${demo.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tg-qindong', password: PASSWORD }) });
    expect(refused.status).toBe(401);
    await row.getByTestId('enable-user').click();
    await row.getByText('正常').waitFor();
    await call('POST', '/api/auth/login', undefined, { username: 'tg-qindong', password: PASSWORD });

    // a new 调解员 at 秦东镇 (the unit chosen in the tree), with the township centre as department
    await page.getByTestId('add-user').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByTestId('user-username').fill('tg-qindong-2');
    await dialog.getByTestId('user-displayname').fill('秦东镇新调解员');
    await dialog.getByTestId('user-password').fill('qindong-2026');
    const pickDepartment = async (name: string) => {
      await dialog.getByTestId('user-departments').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).click();
      await expect.poll(() => dialog.getByTestId('user-departments').locator('.ant-select-selection-item').allTextContents()).toEqual([expect.stringContaining(name)]);
      await page.keyboard.press('Escape');
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    };
    await pickDepartment('秦东镇综治中心');
    // the user's unit is called so (所属单位), not the intake's 发生地
    expect(await dialog.locator('.ant-form-item-label').allTextContents()).toContain('所属单位');
    await shot(page, '1440-06-user-add');
    await dialog.getByTestId('user-save').click();
    const added = page.getByTestId('user-row-tg-qindong-2');
    await added.waitFor();
    expect(await added.textContent()).toContain('秦东镇新调解员');
    const listed = async () => (await call<{ username: string; unit: string | null; departments: string[]; role: string }[]>('GET', '/api/users', await apiLogin(call, 'admin'))).find((u) => u.username === 'tg-qindong-2');
    expect(await listed()).toMatchObject({ unit: 'tongguan.qindong', departments: ['tg.t.qindong'], role: 'staff' });
    const newToken = (await call<{ token: string }>('POST', '/api/auth/login', undefined, { username: 'tg-qindong-2', password: 'qindong-2026' })).token;
    expect(newToken).toBeTruthy();

    // moved to the village 北洞村 and its centre: the old department does not go along
    await added.getByTestId('move-user').click();
    await dialog.getByTestId('user-unit').click();
    await page.keyboard.type('北洞村');
    // the tree filters as each character arrives: a click on a node that the next filter replaced
    // selects nothing, so click again until the unit is chosen (a clerk would)
    const unit = dialog.getByTestId('user-unit').locator('.ant-select-content');
    await expect.poll(async () => {
      const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: /^北洞村$/ });
      if (await node.count()) await node.first().click({ timeout: 2_000 }).catch(() => {});
      return unit.textContent();
    }).toBe('北洞村');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await pickDepartment('北洞村综治中心');
    await dialog.getByTestId('user-save').click();
    await expect.poll(async () => (await added.textContent()) ?? '').toContain('北洞村综治中心');
    expect(await listed()).toMatchObject({ unit: 'tongguan.qindong.beidong', departments: ['tg.v.qindong.beidong'] });
    await shot(page, '1440-07-user-moved');
    await page.context().close();

    const phone = await newPage(390, 844);
    await login(phone, 'admin');
    await phone.goto(`${demo.baseUrl}/admin/users`);
    await phone.getByTestId('user-row-tg-qindong').waitFor();
    expect(await pageWidth(phone), 'users').toBeLessThanOrEqual(390);
    await shot(phone, '390-05-users');
    await phone.context().close();
    expect(errors).toEqual([]);
  }, 240_000);
});
