import type { Area, MapPlace, Route } from '../../../../common/schemas/map';
import { legLengths } from '../../../../common/geometry';
import { districtName } from '../../../../common/validators';
import type { AreaRow, RouteRow } from './map.repository';

const nameOfDistrict = (code: string | null) => (code ? (districtName(code) ?? null) : null);

export function presentArea(a: AreaRow): Area {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    districtCode: a.districtCode,
    districtName: nameOfDistrict(a.districtCode),
    geometry: a.geometry,
    bbox: [a.minLng, a.minLat, a.maxLng, a.maxLat],
    areaKm2: a.areaKm2,
    approximate: a.approximate,
    note: a.note,
    published: a.published,
  };
}

export const auditArea = (a: AreaRow) => ({
  name: a.name,
  kind: a.kind,
  districtCode: a.districtCode,
  areaKm2: a.areaKm2,
  approximate: a.approximate,
  note: a.note,
  published: a.published,
});

/**
 * A route as the actor sees it: the stops they may read, in order, with the legs between them
 * (recomputed over those stops, so a hidden stop never shows its position through a leg).
 */
export function presentRoute(r: RouteRow, visibleStops: Map<string, MapPlace>): Route {
  const stops = r.placeIds.map((id) => visibleStops.get(id)).filter((p): p is MapPlace => p !== undefined);
  const complete = stops.length === r.placeIds.length;
  const { legsM, totalM } = complete ? { legsM: r.legsM, totalM: r.totalM } : legLengths(stops);
  return {
    id: r.id,
    name: r.name,
    districtCode: r.districtCode,
    districtName: nameOfDistrict(r.districtCode),
    stops,
    legsM,
    totalM,
    note: r.note,
    published: r.published,
  };
}

export const auditRoute = (r: RouteRow) => ({
  name: r.name,
  districtCode: r.districtCode,
  placeIds: r.placeIds,
  totalM: r.totalM,
  note: r.note,
  published: r.published,
});
