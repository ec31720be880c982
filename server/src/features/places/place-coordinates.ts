import gcoord from 'gcoord';

export type Crs = 'wgs84' | 'gcj02';

/**
 * Coordinates as stored: WGS-84. GCJ-02 input (AMap, Tencent maps) is converted with gcoord;
 * the shift is a few hundred metres in Shanghai. Rounded to 7 decimals (~1 cm).
 */
export function toWgs84(lng: number, lat: number, crs: Crs): { lng: number; lat: number } {
  const [x, y] = crs === 'gcj02' ? gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) : [lng, lat];
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  return { lng: round(x), lat: round(y) };
}
