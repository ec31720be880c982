import type { z } from 'zod';
import type { AreaDetail, createAreaBody, areaListQuery, updateAreaBody } from '../../../../common/schemas/map';
import { pointInArea } from '../../../../common/geometry';
import type { Db, Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { changesRecords, districtForNewRecord, districtOutOfScope, mayPlaceIn } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { areaGeometryColumns } from './area-geometry';
import { eventsAtPlaces, openNeedsOf, plansOf } from './map-links';
import { auditArea, presentArea } from './map.presenter';
import * as repo from './map.repository';

/** Places (and organisations) inside a polygon: the bbox prefilter in SQL, then point-in-polygon here. */
export async function insideArea(ex: Executor, actor: Actor, a: repo.AreaRow) {
  const bbox: [number, number, number, number] = [a.minLng, a.minLat, a.maxLng, a.maxLat];
  const [candidates, orgCandidates] = await Promise.all([
    repo.placesInBbox(ex, bbox, repo.placeScope(actor)),
    repo.organizationsInBbox(ex, bbox, repo.organizationScope(actor)),
  ]);
  const places = candidates.filter((p) => p.lng !== null && p.lat !== null && pointInArea(p.lng, p.lat, a.geometry));
  const organizations = orgCandidates
    .filter((o) => o.lng !== null && o.lat !== null && pointInArea(o.lng, o.lat, a.geometry))
    .map(({ id, name, kind }) => ({ id, name, kind }));
  return { places, organizations };
}

export function createAreaService({ db }: { db: Db }) {
  async function visible(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findArea(ex, id, repo.areaScope(actor));
    if (!row) throw notFound();
    return row;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof areaListQuery>) {
      const { rows, total } = await repo.listAreas(db, repo.areaWhere(repo.areaScope(actor), q), q.page, q.pageSize);
      return { items: rows.map(presentArea), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string): Promise<AreaDetail> {
      const row = await visible(db, actor, id);
      const { places, organizations } = await insideArea(db, actor, row);
      const routes = await repo.routesThrough(
        db,
        places.map((p) => p.id),
        repo.routeScope(actor),
      );
      const [events, openNeeds] = await Promise.all([
        eventsAtPlaces(
          db,
          actor,
          places.map((p) => p.id),
        ),
        openNeedsOf(
          db,
          actor,
          organizations.map((o) => o.id),
        ),
      ]);
      // its plans: published at its events, or with an organisation inside as a party
      const plans = await plansOf(
        db,
        actor,
        events.map((e) => e.id),
        organizations.map((o) => o.id),
      );
      return { ...presentArea(row), places, organizations, routes, events, openNeeds, plans };
    },

    async create(actor: Actor, body: z.infer<typeof createAreaBody>) {
      if (!changesRecords(actor)) throw forbidden();
      const values: repo.NewArea = {
        name: body.name,
        kind: body.kind,
        districtCode: districtForNewRecord(actor, body.districtCode),
        ...areaGeometryColumns(body.geometry, body.crs),
        approximate: body.approximate,
        note: body.note ?? null,
        published: body.published,
      };
      return db.transaction(async (tx) => {
        const row = await repo.insertArea(tx, values);
        await recordAudit(tx, actor, { action: 'create', entity: 'area', entityId: row.id, after: auditArea(row) });
        return presentArea(row);
      });
    },

    async update(actor: Actor, id: string, body: z.infer<typeof updateAreaBody>) {
      return db.transaction(async (tx) => {
        const before = await visible(tx, actor, id);
        if (!mayPlaceIn(actor, before.districtCode)) throw forbidden();
        const { geometry, crs, ...fields } = body;
        const patch: Partial<repo.NewArea> = { ...fields, ...(geometry ? areaGeometryColumns(geometry, crs) : {}) };
        const districtCode = patch.districtCode !== undefined ? patch.districtCode : before.districtCode;
        if (!mayPlaceIn(actor, districtCode)) throw districtOutOfScope(actor);
        const after = await repo.updateArea(tx, id, patch);
        await recordAudit(tx, actor, { action: 'update', entity: 'area', entityId: id, before: auditArea(before), after: auditArea(after) });
        return presentArea(after);
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await visible(tx, actor, id);
        if (!mayPlaceIn(actor, before.districtCode)) throw forbidden();
        await repo.deleteArea(tx, id);
        await recordAudit(tx, actor, { action: 'delete', entity: 'area', entityId: id, before: auditArea(before) });
      });
    },
  };
}
export type AreaService = ReturnType<typeof createAreaService>;
