import type { Agreement, EventDetail, EventRelease, EventSummary, PublicEvent, Registration } from '../../../../common/schemas/events';
import { districtName } from '../../../../common/validators';
import { maskPhone } from '../people/people.presenter';
import type { AgreementRow, EventRow, loadEventParts, RegistrationRow, VenueRow } from './events.repository';

type Parts = Awaited<ReturnType<typeof loadEventParts>>;

const dn = (code: string | null) => (code ? (districtName(code) ?? null) : null);

export const presentEventSummary = (e: EventRow): EventSummary => ({
  id: e.id,
  title: e.title,
  kind: e.kind,
  status: e.status,
  startsAt: e.startsAt?.toISOString() ?? null,
  endsAt: e.endsAt?.toISOString() ?? null,
  districtCode: e.districtCode,
  districtName: dn(e.districtCode),
  seriesName: e.seriesName,
  sequence: e.sequence,
});

function venueCounts(parts: Parts, v: VenueRow) {
  const of = (status: string) => parts.counts.filter((c) => c.venueId === v.id && c.status === status).reduce((s, c) => s + c.n, 0);
  return { waitlisted: of('waitlisted'), checkedIn: of('checked_in') };
}

export function presentAgreement(a: AgreementRow, parties: Parts['parties'], commitments: Parts['commitments']): Agreement {
  return {
    id: a.id,
    eventId: a.eventId,
    title: a.title,
    kind: a.kind,
    signedOn: a.signedOn,
    termYears: a.termYears,
    description: a.description,
    review: a.review,
    reviewDueOn: a.reviewDueOn,
    note: a.note,
    parties: parties
      .filter((p) => p.agreementId === a.id)
      .map((p) => ({ organizationId: p.organizationId, name: p.name, role: p.role, signatory: p.signatory })),
    commitments: commitments
      .filter((c) => c.agreementId === a.id)
      .map((c) => ({ id: c.id, text: c.text, owner: c.owner, dueOn: c.dueOn, progress: c.progress })),
  };
}

/** What the records say came of the event: counted, never taken from a reported figure. */
export function outcomesOf(parts: Parts) {
  const sum = (pred: (c: Parts['counts'][number]) => boolean) => parts.counts.filter(pred).reduce((s, c) => s + c.n, 0);
  return {
    registered: sum((c) => c.status !== 'cancelled' && c.status !== 'waitlisted' && !c.walkIn),
    waitlisted: sum((c) => c.status === 'waitlisted'),
    checkedIn: sum((c) => c.status === 'checked_in'),
    walkIns: sum((c) => c.walkIn && c.status === 'checked_in'),
    agreements: parts.agreements.length,
    releases: parts.releases.length,
    needsRaised: parts.agenda.raised,
    needsResolved: parts.agenda.resolved,
    perVenue: parts.venues.map((v) => ({ venueId: v.id, name: v.name, checkedIn: venueCounts(parts, v).checkedIn })),
  };
}

/** The recorded count beside a reported figure, for the things Tongxin records. */
function recordedFor(counts: string | null, outcomes: ReturnType<typeof outcomesOf>, parts: Parts): number | null {
  switch (counts) {
    case 'participants':
    case 'checked_in':
      return outcomes.checkedIn;
    case 'registrations':
      return outcomes.registered;
    case 'agreements':
      return outcomes.agreements;
    case 'venues':
      return parts.venues.length;
    case 'branch_venues':
      return parts.venues.filter((v) => v.role === 'branch').length;
    case 'topic_groups':
      return parts.groups.length;
    case 'experts':
      return new Set(parts.experts.map((x) => x.personId)).size;
    case 'service_points':
      return parts.points.length;
    case null:
    default:
      return null;
  }
}

/** A release; `webOnly` keeps only http(s) attachment links (what the public page may link to). */
const presentRelease = (r: Parts['releases'][number], webOnly = false): EventRelease => ({
  id: r.id,
  title: r.title,
  body: r.body,
  attachments: webOnly ? r.attachments.filter((a) => /^https?:\/\//i.test(a.url)) : r.attachments,
  planTitle: r.planTitle,
  createdAt: r.createdAt.toISOString(),
});

export function presentEventDetail(e: EventRow, parts: Parts, canChange: boolean): EventDetail {
  const outcomes = outcomesOf(parts);
  return {
    ...presentEventSummary(e),
    description: e.description,
    networkId: e.networkId,
    requiresApproval: e.requiresApproval,
    seriesId: e.seriesId,
    seriesTotal: e.seriesTotal,
    recurrence: e.recurrence,
    note: e.note,
    canChange,
    hosts: parts.hosts.map((h) => ({ organizationId: h.organizationId, name: h.name, role: h.role })),
    venues: parts.venues.map((v) => ({
      id: v.id,
      role: v.role,
      placeId: v.placeId,
      name: v.name,
      districtCode: v.districtCode,
      districtName: dn(v.districtCode),
      capacity: v.capacity,
      taken: v.taken,
      ...venueCounts(parts, v),
      ...(canChange ? { checkinCode: v.checkinCode } : {}),
    })),
    groups: parts.groups.map((g) => ({
      id: g.id,
      topic: g.topic,
      industryIds: g.industryIds,
      note: g.note,
      experts: parts.experts.filter((x) => x.groupId === g.id).map((x) => ({ personId: x.personId, name: x.name })),
      points: parts.points.filter((p) => p.groupId === g.id).map((p) => ({ placeId: p.placeId, name: p.name })),
    })),
    people: parts.people.map((p) => ({ personId: p.personId, name: p.name, role: p.role, topic: p.topic, appointedTo: p.appointedTo })),
    agreements: parts.agreements.map((a) => presentAgreement(a, parts.parties, parts.commitments)),
    figures: parts.figures.map((f) => ({
      id: f.id,
      label: f.label,
      value: f.value,
      qualifier: f.qualifier,
      unit: f.unit,
      counts: f.counts,
      period: f.period,
      quote: f.quote,
      source: f.source,
      note: f.note,
      recorded: recordedFor(f.counts, outcomes, parts),
    })),
    outcomes,
    releases: parts.releases.map((r) => presentRelease(r)),
  };
}

export function presentPublicEvent(e: EventRow, parts: Parts): PublicEvent {
  return {
    ...presentEventSummary(e),
    description: e.description,
    requiresApproval: e.requiresApproval,
    hosts: parts.hosts.map((h) => ({ name: h.name, role: h.role })),
    venues: parts.venues.map((v) => ({ id: v.id, role: v.role, name: v.name, districtName: dn(v.districtCode), capacity: v.capacity, taken: v.taken })),
    releases: parts.releases.map((r) => presentRelease(r, true)),
  };
}

/** A registration as staff see it: the phone masked (masked afterwards, like a person's). */
export const presentRegistration = (r: RegistrationRow, venueName: string): Registration => ({
  id: r.id,
  venueId: r.venueId,
  venueName,
  name: r.name,
  organization: r.organization,
  phone: maskPhone(r.phone),
  role: r.role,
  status: r.status,
  walkIn: r.walkIn,
  createdAt: r.createdAt.toISOString(),
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
});

export const auditEvent = (e: EventRow) => ({
  name: e.title,
  kind: e.kind,
  status: e.status,
  startsAt: e.startsAt?.toISOString() ?? null,
  endsAt: e.endsAt?.toISOString() ?? null,
  districtCode: e.districtCode,
  seriesName: e.seriesName,
  sequence: e.sequence,
});
