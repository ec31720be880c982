import { z } from 'zod';
import { areaKinds, coordinateSystems } from '../map-domain';
import { placeKinds } from '../domain';
import { isShanghaiDistrictCode } from '../validators';
import { pageQuery } from './common';

export { areaKinds, coordinateSystems, type AreaKind, type CoordinateSystem } from '../map-domain';

const districtCode = z
  .string()
  .refine(isShanghaiDistrictCode, { message: '不是上海市的区级行政区划代码 (GB/T 2260) / not a Shanghai district code' });
const name = z.string().trim().min(1, { message: '请填写名称 / name is required' }).max(200);
const note = z.string().trim().max(2000).nullable().optional();

const position = z.array(z.number()).min(2, { message: '坐标须为 [经度, 纬度] / a position is [longitude, latitude]' }).max(3);
const ring = z.array(position);
export const polygonGeometry = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(50) });
export const multiPolygonGeometry = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1).max(50) });
/** WGS-84 unless the body's crs says otherwise; checked for closed rings and self-intersection by the service */
export const areaGeometry = z.discriminatedUnion('type', [polygonGeometry, multiPolygonGeometry]);

/** A place as a point on the map (what the card and the lists inside an area show). */
export const mapPlaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(placeKinds),
  districtCode: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
});
export type MapPlace = z.infer<typeof mapPlaceSchema>;

export const areaSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(areaKinds),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  geometry: areaGeometry,
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  areaKm2: z.number(),
  approximate: z.boolean(),
  note: z.string().nullable(),
  published: z.boolean(),
});
export type Area = z.infer<typeof areaSchema>;

/** An event as the map lists it (a place's, an area's, a route's). */
export const linkedEventSchema = z.object({ id: z.string(), title: z.string(), kind: z.string(), status: z.string(), startsAt: z.string().nullable() });
/** An open need of an organisation at a place or inside an area. */
export const linkedNeedSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  category: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
});
export type LinkedEvent = z.infer<typeof linkedEventSchema>;
/** A plan (an agreement of kind plan) linked to an area, with the event it was published at. */
export const linkedPlanSchema = z.object({
  id: z.string(),
  title: z.string(),
  signedOn: z.string().nullable(),
  termYears: z.number().nullable(),
  eventId: z.string().nullable(),
  eventTitle: z.string().nullable(),
});
export type LinkedPlan = z.infer<typeof linkedPlanSchema>;
export type LinkedNeed = z.infer<typeof linkedNeedSchema>;

/** The route an event follows (GET/PUT /api/events/:id/route). */
export const eventRouteSchema = z.object({
  route: z.object({ id: z.string(), name: z.string(), totalM: z.number(), stops: z.number() }).nullable(),
});
export const eventRouteBody = z.object({ routeId: z.uuid({ message: '请选择线路 / choose a route' }).nullable() });

export const areaDetailSchema = areaSchema.extend({
  /** places whose point lies inside the polygon (bbox in SQL, then point-in-polygon), within the actor's scope */
  places: z.array(mapPlaceSchema),
  /** organisations whose point lies inside, within the actor's scope */
  organizations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  /** routes with a stop inside */
  routes: z.array(z.object({ id: z.string(), name: z.string() })),
  /** events held at a place inside (a venue), readable by the actor */
  events: z.array(linkedEventSchema),
  /** open needs of the organisations inside, readable by the actor */
  openNeeds: z.array(linkedNeedSchema),
  /** plans (agreements of kind plan) published at its events or with an organisation inside as a party */
  plans: z.array(linkedPlanSchema),
});
export type AreaDetail = z.infer<typeof areaDetailSchema>;

export const areaListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(areaKinds).optional(),
  districtCode: z.string().max(6).optional(),
});

