/**
 * The admin pages in a real browser against the real server: the audit log read in Chinese (dropdown
 * filters, labels, the record's name as a link), a person given a person role in a network and counted
 * once, and an industry chain link edited. Names are unique per run; no retries.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSend as apiSendIn } from './browser';
import { context, page, screenshotDir, useBrowserSuite } from './suite';

const run = randomBytes(3).toString('hex');

useBrowserSuite('admin', { viewport: { width: 1440, height: 900 } });

async function shot(name: string, fullPage = true) {
  await page.screenshot({ path: `${screenshotDir}/tongxin-admin-${name}.png`, fullPage });
}

/** Opens an antd Select by its label and picks the option with this text (typed first when the select searches: long lists are virtual). */
async function choose(label: string, option: string, scope: ReturnType<Page['locator']> | Page = page, type = false) {
  await scope.getByLabel(label, { exact: true }).click();
  if (type) await scope.getByLabel(label, { exact: true }).pressSequentially(option, { delay: 20 });
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).click();
}

describe('admin pages', { retry: 0 }, () => {
  it('filters the audit log by 创建 from a dropdown and shows Chinese labels and the record as a link', async () => {
    const name = `审计浏览器单位${run}`;
    const org = await apiSend<{ id: string }>('POST', '/api/organizations', { name, kind: 'enterprise', districtCode: '310115' });
    await apiSend('PATCH', `/api/organizations/${org.id}`, { address: '浦东新区测试路 1 号' });

    await page.goto('/admin/audit');
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await choose('动作', '创建');
    await page.getByLabel('对象', { exact: true }).fill(name);
    const filtered = page.waitForResponse((r) => r.url().includes('/api/audit?') && r.url().includes('action=create') && r.url().includes('q='));
    await page.getByRole('button', { name: /查\s*询|搜\s*索/ }).click();
    await page.waitForURL(/action=create/);
    await filtered;

    const rows = page.locator('.ant-table-row');
    await rows.filter({ hasText: name }).first().waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    const row = rows.first();
    await expect.poll(() => row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['创建', '单位', name]));
    expect(await row.innerText()).not.toMatch(/\bcreate\b|\borganization\b/);

    // the readable before/after: field labels, no raw JSON
    await row.getByRole('button', { name: /展开|Expand/ }).click();
    const details = page.locator('.tx-audit-diff');
    await details.getByText('名称', { exact: true }).waitFor();
    await details.getByText('所属区', { exact: true }).waitFor();
    expect(await details.innerText()).not.toContain('"name"');
    await shot('audit');

    await row.getByRole('link', { name }).click();
    await page.waitForURL(new RegExp(`/directory/organizations/${org.id}$`));
    await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
  });

  it('adds a person to a network as 导师 and counts them once', async () => {
    const network = await apiSend<{ id: string; name: string }>('POST', '/api/networks', { name: `导师团测试${run}`, kind: 'mentor_team' });
    const person = await apiSend<{ id: string; name: string }>('POST', '/api/people', { name: `导师${run}`, roles: ['mentor'], districtCode: '310115' });

    await page.goto(`/directory/networks/${network.id}`);
    await page.getByRole('heading', { name: new RegExp(network.name) }).waitFor();
    await page.getByRole('button', { name: '添加成员' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '添加成员' });
    await dialog.getByText('人员', { exact: true }).click();
    await dialog.getByLabel('选择人员', { exact: true }).pressSequentially(person.name, { delay: 30 });
    await page.locator(`.ant-select-item-option[title="${person.name}"]`).click();
    // a person is offered person roles, not organisation tiers
    await dialog.getByLabel('个人角色', { exact: true }).click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).not.toContain('发起单位');
    await options.filter({ hasText: /^导师$/ }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('tier-stat-mentor').getByText('已登记 1').waitFor();
    await page.getByTestId('tier-stat-total').getByText('个人 1').waitFor();
    expect(await page.getByTestId('tier-stat-total').innerText()).toMatch(/成员合计\s*1\b/);
    expect(await page.getByTestId('tier-stat-founding').count()).toBe(0);
    await page.getByRole('tab', { name: '导师 1' }).waitFor();
    await page.getByRole('tab', { name: '全部 1' }).click();
    await page.waitForURL(/tier=all/);
    // the member's name is readable on one line, not two characters wide
    const cell = page.getByRole('tabpanel').locator('.ant-table-row').filter({ hasText: person.name }).locator('td').first();
    await cell.waitFor();
    await expect.poll(async () => (await cell.boundingBox())?.width ?? 0).toBeGreaterThan(150);
    await shot('network-mentor');

    // the history says a person joined in a 角色, not a 层级
    const history = page.locator('.ant-card').filter({ has: page.getByText('变动记录', { exact: true }) });
    await history.getByText(person.name).waitFor();
    expect(await history.innerText()).toMatch(/加入，角色\s*导师/);
    expect(await history.innerText()).not.toContain('层级');

    // the tier card is a link to the members it counts
    await page.getByTestId('tier-stat-mentor').click();
    await page.waitForURL(/tier=mentor/);
    await page.getByRole('tab', { name: '导师 1', selected: true }).waitFor();
  });

  it('adds an industry chain link, is refused a loop in Chinese, and removes the link after confirming', async () => {
    const upstream = await apiSend<{ id: string; name: string }>('POST', '/api/industries', { name: `上游产业${run}` });
    const downstream = await apiSend<{ id: string; name: string }>('POST', '/api/industries', { name: `下游产业${run}` });

    await page.goto(`/directory/industries?industry=${upstream.id}`);
    const panel = page.getByTestId('industry-panel');
    await panel.getByText(upstream.name).first().waitFor();
    await choose('添加下游产业', downstream.name, panel, true);
    await page.getByText(`已添加产业链关系：${upstream.name} → ${downstream.name}`).waitFor();
    await panel.getByTestId('industry-downstream-editor').getByText(downstream.name, { exact: true }).waitFor();

    // the way back would close a loop: the server says so in Chinese
    await panel.getByTestId('industry-downstream-editor').getByText(downstream.name, { exact: true }).click();
    await page.waitForURL(new RegExp(`industry=${downstream.id}`));
    await panel.getByTestId('industry-upstream-editor').getByText(upstream.name, { exact: true }).waitFor();
    await choose('添加下游产业', upstream.name, panel, true);
    await page.getByText('产业链上下游不能形成循环').waitFor();
    await shot('industry-links', false);

    await panel.getByLabel(`删除关系 ${upstream.name} → ${downstream.name}`).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title').getByText(`确定删除产业链关系「${upstream.name} → ${downstream.name}」吗？`).waitFor();
    // the browser asks for reduced motion (e2e/browser.ts): the confirmation stands still when it is clicked
    expect(await page.evaluate<number>('document.getAnimations().length')).toBe(0);
    await confirm.getByRole('button', { name: /删\s*除/ }).click();
    await page.getByText(`已删除产业链关系：${upstream.name} → ${downstream.name}`).waitFor();
    await expect.poll(() => panel.getByTestId('industry-upstream-editor').getByText(upstream.name, { exact: true }).count()).toBe(0);
  });
});

/** POST/PATCH through this test's signed-in context, for set-up. */
function apiSend<T>(method: 'POST' | 'PATCH', url: string, data: unknown): Promise<T> {
  return apiSendIn<T>(context, method, url, data);
}
