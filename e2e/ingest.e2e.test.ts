/**
 * A press report to records in a real browser against the real server with the demo directory: a seed
 * article is pasted on a phone-sized screen, one proposed field is corrected, the records are confirmed
 * (asked first), and the event is found with its organisations linked to the EXISTING demo records (no
 * duplicates: counts before/after through the API) and its reported figures quoting the article.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { inferOrganizationKind } from '../common/organization-kind-inference';
import { horizontalOverflow } from './browser';
import { context, page, screenshotDir, useBrowserSuite } from './suite';
import { tag } from './unique';

const SEED = readFileSync(new URL('../../shared/seeds/000_37ff99f907eee8d3.txt', import.meta.url), 'utf8');

useBrowserSuite('ingest', { viewport: { width: 390, height: 844 } });

const getJson = async <T>(url: string): Promise<T> => {
  const res = await context.request.get(url);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
};
type OrgPage = { items: { id: string; name: string }[]; total: number };
const orgTotal = async () => (await getJson<OrgPage>('/api/organizations?pageSize=1')).total;
const orgsNamed = async (name: string) => (await getJson<OrgPage>(`/api/organizations?pageSize=50&q=${encodeURIComponent(name)}`)).items.filter((o) => o.name === name);
const noHorizontalScroll = async () => expect(await horizontalOverflow(page)).toBe(0);

describe('reports to records', () => {
  it('pastes a seed article, corrects the title, confirms, and finds the event linked to the demo directory with its quoted figures', async () => {
    const demoNames = ['浦东新区新的社会阶层人士联谊会', '浦东新区外商投资企业协会'];
    const demo = await Promise.all(demoNames.map(async (n) => (await orgsNamed(n))[0]!));
    expect(demo.every(Boolean)).toBe(true);
    const before = await orgTotal();

    await page.goto('/reports');
    await page.getByLabel('报道全文').fill(SEED);
    await page.getByRole('button', { name: '提取' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const text = page.getByTestId('report-text');
    await text.waitFor();
    // the cleaned text: Simplified, the name protected, the damaged passage repaired, the spans highlighted
    await expect.poll(() => text.innerText()).toContain('李姝徵');
    expect(await text.innerText()).toContain('活动成立了浦东新区');
    expect(await text.locator('mark').count()).toBeGreaterThan(5);
    await page.getByTestId('report-form').waitFor();
    await noHorizontalScroll();
    await page.screenshot({ path: `${screenshotDir}/tongxin-ingest-review.png`, fullPage: true });

    // correct one field: the title
    const title = page.getByLabel('活动名称');
    expect(await title.inputValue()).toContain('未来车');
    const corrected = `浦东新区新阶层人士助力“未来车”产业发展主题活动${tag()}`;
    await title.fill(corrected);
    // an organisation the directory lacks shows the kind guessed from its name, to change before confirming
    expect(await page.getByTestId('report-org-kind').count()).toBeGreaterThan(0);

    const confirmed = page.waitForResponse((r) => /\/api\/reports\/[^/]+\/confirm$/.test(r.url()));
    await page.getByRole('button', { name: '确认并创建记录' }).click();
    await page.locator('.ant-popover').getByRole('button', { name: '确认并创建记录' }).click();
    const result = (await (await confirmed).json()) as { eventId: string; organizations: { id: string; name: string; relation: string }[] };
    await page.getByTestId('report-confirmed').waitFor();

    // no duplicates: the demo records are linked, and only the organisations the directory lacked were added
    const created = new Set(result.organizations.filter((o) => o.relation === 'created').map((o) => o.id));
    for (const d of demo) expect(result.organizations).toContainEqual(expect.objectContaining({ id: d.id, relation: 'linked' }));
    expect(await orgTotal()).toBe(before + created.size);
    for (const n of demoNames) expect(await orgsNamed(n)).toHaveLength(1);
    for (const o of result.organizations.filter((x) => x.relation === 'created')) {
      expect((await getJson<{ kind: string }>(`/api/organizations/${o.id}`)).kind, o.name).toBe(inferOrganizationKind(o.name));
    }

    await page.getByRole('button', { name: '查看活动' }).click();
    await page.waitForURL(`**/events/${result.eventId}`);
    await page.getByRole('heading', { name: corrected }).first().waitFor();
    const sources = page.getByTestId('record-sources');
    await sources.waitFor();
    expect(await sources.innerText()).toContain('据此报道创建');
    await noHorizontalScroll();
    await page.screenshot({ path: `${screenshotDir}/tongxin-ingest-event.png`, fullPage: true });

    const ev = await getJson<{ title: string; hosts: { organizationId: string | null; role: string }[]; figures: { label: string; value: number; quote: string | null; source: string | null }[] }>(
      `/api/events/${result.eventId}`,
    );
    expect(ev.title).toBe(corrected);
    // the organisations the report only mentions are on the event as 相关单位, the demo ones among them
    expect(ev.hosts).toEqual(expect.arrayContaining(demo.map((d) => expect.objectContaining({ organizationId: d.id, role: 'related' }))));
    const participants = ev.figures.find((f) => f.value === 200)!;
    expect(participants.quote).toContain('200');
    expect(participants.source).toContain('报道');
    expect(ev.figures.find((f) => f.value === 55)?.quote).toContain('55');
    // the 来源 of a linked demo organisation is the article, with the quote naming it
    const orgSources = await getJson<{ items: { quote: string | null; relation: string }[] }>(`/api/sources?entityType=organization&entityId=${demo[1]!.id}`);
    expect(orgSources.items).toEqual([expect.objectContaining({ relation: 'linked', quote: expect.stringContaining('浦东新区外商投资企业协会') })]);
    // …and the directory record's page shows it: 来源 with the quote
    await page.goto(`/directory/organizations/${demo[1]!.id}`);
    const orgPageSources = page.getByTestId('record-sources');
    await orgPageSources.waitFor();
    expect(await orgPageSources.innerText()).toContain('报道中提及');
    expect(await orgPageSources.locator('blockquote').innerText()).toContain('浦东新区外商投资企业协会');
    await noHorizontalScroll();
  });

  it('imports a zip of reports with a progress bar and a result per file', async () => {
    const zip = new JSZip();
    zip.file('a/001.txt', readFileSync(new URL('../../shared/seeds/001_0a49bba6b303c11c.txt', import.meta.url)));
    zip.file('a/002.txt', readFileSync(new URL('../../shared/seeds/002_fda4e5a990aaeddb.txt', import.meta.url)));
    const buffer = await zip.generateAsync({ type: 'nodebuffer' });
    await page.goto('/reports');
    await page.locator('input[type=file][accept*=".zip"]').setInputFiles([
      { name: 'reports.zip', mimeType: 'application/zip', buffer },
      { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') },
    ]);
    const results = page.getByTestId('batch-results');
    await expect.poll(() => results.locator('.ant-list-item').count(), { timeout: 20_000 }).toBe(3);
    const text = await results.innerText();
    expect(text.match(/已录入/g)).toHaveLength(2);
    expect(text).toContain('notes.pdf');
    expect(text).toContain('不支持的文件类型');
    expect(await page.getByTestId('batch-progress').innerText()).toContain('100%');
    await noHorizontalScroll();
  });
});
