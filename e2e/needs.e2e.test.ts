/**
 * One need end to end in a real browser against the real server (demo data loaded): an enterprise
 * submits it; a coordinator accepts it, reads the ranked, explained matches and assigns an expert;
 * the expert takes it on, records the service and resolves it; the enterprise confirms with a
 * rating; the timeline shows every step. Another enterprise gets 404 on it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSend, horizontalOverflow, launchChromium, signedInState, unexpectedPageErrors, watchPageErrors } from './browser';
import { startServer, type RunningServer } from './server';
import { tag } from './unique';

const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
const password = 'E2e-Needs-Passw0rd';
const PUDONG = '310115';

let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  admin = (await signedInState(browser, { baseURL: server.baseUrl })).context;
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await admin?.close();
  await browser?.close();
  await server?.stop();
});

/** A user's own browser (a context), signed in through the login page; page errors collected. */
async function signIn(username: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport });
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { page, errors, context };
}

describe('needs in the browser', () => {
  it('walks one need from submission to a confirmed, rated result; another enterprise gets 404', async () => {
    const u = tag();
    const org = await apiSend<{ id: string }>(admin, 'POST', '/api/organizations', { name: `金桥未来车${u}科技有限公司`, kind: 'enterprise', districtCode: PUDONG });
    const other = await apiSend<{ id: string }>(admin, 'POST', '/api/organizations', { name: `张江另一家${u}有限公司`, kind: 'enterprise', districtCode: PUDONG });
    const expertPerson = await apiSend<{ id: string }>(admin, 'POST', '/api/people', {
      name: `车${u}专家`,
      roles: ['expert'],
      districtCode: PUDONG,
      expertise: ['智能网联汽车', '海外市场', '出海合规'],
    });
    const suffix = Date.now().toString(36);
    await apiSend(admin, 'POST', '/api/admin/users', { username: `coord_${suffix}`, displayName: '浦东协调员', password, role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    await apiSend(admin, 'POST', '/api/needs-accounts/enterprise', { organizationId: org.id, username: `ent_${suffix}`, displayName: '企业用户', password });
    await apiSend(admin, 'POST', '/api/needs-accounts/enterprise', { organizationId: other.id, username: `other_${suffix}`, displayName: '另一企业', password });
    await apiSend(admin, 'POST', '/api/needs-accounts/expert', { personId: expertPerson.id, username: `exp_${suffix}`, displayName: '专家用户', password });

    // 1. the enterprise submits its need through the form
    const ent = await signIn(`ent_${suffix}`);
    await ent.page.goto('/needs');
    await ent.page.getByRole('heading', { name: '我的诉求' }).waitFor();
    await ent.page.getByRole('button', { name: '提交诉求' }).click();
    const drawer = ent.page.getByRole('dialog').filter({ hasText: '提交诉求' });
    const title = `智能网联汽车出海合规咨询${u}`;
    await drawer.getByLabel('标题').fill('出海');
    await drawer.getByText('标题至少').or(drawer.getByText('请填写标题')).first().waitFor(); // validated as typed
    await drawer.getByLabel('标题').fill(title);
    await drawer.getByLabel('类别').click();
    await ent.page.getByTitle('出海', { exact: true }).click();
    await drawer.getByLabel('诉求描述').fill('计划拓展海外市场，需要出海合规与海外市场方面的专家');
    await drawer.getByRole('button', { name: /保\s*存|提\s*交/ }).click();
    await ent.page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    const needId = ent.page.url().split('/').pop()!;
    await ent.page.getByTestId('need-status').filter({ hasText: '已提交' }).waitFor();

    // 2. the coordinator accepts, reads the explained matches and assigns the expert
    const coord = await signIn(`coord_${suffix}`);
    await coord.page.goto(`/needs/${needId}`);
    await coord.page.getByRole('button', { name: '受理', exact: true }).click();
    await coord.page.locator('.ant-popconfirm').getByRole('button', { name: '受理', exact: true }).click();
    await coord.page.getByTestId('need-status').filter({ hasText: '已受理' }).waitFor();
    await coord.page.getByText('匹配推荐').waitFor();
    const candidate = coord.page.getByTestId('match-candidate').filter({ hasText: `车${u}专家` });
    await candidate.waitFor();
    await candidate.getByText('同在浦东新区').waitFor();
    await candidate.getByText(/关键词匹配：.*(出海|合规|海外)/).waitFor();
    await coord.page.screenshot({ path: `${screenshotDir}/tongxin-needs-matches.png`, fullPage: true });
    await candidate.getByRole('button', { name: '指派', exact: true }).click();
    await coord.page.getByTestId('need-status').filter({ hasText: '已匹配' }).waitFor();

    // 3. the expert takes it on, records the service and resolves it
    const exp = await signIn(`exp_${suffix}`);
    await exp.page.goto('/needs/inbox');
    await exp.page.getByTestId('inbox-items').getByRole('link', { name: title }).click();
    await exp.page.waitForURL(`**/needs/${needId}`);
    await exp.page.getByRole('button', { name: '接受指派' }).click();
    await exp.page.getByTestId('need-status').filter({ hasText: '服务中' }).waitFor();
    await exp.page.getByRole('button', { name: '登记服务记录' }).click();
    const modal = exp.page.getByRole('dialog').filter({ hasText: '登记服务记录' });
    await modal.getByLabel('服务成效').fill('梳理出海合规清单，对接海外律所');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await exp.page.getByText('梳理出海合规清单，对接海外律所').first().waitFor();
    await exp.page.getByRole('button', { name: '办结', exact: true }).click();
    await exp.page.locator('.ant-popconfirm').getByRole('button', { name: '办结', exact: true }).click();
    await exp.page.getByTestId('need-status').filter({ hasText: '已办结' }).waitFor();

    // 4. the enterprise confirms with a rating and a comment
    await ent.page.reload();
    await ent.page.getByRole('button', { name: '确认并评价', exact: true }).click();
    const confirm = ent.page.getByRole('dialog').filter({ hasText: '确认并评价' });
    await confirm.getByRole('radio').nth(3).click(); // the fourth star
    await confirm.getByLabel('评价').fill('专家很专业');
    await confirm.getByRole('button', { name: '确认并评价', exact: true }).click();
    await ent.page.getByTestId('need-status').filter({ hasText: '已确认' }).waitFor();

    // the timeline shows every step
    const timeline = ent.page.getByTestId('need-timeline');
    for (const step of ['提交', '受理', '指派', '接受指派', '服务记录', '办结', '确认并评价']) await timeline.getByText(step, { exact: true }).waitFor();
    await ent.page.screenshot({ path: `${screenshotDir}/tongxin-needs-confirmed.png`, fullPage: true });

    // at 390 px the detail still reads without sideways scrolling of the page
    const phone = await signIn(`ent_${suffix}`, { width: 390, height: 844 });
    await phone.page.goto(`/needs/${needId}`);
    await phone.page.getByTestId('need-status').filter({ hasText: '已确认' }).waitFor();
    const overflow = await horizontalOverflow(phone.page);
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.page.screenshot({ path: `${screenshotDir}/tongxin-needs-390.png`, fullPage: true });

    // another enterprise: 404 on the page and the API
    const stranger = await signIn(`other_${suffix}`);
    const res = await stranger.context.request.get(`/api/needs/${needId}`);
    expect(res.status()).toBe(404);
    await stranger.page.goto(`/needs/${needId}`);
    await stranger.page.getByText(/未找到|不存在|无权/).first().waitFor();

    for (const s of [ent, coord, exp, phone, stranger]) {
      const unexpected = unexpectedPageErrors(s.errors);
      expect(unexpected, unexpected.join('\n')).toEqual([]);
    }
  }, 240_000);
});
