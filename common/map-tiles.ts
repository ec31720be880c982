import gcoord from 'gcoord';
import { coordinateSystems, type CoordinateSystem } from './map-domain';

/**
 * Optional tiles under the district base layer (off unless a deployment sets TONGXIN_MAP_TILES):
 * Tianditu (CGCS2000 ≈ WGS-84), AMap (GCJ-02) or any XYZ template. The setting is JSON:
 *   {"url": "https://t{s}.tianditu.gov.cn/…&x={x}&y={y}&l={z}&tk=KEY", "crs": "wgs84", "subdomains": "01234",
 *    "attribution": "天地图", "maxZoom": 18}
 * Places, areas and routes stay in WGS-84; a GCJ-02 (or BD-09 datum) tile set is drawn shifted by the datum
 * offset at the view's centre (web/src/features/map/components/tile-layer.ts), a few hundred metres in Shanghai.
 */
export interface TileSetting {
  url: string;
  crs: CoordinateSystem;
  subdomains: string;
  attribution: string;
  maxZoom: number;
}

/** The setting, or null when unset; a malformed one is an error naming what is wrong (the server refuses to start). */
export function parseTileSetting(text: string | undefined): TileSetting | null {
  if (!text?.trim()) return null;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    raw = { url: text.trim() }; // a bare XYZ template
  }
  const url = typeof raw.url === 'string' ? raw.url : '';
  if (!/\{z\}/.test(url) || !/\{x\}/.test(url) || !/\{y\}/.test(url)) throw new Error('TONGXIN_MAP_TILES: url must be a template with {z}, {x} and {y}');
  const crs = (raw.crs ?? 'wgs84') as CoordinateSystem;
  if (!coordinateSystems.includes(crs)) throw new Error(`TONGXIN_MAP_TILES: crs must be one of ${coordinateSystems.join(', ')}`);
  return {
    url,
    crs,
    subdomains: typeof raw.subdomains === 'string' ? raw.subdomains : 'abc',
    attribution: typeof raw.attribution === 'string' ? raw.attribution : '',
    maxZoom: typeof raw.maxZoom === 'number' ? raw.maxZoom : 18,
  };
}

const datum = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** A WGS-84 point in the tiles' datum: where to look in the tile set to show what lies at the point. */
export function toTileDatum(lng: number, lat: number, crs: CoordinateSystem): { lng: number; lat: number } {
  if (crs === 'wgs84') return { lng, lat };
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, datum[crs]);
  return { lng: x, lat: y };
}

/** The CSP img-src source the tiles need ('' for tiles served by the app itself): https://*.tianditu.gov.cn for t{s}.tianditu.gov.cn. */
export function tileImageSource(setting: TileSetting | null): string {
  const m = setting && /^(https?:)\/\/([^/]+)/.exec(setting.url);
  if (!m) return '';
  const labels = m[2]!.split('.');
  if (labels[0]!.includes('{s}')) labels[0] = '*';
  return `${m[1]}//${labels.join('.')}`;
}
