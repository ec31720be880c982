import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { adminPassword, adminUsername } from './server';

/**
 * Debian's Chromium, headless, with the flags this closed network needs (no background connections), and
 * asking for reduced motion: the app then opens modals, drawers and dropdowns without animating them. On a
 * loaded machine Playwright can find a still-moving button "stable" between two frames and click where it no
 * longer is (the click is lost without an error); nothing moves, nothing is lost.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // every context of this browser asks for reduced motion unless a test says otherwise
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options?: BrowserContextOptions) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

/** Signs in as the e2e admin in a new context and returns its session, to start every test's context from. */
export async function signedInState(browser: Browser, options: BrowserContextOptions) {
  const first = await browser.newContext(options);
  const login = await first.newPage();
  await login.goto('/login');
  await login.getByLabel('用户名').fill(adminUsername);
  await login.getByLabel('密码').fill(adminPassword);
  await login.getByRole('button', { name: '登录', exact: true }).click();
  await login.getByRole('heading', { name: '数据概览' }).waitFor();
  return { context: first, state: await first.storageState() };
}

/** Collects what a page did wrong: uncaught exceptions, 5xx answers and console errors. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  return errors;
}

/** The errors that are bugs: a 4xx the UI handles (409, 422) is logged by Chromium as "Failed to load resource". */
export const unexpectedPageErrors = (errors: string[]) =>
  errors.filter((text) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(text));

/** POST/PATCH through a signed-in context (with the CSRF header), for test set-up; fails on a non-2xx answer. */
export async function apiSend<T>(context: BrowserContext, method: 'POST' | 'PATCH', url: string, data: unknown): Promise<T> {
  const csrf = (await context.cookies()).find((cookie) => cookie.name === 'tx_csrf')?.value ?? '';
  const response = await context.request.fetch(url, { method, data, headers: { 'x-csrf-token': csrf } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** How many pixels the page is wider than the window (0 when nothing scrolls sideways). */
export const horizontalOverflow = (page: Page) => page.evaluate<number>('Math.max(0, document.documentElement.scrollWidth - window.innerWidth)');
