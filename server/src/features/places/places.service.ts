import type { z } from 'zod';
import type { createPlaceBody, placeListQuery, updatePlaceBody } from '../../../../common/schemas/places';
import type { Db, Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { changesRecords, districtForNewRecord, districtOutOfScope } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { deleteSearchDocument, upsertSearchDocuments } from '../search/search-index';
import { toWgs84, type Crs } from './place-coordinates';
import { canWritePlace } from './places.policy';
import { auditPlace, placeSearchDoc, presentPlace } from './places.presenter';
import * as repo from './places.repository';

/** lng/lat as stored (WGS-84), from a body whose pair was validated together; undefined when not given */
function coordinates(body: { lng?: number | null; lat?: number | null; crs: Crs }) {
  if (body.lng === undefined || body.lat === undefined) return undefined;
  if (body.lng === null || body.lat === null) return { lng: null, lat: null };
  return toWgs84(body.lng, body.lat, body.crs);
}

export function createPlaceService({ db }: { db: Db }) {
  async function visible(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findPlace(ex, id, repo.placeScope(actor));
    if (!row) throw notFound(); // out of scope looks the same as absent
    return row;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof placeListQuery>) {
      const { rows, total, totalEstimated } = await repo.listPlaces(
        db,
        { scope: repo.placeScope(actor), q: q.q, kind: q.kind, districtCode: q.districtCode },
        q.page,
        q.pageSize,
      );
      return { items: rows.map(presentPlace), total, totalEstimated, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      return presentPlace(await visible(db, actor, id));
    },

    async create(actor: Actor, body: z.infer<typeof createPlaceBody>) {
      if (!changesRecords(actor)) throw forbidden();
      const values = {
        name: body.name,
        kind: body.kind,
        districtCode: districtForNewRecord(actor, body.districtCode),
        address: body.address ?? null,
        description: body.description ?? null,
        ...(coordinates(body) ?? { lng: null, lat: null }),
      };
      if (!canWritePlace(actor, values)) throw forbidden();
      return db.transaction(async (tx) => {
        const row = await repo.insertPlace(tx, values);
        await upsertSearchDocuments(tx, [placeSearchDoc(row)]);
        await recordAudit(tx, actor, { action: 'create', entity: 'place', entityId: row.id, after: auditPlace(row) });
        return presentPlace(row);
      });
    },

    async update(actor: Actor, id: string, body: z.infer<typeof updatePlaceBody>) {
      return db.transaction(async (tx) => {
        const before = await visible(tx, actor, id);
        const { crs: _crs, lng: _lng, lat: _lat, ...fields } = body;
        const patch: Partial<repo.NewPlace> = { ...fields, ...coordinates(body) };
        const districtCode = patch.districtCode !== undefined ? patch.districtCode : before.districtCode;
        if (!canWritePlace(actor, before)) throw forbidden();
        if (!canWritePlace(actor, { districtCode })) throw districtOutOfScope(actor);
        const after = await repo.updatePlace(tx, id, patch);
        await upsertSearchDocuments(tx, [placeSearchDoc(after)]);
        await recordAudit(tx, actor, { action: 'update', entity: 'place', entityId: id, before: auditPlace(before), after: auditPlace(after) });
        return presentPlace(after);
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await visible(tx, actor, id);
        if (!canWritePlace(actor, before)) throw forbidden();
        await repo.deletePlace(tx, id);
        await deleteSearchDocument(tx, 'place', id);
        await recordAudit(tx, actor, { action: 'delete', entity: 'place', entityId: id, before: auditPlace(before) });
      });
    },
  };
}
export type PlaceService = ReturnType<typeof createPlaceService>;
