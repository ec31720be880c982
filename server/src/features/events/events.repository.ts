import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { shanghaiInstant } from '../../../../common/shanghai-date';
import type { Executor } from '../../db/client';
import {
  agreementCommitments,
  agreementParties,
  agreements,
  eventGroupExperts,
  eventGroupPoints,
  eventHosts,
  eventPeople,
  eventRegistrations,
  eventReleases,
  eventTopicGroups,
  eventVenues,
  events,
  people,
  reportedFigures,
  searchDocuments,
} from '../../db/schema';
import { keywordCondition, searchDocOf } from '../search/list-query';
import type { Actor } from '../../lib/actor';
import { readCondition } from '../../lib/visibility';
import { likeContains } from '../../lib/text';

export type EventRow = typeof events.$inferSelect;
export type VenueRow = typeof eventVenues.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;

export const eventScope = (actor: Actor) => readCondition(actor, 'event', { id: events.id, districtCode: events.districtCode });
export const agreementScope = (actor: Actor) => readCondition(actor, 'agreement', { id: agreements.id, districtCode: agreements.districtCode });

export interface EventFilter {
  scope: SQL | undefined;
  q?: string;
  kind?: EventRow['kind'];
  status?: EventRow['status'];
  districtCode?: string;
  /** Shanghai calendar dates, inclusive */
  from?: string;
  to?: string;
}


/**
 * The list's keyword, matched as the search box matches it (list-query.ts keywordCondition on the event's search
 * document: words, pinyin and initials of the title, Traditional input, the series and venues): the list finds what
 * the search box finds. Input with nothing to search for (punctuation) filters nothing.
 */
function eventKeyword(q: string) {
  const keyword = keywordCondition(q);
  return keyword && sql`exists (select 1 from ${searchDocuments} where ${searchDocOf('event', events.id)} and ${keyword})`;
}

export function eventWhere(f: EventFilter) {
  return and(
    f.scope,
    f.q ? eventKeyword(f.q) : undefined,
    f.kind ? eq(events.kind, f.kind) : undefined,
    f.status ? eq(events.status, f.status) : undefined,
    f.districtCode
      ? sql`(${events.districtCode} = ${f.districtCode} or exists (select 1 from event_venues v where v.event_id = ${events.id} and v.district_code = ${f.districtCode}))`
      : undefined,
    f.from ? gte(events.startsAt, shanghaiInstant(f.from)) : undefined,
    f.to ? lt(events.startsAt, new Date(shanghaiInstant(f.to).getTime() + 86_400_000)) : undefined,
  );
}

export async function listEvents(ex: Executor, f: EventFilter, sort: 'starts_asc' | 'starts_desc', page: number, pageSize: number) {
  const where = eventWhere(f);
  const order = sort === 'starts_asc' ? [sql`${events.startsAt} asc nulls last`, asc(events.id)] : [sql`${events.startsAt} desc nulls last`, desc(events.id)];
  const [rows, [{ n }]] = await Promise.all([
    ex.select().from(events).where(where).orderBy(...order).limit(pageSize).offset((page - 1) * pageSize),
    ex.select({ n: sql<number>`count(*)::int` }).from(events).where(where) as Promise<{ n: number }[]>,
  ]);
  return { rows, total: Number(n) };
}

export const findEvent = async (ex: Executor, id: string, scope: SQL | undefined) =>
  (await ex.select().from(events).where(and(eq(events.id, id), scope)).limit(1))[0];

