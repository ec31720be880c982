import type { PlaceKind } from './domain';

/** GET /api/map/points: the map page's places as parallel arrays (server/src/features/map/map-points.ts). */
export interface MapPoints {
  count: number;
  ids: string[];
  names: string[];
  kinds: PlaceKind[];
  districts: (string | null)[];
  /** WGS-84 longitude × 1e6, rounded */
  lng: number[];
  /** WGS-84 latitude × 1e6, rounded */
  lat: number[];
}

/** the scale of `lng` and `lat` */
export const pointScale = 1e6;
