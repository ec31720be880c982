import gcoord from 'gcoord';
import type { CoordinateSystem } from '../../../../common/map-domain';

export type Crs = CoordinateSystem;

const datum = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/**
 * Coordinates as stored: WGS-84. GCJ-02 input (AMap, Tencent maps) and BD-09 input (Baidu) are
 * converted with gcoord; the shift is a few hundred metres in Shanghai. Rounded to 7 decimals (~1 cm).
 */
export function toWgs84(lng: number, lat: number, crs: Crs): { lng: number; lat: number } {
  const [x, y] = crs === 'wgs84' ? [lng, lat] : gcoord.transform([lng, lat], datum[crs], gcoord.WGS84);
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  return { lng: round(x), lat: round(y) };
}

/** WGS-84 to another datum, for tiles that need it (AMap GCJ-02, Baidu BD-09). */
export function fromWgs84(lng: number, lat: number, crs: Crs): { lng: number; lat: number } {
  const [x, y] = crs === 'wgs84' ? [lng, lat] : gcoord.transform([lng, lat], gcoord.WGS84, datum[crs]);
  return { lng: x, lat: y };
}
