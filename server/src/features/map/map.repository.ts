import { and, asc, count, eq, gte, ilike, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { areas, networks, organizationIndustries, organizations, placeNetworks, placeRelations, places, routes } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { likeContains } from '../../lib/text';
import { readCondition } from '../../lib/visibility';
import type { Bbox } from '../../../../common/geometry';

export type AreaRow = typeof areas.$inferSelect;
export type NewArea = typeof areas.$inferInsert;
export type RouteRow = typeof routes.$inferSelect;
export type NewRoute = typeof routes.$inferInsert;

/** lib/visibility.ts's read rule on each table the map reads */
export const areaScope = (actor: Actor) => readCondition(actor, 'area', { id: areas.id, districtCode: areas.districtCode });
export const routeScope = (actor: Actor) => readCondition(actor, 'route', { id: routes.id, districtCode: routes.districtCode });
export const placeScope = (actor: Actor) => readCondition(actor, 'place', { id: places.id, districtCode: places.districtCode });
export const organizationScope = (actor: Actor) =>
  readCondition(actor, 'organization', { id: organizations.id, districtCode: organizations.districtCode });
export const networkScope = (actor: Actor) => readCondition(actor, 'network', { id: networks.id, districtCode: networks.districtCode });

// ------------------------------------------------------------------ areas

export async function listAreas(ex: Executor, where: SQL | undefined, page: number, pageSize: number) {
  const rows = await ex.select().from(areas).where(where).orderBy(asc(areas.name), asc(areas.id)).limit(pageSize).offset((page - 1) * pageSize);
  const total = (await ex.select({ total: count() }).from(areas).where(where))[0]?.total ?? 0;
  return { rows, total };
}

export const areaWhere = (scope: SQL | undefined, f: { q?: string; kind?: AreaRow['kind']; districtCode?: string }) =>
  and(
    scope,
    f.q ? ilike(areas.name, likeContains(f.q)) : undefined,
    f.kind ? eq(areas.kind, f.kind) : undefined,
    f.districtCode ? eq(areas.districtCode, f.districtCode) : undefined,
  );

export const allAreas = (ex: Executor, where: SQL | undefined) => ex.select().from(areas).where(where).orderBy(asc(areas.name));

export const findArea = async (ex: Executor, id: string, scope: SQL | undefined) =>
  (await ex.select().from(areas).where(and(eq(areas.id, id), scope)).limit(1))[0];

export const insertArea = async (ex: Executor, row: NewArea) => (await ex.insert(areas).values(row).returning())[0]!;
export const updateArea = async (ex: Executor, id: string, patch: Partial<NewArea>) =>
  (await ex.update(areas).set({ ...patch, updatedAt: new Date() }).where(eq(areas.id, id)).returning())[0]!;
export const deleteArea = async (ex: Executor, id: string) => {
  await ex.delete(areas).where(eq(areas.id, id));
};

/** Areas whose box contains the point (the candidates for point-in-polygon). */
export const areasAroundPoint = (ex: Executor, lng: number, lat: number, scope: SQL | undefined) =>
  ex
    .select()
    .from(areas)
    .where(and(scope, lte(areas.minLng, lng), gte(areas.maxLng, lng), lte(areas.minLat, lat), gte(areas.maxLat, lat)));

// ------------------------------------------------------------------ places on the map

const mapPlaceColumns = { id: places.id, name: places.name, kind: places.kind, districtCode: places.districtCode, lng: places.lng, lat: places.lat };

/** Places with a point in the box (the bbox prefilter of "inside an area"). */
export const placesInBbox = (ex: Executor, [minLng, minLat, maxLng, maxLat]: Bbox, scope: SQL | undefined) =>
  ex
    .select(mapPlaceColumns)
    .from(places)
    .where(and(scope, gte(places.lng, minLng), lte(places.lng, maxLng), gte(places.lat, minLat), lte(places.lat, maxLat)))
    .orderBy(asc(places.name));

export const organizationsInBbox = (ex: Executor, [minLng, minLat, maxLng, maxLat]: Bbox, scope: SQL | undefined) =>
  ex
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, lng: organizations.lng, lat: organizations.lat })
    .from(organizations)
    .where(
      and(scope, gte(organizations.lng, minLng), lte(organizations.lng, maxLng), gte(organizations.lat, minLat), lte(organizations.lat, maxLat)),
    )
    .orderBy(asc(organizations.name))
    .limit(2000);

export interface MapFilter {
  districtCode?: string;
  kind?: (typeof places.$inferSelect)['kind'];
  industryId?: string;
  networkId?: string;
}

/** The operator's industry, or membership of the network (the place's own networks, or its operator's current membership). */
export function mapFilterCondition(f: MapFilter): SQL | undefined {
  return and(
    f.districtCode ? eq(places.districtCode, f.districtCode) : undefined,
    f.kind ? eq(places.kind, f.kind) : undefined,
    f.industryId
      ? sql`exists (select 1 from ${placeRelations} r join ${organizationIndustries} oi on oi.organization_id = r.operator_organization_id
          where r.place_id = ${places.id} and oi.industry_id = ${f.industryId})`
      : undefined,
    f.networkId
      ? sql`(exists (select 1 from ${placeNetworks} pn where pn.place_id = ${places.id} and pn.network_id = ${f.networkId})
          or exists (select 1 from ${placeRelations} r join memberships m on m.organization_id = r.operator_organization_id
          where r.place_id = ${places.id} and m.network_id = ${f.networkId} and m.left_on is null))`
      : undefined,
  );
}

