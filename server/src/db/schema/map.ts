import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MultiPolygon, Polygon } from 'geojson';
import { areaKinds } from '../../../../common/map-domain';
import { networks, organizations, places } from './directory';
import { events } from './events';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * Areas (实践带, 园区, 示范区): a GeoJSON polygon in WGS-84 kept as jsonb, with its bounding box in plain
 * columns so that "which places lie inside" is a bbox range query in SQL (the same on PGlite and
 * PostgreSQL, no PostGIS) followed by point-in-polygon in the app (turf, features/map/geometry.ts).
 */
export const areas = pgTable(
  'areas',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    kind: text('kind', { enum: areaKinds }).notNull(),
    districtCode: text('district_code'),
    geometry: jsonb('geometry').$type<Polygon | MultiPolygon>().notNull(),
    minLng: doublePrecision('min_lng').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLng: doublePrecision('max_lng').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    /** geodesic area computed from the geometry on every write */
    areaKm2: doublePrecision('area_km2').notNull(),
    /** drawn by eye (the source gives no boundary): say so wherever it is shown */
    approximate: boolean('approximate').notNull().default(false),
    note: text('note'),
    /** shown on the public embeddable map */
    published: boolean('published').notNull().default(false),
    demoKey: text('demo_key'),
    ...timestamps,
  },
  (t) => [
    index('areas_district_idx').on(t.districtCode),
    uniqueIndex('areas_demo_key_uq').on(t.demoKey).where(sql`${t.demoKey} is not null`),
  ],
);

/** Routes (智游线路): an ordered list of places; leg lengths (great-circle metres) computed on every write. */
export const routes = pgTable(
  'routes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    districtCode: text('district_code'),
    /** the stops in order (place ids); a stop whose place is deleted drops out */
    placeIds: jsonb('place_ids').$type<string[]>().notNull(),
    /** metres between consecutive stops that both have coordinates (null where one has none) */
    legsM: jsonb('legs_m').$type<(number | null)[]>().notNull(),
    totalM: doublePrecision('total_m').notNull(),
    note: text('note'),
    published: boolean('published').notNull().default(false),
    demoKey: text('demo_key'),
    ...timestamps,
  },
  (t) => [
    index('routes_district_idx').on(t.districtCode),
    uniqueIndex('routes_demo_key_uq').on(t.demoKey).where(sql`${t.demoKey} is not null`),
  ],
);

/** Place hierarchy and operator: a place lies within another (a hall in a park) and may be run by an organisation. */
export const placeRelations = pgTable(
  'place_relations',
  {
    placeId: uuid('place_id')
      .primaryKey()
      .references(() => places.id, { onDelete: 'cascade' }),
    parentPlaceId: uuid('parent_place_id').references(() => places.id, { onDelete: 'set null' }),
    operatorOrganizationId: uuid('operator_organization_id').references(() => organizations.id, { onDelete: 'set null' }),
  },
  (t) => [index('place_relations_parent_idx').on(t.parentPlaceId), index('place_relations_operator_idx').on(t.operatorOrganizationId)],
);

/** The networks a place belongs to (a mentor team's cooperation base, a station roster's station). */
export const placeNetworks = pgTable(
  'place_networks',
  {
    placeId: uuid('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.placeId, t.networkId] }), index('place_networks_network_idx').on(t.networkId)],
);

/**
 * The route an event follows (a site visit along a 智游线路): at most one per event, kept beside the
 * events table so the events feature needs no column for it (features/map/route-events.ts).
 */
export const eventRoutes = pgTable(
  'event_routes',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => events.id, { onDelete: 'cascade' }),
    routeId: uuid('route_id')
      .notNull()
      .references(() => routes.id, { onDelete: 'cascade' }),
  },
  (t) => [index('event_routes_route_idx').on(t.routeId)],
);
