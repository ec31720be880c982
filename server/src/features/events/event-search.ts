import { asc, inArray } from 'drizzle-orm';
import { shanghaiDate } from '../../../../common/shanghai-date';
import type { Executor } from '../../db/client';
import { events, eventVenues } from '../../db/schema';
import { deleteSearchDocument, upsertSearchDocuments, type SearchDoc } from '../search/search-index';

/**
 * An event's search document (search-index.ts builds the row): the title, found by words, pinyin and
 * initials like a name; the description, series and venue names as text; the date as subtitle; the
 * kind. Read through the event rule of lib/visibility.ts (district, venues' districts, network).
 */
export function eventSearchDoc(
  e: Pick<typeof events.$inferSelect, 'id' | 'title' | 'description' | 'districtCode' | 'kind' | 'startsAt' | 'seriesName'>,
  venueNames: string[],
): SearchDoc {
  return {
    entityType: 'event',
    entityId: e.id,
    title: e.title,
    subtitle: [e.startsAt ? shanghaiDate(e.startsAt) : null, ...venueNames.slice(0, 2)].filter(Boolean).join(' · ') || null,
    texts: [e.description, e.seriesName, ...venueNames],
    districtCode: e.districtCode,
    kind: e.kind,
  };
}

/** Write (or drop, when they are gone) the search documents of these events; call it in the transaction that changed them. */
export async function syncEventSearch(ex: Executor, ids: string[]) {
  if (!ids.length) return;
  const rows = await ex.select().from(events).where(inArray(events.id, ids));
  const venues = rows.length
    ? await ex
        .select({ eventId: eventVenues.eventId, name: eventVenues.name })
        .from(eventVenues)
        .where(inArray(eventVenues.eventId, rows.map((r) => r.id)))
        .orderBy(asc(eventVenues.sort))
    : [];
  await upsertSearchDocuments(
    ex,
    rows.map((e) => eventSearchDoc(e, venues.filter((v) => v.eventId === e.id).map((v) => v.name))),
  );
  for (const id of ids) if (!rows.some((r) => r.id === id)) await deleteSearchDocument(ex, 'event', id);
}

