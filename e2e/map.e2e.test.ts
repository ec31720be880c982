/**
 * The electronic map in Chromium with no network beyond the app (every other request is refused and
 * counted): the districts draw, a layer toggles, a polygon is drawn and saved with its km², a place
 * inside is listed on the area page, a route is made from three places, and the pages work at 390 px.
 * Screenshots under e2e/screenshots/map-*.png.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSend, horizontalOverflow, launchChromium, signedInState, unexpectedPageErrors, watchPageErrors } from './browser';
import { startServer, type RunningServer } from './server';
import { tag } from './unique';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
let server: RunningServer;
let browser: Browser;
let signedIn: Awaited<ReturnType<BrowserContext['storageState']>>;
const offsite: string[] = [];

beforeAll(async () => {
  await mkdir(screenshotDir, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  const { context, state } = await signedInState(browser, { baseURL: server.baseUrl });
  signedIn = state;
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in page whose every request outside the app is refused (and recorded). */
async function open(width = 1440, signed = true): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width, height: width < 600 ? 844 : 900 },
    ...(signed ? { storageState: signedIn } : {}),
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.baseUrl) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  return { context, page, errors: watchPageErrors(page) };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `map-${name}.png`), fullPage: true });
const visibleCount = async (page: Page) => {
  const text = (await page.getByTestId('map-visible-count').textContent()) ?? '';
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  return { visible: Number(m?.[1]), total: Number(m?.[2]) };
};

async function mapReady(page: Page) {
  await page.locator('[data-testid="map"][data-districts="16"]').waitFor({ timeout: 30_000 });
}

