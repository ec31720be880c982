/**
 * npm run bench -- map [--places 10000] [--seed 1] [--seconds 3]
 *
 * 10,000 synthetic places (seeded) on the map page in Debian's Chromium: first draw (from the page's
 * mount to the frame after the places are drawn, their download included; it starts as the page's code
 * is evaluated, and the figure from the navigation's start is printed beside it) and frames per second
 * while the map is dragged and wheel-zoomed, counted with requestAnimationFrame in the page. Beside
 * it the naive way: the same page with one DOM marker per place and no clustering (/map?naive=1); and
 * the download of the places both ways: GET /api/map/points (one aggregated row, columnar, gzip) against
 * the GeoJSON export the page used to read (a row per place, every property, an audit entry per view).
 * Needs the built web app (npm run build). Last line: one JSON object.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { shanghaiDistricts } from '../common/validators';
import { placeKinds } from '../common/domain';
import { launchChromium, signedInState } from '../e2e/browser';
import { startServer } from '../e2e/server';
import { mulberry32, pick } from './synthetic/rng';

interface Figures {
  firstDrawMs: number;
  /** of which: until the places' GeoJSON had arrived and was parsed */
  dataMs: number;
  fps: number;
  worstFrameMs: number;
  /** from the navigation's start (the page's HTML requested) to the same frame: the code's download and start included */
  sinceNavigationMs: number;
}

/** The places as GeoJSON points, spread over Shanghai's land box, with a seeded kind and district. */
function syntheticPlaces(count: number, seed: number) {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [121.0 + rng() * 0.9, 30.72 + rng() * 0.85] },
    properties: { name: `合成场所${String(i + 1).padStart(5, '0')}`, kind: pick(rng, placeKinds), district: pick(rng, shanghaiDistricts).code },
  }));
}

async function measure(page: Page, url: string, seconds: number): Promise<Figures> {
  await page.goto(url);
  // a function, not text: the app's CSP forbids eval, which a text predicate needs
  await page.waitForFunction(() => (globalThis as any).__tongxinMap?.firstDrawMs !== undefined, undefined, { timeout: 120_000 });
  const firstDrawMs = await page.evaluate<number>('window.__tongxinMap.firstDrawMs');
  const dataMs = await page.evaluate<number>('window.__tongxinMap.dataMs');
  const sinceNavigationMs = await page.evaluate<number>('window.__tongxinMap.sinceNavigationMs');
  await page.waitForTimeout(500);
  const box = (await page.getByTestId('map').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // count frames in the page while the user drags and zooms
  await page.evaluate(`(() => {
    const s = window.__frames = { n: 0, worst: 0, last: performance.now(), start: performance.now(), on: true };
    const tick = (now) => { s.worst = Math.max(s.worst, now - s.last); s.last = now; s.n++; if (s.on) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const until = Date.now() + seconds * 1000;
  let i = 0;
  while (Date.now() < until) {
    if (i % 4 === 3) {
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, i % 8 === 3 ? -240 : 240);
      await page.waitForTimeout(120);
    } else {
      const dx = (i % 2 ? 1 : -1) * 180;
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + dx, cy + dx / 3, { steps: 12 });
      await page.mouse.up();
    }
    i++;
  }
  const f = await page.evaluate<{ n: number; worst: number; elapsed: number }>(
    '(() => { const s = window.__frames; s.on = false; return { n: s.n, worst: s.worst, elapsed: performance.now() - s.start }; })()',
  );
  return { firstDrawMs, dataMs, fps: (f.n / f.elapsed) * 1000, worstFrameMs: f.worst, sinceNavigationMs };
}

export async function run(args: string[]) {
  const { values } = parseArgs({ args, options: { places: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, seconds: { type: 'string', default: '3' } } });
  const count = Number(values.places);
  const seconds = Number(values.seconds);
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const { context } = await signedInState(browser, { baseURL: server.baseUrl, viewport: { width: 1440, height: 900 } });
    const features = syntheticPlaces(count, Number(values.seed));
    const t0 = Date.now();
    const csrf = (await context.cookies()).find((c) => c.name === 'tx_csrf')?.value ?? '';
    for (let i = 0; i < features.length; i += 2500) {
      const response = await context.request.fetch('/api/map/import', {
        method: 'POST',
        data: { geojson: { type: 'FeatureCollection', features: features.slice(i, i + 2500) } },
        headers: { 'x-csrf-token': csrf },
        timeout: 600_000,
      });
      const report = (await response.json()) as { rejected?: number };
      if (response.status() !== 200 || report.rejected) throw new Error(`import failed: ${JSON.stringify(report).slice(0, 500)}`);
    }
    console.log(`imported ${count} synthetic places (seed ${values.seed}) through POST /api/map/import in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const download = async (url: string) => {
      const times: number[] = [];
      let bytes = 0;
      for (let k = 0; k < 5; k++) {
        const t = performance.now();
        const response = await context.request.get(url, { headers: { 'accept-encoding': 'gzip' } });
        bytes = (await response.body()).length;
        times.push(performance.now() - t);
      }
      return { ms: times.sort((a, b) => a - b)[2]!, bytes };
    };
    const points = await download('/api/map/points');
    const exported = await download('/api/map/places.geojson');
    console.log(`places download (median of 5): /api/map/points ${points.ms.toFixed(0)} ms, ${(points.bytes / 1024).toFixed(0)} KiB inflated; places.geojson ${exported.ms.toFixed(0)} ms, ${(exported.bytes / 1024).toFixed(0)} KiB`);
    const page = await context.newPage();
    const ours = await measure(page, '/map', seconds);
    const naive = await measure(page, '/map?naive=1', seconds);
    const line = (name: string, f: Figures) =>
      console.log(`${name.padEnd(34)} first draw ${f.firstDrawMs.toFixed(0).padStart(6)} ms (data after ${f.dataMs.toFixed(0)} ms; ${f.sinceNavigationMs.toFixed(0)} ms since navigation)   ${f.fps.toFixed(1).padStart(5)} fps   worst frame ${f.worstFrameMs.toFixed(0)} ms`);
    line('canvas + supercluster (ours)', ours);
    line('one DOM marker per place (naive)', naive);
    console.log('(2 cores shared with other work: wall-clock figures are noisy; the ratios say more)');
    console.log(
      JSON.stringify({
        bench: 'map',
        places: count,
        first_draw_ms: Math.round(ours.firstDrawMs),
        fps: Math.round(ours.fps * 10) / 10,
        worst_frame_ms: Math.round(ours.worstFrameMs),
        first_draw_since_navigation_ms: Math.round(ours.sinceNavigationMs),
        data_ms: Math.round(ours.dataMs),
        points_download_ms: Math.round(points.ms),
        geojson_download_ms: Math.round(exported.ms),
        download_ratio: Math.round((exported.ms / points.ms) * 10) / 10,
        naive_first_draw_ms: Math.round(naive.firstDrawMs),
        naive_fps: Math.round(naive.fps * 10) / 10,
        ratio: Math.round((naive.firstDrawMs / ours.firstDrawMs) * 10) / 10,
        fps_ratio: Math.round((ours.fps / Math.max(naive.fps, 0.1)) * 10) / 10,
      }),
    );
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}
