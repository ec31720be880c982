/**
 * A Vite plugin: `import url from 'virtual:shanghai-districts'` gives the URL of the 16 district boundaries,
 * simplified (Douglas–Peucker, ~20 m) and quantised (1e-5°, ~1 m) once at build, and emitted under /assets/
 * with a content hash, so the server sends it precompressed and the browser keeps it as immutable
 * (web/scripts/precompress.ts, server/src/lib/serve-web.ts). The source is web/public/data's copy of
 * shared/data/shanghai-districts.geojson (ODbL): its `attribution` and `license` members are kept, and the
 * unchanged file with its NOTICE is still served at /data/. In dev the unchanged file is used.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const id = 'virtual:shanghai-districts';
const resolved = `\0${id}`;
const source = fileURLToPath(new URL('../public/data/shanghai-districts.geojson', import.meta.url));

type Ring = [number, number][];

/** Douglas–Peucker on one ring (first and last point kept), tolerance in degrees. */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = ring[a]!;
    const [bx, by] = ring[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = ring[i]!;
      let d: number;
      if (len2 === 0) d = (px - ax) ** 2 + (py - ay) ** 2;
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
      }
      if (d > worst) [worst, at] = [d, i];
    }
    if (at >= 0 && worst > tolerance * tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  const out = ring.filter((_, i) => keep[i]);
  // a ring needs four positions (three corners and the closing one); keep the original if it collapsed
  return out.length >= 4 ? out : ring;
}

const quantise = (v: number) => Math.round(v * 1e5) / 1e5;

/** The district file, simplified and quantised; everything but the coordinates unchanged. */
export function compactDistricts(text: string, tolerance = 0.0002): string {
  const data = JSON.parse(text) as { features: { geometry: { type: string; coordinates: unknown } }[] };
  const ring = (r: Ring) => simplifyRing(r, tolerance).map(([x, y]) => [quantise(x), quantise(y)]);
  for (const f of data.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') g.coordinates = (g.coordinates as Ring[]).map(ring);
    else if (g.type === 'MultiPolygon') g.coordinates = (g.coordinates as Ring[][]).map((p) => p.map(ring));
  }
  return JSON.stringify(data);
}

export function districtsAsset(): Plugin {
  let build = false;
  return {
    name: 'tongxin-districts-asset',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId: (spec) => (spec === id ? resolved : undefined),
    load(spec) {
      if (spec !== resolved) return undefined;
      if (!build) return `export default '/data/shanghai-districts.geojson';`;
      const ref = this.emitFile({ type: 'asset', name: 'shanghai-districts.geojson', source: compactDistricts(readFileSync(source, 'utf8')) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
