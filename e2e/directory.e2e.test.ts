/**
 * The directory as a coordinator uses it, in a real browser against the real server with the demo
 * data: credit-code checking, spreadsheet import with a row report, pinyin search, merging duplicates.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiSend as apiSendIn, launchChromium, signedInState, unexpectedPageErrors, watchPageErrors } from './browser';
import { startServer, type RunningServer } from './server';
import { makeUscc, mobile, tag } from './unique';

const screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? '/tmp';
/**
 * The browser's time zone: Honolulu (UTC−10) is on another calendar day than Shanghai most of the
 * day, so a page that took "today" from the browser instead of Shanghai's would fail here.
 */
const browserTimeZone = 'Pacific/Honolulu';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let signedIn: Awaited<ReturnType<BrowserContext['storageState']>>;
let fileDir: string;
/** uncaught exceptions and console errors of the page: any is a failure */
let pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  fileDir = await mkdtemp(path.join(tmpdir(), 'tongxin-e2e-files-'));
  browser = await launchChromium();
  // sign in once; every test starts from this session in a fresh context
  const { context: first, state } = await signedInState(browser, { baseURL: server.baseUrl, timezoneId: browserTimeZone });
  signedIn = state;
  await first.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (fileDir) await rm(fileDir, { recursive: true, force: true });
});

beforeEach(async () => {
  context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1440, height: 900 },
    timezoneId: browserTimeZone,
    storageState: signedIn,
    acceptDownloads: true,
  });
  page = await context.newPage();
  pageErrors = watchPageErrors(page);
});

afterEach(async ({ task }) => {
  // what the page showed when a test failed, for the CI log
  if (task.result?.state === 'fail') {
    await page.screenshot({ path: `${screenshotDir}/tongxin-dir-FAILED-${task.name.replace(/\W+/g, '-')}.png` }).catch(() => undefined);
  }
  await context?.close();
  const unexpected = unexpectedPageErrors(pageErrors);
  expect(unexpected, unexpected.join('\n')).toEqual([]);
});

/** fullPage for pages; only the viewport while a drawer or dialog is open (fixed layers do not stitch). */
async function shot(name: string, fullPage = true) {
  await page.screenshot({ path: `${screenshotDir}/tongxin-dir-${name}.png`, fullPage });
}

/**
 * Types `text` into a search-as-you-type picker and picks the option named `text`, once the search
 * for the whole text has answered (picking from an earlier, shorter query's list races the re-render).
 */
async function pickFromSearch(input: ReturnType<Page['locator']>, text: string) {
  const answered = page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/api/search' && new URL(response.url()).searchParams.get('q') === text,
  );
  await input.pressSequentially(text, { delay: 30 });
  expect((await answered).status()).toBe(200);
  await page.locator(`.ant-select-item-option[title="${text}"]`).click();
}

