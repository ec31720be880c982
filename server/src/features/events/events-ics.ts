import ical from 'ical-generator';
import type { EventRow } from './events.repository';

/**
 * An iCalendar feed. Times are written as UTC instants (…Z): every client shows them in its own zone,
 * so 14:00 in Shanghai stays 14:00 in Shanghai (a floating time would not).
 */
export function eventsIcs(name: string, rows: EventRow[], venues: Map<string, string[]>): string {
  const cal = ical({ name, prodId: { company: 'tongxin', product: 'events', language: 'ZH' } });
  for (const e of rows) {
    if (!e.startsAt) continue; // no date in its source: nothing to put in a calendar
    cal.createEvent({
      id: `${e.id}@tongxin`,
      start: e.startsAt,
      end: e.endsAt ?? new Date(e.startsAt.getTime() + 2 * 3_600_000),
      summary: e.title,
      description: e.description ?? undefined,
      location: (venues.get(e.id) ?? []).join('；') || undefined,
      url: `/events/public/${e.id}`,
    });
  }
  return cal.toString();
}