/** Every place in scope matching the filter (points and not), for the map and the GeoJSON export. */
export const mapPlaces = (ex: Executor, where: SQL | undefined) =>
  ex
    .select({ ...mapPlaceColumns, address: places.address })
    .from(places)
    .where(where)
    .orderBy(asc(places.id));

export const placesByIds = (ex: Executor, ids: string[], scope: SQL | undefined) =>
  ids.length ? ex.select(mapPlaceColumns).from(places).where(and(inArray(places.id, ids), scope)) : Promise.resolve([]);

// ------------------------------------------------------------------ place relations

export const relationOf = async (ex: Executor, placeId: string) =>
  (await ex.select().from(placeRelations).where(eq(placeRelations.placeId, placeId)).limit(1))[0];

export async function setRelation(ex: Executor, placeId: string, r: { parentPlaceId: string | null; operatorOrganizationId: string | null }) {
  await ex
    .insert(placeRelations)
    .values({ placeId, ...r })
    .onConflictDoUpdate({ target: placeRelations.placeId, set: r });
}

export async function setPlaceNetworks(ex: Executor, placeId: string, networkIds: string[]) {
  await ex.delete(placeNetworks).where(eq(placeNetworks.placeId, placeId));
  if (networkIds.length) await ex.insert(placeNetworks).values(networkIds.map((networkId) => ({ placeId, networkId })));
}

export const childrenOf = (ex: Executor, placeId: string, scope: SQL | undefined) =>
  ex
    .select({ id: places.id, name: places.name, kind: places.kind })
    .from(placeRelations)
    .innerJoin(places, eq(places.id, placeRelations.placeId))
    .where(and(eq(placeRelations.parentPlaceId, placeId), scope))
    .orderBy(asc(places.name));

export const networksOfPlace = (ex: Executor, placeId: string, scope: SQL | undefined) =>
  ex
    .select({ id: networks.id, name: networks.name })
    .from(placeNetworks)
    .innerJoin(networks, eq(networks.id, placeNetworks.networkId))
    .where(and(eq(placeNetworks.placeId, placeId), scope))
    .orderBy(asc(networks.name));

export const organizationsAt = (ex: Executor, lng: number, lat: number, scope: SQL | undefined) =>
  ex
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(and(scope, isNotNull(organizations.lng), eq(organizations.lng, lng), eq(organizations.lat, lat)))
    .limit(50);

export const organizationById = async (ex: Executor, id: string, scope: SQL | undefined) =>
  (await ex.select({ id: organizations.id, name: organizations.name, kind: organizations.kind }).from(organizations).where(and(eq(organizations.id, id), scope)).limit(1))[0];

export const placeNameById = async (ex: Executor, id: string, scope: SQL | undefined) =>
  (await ex.select({ id: places.id, name: places.name }).from(places).where(and(eq(places.id, id), scope)).limit(1))[0];

// ------------------------------------------------------------------ routes

export const routeWhere = (scope: SQL | undefined, f: { q?: string; districtCode?: string }) =>
  and(scope, f.q ? ilike(routes.name, likeContains(f.q)) : undefined, f.districtCode ? eq(routes.districtCode, f.districtCode) : undefined);

export async function listRoutes(ex: Executor, where: SQL | undefined, page: number, pageSize: number) {
  const rows = await ex.select().from(routes).where(where).orderBy(asc(routes.name), asc(routes.id)).limit(pageSize).offset((page - 1) * pageSize);
  const total = (await ex.select({ total: count() }).from(routes).where(where))[0]?.total ?? 0;
  return { rows, total };
}

export const allRoutes = (ex: Executor, where: SQL | undefined) => ex.select().from(routes).where(where).orderBy(asc(routes.name));

export const findRoute = async (ex: Executor, id: string, scope: SQL | undefined) =>
  (await ex.select().from(routes).where(and(eq(routes.id, id), scope)).limit(1))[0];
export const insertRoute = async (ex: Executor, row: NewRoute) => (await ex.insert(routes).values(row).returning())[0]!;
export const updateRoute = async (ex: Executor, id: string, patch: Partial<NewRoute>) =>
  (await ex.update(routes).set({ ...patch, updatedAt: new Date() }).where(eq(routes.id, id)).returning())[0]!;
export const deleteRoute = async (ex: Executor, id: string) => {
  await ex.delete(routes).where(eq(routes.id, id));
};

/** Routes with any of these places as a stop. */
export const routesThrough = (ex: Executor, placeIds: string[], scope: SQL | undefined) =>
  placeIds.length
    ? ex
        .select({ id: routes.id, name: routes.name })
        .from(routes)
        .where(and(scope, sql`exists (select 1 from jsonb_array_elements_text(${routes.placeIds}) s where s in ${placeIds})`))
        .orderBy(asc(routes.name))
    : Promise.resolve([]);
