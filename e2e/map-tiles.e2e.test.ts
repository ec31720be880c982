/**
 * Optional tiles with no network: a server started with TONGXIN_MAP_TILES naming a local GCJ-02 tile
 * template (AMap's datum); the browser is answered by a stub for every tile. The tile that holds the
 * GCJ-02 image of the map's WGS-84 centre must be drawn with that point at the centre of the map.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTileDatum } from '../common/map-tiles';
import { launchChromium, signedInState, unexpectedPageErrors, watchPageErrors } from './browser';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let browser: Browser;
// a 1×1 transparent PNG for every tile
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

beforeAll(async () => {
  const before = process.env.TONGXIN_MAP_TILES;
  process.env.TONGXIN_MAP_TILES = JSON.stringify({ url: '/tiles-test/{z}/{x}/{y}.png', crs: 'gcj02', attribution: '测试瓦片（GCJ-02）' });
  try {
    server = await startServer();
  } finally {
    if (before === undefined) delete process.env.TONGXIN_MAP_TILES;
    else process.env.TONGXIN_MAP_TILES = before;
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** the tile (x, y) holding a point at zoom z, and the point's pixel inside it (Web Mercator, 256 px tiles) */
function tileOf(lng: number, lat: number, z: number) {
  const size = 256 * 2 ** z;
  const px = ((lng + 180) / 360) * size;
  const s = Math.sin((lat * Math.PI) / 180);
  const py = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size;
  return { x: Math.floor(px / 256), y: Math.floor(py / 256), dx: px % 256, dy: py % 256 };
}

describe('optional tiles', () => {
  it('draws GCJ-02 tiles shifted under the WGS-84 map, with their attribution', async () => {
    const { context } = await signedInState(browser, { baseURL: server.baseUrl, viewport: { width: 1200, height: 800 } });
    const requested: string[] = [];
    await context.route('**/tiles-test/**', (route) => {
      requested.push(new URL(route.request().url()).pathname);
      return route.fulfill({ status: 200, contentType: 'image/png', body: png });
    });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    try {
      await page.goto('/map');
      await page.locator('[data-testid="map"][data-tiles="gcj02"]').waitFor();
      await page.getByText('测试瓦片（GCJ-02）').waitFor();
      const centre = { lng: 121.4737, lat: 31.2304 }; // 人民广场, WGS-84
      const z = 16;
      await page.evaluate(`window.__tongxinMap.map.setView([${centre.lat}, ${centre.lng}], ${z}, { animate: false })`);
      const gcj = toTileDatum(centre.lng, centre.lat, 'gcj02');
      const t = tileOf(gcj.lng, gcj.lat, z);
      const img = page.locator(`img.leaflet-tile[src$="/tiles-test/${z}/${t.x}/${t.y}.png"]`);
      await img.waitFor({ state: 'attached' });
      expect(requested).toContain(`/tiles-test/${z}/${t.x}/${t.y}.png`);
      const box = (await img.boundingBox())!;
      const map = (await page.getByTestId('map').boundingBox())!;
      // the GCJ-02 image of the centre lies at the map's centre (the unshifted tiles would put it ~400 m, ~110 px, away)
      expect(Math.abs(box.x + t.dx - (map.x + map.width / 2))).toBeLessThan(3);
      expect(Math.abs(box.y + t.dy - (map.y + map.height / 2))).toBeLessThan(3);
      expect(unexpectedPageErrors(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