export async function loadEventParts(ex: Executor, eventId: string) {
  const [hosts, venues, groups, eventPeopleRows, agreementRows, figures, counts] = await Promise.all([
    ex.select().from(eventHosts).where(eq(eventHosts.eventId, eventId)).orderBy(asc(eventHosts.sort)),
    ex.select().from(eventVenues).where(eq(eventVenues.eventId, eventId)).orderBy(asc(eventVenues.sort)),
    ex.select().from(eventTopicGroups).where(eq(eventTopicGroups.eventId, eventId)).orderBy(asc(eventTopicGroups.sort)),
    ex.select().from(eventPeople).where(eq(eventPeople.eventId, eventId)).orderBy(asc(eventPeople.sort)),
    ex.select().from(agreements).where(eq(agreements.eventId, eventId)).orderBy(asc(agreements.createdAt)),
    ex.select().from(reportedFigures).where(eq(reportedFigures.eventId, eventId)).orderBy(asc(reportedFigures.createdAt)),
    ex
      .select({
        venueId: eventRegistrations.venueId,
        status: eventRegistrations.status,
        walkIn: eventRegistrations.walkIn,
        n: sql<number>`count(*)::int`,
      })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.eventId, eventId))
      .groupBy(eventRegistrations.venueId, eventRegistrations.status, eventRegistrations.walkIn),
  ]);
  const groupIds = groups.map((g) => g.id);
  const [experts, points] = groupIds.length
    ? await Promise.all([
        ex
          .select({ groupId: eventGroupExperts.groupId, personId: eventGroupExperts.personId, name: people.name })
          .from(eventGroupExperts)
          .innerJoin(people, eq(people.id, eventGroupExperts.personId))
          .where(inArray(eventGroupExperts.groupId, groupIds)),
        ex.select().from(eventGroupPoints).where(inArray(eventGroupPoints.groupId, groupIds)).orderBy(asc(eventGroupPoints.sort)),
      ])
    : [[], []];
  const agreementIds = agreementRows.map((a) => a.id);
  const [[parties, commitments], releases, agenda] = await Promise.all([agreementChildren(ex, agreementIds), eventReleaseRows(ex, eventId), agendaNeedCounts(ex, eventId)]);
  return {
    hosts,
    venues,
    groups,
    experts,
    points,
    people: eventPeopleRows,
    agreements: agreementRows,
    parties,
    commitments,
    figures,
    counts: counts.map((c) => ({ ...c, n: Number(c.n) })),
    releases,
    agenda,
  };
}

/** The needs a problem-docking meeting took onto its agenda, and how many of them are resolved by now (from the needs' own status). */
async function agendaNeedCounts(ex: Executor, eventId: string) {
  const res = await ex.execute(sql`select count(distinct a.need_id)::int as raised,
      count(distinct a.need_id) filter (where n.status in ('resolved', 'confirmed'))::int as resolved
    from event_agenda_items a join needs n on n.id = a.need_id where a.event_id = ${eventId}`);
  const row = (res.rows as { raised: number | string; resolved: number | string }[])[0];
  return { raised: Number(row?.raised ?? 0), resolved: Number(row?.resolved ?? 0) };
}

/** What a work-release meeting published, oldest first, with the title of the plan a release published. */
export function eventReleaseRows(ex: Executor, eventId: string) {
  return ex
    .select({ id: eventReleases.id, title: eventReleases.title, body: eventReleases.body, attachments: eventReleases.attachments, planTitle: agreements.title, createdAt: eventReleases.createdAt })
    .from(eventReleases)
    .leftJoin(agreements, eq(agreements.id, eventReleases.planId))
    .where(eq(eventReleases.eventId, eventId))
    .orderBy(asc(eventReleases.createdAt), asc(eventReleases.id));
}

export async function agreementChildren(ex: Executor, agreementIds: string[]) {
  if (!agreementIds.length) return [[], []] as const;
  return Promise.all([
    ex.select().from(agreementParties).where(inArray(agreementParties.agreementId, agreementIds)).orderBy(asc(agreementParties.sort)),
    ex.select().from(agreementCommitments).where(inArray(agreementCommitments.agreementId, agreementIds)).orderBy(asc(agreementCommitments.sort)),
  ]);
}

/**
 * Take a seat at the venue: one conditional UPDATE. Concurrent takers queue on the venue's row and the
 * condition is re-read after the wait, so the count never passes the capacity. False when full.
 */
