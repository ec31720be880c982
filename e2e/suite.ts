/**
 * The browser tests' common set-up, for a file whose tests each start signed in as the e2e admin:
 * one server (fresh data dir, demo data) and one Chromium per file, a new context and page per test,
 * a screenshot when a test fails, and no unexpected page error (exceptions, 5xx, console errors).
 * `server`, `browser`, `context` and `page` are live bindings: vitest loads this module afresh for
 * every test file, so each file has its own.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchChromium, signedInState, unexpectedPageErrors, watchPageErrors } from './browser';
import { startServer, type RunningServer } from './server';

export const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';

export let server: RunningServer;
export let browser: Browser;
export let context: BrowserContext;
export let page: Page;

/** Registers the hooks; `name` names the failure screenshot, `contextOptions` each test's context (viewport …). */
export function useBrowserSuite(name: string, contextOptions: BrowserContextOptions) {
  let signedIn: Awaited<ReturnType<BrowserContext['storageState']>>;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const { context: first, state } = await signedInState(browser, { baseURL: server.baseUrl });
    signedIn = state;
    await first.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ baseURL: server.baseUrl, storageState: signedIn, ...contextOptions });
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await page.screenshot({ path: `${screenshotDir}/tongxin-${name}-FAILED.png`, fullPage: true }).catch(() => undefined);
    await context?.close();
    const unexpected = unexpectedPageErrors(pageErrors);
    expect(unexpected, unexpected.join('\n')).toEqual([]);
  });
}