/** Waits for the next PATCH of a network membership and checks it was accepted. */
function membershipPatched() {
  return page
    .waitForResponse((response) => response.request().method() === 'PATCH' && /\/api\/networks\/[^/]+\/members\//.test(response.url()))
    .then(async (response) => expect(response.status(), await response.text()).toBe(200));
}

/** The form item (label + control + messages) labelled `label` inside `scope`. */
function formItem(scope: ReturnType<Page['locator']>, label: string) {
  return scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
}

describe('directory', () => {
  it('checks the credit code while typing, then creates the organisation', async () => {
    const name = `上海同心校验位${tag()}科技有限公司`;
    const uscc = makeUscc();
    await page.goto('/directory/organizations');
    await page.getByRole('heading', { name: '单位目录' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot('organizations');

    await page.getByRole('button', { name: '新建单位' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '新建单位' });
    await drawer.getByLabel('名称', { exact: true }).fill(name);
    // the district list is long (and virtual): type to filter it
    await drawer.getByLabel('所在区', { exact: true }).fill('浦东');
    await page.locator('.ant-select-item-option').filter({ hasText: '浦东新区' }).click();

    const usccInput = drawer.getByLabel('统一社会信用代码', { exact: true });
    await usccInput.fill(uscc.wrong.toLowerCase());
    // typed in lower case: shown in capitals, and the wrong check character is named on the field
    expect(await usccInput.inputValue()).toBe(uscc.wrong);
    const usccErrors = formItem(drawer, '统一社会信用代码').locator('.ant-form-item-explain-error');
    await usccErrors.filter({ hasText: `校验位应为 ${uscc.check}` }).waitFor();
    await page.waitForTimeout(400);
    await shot('organization-form-uscc-error', false);

    // saving is refused while the code is wrong
    await drawer.getByRole('button', { name: '保存' }).click();
    await usccErrors.filter({ hasText: `校验位应为 ${uscc.check}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/directory/organizations');

    await usccInput.fill(uscc.code);
    await usccErrors.waitFor({ state: 'detached' });
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/directory\/organizations\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name }).waitFor();
    await page.getByText(uscc.code).first().waitFor();
    await page.getByText('浦东新区').first().waitFor();
    await shot('organization-detail');
  });

  it('imports an organisations file and names the bad row, column and problem', async () => {
    const file = path.join(fileDir, '单位导入.csv');
    const run = `导入测试${tag()}`;
    const uscc = makeUscc();
    await writeFile(
      file,
      [
        '名称,类型,所在区,统一社会信用代码,别名',
        `上海${run}甲科技有限公司,企业,浦东新区,,${run}甲`,
        `上海${run}乙科技有限公司,企业,徐汇区,${uscc.wrong},${run}乙`,
        `上海${run}丙科技有限公司,高校,闵行区,,${run}丙`,
      ].join('\n') + '\n',
      'utf8',
    );

    await page.goto('/directory/organizations');
    await page.getByRole('heading', { name: '单位目录' }).waitFor();
    await page.getByRole('button', { name: /^\S*\s?导入$/ }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '导入单位' });
    await modal.getByText('全部正确才导入').waitFor();
    await modal.locator('input[type=file]').setInputFiles(file);
    await modal.getByText('单位导入.csv').waitFor();
    await modal.getByRole('button', { name: '检查文件' }).click();

    const report = modal.getByTestId('import-report');
    const badRow = report.locator('tr').filter({ hasText: '第 3 行' });
    await badRow.waitFor();
    expect(await badRow.innerText()).toContain('统一社会信用代码');
    expect(await badRow.innerText()).toContain(`校验位应为 ${uscc.check}`);
    await modal.getByText('共 3 行：2 行可以导入，1 行有问题').waitFor();
    // "everything or nothing" is the default: with a bad row, importing is not offered
    expect(await modal.getByRole('button', { name: '开始导入' }).isDisabled()).toBe(true);
    await shot('import-check', false);

    await modal.getByText('导入正确的行，下载错误行').click();
    await modal.getByRole('button', { name: '开始导入' }).click();
    await modal.getByText('已导入 2 行（共 3 行）').first().waitFor();
    await modal.getByTestId('import-report').locator('tr').filter({ hasText: '第 3 行' }).waitFor();
    const downloading = page.waitForEvent('download');
    await modal.getByRole('button', { name: '下载错误行' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await shot('import-done', false);
    await modal.getByRole('button', { name: '完成' }).click();

    // the good rows are in the list, the bad one is not
    await page.getByLabel('搜索单位名称或信用代码').fill(run);
    await page.getByLabel('搜索单位名称或信用代码').press('Enter');
    await page.getByRole('link', { name: `上海${run}甲科技有限公司` }).waitFor();
    await page.getByRole('link', { name: `上海${run}丙科技有限公司` }).waitFor();
    expect(await page.getByText(`上海${run}乙科技有限公司`).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe(run);

    // 导出 follows the filters on screen
    await page.getByRole('button', { name: /导出/ }).click();
    const exporting = page.waitForEvent('download');
    const asked = page.waitForRequest((request) => request.url().includes('/api/io/export/organizations.xlsx'));
    await page.getByRole('menuitem', { name: '导出 Excel（.xlsx）' }).click();
    expect(new URL((await asked).url()).searchParams.get('q')).toBe(run);
    const exported = await exporting;
    expect(exported.suggestedFilename()).toMatch(/^单位-.*\.xlsx$/);
  });

  it('finds a person by pinyin initials from the header and opens the person page', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: '数据概览' }).waitFor();
    const box = page.getByRole('combobox', { name: '全局搜索' });
    await box.click();
    await box.pressSequentially('zzg', { delay: 40 });
    const option = page.getByTestId('global-search-option').filter({ hasText: '张兆国' });
    await option.waitFor();
    expect(await option.locator('mark').innerText()).toBe('张兆国');
    await shot('global-search', false);
    await option.click();
    await page.waitForURL(/\/directory\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /张兆国/ }).waitFor();
    await page.getByText('上海交通大学副校长').first().waitFor();
    await shot('person-detail');

    // Enter opens the full results page, filterable by type
    await box.click();
    await box.pressSequentially('yb', { delay: 40 });
    await page.getByTestId('global-search-option').filter({ hasText: '俞飚' }).waitFor();
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=yb$/);
    await page.getByRole('heading', { name: '搜索结果' }).waitFor();
    await page.getByTestId('search-result').filter({ hasText: '俞飚' }).waitFor();
    await page.getByText('人员', { exact: true }).first().waitFor();
    await shot('search-page');
    await page.getByTestId('search-result').getByRole('link', { name: '俞飚' }).click();
    await page.waitForURL(/\/directory\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /俞飚/ }).waitFor();
  });

  it('warns about a duplicate, creates it anyway, then merges the two', async () => {
    const stem = `同心合并${tag()}科技`;
    const copy = `${stem}公司`;
    const original = await apiSend<{ id: string; name: string }>('POST', '/api/organizations', {
      name: `${stem}有限公司`,
      kind: 'enterprise',
      districtCode: '310115',
      address: '上海市浦东新区张江路 1 号',
    });

    await page.goto('/directory/organizations');
    await page.getByRole('button', { name: '新建单位' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '新建单位' });
    await drawer.getByLabel('名称', { exact: true }).fill(copy);
    // the duplicate warning appears while typing, with a link to the existing record
    const alert = drawer.getByTestId('duplicate-alert');
    await alert.getByRole('link', { name: original.name }).waitFor();
    await shot('organization-form-duplicate', false);
    await drawer.getByRole('button', { name: '保存' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '仍要创建' });
    await confirm.getByRole('button', { name: '仍要创建' }).click();
    await page.waitForURL(/\/directory\/organizations\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: copy }).waitFor();

    await page.getByRole('button', { name: '合并重复' }).first().click();
    const modal = page.getByRole('dialog').filter({ hasText: '合并重复记录' });
    await modal.getByLabel('与哪条记录合并').click();
    await page.locator('.ant-select-item-option').filter({ hasText: original.name }).click();
    await modal.getByTestId('merge-remove').getByText(original.name).waitFor();
    await modal.getByTestId('merge-keep').getByText(copy).waitFor();
    await shot('merge', false);
    await modal.getByRole('button', { name: '确认合并' }).click();
    await modal.waitFor({ state: 'detached' });

    // the kept record now lists the merged name among its former names / aliases
    const names = page.locator('.ant-descriptions-row').filter({ hasText: /曾用名|简称\/别名/ });
    await names.locator('.ant-tag').filter({ hasText: original.name }).first().waitFor();
    await page.getByText(`已将「${original.name}」合并到「${copy}」`).waitFor();
    await shot('merged');

    // only one of the two remains
    await page.goto(`/directory/organizations?q=${encodeURIComponent(stem)}`);
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    await page.getByRole('link', { name: copy }).waitFor();
    const gone = await context.request.get(`/api/organizations/${original.id}`);
    expect(gone.status()).toBe(404);
  });

  it('creates a person with an affiliation, checks the phone, and shows full details on request', async () => {
    const name = `王${tag(2)}`;
    const phoneNumber = mobile();
    const email = `e2e.${Date.now().toString(36)}@example.cn`;
    await page.goto('/directory/people');
    await page.getByRole('heading', { name: '人员名录' }).waitFor();
    await page.getByRole('button', { name: '新建人员' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '新建人员' });
    await drawer.getByLabel('姓名', { exact: true }).fill(name);
    // the affiliation's organisation is picked from the directory by typing
    await pickFromSearch(drawer.getByLabel('单位', { exact: true }), '上海交通大学');
    await drawer.getByText('已关联').waitFor();
    await drawer.getByLabel('职务', { exact: true }).fill('教授');

    const phone = drawer.getByLabel('电话', { exact: true });
    await phone.fill(phoneNumber.slice(0, 10));
    await formItem(drawer, '电话').getByText('请输入正确的手机号').waitFor();
    await drawer.getByLabel('邮箱', { exact: true }).fill(email.split('@')[0] + '@');
    await formItem(drawer, '邮箱').getByText('邮箱格式不正确').waitFor();
    await page.waitForTimeout(400);
    await shot('person-form-errors', false);
    await phone.fill(phoneNumber);
    await drawer.getByLabel('邮箱', { exact: true }).fill(email);
    await drawer.getByRole('button', { name: '保存' }).click();

    await page.waitForURL(/\/directory\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
    await page.getByRole('link', { name: '上海交通大学' }).waitFor();
    const shown = page.getByTestId('person-phone');
    await shown.getByText(/\*{4}/).waitFor();
    expect(await shown.innerText()).not.toContain(phoneNumber);
    await page.getByRole('button', { name: '显示完整信息' }).click();
    await shown.getByText(phoneNumber).waitFor();
    await page.getByTestId('person-email').getByText(email).waitFor();
    await shot('person-unmasked');

    // exporting people with full contact details asks first
    await page.goto('/directory/people');
    await page.getByRole('button', { name: /导出/ }).click();
    await page.getByRole('menuitem', { name: '含完整联系方式（CSV）' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '导出完整联系方式？' });
    await confirm.getByText('记入审计日志').waitFor();
    const exporting = page.waitForEvent('download');
    const asked = page.waitForRequest((request) => request.url().includes('/api/io/export/people.csv'));
    await confirm.getByRole('button', { name: '确认导出' }).click();
    expect(new URL((await asked).url()).searchParams.get('unmasked')).toBe('1');
    const exported = await exporting;
    const csv = await readFile(await exported.path(), 'utf8');
    expect(csv).toContain(phoneNumber);
  });

  it('adds a member to a network, changes its tier and marks it as left', async () => {
    const networkName = `同心${tag()}产业联盟`;
    const network = await apiSend<{ id: string }>('POST', '/api/networks', {
      name: networkName,
      kind: 'alliance',
      districtCode: '310104',
      declaredCounts: { founding: 2 },
    });
    await page.goto(`/directory/networks/${network.id}`);
    await page.getByRole('heading', { name: networkName }).waitFor();
    await page.getByTestId('tier-stat-founding').getByText('声明 2 / 已登记 0').waitFor();

    await page.getByRole('button', { name: '添加成员' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '添加成员' });
    await pickFromSearch(dialog.getByLabel('选择单位', { exact: true }), '上海交通大学');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '发起单位 1' }).waitFor();
    await page.getByTestId('tier-stat-founding').getByText('声明 2 / 已登记 1').waitFor();

    const row = page.getByRole('tabpanel').locator('.ant-table-row').filter({ hasText: '上海交通大学' });
    await row.getByRole('button', { name: '调整层级' }).click();
    let patched = membershipPatched();
    await page.getByRole('menuitem', { name: '链长', exact: true }).click();
    await patched;
    await page.getByRole('tab', { name: '链长 1' }).click();
    await page.waitForTimeout(300);
    await shot('network-members');

    await page.getByRole('tabpanel').locator('.ant-table-row').filter({ hasText: '上海交通大学' }).getByRole('button', { name: '标记退出' }).click();
    // "left today" is Shanghai's today although this browser is in Honolulu: the server accepts it
    patched = membershipPatched();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '标记退出' }).click();
    await patched;
    await page.getByRole('tab', { name: '全部 0' }).waitFor();
    // the history keeps who joined and who left
    await page.getByText(/上海交通大学\s*退出/).waitFor();
    await page.getByText(/上海交通大学\s*加入/).waitFor();
  });

  it('shows networks by tier, the industry chain graph and places', async () => {
    await page.goto('/directory/networks');
    await page.getByRole('heading', { name: '网络', exact: true }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot('networks');

    // the network with the most members: its tiers (organisations) or roles (people) as tabs with counts
    const list = await context.request.get('/api/networks?pageSize=200');
    const networks = ((await list.json()) as { items: { id: string; memberCounts: { total: number } }[] }).items;
    const busiest = [...networks].sort((a, b) => b.memberCounts.total - a.memberCounts.total)[0];
    expect(busiest).toBeDefined();
    await page.goto(`/directory/networks/${busiest?.id}`);
    await page.locator('.ant-tabs-tab').first().waitFor();
    expect(await page.locator('.ant-tabs-tab').first().innerText()).toMatch(/(发起单位|联席会议单位|成员单位|召集单位|链长|首批专家|专家|导师|顾问|秘书长|成员) \d+/);
    await shot('network-detail');

    await page.goto('/directory/networks?view=tree');
    await page.locator('.ant-tree-treenode:not([aria-hidden])').first().waitFor();
    await shot('network-tree');

    await page.goto('/directory/industries');
    await page.getByRole('heading', { name: '产业链', exact: true }).waitFor();
    const graph = page.getByTestId('industry-chain-graph');
    await graph.locator('canvas').waitFor();
    await page.waitForTimeout(500);
    await page.locator('.ant-tree-treenode').filter({ hasText: '智能网联新能源汽车' }).locator('.ant-tree-node-content-wrapper').click();
    const panel = page.getByRole('dialog').filter({ hasText: '相关单位' });
    await panel.getByText(/相关单位/).waitFor();
    await panel.getByRole('link').first().waitFor();
    await page.waitForTimeout(400);
    await shot('industries', false);

    await page.goto('/directory/places');
    await page.getByRole('heading', { name: '场所', exact: true }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot('places');
    await page.getByRole('button', { name: '新建场所' }).click();
    await page.getByText('GCJ-02（高德/腾讯）').waitFor();
    await page.waitForTimeout(400);
    await shot('place-form', false);

    await page.goto('/directory/people');
    await page.getByRole('heading', { name: '人员名录' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot('people');
  });
});

/** POST/PATCH through this test's signed-in context, for set-up. */
function apiSend<T>(method: 'POST' | 'PATCH', url: string, data: unknown): Promise<T> {
  return apiSendIn<T>(context, method, url, data);
}
