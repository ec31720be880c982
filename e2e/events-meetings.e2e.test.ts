/**
 * A problem-docking meeting (问题对接会) in a real browser, on a phone: a coordinator of 金山 opens the
 * meeting, takes an open need of the district onto its agenda, records the answer, the owner and the
 * next deadline with the step "accept", and finds the need accepted with the answer and the deadline on
 * its timeline; the deadline is then moved and the move is on the timeline too. At 390 px nothing
 * scrolls sideways.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../common/shanghai-date';
import { apiSend, horizontalOverflow, launchChromium, signedInState, unexpectedPageErrors, watchPageErrors } from './browser';
import { startServer, type RunningServer } from './server';
import { tag } from './unique';

const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
const password = 'E2e-Meetings-Passw0rd';
const JINSHAN = '310116';
const phone = { width: 390, height: 844 };
const inDays = (n: number) => new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;
let context: BrowserContext | undefined;
let page: Page | undefined;
let pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  admin = (await signedInState(browser, { baseURL: server.baseUrl })).context;
});

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await server?.stop();
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await page?.screenshot({ path: `${screenshotDir}/tongxin-meetings-FAILED.png` }).catch(() => undefined);
  await context?.close();
  const unexpected = unexpectedPageErrors(pageErrors);
  expect(unexpected, unexpected.join('\n')).toEqual([]);
});

/** The coordinator's own phone browser, signed in through the login page. */
async function signIn(username: string): Promise<Page> {
  context = await browser.newContext({ baseURL: server.baseUrl, viewport: phone });
  const p = await context.newPage();
  pageErrors = watchPageErrors(p);
  await p.goto('/login');
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码').fill(password);
  await p.getByRole('button', { name: '登录', exact: true }).click();
  await p.waitForURL((url) => !url.pathname.startsWith('/login'));
  return p;
}

/**
 * A tab of the event page on a phone: the tab bar is wider than the screen, so the tab is picked from its
 * "more" menu as a user would (a tab half under the edge does not take a tap). Waits until it is selected.
 */
async function openTab(p: Page, name: string) {
  const tab = p.getByRole('tab', { name, exact: true });
  await tab.waitFor();
  await p.locator('.ant-tabs-nav-more').click();
  await p.locator('.ant-tabs-dropdown:visible li').filter({ hasText: new RegExp(`^${name}$`) }).click();
  await p.locator('[role="tab"][aria-selected="true"]').filter({ hasText: new RegExp(`^${name}$`) }).waitFor();
}

/** Picks an option of an antd select by its label and waits until the select shows it. */
async function choose(p: Page, select: Locator, label: string) {
  await select.click();
  const option = p.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
  await option.waitFor();
  await option.click();
  await select.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]').getByText(label, { exact: true }).waitFor();
}

const shot = (p: Page, name: string) => p.screenshot({ path: `${screenshotDir}/tongxin-meetings-${name}.png`, fullPage: true });

