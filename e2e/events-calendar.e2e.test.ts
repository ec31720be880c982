/**
 * The events calendar on a phone (390 px): a month with an event, the day's list, the link to the event;
 * and a work-release meeting that publishes its five-year strategy from the event's page.
 */
import { describe, expect, it } from 'vitest';
import { apiSend, horizontalOverflow } from './browser';
import { context, page, screenshotDir, useBrowserSuite } from './suite';
import { tag } from './unique';


useBrowserSuite('events-calendar', { viewport: { width: 390, height: 844 } });

describe('events calendar and meetings', () => {
  it('shows the month’s events on a phone and links to each', async () => {
    const title = `日历测试活动${tag()}`;
    const ev = await apiSend<{ id: string }>(context, 'POST', '/api/events', {
      title,
      kind: 'forum',
      status: 'published',
      startsAt: '2031-05-14T09:30',
      venues: [{ role: 'main', name: '闵行会场', districtCode: '310112' }],
    });
    await page.goto('/events');
    await page.getByRole('link', { name: '活动日历' }).click();
    await page.waitForURL(/\/events\/calendar/);
    await page.goto('/events/calendar?month=2031-05');
    // the day has a count; choosing it lists its events
    await page.locator('td[title="2031-05-14"]').click();
    await page.waitForURL(/day=2031-05-14/);
    const link = page.getByRole('link', { name: title });
    await link.waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshotDir}/tongxin-events-calendar-390.png`, fullPage: true });
    await link.click();
    await page.waitForURL(new RegExp(`/events/${ev.id}$`));
    await page.getByRole('heading', { name: title }).waitFor();
  });

  it('a work-release meeting publishes its five-year strategy', async () => {
    const title = `工作发布会${tag()}`;
    const ev = await apiSend<{ id: string }>(context, 'POST', '/api/events', {
      title,
      kind: 'release_meeting',
      startsAt: '2031-06-01T14:00',
      venues: [{ role: 'main', name: '安亭会场', districtCode: '310114' }],
    });
    const plan = `五年期战略导航书${tag()}`;
    await apiSend(context, 'POST', `/api/events/${ev.id}/agreements`, { title: plan, kind: 'plan', termYears: 5 });
    // on a desktop: at 390 px the tab sits under the tab bar's overflow shadow
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/events/${ev.id}`);
    await page.getByRole('tab', { name: '发布内容' }).click();
    // antd spaces a two-character button label: "发 布"
    await page.getByRole('tabpanel').getByRole('button', { name: /发\s*布$/ }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '附件链接' });
    await drawer.getByLabel('标题', { exact: true }).fill(`发布${plan}`);
    await drawer.getByLabel('附件链接', { exact: true }).fill('导航书全文 https://example.org/plan.pdf');
    await drawer.getByLabel('发布的计划/战略', { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: plan }).click();
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`已发布“发布${plan}”`).waitFor();
    const panel = page.getByRole('tabpanel');
    await panel.getByText(`发布${plan}`).waitFor();
    await panel.getByRole('link', { name: '导航书全文' }).waitFor();
  });
});
