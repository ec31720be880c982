/**
 * Every directory page at phone (390 px) and desktop (1440 px) width, in Chinese and in English: a full-page
 * screenshot of each under e2e/screenshots/ (git-ignored, for a human to look at), and no page may scroll
 * sideways. Also: the phone menu is a drawer, the desktop side menu stays put while a long page scrolls, and a
 * missing record says so with a way back to its list.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, launchChromium, signedInState } from './browser';
import { startServer, type RunningServer } from './server';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const widths = [390, 1440] as const;
const locales = ['zh-CN', 'en'] as const;

let server: RunningServer;
let browser: Browser;
let signedIn: Awaited<ReturnType<BrowserContext['storageState']>>;
/** the pages to visit, detail pages with the id of a demo record */
let screens: { name: string; url: string }[] = [];

async function firstId(context: BrowserContext, list: string): Promise<string> {
  const response = await context.request.get(`${list}?pageSize=1`);
  expect(response.status(), list).toBe(200);
  const body = (await response.json()) as { items: { id: string }[] };
  const id = body.items[0]?.id;
  if (!id) throw new Error(`${list} has no demo records`);
  return id;
}

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  const { context: first, state } = await signedInState(browser, { baseURL: server.baseUrl });
  signedIn = state;
  const [organization, person, network, place] = await Promise.all([
    firstId(first, '/api/organizations'),
    firstId(first, '/api/people'),
    firstId(first, '/api/networks'),
    firstId(first, '/api/places'),
  ]);
  await first.close();
  screens = [
    { name: 'home', url: '/' },
    { name: 'organizations', url: '/directory/organizations' },
    { name: 'organization', url: `/directory/organizations/${organization}` },
    { name: 'people', url: '/directory/people' },
    { name: 'person', url: `/directory/people/${person}` },
    { name: 'networks', url: '/directory/networks' },
    { name: 'network', url: `/directory/networks/${network}` },
    { name: 'places', url: '/directory/places' },
    { name: 'place', url: `/directory/places/${place}` },
    { name: 'industries', url: '/directory/industries' },
    { name: 'search', url: `/search?q=${encodeURIComponent('浦东')}` },
    { name: 'users', url: '/admin/users' },
    { name: 'audit', url: '/admin/audit' },
  ];
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openContext(width: number, locale: (typeof locales)[number]): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width, height: width < 600 ? 844 : 900 },
    storageState: signedIn,
  });
  // page code is given as text: this file is type-checked without the DOM library
  await context.addInitScript({ content: `window.localStorage.setItem('tongxin.locale', ${JSON.stringify(locale)});` });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return { context, page, errors };
}

/** The page has its heading and nothing is loading any more. */
async function settle(page: Page) {
  await page.locator('main h1').first().waitFor();
  // a function, not text: the app's CSP forbids eval, which a text predicate needs
  await page.waitForFunction(
    () => (globalThis as any).document.querySelectorAll('.ant-skeleton, .ant-spin-spinning').length === 0,
    undefined,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(250);
}

describe.each(locales)('every directory page in %s', (locale) => {
  it.each(widths)('at %i px: screenshot, and nothing scrolls sideways', async (width) => {
    const { context, page, errors } = await openContext(width, locale);
    const overflowing: string[] = [];
    try {
      for (const screen of screens) {
        await page.goto(screen.url);
        await settle(page);
        await page.screenshot({ path: path.join(screenshotDir, `${locale}-${width}-${screen.name}.png`), fullPage: true });
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) overflowing.push(`${screen.name}: ${overflow} px wider than the screen`);
      }
    } finally {
      await context.close();
    }
    expect(overflowing, overflowing.join('\n')).toEqual([]);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});

describe('the frame', () => {
  it('on a phone the menu is a drawer opened from the header', async () => {
    const { context, page } = await openContext(390, 'zh-CN');
    try {
      await page.goto('/directory/organizations');
      await settle(page);
      await expect(page.locator('aside.tx-sider').count()).resolves.toBe(0);
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.locator('.tx-nav-drawer').getByRole('link', { name: '人员' }).click();
      await page.getByRole('heading', { name: '人员' }).waitFor();
      await page.locator('.tx-nav-drawer .ant-drawer-content').waitFor({ state: 'hidden' });
      // the signed-in user's name does not take the header's width (it was stacked letter by letter)
      const header = await page.locator('header.tx-header').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(64);
    } finally {
      await context.close();
    }
  });

  it('on a desktop the side menu runs the full height and stays while a long page scrolls', async () => {
    const { context, page } = await openContext(1440, 'zh-CN');
    try {
      await page.goto('/directory/organizations?pageSize=50');
      await settle(page);
      const scrollable = await page.evaluate<number>('document.documentElement.scrollHeight - window.innerHeight');
      expect(scrollable).toBeGreaterThan(300);
      await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
      await page.waitForTimeout(200);
      const sider = await page.locator('aside.tx-sider').boundingBox();
      expect(sider?.y).toBeCloseTo(0, 0);
      expect(sider?.height).toBeCloseTo(900, 0);
      await expect(page.locator('aside.tx-sider').getByRole('link', { name: '单位' }).isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });

  it.each(locales)('a record that does not exist says so (%s) and leads back to its list', async (locale) => {
    const { context, page } = await openContext(390, locale);
    try {
      await page.goto('/directory/organizations/00000000-0000-4000-8000-000000000000');
      const title = locale === 'en' ? 'Record not found or not visible to you' : '记录不存在或无权查看';
      await page.getByText(title).waitFor();
      await expect(page.getByRole('button', { name: locale === 'en' ? 'Retry' : '重试' }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: locale === 'en' ? 'Back to list' : '返回列表' }).click();
      await page.waitForURL(/\/directory\/organizations$/);
    } finally {
      await context.close();
    }
  });
});