describe('a problem-docking meeting in the browser', () => {
  it('takes an open need onto the agenda, records answer, owner and next deadline, and moves the need on', async () => {
    const u = tag();
    const username = `meet_${Date.now().toString(36)}`;
    await apiSend(admin, 'POST', '/api/admin/users', { username, displayName: '金山协调员', password, role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] });
    const org = await apiSend<{ id: string }>(admin, 'POST', '/api/organizations', { name: `金山新材料${u}有限公司`, kind: 'enterprise', districtCode: JINSHAN });
    const needTitle = `厂房扩建融资需求${u}`;
    const need = await apiSend<{ id: string }>(admin, 'POST', '/api/needs', { organizationId: org.id, category: 'financing', title: needTitle });
    const meetingTitle = `金山问题对接会${u}`;
    const ev = await apiSend<{ id: string }>(admin, 'POST', '/api/events', {
      title: meetingTitle,
      kind: 'problem_meeting',
      startsAt: `${shanghaiToday()}T14:00`,
      venues: [{ role: 'main', name: '金山区政府会议室', districtCode: JINSHAN }],
    });

    page = await signIn(username);
    await page.goto(`/events/${ev.id}`);
    await page.getByRole('heading', { name: new RegExp(meetingTitle) }).waitFor();
    await openTab(page, '议程');

    // the open need is among the candidates; the coordinator records what the meeting decided
    const candidate = page
      // the card of the candidates (the cards nest: the one whose own head reads so)
      .locator('.ant-card', { has: page.locator(':scope > .ant-card-head', { hasText: '待对接的诉求' }) })
      .locator('.ant-list-item').filter({ has: page.getByRole('link', { name: needTitle }) });
    await candidate.getByRole('button', { name: '记录答复' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: `记录答复：${needTitle}` });
    // validation as you type names the field
    await drawer.getByLabel('答复', { exact: true }).fill('x');
    await drawer.getByLabel('答复', { exact: true }).fill('');
    await drawer.getByText('请填写答复').waitFor();
    await drawer.getByLabel('答复', { exact: true }).fill('区金融办牵头对接两家银行，两周内出融资方案');
    await drawer.getByLabel('责任人', { exact: true }).fill('区金融办');
    const deadline = inDays(14);
    await drawer.getByLabel('下一期限', { exact: true }).fill(deadline);
    await choose(page, drawer.getByLabel('推进诉求', { exact: true }), '受理');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已记录“${needTitle}”的答复`).waitFor();

    // on the agenda: the step taken, the owner and the deadline; the need left the candidates
    const item = page.getByTestId('agenda-item').filter({ hasText: needTitle });
    await item.getByText('受理', { exact: true }).waitFor();
    await item.getByText(`责任人：区金融办 · 下一期限：${deadline}`).waitFor();
    await expect.poll(() => candidate.count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'agenda-390');

    // the need page: accepted, with the meeting's answer, owner and deadline on its timeline
    await item.getByRole('link', { name: needTitle }).click();
    await page.waitForURL(`**/needs/${need.id}`);
    await expect.poll(async () => (await page!.getByTestId('need-status').innerText()).trim()).toBe('已受理');
    const timeline = page.getByTestId('need-timeline');
    await timeline.getByText(`问题对接会“${meetingTitle}”：区金融办牵头对接两家银行，两周内出融资方案（责任人：区金融办，下一期限 ${deadline}）`).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'need-390');

    // the deadline moves at the meeting: the agenda and the need's timeline follow
    await page.goBack();
    await openTab(page, '议程');
    await page.getByTestId('agenda-item').filter({ hasText: needTitle }).getByRole('button', { name: '修改' }).click();
    const edit = page.getByRole('dialog').filter({ hasText: `修改答复：${needTitle}` });
    const later = inDays(21);
    await edit.getByLabel('下一期限', { exact: true }).fill(later);
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已更新“${needTitle}”的答复`).waitFor();
    await page.getByTestId('agenda-item').filter({ hasText: needTitle }).getByText(`下一期限：${later}`).waitFor();
    await page.goto(`/needs/${need.id}`);
    await page.getByTestId('need-timeline').getByText(`下一期限改为 ${later}（原 ${deadline}，责任人：区金融办）`, { exact: false }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('links a work-release meeting’s releases from its public page, on a phone, without sideways scrolling', async () => {
    const u = tag();
    const ev = await apiSend<{ id: string }>(admin, 'POST', '/api/events', {
      title: `安驰路实践带工作发布会${u}`,
      kind: 'release_meeting',
      startsAt: `${shanghaiToday()}T10:00`,
      status: 'published',
      venues: [{ role: 'main', name: '安亭镇会议中心', districtCode: '310114' }],
    });
    const url = `https://example.org/anting/practice-belt/five-year-strategy-navigation-book-full-text-${Date.now()}.pdf`;
    await apiSend(admin, 'POST', `/api/events/${ev.id}/releases`, {
      title: `发布五年期战略导航书${u}`,
      body: '实践带发布五年期战略导航书，设立签约会、问题对接会、工作发布会“三会”机制。',
      attachments: [{ name: '导航书全文', url }],
    });

    // a visitor without an account
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: phone });
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
    await page.goto(`/public/events/${ev.id}`);
    const releases = page.getByTestId('public-releases');
    await releases.getByText(`发布五年期战略导航书${u}`).waitFor();
    await releases.getByText('“三会”机制').waitFor();
    expect(await releases.getByRole('link', { name: '导航书全文' }).getAttribute('href')).toBe(url);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'public-releases-390');
  });
});
