// What every browser test does around its own steps: the demo server and the browser, a page of
// its own (a fresh browser context) whose console and page errors are kept for the test to check,
// signing in through the login form, a demo user's API token, and screenshots in
// designer/test-results/<test>/.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DESIGNER, launchBrowser, PASSWORD, startDemoServer, type apiCaller, type DemoServer } from './demo-server';

/**
 * `yizhan serve --demo` and the browser for the tests of a file (or of the describe block it is
 * called in): started before them, closed after. Read `baseUrl` and `browser` inside the tests.
 */
export function demoAndBrowser(options: Parameters<typeof startDemoServer>[0] = {}): { readonly baseUrl: string; readonly browser: Browser } {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startDemoServer(options);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);
  const started = <T>(what: T | undefined): T => {
    if (what === undefined) throw new Error('the demo server and browser start before the tests: use them inside a test');
    return what;
  };
  return {
    get baseUrl() { return started(server).baseUrl; },
    get browser() { return started(browser); },
  };
}

/** The two screens the tests look at: a desktop and a phone. */
export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface WatchOptions {
  /** Put before each error kept; the page's address at that moment when not given. */
  label?: string;
  /** Errors matching this are answers the test asked for, not failures: not kept. */
  expected?: RegExp;
  /** false: only uncaught page errors, not the console's error lines. */
  console?: boolean;
}

/** Keeps the page's console errors and uncaught errors in `errors`. */
export function watchErrors(page: Page, errors: string[], options: WatchOptions = {}): void {
  const keep = (text: string) => {
    if (!options.expected?.test(text)) errors.push(`${options.label ?? page.url()}: ${text}`);
  };
  if (options.console !== false) page.on('console', (m) => { if (m.type() === 'error') keep(m.text()); });
  page.on('pageerror', (e) => keep(e.message));
}

export interface PageOptions extends WatchOptions {
  /** Where the page's errors go. */
  errors: string[];
  /** The window; the desktop when not given (height 900 unless said). */
  width?: number;
  height?: number;
  /** More options for the browser context (downloads, touch, CSP). */
  context?: BrowserContextOptions;
}

/** A page in a new zh-CN browser context, 60 s to wait for anything, its errors kept. Close it with `page.context().close()`. */
export async function openPage(browser: Browser, options: PageOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? DESKTOP.width, height: options.height ?? DESKTOP.height }, locale: 'zh-CN', ...options.context,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  watchErrors(page, options.errors, options);
  return page;
}

/**
 * Signs `username` in through the login form (opened first unless the page shows it) and waits for
 * the signed-in app: the user's name in the header, or on a phone the 菜单 button it folds into.
 */
export async function logIn(page: Page, baseUrl: string, username: string): Promise<void> {
  if (!new URL(page.url(), baseUrl).pathname.startsWith('/login')) await page.goto(`${baseUrl}/login`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="current-user"], [data-testid="menu-toggle"]').first().waitFor();
}

/** Picks an option of the antd Select whose input has this id (rjsf: root_<field>). */
export async function pickOption(page: Page, inputId: string, title: string): Promise<void> {
  // The previous select's dropdown may still be fading out when this one opens (seen under load):
  // pick, then check the select shows the choice, and pick again if it does not.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator(`#${inputId}`).click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
    try {
      await page.locator(`.ant-select:has(#${inputId})`, { hasText: title }).waitFor({ timeout: 3000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`could not pick 「${title}」 in #${inputId}`);
}

/** A demo user's API token. */
export async function apiLogin(call: ReturnType<typeof apiCaller>, username: string): Promise<string> {
  return (await call<{ token: string }>('POST', '/api/auth/login', undefined, { username, password: PASSWORD })).token;
}

/** The folder designer/test-results/<name>/, emptied, and a full-page screenshot into it as <file>.png. */
export function screenshots(name: string): { dir: string; shot: (page: Page, file: string) => Promise<Buffer> } {
  const dir = join(DESIGNER, 'test-results', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { dir, shot: (page, file) => page.screenshot({ path: join(dir, `${file}.png`), fullPage: true }) };
}

/** How wide the page is laid out: wider than the window means scrolling sideways. */
export const pageWidth = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth);
