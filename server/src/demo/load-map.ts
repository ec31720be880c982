import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { legLengths } from '../../../common/geometry';
import { areaKinds } from '../../../common/map-domain';
import { areaGeometry } from '../../../common/schemas/map';
import { shanghaiBounds } from '../../../common/schemas/places';
import type { DemoData } from '../../../demo/schema';
import type { Tx } from '../db/client';
import { areas, placeNetworks, placeRelations, places, routes } from '../db/schema';
import { areaGeometryColumns } from '../features/map/area-geometry';
import type { DemoKeys } from './demo-keys';

const text = z.string().min(1);
const key = z.string().regex(/^[a-z0-9-]+$/);
const sources = z.array(text).min(1);

/** demo/map.json: the areas, routes and place coordinates of the map, each with its source article. */
export const demoMapSchema = z.strictObject({
  _comment: text.optional(),
  areas: z.array(
    z.strictObject({ key, name: text, kind: z.enum(areaKinds), districtCode: text, approximate: z.boolean(), note: text, published: z.boolean(), geometry: areaGeometry, sources }),
  ),
  routes: z.array(z.strictObject({ key, name: text, districtCode: text, placeKeys: z.array(key).min(1), note: text, published: z.boolean(), sources })),
  /** approximate points for places of demo/places.json that have none, each saying how approximate */
  placeCoordinates: z.array(
    z.strictObject({
      placeKey: key,
      lng: z.number().min(shanghaiBounds.minLng).max(shanghaiBounds.maxLng),
      lat: z.number().min(shanghaiBounds.minLat).max(shanghaiBounds.maxLat),
      coordNote: text,
    }),
  ),
});
export type DemoMap = z.infer<typeof demoMapSchema>;

export const readDemoMap = (): DemoMap =>
  demoMapSchema.parse(JSON.parse(readFileSync(new URL('../../../demo/map.json', import.meta.url), 'utf8')));

/**
 * The map's demo records, after the places: the places' hierarchy, operator and networks from
 * demo/places.json (parentKey, organizationKey, networkKeys), approximate points from demo/map.json,
 * and its areas (the 安驰路 belt, drawn approximately) and routes (the 马桥 智游线路).
 */
export async function loadMap(tx: Tx, demo: DemoData, keys: DemoKeys, map: DemoMap = readDemoMap()) {
  for (const c of map.placeCoordinates) {
    await tx.update(places).set({ lng: c.lng, lat: c.lat }).where(eq(places.id, keys.id('place', c.placeKey)));
  }
  for (const p of demo.places) {
    const placeId = keys.id('place', p.key);
    const parentPlaceId = keys.maybe('place', p.parentKey);
    const operatorOrganizationId = keys.maybe('organization', p.organizationKey);
    if (parentPlaceId || operatorOrganizationId) await tx.insert(placeRelations).values({ placeId, parentPlaceId, operatorOrganizationId });
    const networkIds = (p.networkKeys ?? []).map((k) => keys.maybe('network', k)).filter((id): id is string => id !== null);
    if (networkIds.length) await tx.insert(placeNetworks).values(networkIds.map((networkId) => ({ placeId, networkId })));
  }
  for (const a of map.areas) {
    const [row] = await tx
      .insert(areas)
      .values({
        name: a.name,
        kind: a.kind,
        districtCode: a.districtCode,
        ...areaGeometryColumns(a.geometry, 'wgs84'),
        approximate: a.approximate,
        note: a.note,
        published: a.published,
        demoKey: a.key,
      })
      .returning();
    keys.set('area', a.key, row!.id);
  }
  for (const r of map.routes) {
    const placeIds = r.placeKeys.map((k) => keys.id('place', k));
    const stops = await Promise.all(
      placeIds.map(async (id) => (await tx.select({ lng: places.lng, lat: places.lat }).from(places).where(eq(places.id, id)))[0]!),
    );
    const [row] = await tx
      .insert(routes)
      .values({ name: r.name, districtCode: r.districtCode, placeIds, ...legLengths(stops), note: r.note, published: r.published, demoKey: r.key })
      .returning();
    keys.set('route', r.key, row!.id);
  }
}
