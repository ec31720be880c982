import { and } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlaceCard, PublicArea, mapFilterQuery, placeRelationsBody } from '../../../../common/schemas/map';
import { pointInArea } from '../../../../common/geometry';
import { districtName } from '../../../../common/validators';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { accessibleIds, canAccess, mayPlaceIn } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { findPlace } from '../places/places.repository';
import { presentArea, presentRoute } from './map.presenter';
import { createMapLinksService, eventsAtPlaces, openNeedsOf } from './map-links';
import { mapPointsJson } from './map-points';
import * as repo from './map.repository';
import { stopsOf } from './routes.service';

const notReadable = (path: string) => new AppError('VALIDATION', { fields: [{ path, message: '该记录不存在 / no such record' }] });

/** The map page's place card, place hierarchy and operator, and the public embed of a published area. */
export function createMapService({ db }: { db: Db }) {
  return {
    ...createMapLinksService({ db }),

    /** The map page's places in scope, filtered, as one JSON text of parallel arrays (not audited: a view, not an export). */
    points(actor: Actor, f: z.infer<typeof mapFilterQuery>): Promise<string> {
      return mapPointsJson(db, and(repo.placeScope(actor), repo.mapFilterCondition(f)));
    },

    async placeCard(actor: Actor, id: string): Promise<PlaceCard> {
      const place = await findPlace(db, id, repo.placeScope(actor));
      if (!place) throw notFound();
      const orgScope = repo.organizationScope(actor);
      const relation = await repo.relationOf(db, id);
      const [parent, operator, children, networks, here, around] = await Promise.all([
        relation?.parentPlaceId ? repo.placeNameById(db, relation.parentPlaceId, repo.placeScope(actor)) : undefined,
        relation?.operatorOrganizationId ? repo.organizationById(db, relation.operatorOrganizationId, orgScope) : undefined,
        repo.childrenOf(db, id, repo.placeScope(actor)),
        repo.networksOfPlace(db, id, repo.networkScope(actor)),
        place.lng !== null && place.lat !== null ? repo.organizationsAt(db, place.lng, place.lat, orgScope) : [],
        place.lng !== null && place.lat !== null ? repo.areasAroundPoint(db, place.lng, place.lat, repo.areaScope(actor)) : [],
      ]);
      const organizations = [...(operator ? [operator] : []), ...here.filter((o) => o.id !== operator?.id)];
      const [events, openNeeds] = await Promise.all([
        eventsAtPlaces(db, actor, [id]),
        openNeedsOf(
          db,
          actor,
          organizations.map((o) => o.id),
        ),
      ]);
      return {
        id: place.id,
        name: place.name,
        kind: place.kind,
        districtCode: place.districtCode,
        districtName: place.districtCode ? (districtName(place.districtCode) ?? null) : null,
        lng: place.lng,
        lat: place.lat,
        address: place.address,
        description: place.description,
        parent: parent ?? null,
        children,
        operator: operator ? { id: operator.id, name: operator.name } : null,
        networks,
        organizations,
        areas: around.filter((a) => pointInArea(place.lng!, place.lat!, a.geometry)).map((a) => ({ id: a.id, name: a.name })),
        events,
        openNeeds,
      };
    },

    /** A place's parent, operator and networks: the place must be changeable, every target readable. */
    async setRelations(actor: Actor, id: string, body: z.infer<typeof placeRelationsBody>) {
      return db.transaction(async (tx) => {
        const place = await findPlace(tx, id, repo.placeScope(actor));
        if (!place) throw notFound();
        if (!mayPlaceIn(actor, place.districtCode)) throw forbidden();
        const before = await repo.relationOf(tx, id);
        const parentPlaceId = body.parentPlaceId !== undefined ? body.parentPlaceId : (before?.parentPlaceId ?? null);
        const operatorOrganizationId = body.operatorOrganizationId !== undefined ? body.operatorOrganizationId : (before?.operatorOrganizationId ?? null);
        if (parentPlaceId) {
          if (parentPlaceId === id || !(await canAccess(tx, actor, 'place', 'read', parentPlaceId))) throw notReadable('parentPlaceId');
          // no cycles: the parent may not lie within this place
          for (let at: string | null = parentPlaceId, hops = 0; at && hops < 50; hops++) {
            if (at === id)
              throw new AppError('VALIDATION', {
                fields: [{ path: 'parentPlaceId', message: '上级场所不能位于本场所之内 / the parent cannot lie within this place' }],
              });
            at = (await repo.relationOf(tx, at))?.parentPlaceId ?? null;
          }
        }
        if (operatorOrganizationId && !(await canAccess(tx, actor, 'organization', 'read', operatorOrganizationId))) throw notReadable('operatorOrganizationId');
        await repo.setRelation(tx, id, { parentPlaceId, operatorOrganizationId });
        if (body.networkIds) {
          const readable = await accessibleIds(tx, actor, 'network', 'read', body.networkIds);
          const missing = body.networkIds.findIndex((n) => !readable.has(n));
          if (missing >= 0) throw notReadable(`networkIds.${missing}`);
          await repo.setPlaceNetworks(tx, id, [...readable]);
        }
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'place',
          entityId: id,
          entityName: place.name,
          before: { parentId: before?.parentPlaceId ?? null, organizationId: before?.operatorOrganizationId ?? null },
          after: { parentId: parentPlaceId, organizationId: operatorOrganizationId, ...(body.networkIds ? { networkId: body.networkIds } : {}) },
        });
        return { parentPlaceId, operatorOrganizationId };
      });
    },

    /**
     * The public embed: a published area, the places inside it and the published routes through them.
     * No session: nothing is shown unless the area is published (else 404, as if absent).
     */
    async publicArea(id: string): Promise<PublicArea> {
      const row = await repo.findArea(db, id, undefined);
      if (!row?.published) throw notFound();
      const candidates = await repo.placesInBbox(db, [row.minLng, row.minLat, row.maxLng, row.maxLat], undefined);
      const places = candidates.filter((p) => p.lng !== null && p.lat !== null && pointInArea(p.lng, p.lat, row.geometry));
      const through = await repo.routesThrough(
        db,
        places.map((p) => p.id),
        undefined,
      );
      const routes = (await Promise.all(through.map((r) => repo.findRoute(db, r.id, undefined)))).filter((r) => r?.published);
      const stops = await stopsOf(db, routes as repo.RouteRow[], undefined);
      const { published: _published, ...area } = presentArea(row);
      return {
        area,
        places,
        routes: (routes as repo.RouteRow[]).map((r) => {
          const p = presentRoute(r, stops);
          return { id: p.id, name: p.name, stops: p.stops, legsM: p.legsM, totalM: p.totalM };
        }),
      };
    },
  };
}
export type MapService = ReturnType<typeof createMapService>;
