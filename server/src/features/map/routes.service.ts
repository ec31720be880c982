import type { z } from 'zod';
import type { MapPlace, createRouteBody, routeListQuery, updateRouteBody } from '../../../../common/schemas/map';
import { legLengths } from '../../../../common/geometry';
import type { Db, Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { changesRecords, districtForNewRecord, districtOutOfScope, mayPlaceIn } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { auditRoute, presentRoute } from './map.presenter';
import * as repo from './map.repository';

/** The readable stops of these routes, by id (one query for a page of routes). */
export async function stopsOf(ex: Executor, routes: repo.RouteRow[], scope: ReturnType<typeof repo.placeScope>) {
  const ids = [...new Set(routes.flatMap((r) => r.placeIds))];
  return new Map<string, MapPlace>((await repo.placesByIds(ex, ids, scope)).map((p) => [p.id, p]));
}

export function createRouteService({ db }: { db: Db }) {
  async function visible(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findRoute(ex, id, repo.routeScope(actor));
    if (!row) throw notFound();
    return row;
  }

  /** The stops in the given order, every one readable by the actor (else a field error naming it), and the legs between them. */
  async function resolveStops(ex: Executor, actor: Actor, placeIds: string[]) {
    const found = new Map((await repo.placesByIds(ex, placeIds, repo.placeScope(actor))).map((p) => [p.id, p]));
    const fields = placeIds.flatMap((id, i) =>
      found.has(id) ? [] : [{ path: `placeIds.${i}`, message: `第 ${i + 1} 站的场所不存在 / stop ${i + 1}: no such place` }],
    );
    if (fields.length) throw new AppError('VALIDATION', { fields });
    return legLengths(placeIds.map((id) => found.get(id)!));
  }

  const present = async (ex: Executor, actor: Actor, row: repo.RouteRow) =>
    presentRoute(row, await stopsOf(ex, [row], repo.placeScope(actor)));

  return {
    async list(actor: Actor, q: z.infer<typeof routeListQuery>) {
      const { rows, total } = await repo.listRoutes(db, repo.routeWhere(repo.routeScope(actor), q), q.page, q.pageSize);
      const stops = await stopsOf(db, rows, repo.placeScope(actor));
      return { items: rows.map((r) => presentRoute(r, stops)), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      return present(db, actor, await visible(db, actor, id));
    },

    async create(actor: Actor, body: z.infer<typeof createRouteBody>) {
      if (!changesRecords(actor)) throw forbidden();
      const districtCode = districtForNewRecord(actor, body.districtCode);
      return db.transaction(async (tx) => {
        const { legsM, totalM } = await resolveStops(tx, actor, body.placeIds);
        const row = await repo.insertRoute(tx, {
          name: body.name,
          districtCode,
          placeIds: body.placeIds,
          legsM,
          totalM,
          note: body.note ?? null,
          published: body.published,
        });
        await recordAudit(tx, actor, { action: 'create', entity: 'route', entityId: row.id, after: auditRoute(row) });
        return present(tx, actor, row);
      });
    },

    async update(actor: Actor, id: string, body: z.infer<typeof updateRouteBody>) {
      return db.transaction(async (tx) => {
        const before = await visible(tx, actor, id);
        if (!mayPlaceIn(actor, before.districtCode)) throw forbidden();
        const districtCode = body.districtCode !== undefined ? body.districtCode : before.districtCode;
        if (!mayPlaceIn(actor, districtCode)) throw districtOutOfScope(actor);
        const patch: Partial<repo.NewRoute> = { ...body };
        if (body.placeIds) Object.assign(patch, await resolveStops(tx, actor, body.placeIds));
        const after = await repo.updateRoute(tx, id, patch);
        await recordAudit(tx, actor, { action: 'update', entity: 'route', entityId: id, before: auditRoute(before), after: auditRoute(after) });
        return present(tx, actor, after);
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await visible(tx, actor, id);
        if (!mayPlaceIn(actor, before.districtCode)) throw forbidden();
        await repo.deleteRoute(tx, id);
        await recordAudit(tx, actor, { action: 'delete', entity: 'route', entityId: id, before: auditRoute(before) });
      });
    },
  };
}
export type RouteService = ReturnType<typeof createRouteService>;
