/**
 * The needs pages around the workflow, on a phone (390 px) in a real browser against the real server:
 * an enterprise registers itself by its credit code on the public page, a coordinator's desk (here the
 * admin's) approves it after a confirmation, and the service project list and the match weights open
 * without sideways scrolling.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSend, horizontalOverflow, launchChromium, signedInState, unexpectedPageErrors, watchPageErrors } from './browser';
import { startServer, type RunningServer } from './server';
import { makeUscc, tag } from './unique';

const phone = { width: 390, height: 844 };
const PUDONG = '310115';

let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;
let adminState: Awaited<ReturnType<typeof signedInState>>['state'];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const signedIn = await signedInState(browser, { baseURL: server.baseUrl });
  admin = signedIn.context;
  adminState = signedIn.state;
});

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await server?.stop();
});

describe('needs pages on a phone', () => {
  it('an enterprise registers by its credit code, is approved after a confirmation; the project list and weights fit the screen', async () => {
    const u = tag();
    const { code } = makeUscc();
    const username = `reg_${Date.now().toString(36)}`;
    const name = `自助注册${u}科技有限公司`;
    await apiSend(admin, 'POST', '/api/organizations', { name, kind: 'enterprise', districtCode: PUDONG, uscc: code });

    // the public form, without a session
    const visitor = await browser.newContext({ baseURL: server.baseUrl, viewport: phone });
    const page = await visitor.newPage();
    const errors = watchPageErrors(page);
    await page.goto('/public/enterprise-register');
    await page.getByLabel('统一社会信用代码').fill(code);
    await page.getByLabel('联系人').fill('王经理');
    await page.getByLabel('联系电话').fill('12345');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('显示名称').fill('王经理');
    await page.getByLabel('密码').fill('Register-Passw0rd');
    await page.getByRole('button', { name: '提交注册' }).click();
    // the phone rule speaks before anything is sent
    await page.getByText('请填写手机号或座机号', { exact: true }).waitFor();
    await page.getByLabel('联系电话').fill('138-0013-8000');
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByText('注册申请已提交', { exact: true }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOT_DIR ?? '/tmp'}/needs-register-390.png` });
    expect(unexpectedPageErrors(errors)).toEqual([]);
    await visitor.close();

    // the review desk, on a phone: approve asks first
    const desk = await browser.newContext({ baseURL: server.baseUrl, viewport: phone, storageState: adminState });
    const review = await desk.newPage();
    const deskErrors = watchPageErrors(review);
    await review.goto('/needs/registrations');
    const row = review.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    await row.getByRole('button', { name: '通过' }).click();
    await review.getByText(`通过“${name}”的注册申请并开通账号？`).waitFor();
    await review.getByRole('button', { name: '确 定' }).or(review.getByRole('button', { name: '确定' })).first().click();
    await review.getByText('已通过，账号已开通').waitFor();
    expect(await horizontalOverflow(review)).toBe(0);

    for (const [path, heading] of [
      ['/needs/projects', '服务项目清单'],
      ['/needs/weights', '匹配权重'],
    ] as const) {
      await review.goto(path);
      await review.getByText(heading).first().waitFor();
      expect(await horizontalOverflow(review), path).toBe(0);
      await review.screenshot({ path: `${process.env.E2E_SCREENSHOT_DIR ?? '/tmp'}/needs${path.replace(/\//g, '-')}-390.png` });
    }
    expect(unexpectedPageErrors(deskErrors)).toEqual([]);
    await desk.close();
  });
});
