/**
 * An event end to end in a real browser against the real server: a service day with a main and two
 * branch venues is created and published; two people register on the public page, the second goes to
 * the waiting list; one is checked in by code at the desk on a phone; an agreement is recorded at a
 * signing meeting, whose outcome counts are shown beside its reported figures.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSend, horizontalOverflow, unexpectedPageErrors, watchPageErrors } from './browser';
import { browser, context, page, screenshotDir, server, useBrowserSuite } from './suite';
import { mobile, tag } from './unique';

/** another calendar day than Shanghai most of the day: times must be Shanghai's, not the browser's */
const browserTimeZone = 'Pacific/Honolulu';

useBrowserSuite('events', { viewport: { width: 1440, height: 900 }, timezoneId: browserTimeZone });

const shot = (p: Page, name: string) => p.screenshot({ path: `${screenshotDir}/tongxin-events-${name}.png`, fullPage: true });

/** A public visitor (no session) registers at the main venue and returns the confirmation's status and code. */
async function registerPublicly(eventId: string, name: string): Promise<{ status: string; code: string }> {
  const visitor = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 390, height: 844 }, timezoneId: browserTimeZone });
  const p = await visitor.newPage();
  const errors = watchPageErrors(p);
  await p.goto(`/public/events/${eventId}`);
  await p.getByRole('heading', { level: 3 }).waitFor();
  await p.getByLabel('姓名', { exact: true }).fill(name);
  await p.getByLabel('单位', { exact: true }).fill('某科技公司');
  // validation as you type: a bad phone is named on the field before submitting
  await p.getByLabel('手机号', { exact: true }).fill('123');
  await p.getByText('请填写有效的手机号或固定电话').waitFor();
  await p.getByLabel('手机号', { exact: true }).fill(mobile());
  await p.getByRole('button', { name: '提交报名' }).click();
  const confirmation = p.getByTestId('registration-confirmation');
  await confirmation.waitFor();
  expect(await confirmation.locator('svg').count()).toBeGreaterThan(0);
  const status = (await confirmation.locator('[data-status]').getAttribute('data-status')) ?? '';
  const code = (await p.getByTestId('registration-code').innerText()).trim();
  await shot(p, `confirmation-${status}`);
  await visitor.close();
  expect(unexpectedPageErrors(errors)).toEqual([]);
  return { status, code };
}

describe('events', () => {
  it('creates a service day with three venues, registers two (one waitlisted), checks one in, records an agreement and shows outcomes beside figures', async () => {
    const title = `新阶层专家服务日${tag()}`;
    await page.goto('/events');
    await page.getByRole('heading', { name: '活动' }).waitFor();
    await page.getByRole('button', { name: '新建活动' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '新建活动' });
    await drawer.getByLabel('活动名称', { exact: true }).fill(title);
    await drawer.getByLabel('开始时间', { exact: true }).fill('2026-09-20T09:00');
    // an end before the start is named while typing
    await drawer.getByLabel('结束时间', { exact: true }).fill('2026-09-19T09:00');
    await drawer.getByText('结束时间不能早于开始时间').waitFor();
    await drawer.getByLabel('结束时间', { exact: true }).fill('2026-09-20T16:30');
    const venueNames = drawer.getByLabel('会场名称', { exact: true });
    await venueNames.nth(0).fill('金山主会场');
    await drawer.getByLabel('容量', { exact: true }).nth(0).fill('1');
    await drawer.getByRole('button', { name: '添加会场' }).click();
    await venueNames.nth(1).fill('奉贤分会场');
    await drawer.getByRole('button', { name: '添加会场' }).click();
    await venueNames.nth(2).fill('浦东分会场');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: new RegExp(title) }).waitFor();
    const eventId = new URL(page.url()).pathname.split('/').pop()!;
    // 09:00 in Shanghai whatever the browser's zone
    await page.getByText('2026-09-20 09:00').first().waitFor();

    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('button', { name: '标记为已结束' }).waitFor();

    const first = await registerPublicly(eventId, `张${tag(2)}`);
    const second = await registerPublicly(eventId, `李${tag(2)}`);
    expect(first.status).toBe('registered');
    expect(second.status).toBe('waitlisted');

    // the desk, on a phone
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/events/${eventId}/check-in`);
    // antd may leave its (invisible) loading icon in the button after a request, whose label then reads
    // "loading 签到": the button is found by the word it shows
    const checkInButton = page.getByRole('button', { name: /^(loading )?签到$/ });
    await page.getByLabel('签到码', { exact: true }).fill(first.code.toLowerCase());
    await checkInButton.click();
    await page.getByRole('status').filter({ hasText: '签到成功' }).waitFor();
    const counts = page.getByTestId('checkin-counts');
    const checkedIn = async () => (await counts.locator('.ant-statistic-content-value').nth(1).innerText()).trim();
    await expect.poll(checkedIn).toBe('1');
    // the same code again is not counted twice
    await page.getByLabel('签到码', { exact: true }).fill(first.code);
    await checkInButton.click();
    await page.getByRole('status').filter({ hasText: '已签到过' }).waitFor();
    await expect.poll(checkedIn).toBe('1');
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'check-in-390');

    // attendance per venue on the event
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/events/${eventId}`);
    const outcomes = page.getByTestId('event-outcomes');
    await outcomes.waitFor();
    const values = async () => (await outcomes.locator('.ant-statistic-content-value').allInnerTexts()).map((v) => v.trim());
    // registered, waitlisted, checked in, walk-ins, agreements, releases, needs on the agenda, needs resolved
    await expect.poll(values).toEqual(['1', '1', '1', '0', '0', '0', '0', '0']);

    // a signing meeting with a reported figure; the agreement is recorded in the page
    const meeting = await apiSend<{ id: string }>(context, 'POST', '/api/events', {
      title: `党建共建签约会${tag()}`,
      kind: 'signing_meeting',
      startsAt: '2026-10-14T14:00',
      status: 'published',
      venues: [{ role: 'main', name: '大零号湾大厦' }],
      figures: [{ label: '签约党委', value: 4, qualifier: 'exact', unit: '份', counts: 'agreements', quote: '四家党委签订党建共建暨战略合作协议' }],
    });
    await page.goto(`/events/${meeting.id}`);
    await page.getByRole('tab', { name: /协议/ }).click();
    await page.getByRole('button', { name: '记录协议' }).click();
    const ag = page.getByRole('dialog').filter({ hasText: '记录协议' });
    await ag.getByLabel('协议名称', { exact: true }).fill('党建共建暨战略合作协议');
    await ag.getByLabel('签约方', { exact: true }).fill('中金财富党委 张某\n闵行区委');
    await ag.getByRole('button', { name: '保存' }).click();
    await page.getByText('已记录协议').waitFor();
    await page.getByText('中金财富党委（张某）').waitFor();
    await page.getByRole('tab', { name: '概况' }).click();
    const figures = page.getByTestId('event-figures');
    const row = figures.locator('tbody tr').filter({ hasText: '签约党委' });
    // claimed 4, recorded 1: side by side
    await expect.poll(async () => (await row.locator('td').allInnerTexts()).map((v) => v.trim()).slice(0, 3)).toEqual(['签约党委', '4份', '1']);
    await shot(page, 'signing-figures');
  });
});
