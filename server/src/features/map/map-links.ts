import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { openNeedStatuses } from '../../../../common/need-workflow';
import type { Db, Executor } from '../../db/client';
import { agreementParties, agreements, eventRoutes, events, eventVenues, needs, organizations, routes } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { canAccess } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { agreementScope, eventScope } from '../events/events.repository';
import { needScope } from '../needs/needs.repository';
import * as repo from './map.repository';

/**
 * What the map links to the events and needs: the route an event follows (a site visit along a
 * 智游线路), a route's events, and the events and open needs of a place or an area. Every read is
 * scoped with lib/visibility.ts's rule for its own table (events, needs, routes).
 */
export interface LinkedEvent {
  id: string;
  title: string;
  kind: string;
  status: string;
  startsAt: string | null;
}
export interface LinkedNeed {
  id: string;
  title: string;
  status: string;
  category: string;
  organizationId: string;
  organizationName: string;
}

export interface LinkedPlan {
  id: string;
  title: string;
  signedOn: string | null;
  termYears: number | null;
  eventId: string | null;
  eventTitle: string | null;
}

const eventColumns = { id: events.id, title: events.title, kind: events.kind, status: events.status, startsAt: events.startsAt };
const toEvent = (r: { id: string; title: string; kind: string; status: string; startsAt: Date | null }): LinkedEvent => ({
  ...r,
  startsAt: r.startsAt ? r.startsAt.toISOString() : null,
});

/** events (readable by the actor) whose condition holds, newest first, at most `limit` */
const eventsWhere = async (ex: Executor, actor: Actor, where: SQL, limit = 50) =>
  (
    await ex
      .select(eventColumns)
      .from(events)
      .where(and(eventScope(actor), where))
      .orderBy(sql`${events.startsAt} desc nulls last`, desc(events.id))
      .limit(limit)
  ).map(toEvent);

/** the open needs (readable by the actor) of these organisations, newest first */
export async function openNeedsOf(ex: Executor, actor: Actor, organizationIds: string[], limit = 50): Promise<LinkedNeed[]> {
  if (!organizationIds.length) return [];
  return ex
    .select({
      id: needs.id,
      title: needs.title,
      status: needs.status,
      category: needs.category,
      organizationId: needs.organizationId,
      organizationName: organizations.name,
    })
    .from(needs)
    .innerJoin(organizations, eq(organizations.id, needs.organizationId))
    .where(and(needScope(actor), inArray(needs.organizationId, organizationIds), inArray(needs.status, [...openNeedStatuses])))
    .orderBy(desc(needs.createdAt), desc(needs.id))
    .limit(limit);
}

/**
 * The plans (agreements of kind plan: a five-year strategy, a support plan) published at these events
 * or with one of these organisations as a party, readable by the actor, newest first.
 */
export async function plansOf(ex: Executor, actor: Actor, eventIds: string[], organizationIds: string[], limit = 50): Promise<LinkedPlan[]> {
  const by: SQL[] = [];
  if (eventIds.length) by.push(inArray(agreements.eventId, eventIds));
  if (organizationIds.length)
    by.push(sql`exists (select 1 from ${agreementParties} p where p.agreement_id = ${agreements.id} and p.organization_id in ${organizationIds})`);
  if (!by.length) return [];
  return ex
    .select({ id: agreements.id, title: agreements.title, signedOn: agreements.signedOn, termYears: agreements.termYears, eventId: agreements.eventId, eventTitle: events.title })
    .from(agreements)
    .leftJoin(events, eq(events.id, agreements.eventId))
    .where(and(agreementScope(actor), eq(agreements.kind, 'plan'), by.length === 1 ? by[0] : sql`(${sql.join(by, sql` or `)})`))
    .orderBy(sql`${agreements.signedOn} desc nulls last`, desc(agreements.id))
    .limit(limit);
}

/** the events held at any of these places (a venue of the event), readable by the actor */
export const eventsAtPlaces = (ex: Executor, actor: Actor, placeIds: string[]) =>
  placeIds.length
    ? eventsWhere(ex, actor, sql`exists (select 1 from ${eventVenues} v where v.event_id = ${events.id} and v.place_id in ${placeIds})`)
    : Promise.resolve([]);

export function createMapLinksService({ db }: { db: Db }) {
  async function readableEvent(ex: Executor, actor: Actor, eventId: string) {
    const row = (await ex.select({ id: events.id, title: events.title }).from(events).where(and(eq(events.id, eventId), eventScope(actor))).limit(1))[0];
    if (!row) throw notFound();
    return row;
  }

  async function routeOfEvent(ex: Executor, actor: Actor, eventId: string) {
    const row = (
      await ex
        .select({ id: routes.id, name: routes.name, totalM: routes.totalM, stops: sql<number>`jsonb_array_length(${routes.placeIds})` })
        .from(eventRoutes)
        .innerJoin(routes, eq(routes.id, eventRoutes.routeId))
        .where(and(eq(eventRoutes.eventId, eventId), repo.routeScope(actor)))
        .limit(1)
    )[0];
    return row ?? null;
  }

  return {
    /** The route an event follows, if the actor reads both. */
    async eventRoute(actor: Actor, eventId: string) {
      await readableEvent(db, actor, eventId);
      return { route: await routeOfEvent(db, actor, eventId) };
    },

    /** Point an event at a route (or at none): the event must be changeable, the route readable; audited. */
    async setEventRoute(actor: Actor, eventId: string, routeId: string | null) {
      return db.transaction(async (tx) => {
        const event = await readableEvent(tx, actor, eventId);
        if (!(await canAccess(tx, actor, 'event', 'change', eventId))) throw forbidden();
        const before = await routeOfEvent(tx, actor, eventId);
        let name: string | null = null;
        if (routeId) {
          const route = await repo.findRoute(tx, routeId, repo.routeScope(actor));
          if (!route) throw new AppError('VALIDATION', { fields: [{ path: 'routeId', message: '该线路不存在 / no such route' }] });
          name = route.name;
          await tx.insert(eventRoutes).values({ eventId, routeId }).onConflictDoUpdate({ target: eventRoutes.eventId, set: { routeId } });
        } else await tx.delete(eventRoutes).where(eq(eventRoutes.eventId, eventId));
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'event',
          entityId: eventId,
          entityName: event.title,
          before: { routeName: before?.name ?? null },
          after: { routeName: name },
        });
        return { route: await routeOfEvent(tx, actor, eventId) };
      });
    },

    /** The events that follow a route (readable ones only). */
    async routeEvents(actor: Actor, routeId: string): Promise<LinkedEvent[]> {
      if (!(await repo.findRoute(db, routeId, repo.routeScope(actor)))) throw notFound();
      return eventsWhere(db, actor, sql`exists (select 1 from ${eventRoutes} er where er.event_id = ${events.id} and er.route_id = ${routeId})`);
    },
  };
}
export type MapLinksService = ReturnType<typeof createMapLinksService>;