describe('the map', () => {
  it('draws the 16 districts offline, toggles a layer, and flies to a search result', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto('/map');
      await mapReady(page);
      // the base layer is on a canvas (no tiles), with the attribution the ODbL data asks for
      await expect(page.locator('[data-testid="map"] canvas').count()).resolves.toBeGreaterThan(0);
      await page.getByText('边界数据 © OpenStreetMap 贡献者（ODbL）· geoBoundaries').waitFor();
      await page.locator('[data-testid="map"][data-shown-places]').waitFor();
      await shot(page, 'districts');

      const before = await visibleCount(page);
      expect(before.total).toBeGreaterThan(5);
      const servicePoints = page.getByRole('checkbox', { name: /服务点位 \((\d+)\)/ });
      const label = (await page.locator('label', { has: servicePoints }).textContent()) ?? '';
      const n = Number(/\((\d+)\)/.exec(label)?.[1]);
      expect(n).toBeGreaterThan(0);
      await servicePoints.uncheck();
      await expect.poll(async () => (await visibleCount(page)).visible).toBe(before.visible - n);
      await shot(page, 'layer-off');
      await servicePoints.check();
      await expect.poll(async () => (await visibleCount(page)).visible).toBe(before.visible);

      await page.getByRole('combobox', { name: '搜索场所并定位' }).fill('山塘村');
      await page.locator('.ant-select-item-option', { hasText: '山塘村' }).first().click();
      await page.getByTestId('place-card').getByRole('heading', { name: /山塘村/ }).waitFor();
      await expect.poll(() => page.evaluate<number>('window.__tongxinMap.map.getZoom()')).toBeGreaterThan(12);
      await shot(page, 'search-card');
      expect(unexpectedPageErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
    expect(offsite).toEqual([]);
  });

  it('opens the card of a place clicked on the points canvas, and names it on hover', async () => {
    const { context, page, errors } = await open();
    try {
      const name = `画布点击测试${tag()}`;
      const [lng, lat] = [121.905, 30.95];
      await apiSend(context, 'POST', '/api/places', { name, kind: 'venue', districtCode: '310115', lng, lat });
      await page.goto('/map');
      await mapReady(page);
      await page.locator('[data-testid="map"][data-shown-places]').waitFor();
      await page.evaluate(`window.__tongxinMap.map.setView([${lat}, ${lng}], 17, { animate: false })`);
      const box = (await page.getByTestId('map').boundingBox())!;
      // after the redraw that follows the move, the place is a circle of its own at its point
      await expect.poll(() => page.evaluate<string | undefined>('document.querySelector(\'[data-testid="map"]\').dataset.shownPlaces')).toBe('1');
      const at = await page.evaluate<{ x: number; y: number }>(`window.__tongxinMap.map.latLngToContainerPoint([${lat}, ${lng}])`);
      await page.mouse.move(box.x + at.x, box.y + at.y);
      await page.locator('.leaflet-tooltip', { hasText: name }).waitFor();
      await page.mouse.click(box.x + at.x, box.y + at.y);
      await page.getByTestId('place-card').getByRole('heading', { name: new RegExp(name) }).waitFor();
      await shot(page, 'point-card');
      expect(unexpectedPageErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('draws a polygon, saves it with its km², and lists the place inside on the area page', async () => {
    const { context, page, errors } = await open();
    try {
      const name = `人民广场测试点${tag()}`;
      await apiSend(context, 'POST', '/api/places', { name, kind: 'block', districtCode: '310101', lng: 121.4713, lat: 31.2305 });
      await page.goto('/map/areas/new?lng=121.47&lat=31.23&zoom=14');
      await mapReady(page);
      await page.getByRole('button', { name: '画多边形' }).click();
      const box = (await page.getByTestId('map').boundingBox())!;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      for (const [dx, dy] of [
        [-120, -90],
        [120, -90],
        [120, 90],
        [-120, 90],
      ])
        await page.mouse.click(cx + dx!, cy + dy!);
      await page.getByRole('button', { name: '完成绘制' }).click();
      const drawnKm2 = Number(/([\d.]+)\s*km²/.exec((await page.getByTestId('area-km2').textContent()) ?? '')?.[1]);
      expect(drawnKm2).toBeGreaterThan(0.5);
      const areaName = `测试片区${tag()}`;
      await page.getByLabel('名称', { exact: true }).fill(areaName);
      await page.getByRole('button', { name: '保存片区' }).click();
      await page.getByRole('heading', { name: areaName }).waitFor();
      await expect.poll(() => page.url()).toMatch(/\/map\/areas\/[0-9a-f-]{36}$/);
      // the area shown is the one the server computed
      const id = page.url().split('/').pop()!;
      const saved = (await (await context.request.get(`/api/map/areas/${id}`)).json()) as { areaKm2: number };
      expect(saved.areaKm2).toBeCloseTo(drawnKm2, 1);
      await page.getByTestId('area-km2').getByText(/km²/).waitFor();
      await page.getByTestId('area-places').getByRole('link', { name }).waitFor();
      await shot(page, 'area');
      expect(unexpectedPageErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('makes a route from three places, with each leg and the total', async () => {
    const { context, page, errors } = await open();
    try {
      const run = tag();
      const names = ['甲', '乙', '丙'].map((s) => `线路${s}站${run}`);
      for (const [i, name] of names.entries())
        await apiSend(context, 'POST', '/api/places', { name, kind: 'venue', districtCode: '310112', lng: 121.35 + i * 0.01, lat: 31.0 });
      await page.goto('/map/routes');
      const routeName = `测试线路${run}`;
      await page.getByLabel('名称', { exact: true }).fill(routeName);
      const picker = page.getByRole('combobox', { name: '途经场所（按顺序）' });
      for (const name of names) {
        await picker.fill(name);
        await page.locator('.ant-select-item-option', { hasText: name }).click();
      }
      await page.getByRole('button', { name: '保存线路' }).click();
      await page.getByRole('heading', { name: routeName }).waitFor();
      const rows = page.getByTestId('route-stops').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(3);
      for (const [i, name] of names.entries()) await expect(rows.nth(i).textContent()).resolves.toContain(name);
      // 0.01° of longitude at 31° N ≈ 953 m a leg, 1.91 km in all
      await expect(rows.nth(1).textContent()).resolves.toMatch(/95\d m/);
      await expect(page.getByTestId('route-total').textContent()).resolves.toMatch(/1\.9\d? km/);
      await page.getByRole('button', { name: '打印线路单' }).waitFor();
      await shot(page, 'route');

      // a site visit held at the first stop follows the route: set on the event page, listed on the route page and the place card
      const places = (await (await context.request.get(`/api/places?q=${encodeURIComponent(names[0]!)}`)).json()) as { items: { id: string }[] };
      const visitTitle = `沿线考察${run}`;
      const visit = await apiSend<{ id: string }>(context, 'POST', '/api/events', {
        title: visitTitle,
        kind: 'site_visit',
        startsAt: '2025-05-20T09:00',
        endsAt: '2025-05-20T11:30',
        districtCode: '310112',
        venues: [{ role: 'main', name: names[0], districtCode: '310112', placeId: places.items[0]!.id }],
      });
      const routeUrl = page.url();
      await page.goto(`/events/${visit.id}`);
      const card = page.getByTestId('event-route');
      await card.getByText('本活动未关联线路').waitFor();
      await card.getByRole('combobox', { name: '选择线路' }).fill(routeName);
      await page.locator('.ant-select-item-option', { hasText: routeName }).click();
      await card.getByRole('link', { name: routeName }).waitFor();
      await shot(page, 'event-route');
      await page.goto(routeUrl);
      await page.getByTestId('route-events').getByRole('link', { name: visitTitle }).waitFor();
      await page.goto(`/map?district=310112`);
      await page.getByRole('combobox', { name: '搜索场所并定位' }).fill(names[0]!);
      await page.locator('.ant-select-item-option', { hasText: names[0] }).first().click();
      await page.getByTestId('place-events').getByRole('link', { name: visitTitle }).waitFor();
      expect(unexpectedPageErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sets a place’s parent place and operator with pickers, shown on the place page', async () => {
    const { context, page, errors } = await open(390);
    try {
      const run = tag();
      const park = await apiSend<{ id: string }>(context, 'POST', '/api/places', { name: `层级园区${run}`, kind: 'park', districtCode: '310116', lng: 121.3, lat: 30.75 });
      const hall = await apiSend<{ id: string }>(context, 'POST', '/api/places', { name: `园内展厅${run}`, kind: 'exhibition', districtCode: '310116', lng: 121.301, lat: 30.751 });
      await apiSend(context, 'POST', '/api/organizations', { name: `展厅运营公司${run}`, kind: 'enterprise', districtCode: '310116' });
      await page.goto(`/directory/places/${hall.id}`);
      const card = page.getByTestId('place-relations');
      await card.getByRole('button', { name: '编辑层级与归属' }).click();
      await card.getByRole('combobox').first().fill(`层级园区${run}`);
      await page.locator('.ant-select-item-option', { hasText: `层级园区${run}` }).click();
      await card.getByRole('combobox', { name: '运营单位' }).fill(`展厅运营公司${run}`);
      await page.locator('.ant-select-item-option', { hasText: `展厅运营公司${run}` }).click();
      await card.getByRole('button', { name: '保存' }).click();
      await card.getByRole('link', { name: `层级园区${run}` }).waitFor();
      await card.getByRole('link', { name: `展厅运营公司${run}` }).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await shot(page, 'place-relations');
      // the park lists the hall within it
      await page.goto(`/directory/places/${park.id}`);
      await page.getByTestId('place-relations').getByRole('link', { name: `园内展厅${run}` }).waitFor();
      expect(unexpectedPageErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('imports a GeoJSON file and reports the broken feature without storing it', async () => {
    const { context, page, errors } = await open();
    try {
      const good = `导入园区${tag()}`;
      const bad = `自相交${tag()}`;
      const square = [[[121.5, 31.1], [121.51, 31.1], [121.51, 31.11], [121.5, 31.11], [121.5, 31.1]]];
      const bowtie = [[[121.5, 31.1], [121.51, 31.11], [121.51, 31.1], [121.5, 31.11], [121.5, 31.1]]];
      const file = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: square }, properties: { name: good, kind: '园区', district: '浦东新区' } },
          { type: 'Feature', geometry: { type: 'Polygon', coordinates: bowtie }, properties: { name: bad, kind: '园区', district: '浦东新区' } },
        ],
      };
      await page.goto('/map/areas');
      await page.locator('input[type=file]').setInputFiles({ name: 'areas.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
      const dialog = page.getByRole('dialog', { name: '导入结果' });
      await dialog.getByText('共 2 个要素：导入 1 个，1 个有错误未导入').waitFor();
      await dialog.getByRole('row', { name: new RegExp(bad) }).getByText('多边形的边自相交').waitFor();
      await shot(page, 'import-report');
      await dialog.getByRole('button', { name: /Close|关闭/ }).click();
      await page.getByRole('link', { name: good }).waitFor();
      await expect(page.getByRole('link', { name: bad }).count()).resolves.toBe(0);
      expect(unexpectedPageErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('works at 390 px: the map, an area, the routes and the public embed', async () => {
    const { context, page, errors } = await open(390);
    try {
      const belt = ((await (await context.request.get('/api/map/areas?q=安驰路')).json()) as { items: { id: string }[] }).items[0]!;
      for (const [name, url, hasMap] of [
        ['phone-map', '/map', true],
        ['phone-area', `/map/areas/${belt.id}`, true],
        ['phone-routes', '/map/routes', false],
        ['phone-stats', '/map/stats', true],
      ] as const) {
        await page.goto(url);
        await page.locator('main h1').first().waitFor();
        if (hasMap) await page.locator('[data-districts="16"]').waitFor({ timeout: 30_000 });
        await page.waitForTimeout(300);
        await shot(page, name);
        expect(await horizontalOverflow(page), name).toBe(0);
      }
      // the map fills the phone's width and the layer checkboxes still work
      await page.goto('/map');
      await mapReady(page);
      const box = (await page.getByTestId('map').boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      await page.getByRole('checkbox', { name: /园区/ }).uncheck();
      await page.getByRole('button', { name: '全屏' }).click();
      await expect.poll(async () => (await page.getByTestId('map').boundingBox())?.height).toBeGreaterThan(800);
      await shot(page, 'phone-fullscreen');
      expect(unexpectedPageErrors(errors)).toEqual([]);

      // the public embed: no session, the published 安驰路 belt
      const anon = await open(390, false);
      try {
        await anon.page.goto(`/embed/areas/${belt.id}`);
        await anon.page.getByText('安驰路党建引领产城融合实践带').waitFor();
        await anon.page.locator('[data-districts="16"]').waitFor();
        await anon.page.getByText(/约略范围/).waitFor();
        await shot(anon.page, 'phone-embed');
        expect(unexpectedPageErrors(anon.errors)).toEqual([]);
      } finally {
        await anon.context.close();
      }
    } finally {
      await context.close();
    }
    expect(offsite).toEqual([]);
  });
});
