import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { eventRegistrations, eventVenues, events } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { normaliseCode, publishedEvent } from './event-access';
import { presentEventSummary, presentPublicEvent } from './events.presenter';
import * as repo from './events.repository';

/** The public pages and calendar, and the iCalendar feeds' events. */
export function createEventFeedService({ db }: { db: Db }) {
  return {
    async publicEvent(id: string) {
      const ev = await publishedEvent(db, id);
      return presentPublicEvent(ev, await repo.loadEventParts(db, id));
    },

    async publicCalendar() {
      const rows = await db.select().from(events).where(inArray(events.status, ['published', 'finished'])).orderBy(events.startsAt).limit(2000);
      return rows.map(presentEventSummary);
    },

    /** Published events for the public feed; a network's events; a registrant's events (by code). */
    async feedEvents(which: { kind: 'public' } | { kind: 'network'; networkId: string } | { kind: 'registration'; code: string }) {
      const published = inArray(events.status, ['published', 'finished']);
      if (which.kind === 'public') return db.select().from(events).where(published).orderBy(events.startsAt).limit(5000);
      if (which.kind === 'network')
        return db
          .select()
          .from(events)
          .where(and(published, sql`${events.networkId} in (with recursive tree(id) as (select ${which.networkId}::uuid union select n.id from networks n join tree on n.parent_id = tree.id) select id from tree)`))
          .orderBy(events.startsAt);
      const r = await repo.findRegistrationByCode(db, normaliseCode(which.code));
      if (!r) throw notFound();
      // the registrant's events: every live registration with the same phone
      const regs = await db
        .select({ eventId: eventRegistrations.eventId })
        .from(eventRegistrations)
        .where(and(r.phone ? eq(eventRegistrations.phone, r.phone) : eq(eventRegistrations.id, r.id), sql`${eventRegistrations.status} <> 'cancelled'`));
      const ids = [...new Set(regs.map((x) => x.eventId))];
      return ids.length ? db.select().from(events).where(and(published, inArray(events.id, ids))).orderBy(events.startsAt) : [];
    },

    async venueNames(eventIds: string[]) {
      if (!eventIds.length) return new Map<string, string[]>();
      const rows = await db.select({ eventId: eventVenues.eventId, name: eventVenues.name }).from(eventVenues).where(inArray(eventVenues.eventId, eventIds)).orderBy(eventVenues.sort);
      const m = new Map<string, string[]>();
      for (const r of rows) m.set(r.eventId, [...(m.get(r.eventId) ?? []), r.name]);
      return m;
    },
  };
}
