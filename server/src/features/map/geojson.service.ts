import { and } from 'drizzle-orm';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { z } from 'zod';
import { placeKindVocabulary } from '../../../../common/labels';
import { areaKinds, areaKindLabels } from '../../../../common/map-domain';
import type { ImportReport, geojsonImportBody, mapFilterQuery } from '../../../../common/schemas/map';
import { areaGeometry } from '../../../../common/schemas/map';
import { shanghaiBounds } from '../../../../common/schemas/places';
import { legLengths } from '../../../../common/geometry';
import { districtName } from '../../../../common/validators';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden } from '../../lib/errors';
import { changesRecords } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { enumerationCell, importDistrict } from '../io/io-row';
import { toWgs84 } from '../places/place-coordinates';
import { auditPlace, placeSearchDoc } from '../places/places.presenter';
import { insertPlace } from '../places/places.repository';
import { upsertSearchDocuments } from '../search/search-index';
import { areaGeometryColumns, geometryProblem, geometryToWgs84 } from './area-geometry';
import { auditArea, auditRoute, presentRoute } from './map.presenter';
import * as repo from './map.repository';
import { stopsOf } from './routes.service';

const district = (code: string | null) => ({ district: code, districtName: code ? (districtName(code) ?? null) : null });
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const MAX_FEATURES = 5000;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const areaKindOf = (v: string) =>
  areaKinds.find((k) => k === v || areaKindLabels[k].zh === v || areaKindLabels[k].en.toLowerCase() === v.toLowerCase());

/** GeoJSON (RFC 7946, WGS-84) out of the map, scoped like the lists; and in, with a report per feature. */
export function createGeojsonService({ db }: { db: Db }) {
  async function audited(actor: Actor, entity: 'place' | 'area' | 'route', count: number) {
    await recordAudit(db, actor, { action: 'export', entity, entityName: `${entity}s.geojson`, after: { format: 'geojson', count } });
  }

  return {
    async places(actor: Actor, f: z.infer<typeof mapFilterQuery>): Promise<FeatureCollection> {
      const rows = await repo.mapPlaces(db, and(repo.placeScope(actor), repo.mapFilterCondition(f)));
      const features: Feature[] = rows
        .filter((p) => p.lng !== null && p.lat !== null)
        .map((p) => ({
          type: 'Feature',
          id: p.id,
          geometry: { type: 'Point', coordinates: [p.lng!, p.lat!] },
          properties: { id: p.id, name: p.name, kind: p.kind, kindLabel: placeKindVocabulary.label(p.kind), ...district(p.districtCode), address: p.address },
        }));
      await audited(actor, 'place', features.length);
      return collection(features);
    },

    async areas(actor: Actor): Promise<FeatureCollection> {
      const rows = await repo.allAreas(db, repo.areaScope(actor));
      await audited(actor, 'area', rows.length);
      return collection(
        rows.map((a) => ({
          type: 'Feature',
          id: a.id,
          bbox: [a.minLng, a.minLat, a.maxLng, a.maxLat],
          geometry: a.geometry,
          properties: {
            id: a.id,
            name: a.name,
            kind: a.kind,
            kindLabel: areaKindLabels[a.kind].zh,
            ...district(a.districtCode),
            areaKm2: a.areaKm2,
            approximate: a.approximate,
            note: a.note,
          },
        })),
      );
    },

    async routes(actor: Actor): Promise<FeatureCollection> {
      const rows = await repo.allRoutes(db, repo.routeScope(actor));
      const stops = await stopsOf(db, rows, repo.placeScope(actor));
      await audited(actor, 'route', rows.length);
      return collection(
        rows.map((r) => {
          const route = presentRoute(r, stops);
          const line = route.stops.filter((s) => s.lng !== null && s.lat !== null).map((s) => [s.lng!, s.lat!]);
          return {
            type: 'Feature',
            id: r.id,
            geometry: line.length >= 2 ? { type: 'LineString', coordinates: line } : null,
            properties: {
              id: r.id,
              name: r.name,
              kind: 'route',
              ...district(r.districtCode),
              placeIds: route.stops.map((s) => s.id),
              stops: route.stops.map((s) => s.name),
              legsM: route.legsM,
              totalM: route.totalM,
            },
          } as Feature;
        }),
      );
    },

    /**
     * Points become places, polygons areas, lines routes (their stops by properties.placeIds, as the
     * export writes them). Each feature is checked on its own; the good ones are stored in one
     * transaction with their audit entries, and every broken one is reported, not stored.
     */
    async import(actor: Actor, body: z.infer<typeof geojsonImportBody>): Promise<ImportReport> {
      if (!changesRecords(actor)) throw forbidden();
      const input = body.geojson as { type?: unknown; features?: unknown };
      if (!input || typeof input !== 'object' || input.type !== 'FeatureCollection' || !Array.isArray(input.features))
        throw new AppError('VALIDATION', { fields: [{ path: 'geojson', message: '须为 GeoJSON FeatureCollection / must be a GeoJSON FeatureCollection' }] });
      if (input.features.length > MAX_FEATURES)
        throw new AppError('VALIDATION', { fields: [{ path: 'geojson', message: `最多 ${MAX_FEATURES} 个要素 / at most ${MAX_FEATURES} features` }] });
      const features = input.features as unknown[];
      const run = async (tx: Tx) => {
        const report: ImportReport['features'] = [];
        for (const [i, raw] of features.entries()) report.push(await importFeature(tx, actor, raw, i + 1, body));
        const created = report.filter((r) => r.status !== 'rejected').length;
        return { total: features.length, created: body.dryRun ? 0 : created, rejected: features.length - created, features: report };
      };
      if (body.dryRun) {
        // checked with the same code path, then rolled back
        let result: ImportReport | undefined;
        await db
          .transaction(async (tx) => {
            result = await run(tx);
            tx.rollback();
          })
          .catch((e: unknown) => {
            if (!result) throw e;
          });
        return { ...result!, features: result!.features.map((f) => (f.status === 'created' ? { ...f, status: 'valid', id: null } : f)) };
      }
      return db.transaction(run);
    },
  };
}


