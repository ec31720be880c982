import { areaKm2, bboxOf, polygonProblem, type AreaGeometry } from '../../../../common/geometry';
import type { CoordinateSystem } from '../../../../common/map-domain';
import { shanghaiBounds } from '../../../../common/schemas/places';
import { AppError } from '../../lib/errors';
import { toWgs84 } from '../places/place-coordinates';

/** The geometry in WGS-84 (GCJ-02 / BD-09 input converted vertex by vertex). */
export function geometryToWgs84(g: AreaGeometry, crs: CoordinateSystem): AreaGeometry {
  if (crs === 'wgs84') return g;
  const ring = (r: number[][]) => r.map(([lng, lat]) => {
    const p = toWgs84(lng!, lat!, crs);
    return [p.lng, p.lat];
  });
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

/** Why the geometry cannot be stored, or undefined; checked in WGS-84 against Shanghai's box. */
export const geometryProblem = (g: AreaGeometry) => polygonProblem(g, shanghaiBounds);

/** The columns an area's geometry gives: the geometry itself, its box and its area. Throws a field error on a broken polygon. */
export function areaGeometryColumns(input: AreaGeometry, crs: CoordinateSystem, path = 'geometry') {
  const geometry = geometryToWgs84(input, crs);
  const problem = geometryProblem(geometry);
  if (problem) throw new AppError('VALIDATION', { fields: [{ path, message: problem }] });
  const [minLng, minLat, maxLng, maxLat] = bboxOf(geometry);
  return { geometry, minLng, minLat, maxLng, maxLat, areaKm2: areaKm2(geometry) };
}
