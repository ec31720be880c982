import { and, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { places } from '../../db/schema';

/**
 * The map page's places, columnar: one row out of the database holding every array (json_agg), not one
 * row per place. PGlite hands rows to JavaScript one by one, which cost ~3× the aggregate at 10,000 places,
 * and the columns are ~3× smaller than the GeoJSON export (no address, labels or repeated keys; coordinates
 * as integers of 1e-6°, about 0.1 m). All arrays come from one scan, so they are in the same order.
 * Shape (common/map-points.ts): { count, ids, names, kinds, districts, lng, lat }.
 */
export async function mapPointsJson(ex: Executor, where: SQL | undefined): Promise<string> {
  const rows = await ex
    .select({
      body: sql<string>`json_build_object(
        'count', count(*),
        'ids', coalesce(json_agg(${places.id}), '[]'),
        'names', coalesce(json_agg(${places.name}), '[]'),
        'kinds', coalesce(json_agg(${places.kind}), '[]'),
        'districts', coalesce(json_agg(${places.districtCode}), '[]'),
        'lng', coalesce(json_agg(round(${places.lng} * 1000000)::int), '[]'),
        'lat', coalesce(json_agg(round(${places.lat} * 1000000)::int), '[]')
      )::text`,
    })
    .from(places)
    .where(and(where, isNotNull(places.lng), isNotNull(places.lat)));
  return rows[0]!.body;
}