type Row = ImportReport['features'][number];

async function importFeature(tx: Tx, actor: Actor, raw: unknown, index: number, body: z.infer<typeof geojsonImportBody>): Promise<Row> {
  const f = raw as { type?: unknown; geometry?: Geometry | null; properties?: Record<string, unknown> | null };
  const props = f && typeof f === 'object' && f.properties && typeof f.properties === 'object' ? f.properties : {};
  const name = text(props.name) || null;
  const reject = (entity: Row['entity'], message: string): Row => ({ index, name, entity, status: 'rejected', id: null, message });
  if (!f || typeof f !== 'object' || f.type !== 'Feature') return reject(null, '不是 GeoJSON Feature / not a GeoJSON Feature');
  const g = f.geometry;
  if (!g || typeof g !== 'object') return reject(null, '缺少几何图形 / the feature has no geometry');
  const entity: Row['entity'] = g.type === 'Point' ? 'place' : g.type === 'Polygon' || g.type === 'MultiPolygon' ? 'area' : g.type === 'LineString' ? 'route' : null;
  if (!entity) return reject(null, `不支持的几何类型 ${String(g.type)} / unsupported geometry type`);
  if (!name) return reject(entity, '缺少名称（properties.name）/ properties.name is missing');
  if ([...name].length > 200) return reject(entity, '名称不能超过200个字 / the name is longer than 200 characters');
  const problems: string[] = [];
  const fail = (m: string) => problems.push(m);
  const districtCode = importDistrict(text(props.districtCode) || text(props.district) || text(props.districtName), actor, fail);
  if (problems.length) return reject(entity, `所在区：${problems[0]}`);
  const note = text(props.note) || text(props.description) || null;

  if (entity === 'place') {
    const kind = enumerationCell(text(props.kind), placeKindVocabulary, fail);
    if (!kind) return reject(entity, `类型：${problems[0]}`);
    const c = (g as { coordinates?: unknown }).coordinates;
    if (!Array.isArray(c) || c.length < 2 || !c.slice(0, 2).every((v) => typeof v === 'number' && Number.isFinite(v)))
      return reject(entity, '坐标须为 [经度, 纬度] / coordinates must be [longitude, latitude]');
    const { lng, lat } = toWgs84(c[0] as number, c[1] as number, body.crs);
    if (lng < shanghaiBounds.minLng || lng > shanghaiBounds.maxLng || lat < shanghaiBounds.minLat || lat > shanghaiBounds.maxLat)
      return reject(entity, '坐标不在上海范围内（或经纬度颠倒）/ the point lies outside Shanghai (or longitude and latitude are swapped)');
    const row = await insertPlace(tx, { name, kind, districtCode, address: text(props.address) || null, lng, lat, description: note });
    await upsertSearchDocuments(tx, [placeSearchDoc(row)]);
    await recordAudit(tx, actor, { action: 'import', entity: 'place', entityId: row.id, after: auditPlace(row) });
    return { index, name, entity, status: 'created', id: row.id, message: null };
  }

  if (entity === 'area') {
    const kind = areaKindOf(text(props.kind));
    if (!kind) return reject(entity, `类型：“${text(props.kind)}”不是允许的值，可选：实践带、园区、示范区`);
    const parsed = areaGeometry.safeParse(g);
    if (!parsed.success) return reject(entity, '多边形坐标格式错误 / the polygon’s coordinates are malformed');
    const geometry = geometryToWgs84(parsed.data, body.crs);
    const problem = geometryProblem(geometry);
    if (problem) return reject(entity, problem);
    const row = await repo.insertArea(tx, {
      name,
      kind,
      districtCode,
      ...areaGeometryColumns(geometry, 'wgs84'), // checked above: does not throw
      approximate: props.approximate === true,
      note,
      published: false,
    });
    await recordAudit(tx, actor, { action: 'import', entity: 'area', entityId: row.id, after: auditArea(row) });
    return { index, name, entity, status: 'created', id: row.id, message: null };
  }

  const placeIds = Array.isArray(props.placeIds) ? props.placeIds.filter((v): v is string => typeof v === 'string') : [];
  if (placeIds.length < 2) return reject(entity, '线路须在 properties.placeIds 中列出至少两个场所 / list at least two places in properties.placeIds');
  const found = new Map((await repo.placesByIds(tx, placeIds, repo.placeScope(actor))).map((p) => [p.id, p]));
  const missing = placeIds.findIndex((id) => !found.has(id));
  if (missing >= 0) return reject(entity, `第 ${missing + 1} 站的场所不存在 / stop ${missing + 1}: no such place`);
  const { legsM, totalM } = legLengths(placeIds.map((id) => found.get(id)!));
  const row = await repo.insertRoute(tx, { name, districtCode, placeIds, legsM, totalM, note, published: false });
  await recordAudit(tx, actor, { action: 'import', entity: 'route', entityId: row.id, after: auditRoute(row) });
  return { index, name, entity, status: 'created', id: row.id, message: null };
}
export type GeojsonService = ReturnType<typeof createGeojsonService>;
