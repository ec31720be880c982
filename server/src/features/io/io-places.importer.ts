import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PlaceKind } from '../../../../common/domain';
import { placeKindVocabulary } from '../../../../common/labels';
import type { ExistingMode } from '../../../../common/schemas/io';
import { shanghaiBounds } from '../../../../common/schemas/places';
import { places } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { nameNorm } from '../../lib/text';
import { toWgs84 } from '../places/place-coordinates';
import { placeSearchDoc } from '../places/places.presenter';
import { placeScope, type PlaceRow } from '../places/places.repository';
import { upsertSearchDocuments } from '../search/search-index';
import { placeColumns, type PlaceKey } from './io-columns';
import { insertSearchRows, rowsOf, textArray } from './io-import.repository';
import { charLength, enumerationCell, importDistrict, type Importer, matchedRow, notAllowed, type ParsedRow, rowCells, type RowErrors, tooLong } from './io-row';

export interface PlaceRecord {
  row: number;
  id: string;
  name: string;
  kind: PlaceKind;
  districtCode: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  description: string | null;
  /** existing=update: the place of the same name (and district) this row updates */
  existingId?: string;
}

interface Ctx {
  actor: Actor;
  existing: ExistingMode;
  skipped: number;
  updated: number;
  seenName: Map<string, number>;
}

const key = (name: string, districtCode: string | null) => `${nameNorm(name)}|${districtCode ?? ''}`;
const asRow = (p: PlaceRecord) => ({ ...p, demoKey: null, createdAt: new Date(), updatedAt: new Date() }) satisfies PlaceRow;

/** Places from a spreadsheet: the same rules as the place form (kind, Shanghai district, coordinates inside Shanghai, GCJ-02 converted). */
export const placeImporter: Importer<PlaceRecord, Ctx> = {
  columns: placeColumns,

  prepare: async (_ex, actor, opts) => ({ actor, existing: opts?.existing ?? 'skip', skipped: 0, updated: 0, seenName: new Map() }),

  check(ctx, rows, errors: RowErrors<PlaceKey>) {
    const records: PlaceRecord[] = [];
    for (const r of rows as ParsedRow<PlaceKey>[]) {
      const { add, text } = rowCells(r, errors);
      const name = r.get('name');
      if (!name) add('name', '必填');
      else if (charLength(name) > 200) add('name', tooLong(200));

      const kind = enumerationCell(r.get('kind'), placeKindVocabulary, (m) => add('kind', m));

      const districtCode = importDistrict(r.get('district'), ctx.actor, (m) => add('district', m));
      if (name && !errors.has(r.row)) {
        const earlier = ctx.seenName.get(key(name, districtCode));
        if (earlier) add('name', `与第${earlier}行的名称重复（同一区）`);
        else ctx.seenName.set(key(name, districtCode), r.row);
      }

      const crsText = r.get('crs').toUpperCase().replace(/[\s_-]/g, '');
      const crs = crsText === '' || crsText === 'WGS84' ? 'wgs84' : crsText === 'GCJ02' ? 'gcj02' : undefined;
      if (!crs) add('crs', notAllowed(r.get('crs'), ['WGS-84', 'GCJ-02']));
      const number = (k: 'lng' | 'lat') => {
        const v = r.get(k);
        if (v === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) add(k, '应为数字（如 121.5）');
        return Number.isFinite(n) ? n : null;
      };
      let lng = number('lng');
      let lat = number('lat');
      if ((r.get('lng') === '') !== (r.get('lat') === '')) add(r.get('lng') === '' ? 'lng' : 'lat', '经度和纬度需同时填写');
      if (lng !== null && lat !== null && crs) {
        ({ lng, lat } = toWgs84(lng, lat, crs));
        if (lng < shanghaiBounds.minLng || lng > shanghaiBounds.maxLng) add('lng', `经度应在上海范围内（${shanghaiBounds.minLng}–${shanghaiBounds.maxLng}）`);
        if (lat < shanghaiBounds.minLat || lat > shanghaiBounds.maxLat) add('lat', `纬度应在上海范围内（${shanghaiBounds.minLat}–${shanghaiBounds.maxLat}）`);
      }
      const address = text('address', 500);
      const description = text('description', 5000);
      if (!errors.has(r.row) && kind) {
        records.push({ row: r.row, id: randomUUID(), name, kind, districtCode, address, lng, lat, description });
      }
    }
    return records;
  },

  async confirm(ex, ctx, records) {
    // a place of the same name in the same district (within the actor's scope) IS that place: skipped or updated
    if (!records.length) return records;
    const scope = placeScope(ctx.actor);
    const found = rowsOf<{ id: string; name: string; district_code: string | null }>(
      await ex.execute(sql`select id, name, district_code from places
        where lower(name) = any(${textArray([...new Set(records.map((p) => p.name.toLowerCase()))])}) ${scope ? sql`and ${scope}` : sql``}`),
    );
    const byKey = new Map(found.map((f) => [key(f.name, f.district_code), f.id]));
    return records.filter((p) => {
      const id = byKey.get(key(p.name, p.districtCode));
      if (!id) return true;
      return matchedRow(ctx, p, id);
    });
  },

  tally: (ctx) => ({ skipped: ctx.skipped, updated: ctx.updated }),

  // the places feature's one builder (an updated place's document is rebuilt from the row as written)
  searchDocs: (records) => records.map((p) => placeSearchDoc(asRow(p))),

  async land(ex, records, searchRows) {
    const fresh = records.filter((p) => !p.existingId);
    if (fresh.length) {
      await ex.insert(places).values(fresh.map(({ id, name, kind, districtCode, address, lng, lat, description }) => ({ id, name, kind, districtCode, address, lng, lat, description })));
    }
    for (const p of records.filter((r) => r.existingId)) {
      await ex
        .update(places)
        .set({
          kind: p.kind,
          ...(p.districtCode ? { districtCode: p.districtCode } : {}),
          ...(p.address ? { address: p.address } : {}),
          ...(p.lng !== null ? { lng: p.lng, lat: p.lat } : {}),
          ...(p.description ? { description: p.description } : {}),
          updatedAt: new Date(),
        })
        .where(sql`${places.id} = ${p.existingId}`);
    }
    const updated = records.filter((r) => r.existingId);
    await insertSearchRows(ex, searchRows.filter((r) => !updated.some((u) => u.id === r.entityId)));
    if (updated.length) {
      const rows = await ex.select().from(places).where(sql`${places.id} = any(${sql.param(updated.map((u) => u.existingId!))}::uuid[])`);
      await upsertSearchDocuments(ex, rows.map((r) => placeSearchDoc(r)));
    }
  },

  // places have no duplicate finder beyond the exact name in a district (counted as matched)
  duplicates: async () => [],
};
