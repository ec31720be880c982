/**
 * The map's geometry, computed in the app (no PostGIS: PGlite has none) and identical on server and
 * web: area in km², bounding boxes, point-in-polygon, leg lengths, and what is wrong with a polygon.
 * Coordinates are WGS-84 [lng, lat].
 */
import turfArea from '@turf/area';
import turfBbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfDistance from '@turf/distance';
import kinks from '@turf/kinks';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type AreaGeometry = Polygon | MultiPolygon;
export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export const areaKm2 = (g: AreaGeometry) => Math.round((turfArea(g) / 1e6) * 1000) / 1000;

export const bboxOf = (g: AreaGeometry): Bbox => {
  const [a, b, c, d] = turfBbox(g);
  return [a, b, c, d];
};

export const pointInArea = (lng: number, lat: number, g: AreaGeometry) => booleanPointInPolygon([lng, lat], g);

/** Great-circle metres between consecutive stops; null where either has no coordinates. */
export function legLengths(stops: { lng: number | null; lat: number | null }[]): { legsM: (number | null)[]; totalM: number } {
  const legsM: (number | null)[] = [];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1]!;
    const b = stops[i]!;
    legsM.push(
      a.lng === null || a.lat === null || b.lng === null || b.lat === null
        ? null
        : Math.round(turfDistance([a.lng, a.lat], [b.lng, b.lat], { units: 'kilometers' }) * 1000),
    );
  }
  return { legsM, totalM: legsM.reduce<number>((sum, m) => sum + (m ?? 0), 0) };
}

const finite = (p: Position) => p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/**
 * Why a polygon cannot be stored (a Chinese / English message), or undefined when it is fine:
 * rings of at least four positions, closed, finite numbers, no self-intersection, inside the box given.
 */
export function polygonProblem(g: AreaGeometry, within?: { minLng: number; maxLng: number; minLat: number; maxLat: number }): string | undefined {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!polygons.length) return '多边形没有坐标 / the polygon has no coordinates';
  for (const rings of polygons) {
    if (!rings.length) return '多边形没有坐标 / the polygon has no coordinates';
    for (const ring of rings) {
      if (!ring.every(finite)) return '坐标须为数字 [经度, 纬度] / positions must be [longitude, latitude] numbers';
      if (ring.length < 4) return '多边形至少需要 3 个不同的顶点 / a polygon needs at least 3 distinct vertices';
      if (!samePosition(ring[0]!, ring[ring.length - 1]!)) return '多边形的环未闭合（首尾坐标须相同）/ a ring must end where it starts';
      if (within && !ring.every((p) => p[0]! >= within.minLng && p[0]! <= within.maxLng && p[1]! >= within.minLat && p[1]! <= within.maxLat))
        return '多边形超出上海范围（或经纬度颠倒）/ the polygon lies outside Shanghai (or longitude and latitude are swapped)';
    }
  }
  if (kinks(g).features.length) return '多边形的边自相交 / the polygon crosses itself';
  if (areaKm2(g) <= 0) return '多边形面积为零 / the polygon has no area';
  return undefined;
}

/** A ring from vertices, closed (the first vertex repeated at the end). */
export const closedRing = (vertices: Position[]): Position[] =>
  vertices.length && !samePosition(vertices[0]!, vertices[vertices.length - 1]!) ? [...vertices, vertices[0]!] : vertices;
