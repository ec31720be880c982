import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { adminPassword, adminUsername, startServer, type RunningServer } from './server';

const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  // a fresh context per test: no cookies, empty localStorage (so the UI starts in Chinese)
  context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1366, height: 860 } });
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

async function shot(name: string) {
  await page.screenshot({ path: `${screenshotDir}/tongxin-${name}.png`, fullPage: true });
}

async function logIn(password: string) {
  await page.getByLabel('用户名').fill(adminUsername);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

describe('journey', () => {
  it('signs in, reads the overview, switches to English and signs out', async () => {
    await page.goto('/');
    await page.waitForURL(/\/login(\?|$)/);
    await page.getByRole('heading', { name: '登录同心' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await shot('login-zh');

    await logIn(adminPassword);
    await page.getByRole('heading', { name: '数据概览' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const orgCount = page.getByTestId('stat-organizations').locator('.ant-statistic-content-value');
    await orgCount.waitFor();
    const organizations = Number((await orgCount.innerText()).replace(/\D/g, ''));
    expect(organizations).toBeGreaterThan(0);
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const area of ['首页', '目录', '诉求', '活动', '地图', '统计', '管理']) {
      await nav.getByText(area, { exact: true }).waitFor();
    }
    await page.getByText('管理员', { exact: true }).waitFor();
    await shot('home-zh');

    // the organisations card leads to the directory list
    await page.getByTestId('stat-organizations').getByRole('link').click();
    await page.getByRole('heading', { name: '单位目录' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot('organizations-zh');
    await nav.getByRole('link', { name: '首页' }).click();
    await page.getByRole('heading', { name: '数据概览' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const navEn = page.getByRole('navigation', { name: 'Main navigation' });
    await navEn.getByText('Directory', { exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: '中文' }).waitFor();
    await shot('home-en');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: 'Sign in to Tongxin' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot('login-en');

    // signed out for real: the app goes back to the login page
    await page.goto('/directory/organizations');
    await page.waitForURL(/\/login\?next=/);
  });

  it('shows the server’s message for a wrong password', async () => {
    await page.goto('/login');
    await page.getByRole('heading', { name: '登录同心' }).waitFor();
    await logIn('not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: '登录失败' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot('login-error');
  });
});