const areaFields = z.object({
  name,
  kind: z.enum(areaKinds),
  districtCode: districtCode.nullable().optional(),
  geometry: areaGeometry,
  crs: z.enum(coordinateSystems).default('wgs84'),
  approximate: z.boolean().default(false),
  note,
  published: z.boolean().default(false),
});
export const createAreaBody = areaFields;
export const updateAreaBody = areaFields
  .omit({ approximate: true, published: true, crs: true })
  .partial()
  .extend({ crs: z.enum(coordinateSystems).default('wgs84'), approximate: z.boolean().optional(), published: z.boolean().optional() });

export const routeStopSchema = mapPlaceSchema;
export const routeSchema = z.object({
  id: z.string(),
  name: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  /** the stops in order; a stop the actor may not read shows as its position only (name hidden) */
  stops: z.array(routeStopSchema),
  /** metres between consecutive stops (null where a stop has no coordinates) */
  legsM: z.array(z.number().nullable()),
  totalM: z.number(),
  note: z.string().nullable(),
  published: z.boolean(),
});
export type Route = z.infer<typeof routeSchema>;

export const routeListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  districtCode: z.string().max(6).optional(),
});

const routeFields = z.object({
  name,
  districtCode: districtCode.nullable().optional(),
  placeIds: z
    .array(z.uuid({ message: '场所编号无效 / not a place id' }))
    .min(2, { message: '线路至少需要两个场所 / a route needs at least two places' })
    .max(100),
  note,
  published: z.boolean().default(false),
});
export const createRouteBody = routeFields;
export const updateRouteBody = routeFields.omit({ published: true }).partial().extend({ published: z.boolean().optional() });

/** The map page's filters (also the GeoJSON exports'): district, place kind, industry (of the operator), network. */
export const mapFilterQuery = z.object({
  districtCode: z.string().max(6).optional(),
  kind: z.enum(placeKinds).optional(),
  industryId: z.uuid().optional(),
  networkId: z.uuid().optional(),
});

/** The place card: the place, where it lies, who runs it, its networks and the organisations there. */
export const placeCardSchema = mapPlaceSchema.extend({
  districtName: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  children: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(placeKinds) })),
  operator: z.object({ id: z.string(), name: z.string() }).nullable(),
  networks: z.array(z.object({ id: z.string(), name: z.string() })),
  /** the operator and the organisations whose point is this place's (same coordinates) */
  organizations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  areas: z.array(z.object({ id: z.string(), name: z.string() })),
  /** events held here (the place is a venue), readable by the actor */
  events: z.array(linkedEventSchema),
  /** open needs of the organisations here, readable by the actor */
  openNeeds: z.array(linkedNeedSchema),
});
export type PlaceCard = z.infer<typeof placeCardSchema>;

export const placeRelationsBody = z.object({
  parentPlaceId: z.uuid().nullable().optional(),
  operatorOrganizationId: z.uuid().nullable().optional(),
  networkIds: z.array(z.uuid()).max(50).optional(),
});

/** POST /api/map/import: a GeoJSON FeatureCollection; points become places, polygons areas, lines routes. */
export const geojsonImportBody = z.object({
  geojson: z.unknown(),
  crs: z.enum(coordinateSystems).default('wgs84'),
  /** check only: report what would be stored */
  dryRun: z.boolean().default(false),
});

export const importReportSchema = z.object({
  total: z.number().int(),
  created: z.number().int(),
  rejected: z.number().int(),
  features: z.array(
    z.object({
      /** 1-based position of the feature in the collection */
      index: z.number().int(),
      name: z.string().nullable(),
      entity: z.enum(['place', 'area', 'route']).nullable(),
      status: z.enum(['created', 'valid', 'rejected']),
      id: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The public embed of a published area: no session, only what is published. */
export const publicAreaSchema = z.object({
  area: areaSchema.omit({ published: true }),
  places: z.array(mapPlaceSchema),
  routes: z.array(routeSchema.pick({ id: true, name: true, stops: true, legsM: true, totalM: true })),
});
export type PublicArea = z.infer<typeof publicAreaSchema>;