export async function takeSeat(ex: Executor, venueId: string): Promise<boolean> {
  const res = await ex.execute(
    sql`update event_venues set taken = taken + 1 where id = ${venueId} and (capacity is null or taken < capacity) returning taken`,
  );
  return res.rows.length === 1;
}

export const releaseSeat = (ex: Executor, venueId: string) => ex.execute(sql`update event_venues set taken = taken - 1 where id = ${venueId} and taken > 0`);

/** The first of the waiting list moves up into a freed seat (skipping a row another cancellation holds). */
export async function promoteNext(ex: Executor, venueId: string, status: 'registered' | 'pending') {
  const res = await ex.execute(sql`update event_registrations set status = ${status}, updated_at = now()
    where id = (select id from event_registrations where venue_id = ${venueId} and status = 'waitlisted'
                order by created_at, id limit 1 for update skip locked)
    returning id`);
  return (res.rows[0] as { id: string } | undefined)?.id ?? null;
}

/** Check a code in: one conditional UPDATE, so the same code never checks in twice. */
export async function markCheckedIn(ex: Executor, eventId: string, code: string) {
  return (
    await ex
      .update(eventRegistrations)
      .set({ status: 'checked_in', checkedInAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.code, code), inArray(eventRegistrations.status, ['registered', 'approved'])),
      )
      .returning()
  )[0];
}

export const findRegistrationByCode = async (ex: Executor, code: string) =>
  (await ex.select().from(eventRegistrations).where(eq(eventRegistrations.code, code)).limit(1))[0];

export async function listRegistrations(ex: Executor, eventId: string, f: { venueId?: string; status?: RegistrationRow['status'] }, page: number, pageSize: number) {
  const where = and(
    eq(eventRegistrations.eventId, eventId),
    f.venueId ? eq(eventRegistrations.venueId, f.venueId) : undefined,
    f.status ? eq(eventRegistrations.status, f.status) : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    ex
      .select({ r: eventRegistrations, venueName: eventVenues.name })
      .from(eventRegistrations)
      .innerJoin(eventVenues, eq(eventVenues.id, eventRegistrations.venueId))
      .where(where)
      .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ex.select({ n: sql<number>`count(*)::int` }).from(eventRegistrations).where(where) as Promise<{ n: number }[]>,
  ]);
  return { rows, total: Number(n) };
}

/** Position on the venue's waiting list (1 = next), or null when not waiting. */
export async function waitlistPosition(ex: Executor, r: RegistrationRow): Promise<number | null> {
  if (r.status !== 'waitlisted') return null;
  const res = await ex.execute(sql`select count(*)::int as n from event_registrations
    where venue_id = ${r.venueId} and status = 'waitlisted' and (created_at, id) <= (select created_at, id from event_registrations where id = ${r.id})`);
  return Number((res.rows[0] as { n: number }).n);
}

/** A page of agreements in the actor's scope, newest signing first, with the title of the event they were signed at. */
export async function listAgreements(ex: Executor, f: { scope: SQL | undefined; q?: string; kind?: AgreementRow['kind']; review?: AgreementRow['review'] }, page: number, pageSize: number) {
  const where = and(
    f.scope,
    f.q ? sql`${agreements.title} ilike ${likeContains(f.q)}` : undefined,
    f.kind ? eq(agreements.kind, f.kind) : undefined,
    f.review ? eq(agreements.review, f.review) : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    ex
      .select({ a: agreements, eventTitle: events.title })
      .from(agreements)
      .leftJoin(events, eq(events.id, agreements.eventId))
      .where(where)
      .orderBy(sql`${agreements.signedOn} desc nulls last`, desc(agreements.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ex.select({ n: sql<number>`count(*)::int` }).from(agreements).where(where) as Promise<{ n: number }[]>,
  ]);
  return { rows, total: Number(n) };
}
