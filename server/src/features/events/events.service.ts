import { randomInt } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { shanghaiDate } from '../../../../common/shanghai-date';
import type { z } from 'zod';
import type {
  agreementInput,
  agreementListQuery,
  agreementReviewBody,
  createEventBody,
  eventListQuery,
  registerBody,
  registrationListQuery,
  updateEventBody,
  walkInBody,
} from '../../../../common/schemas/events';
import type { Db, Executor, Tx } from '../../db/client';
import {
  agreementCommitments,
  agreementParties,
  agreements,
  eventGroupExperts,
  eventGroupPoints,
  eventHosts,
  eventPeople,
  eventRegistrations,
  eventTopicGroups,
  eventVenues,
  events,
  reportedFigures,
} from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { accessibleIds, canAccess, changeCondition, changesRecords, districtForNewRecord } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { syncEventSearch } from './event-search';
import { auditEvent, presentAgreement, presentEventDetail, presentEventSummary, presentPublicEvent, presentRegistration } from './events.presenter';
import * as repo from './events.repository';
import { countRegistration } from './registration-throttle';

/** a whole event; startsAt may be null only for records whose source gives no date (demo, ingestion) */
export type CreateEvent = Omit<z.output<typeof createEventBody>, 'startsAt'> & { startsAt: string | null };
type AgreementInput = z.output<typeof agreementInput>;

const truthy = (v: unknown) => v === true || v === 't';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A personal (or venue) code: 10 characters, no 0/O/1/I, ~50 bits. */
export const newCode = (length = 10) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
export const normaliseCode = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, '');

const fieldError = (code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN', path: string, zh: string, en: string, status?: number) =>
  new AppError(code, { fields: [{ path, message: `${zh} / ${en}` }], userMessage: { zh, en }, status });

const isUniqueViolation = (e: unknown, constraint?: string): boolean => {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    const o = x as { code?: string; constraint?: string; message?: string };
    if (o.code === '23505') return !constraint || o.constraint === constraint || (o.message ?? '').includes(constraint);
  }
  return false;
};

/** "2025-09-…": the next occurrence of a yearly rule after the last one, keeping day and time of day. */
function nextStart(last: Date, rule: string | null): Date {
  const m = rule ? /BYMONTH=(\d+)/.exec(rule) : null;
  if (!m) return new Date(last.getTime() + 7 * 86_400_000);
  // in Shanghai (UTC+8, no DST): shift, move the calendar, shift back
  const local = new Date(last.getTime() + 8 * 3_600_000);
  const next = new Date(Date.UTC(local.getUTCFullYear() + 1, Number(m[1]) - 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()));
  return new Date(next.getTime() - 8 * 3_600_000);
}

export function createEventService({ db }: { db: Db }) {
  async function visible(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findEvent(ex, id, repo.eventScope(actor));
    if (!row) throw notFound();
    return row;
  }
  /** The event, when the actor may change it: 404 when they may not read it, 403 when they only read it (one query). */
  async function changeable(ex: Executor, actor: Actor, id: string) {
    const read = repo.eventScope(actor) ?? sql`true`;
    const change = changeCondition(actor, 'event', { id: events.id, districtCode: events.districtCode }) ?? sql`true`;
    const [row] = await ex
      .select({ event: events, read: sql<boolean>`${read}`.as('can_read'), change: sql<boolean>`${change}`.as('can_change') })
      .from(events)
      .where(eq(events.id, id))
      .limit(1);
    if (!row || !truthy(row.read)) throw notFound();
    if (!truthy(row.change)) throw forbidden();
    return row.event;
  }

  /** Links need the right to read the target; a hidden one is refused like a missing one, naming the field. */
  async function checkLinks(ex: Executor, actor: Actor, input: CreateEvent) {
    const check = async (entity: 'organization' | 'person' | 'place' | 'network', items: { path: string; id: string | null | undefined }[]) => {
      const wanted = items.filter((i): i is { path: string; id: string } => !!i.id);
      if (!wanted.length) return;
      const ok = await accessibleIds(ex, actor, entity, 'read', wanted.map((i) => i.id));
      const bad = wanted.find((i) => !ok.has(i.id));
      if (bad) throw fieldError('VALIDATION', bad.path, '所选记录不存在', 'no such record', 400);
    };
    await check('organization', input.hosts.map((h, i) => ({ path: `hosts.${i}.organizationId`, id: h.organizationId })));
    await check('place', input.venues.map((v, i) => ({ path: `venues.${i}.placeId`, id: v.placeId })));
    await check(
      'place',
      input.groups.flatMap((g, i) => g.points.map((p, j) => ({ path: `groups.${i}.points.${j}.placeId`, id: p.placeId }))),
    );
    await check('person', input.groups.flatMap((g, i) => g.expertIds.map((id, j) => ({ path: `groups.${i}.expertIds.${j}`, id }))));
    await check('person', input.people.map((p, i) => ({ path: `people.${i}.personId`, id: p.personId })));
    await check(
      'organization',
      input.agreements.flatMap((a, i) => a.parties.map((p, j) => ({ path: `agreements.${i}.parties.${j}.organizationId`, id: p.organizationId }))),
    );
  }

  /** The district the event is kept in: given, else its main venue's; a coordinator's must be theirs (or the event their network's). */
  async function eventDistrict(ex: Executor, actor: Actor, input: { districtCode?: string | null; networkId?: string | null; venues: CreateEvent['venues'] }) {
    const given = input.districtCode ?? input.venues.find((v) => v.role === 'main')?.districtCode ?? null;
    if (input.networkId) {
      if (!(await canAccess(ex, actor, 'network', 'read', input.networkId))) throw fieldError('VALIDATION', 'networkId', '所选网络不存在', 'no such network', 400);
      if (actor.role === 'admin' || (await canAccess(ex, actor, 'network', 'change', input.networkId))) return given;
    }
    return districtForNewRecord(actor, given);
  }

  async function insertAgreements(tx: Tx, actor: Actor, eventId: string | null, districtCode: string | null, list: AgreementInput[]) {
    const out: string[] = [];
    for (const a of list) {
      const reviewDueOn = a.signedOn ? addMonths(a.signedOn, 6) : null;
      const [row] = await tx
        .insert(agreements)
        .values({
          eventId,
          title: a.title,
          kind: a.kind,
          signedOn: a.signedOn ?? null,
          termYears: a.termYears ?? null,
          description: a.description ?? null,
          districtCode,
          reviewDueOn,
          note: a.note ?? null,
        })
        .returning();
      if (a.parties.length)
        await tx.insert(agreementParties).values(
          a.parties.map((p, i) => ({ agreementId: row!.id, organizationId: p.organizationId ?? null, name: p.name, role: p.role ?? null, signatory: p.signatory ?? null, sort: i })),
        );
      if (a.commitments.length)
        await tx.insert(agreementCommitments).values(
          a.commitments.map((c, i) => ({ agreementId: row!.id, text: c.text, owner: c.owner ?? null, dueOn: c.dueOn ?? null, progress: c.progress, sort: i })),
        );
      // Reminders for commitments coming due: SEAM for the durable jobs runner (server/src/lib/jobs.ts, issue 6);
      // schedule one job per commitment with a dueOn here once it is merged.
      await recordAudit(tx, actor, { action: 'create', entity: 'agreement', entityId: row!.id, after: { name: a.title, kind: a.kind, signedOn: a.signedOn ?? null, parties: a.parties.map((p) => p.name) } });
      out.push(row!.id);
    }
    return out;
  }

  /**
   * A whole event (hosts, venues, topic groups, people, agreements, figures) in one transaction with its
   * audit entry; the caller's transaction when given (ingestion of press reports, the demo data).
   */
  async function createEvent(actor: Actor, input: CreateEvent, tx?: Tx, extra: { demoKey?: string; seriesId?: string; sequence?: number } = {}) {
    if (!changesRecords(actor)) throw forbidden();
    const run = async (t: Tx) => {
      await checkLinks(t, actor, input);
      const districtCode = await eventDistrict(t, actor, input);
      const [row] = await t
        .insert(events)
        .values({
          title: input.title,
          kind: input.kind,
          description: input.description ?? null,
          startsAt: input.startsAt ? new Date(input.startsAt) : null,
          endsAt: input.endsAt ? new Date(input.endsAt) : null,
          status: input.status,
          districtCode,
          networkId: input.networkId ?? null,
          requiresApproval: input.requiresApproval,
          seriesName: input.seriesName ?? null,
          seriesTotal: input.seriesTotal ?? null,
          recurrence: input.recurrence ?? null,
          seriesId: extra.seriesId ?? null,
          sequence: extra.sequence ?? (input.seriesName || input.recurrence ? 1 : null),
          note: input.note ?? null,
          demoKey: extra.demoKey ?? null,
        })
        .returning();
      const ev = row!;
      if (!extra.seriesId && ev.sequence === 1) await t.update(events).set({ seriesId: ev.id }).where(eq(events.id, ev.id));
      if (input.hosts.length)
        await t.insert(eventHosts).values(input.hosts.map((h, i) => ({ eventId: ev.id, organizationId: h.organizationId ?? null, name: h.name, role: h.role, sort: i })));
      if (input.venues.length)
        await t.insert(eventVenues).values(
          input.venues.map((v, i) => ({
            eventId: ev.id,
            role: v.role,
            placeId: v.placeId ?? null,
            name: v.name,
            districtCode: v.districtCode ?? null,
            capacity: v.capacity ?? null,
            checkinCode: newCode(12),
            sort: i,
          })),
        );
      for (const [i, g] of input.groups.entries()) {
        const [group] = await t.insert(eventTopicGroups).values({ eventId: ev.id, topic: g.topic, industryIds: g.industryIds, note: g.note ?? null, sort: i }).returning();
        if (g.expertIds.length) await t.insert(eventGroupExperts).values([...new Set(g.expertIds)].map((personId) => ({ groupId: group!.id, personId })));
        if (g.points.length) await t.insert(eventGroupPoints).values(g.points.map((p, j) => ({ groupId: group!.id, placeId: p.placeId ?? null, name: p.name, sort: j })));
      }
      if (input.people.length)
        await t.insert(eventPeople).values(
          input.people.map((p, i) => ({ eventId: ev.id, personId: p.personId ?? null, name: p.name, role: p.role, topic: p.topic ?? null, appointedTo: p.appointedTo ?? null, sort: i })),
        );
      if (input.figures.length)
        await t.insert(reportedFigures).values(
          input.figures.map((f) => ({ eventId: ev.id, label: f.label, value: f.value, qualifier: f.qualifier, unit: f.unit, counts: f.counts ?? null, period: f.period ?? null, quote: f.quote ?? null, source: f.source ?? null })),
        );
      await recordAudit(t, actor, {
        action: 'create',
        entity: 'event',
        entityId: ev.id,
        after: { ...auditEvent(ev), hosts: input.hosts.map((h) => h.name), venues: input.venues.map((v) => v.name) },
      });
      await insertAgreements(t, actor, ev.id, districtCode, input.agreements);
      await syncEventSearch(t, [ev.id]);
      return ev;
    };
    return tx ? run(tx) : db.transaction(run);
  }

  async function detail(ex: Executor, actor: Actor, id: string) {
    const ev = await visible(ex, actor, id);
    const canChange = await canAccess(ex, actor, 'event', 'change', id);
    return presentEventDetail(ev, await repo.loadEventParts(ex, id), canChange);
  }

  async function publishedEvent(ex: Executor, id: string) {
    const ev = await repo.findEvent(ex, id, sql`${events.status} in ('published', 'finished')`);
    if (!ev) throw notFound();
    return ev;
  }

  async function confirmation(ex: Executor, r: repo.RegistrationRow) {
    const [ev] = await ex.select().from(events).where(eq(events.id, r.eventId));
    const [venue] = await ex.select().from(eventVenues).where(eq(eventVenues.id, r.venueId));
    return {
      code: r.code,
      status: r.status,
      venueName: venue!.name,
      eventTitle: ev!.title,
      startsAt: ev!.startsAt?.toISOString() ?? null,
      waitlistPosition: await repo.waitlistPosition(ex, r),
      qrSvg: await QRCode.toString(r.code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    };
  }

  /** Cancel a registration: a held seat goes to the first of the waiting list, or becomes free. */
  async function cancelRegistration(tx: Tx, r: repo.RegistrationRow, ev: repo.EventRow) {
    const [locked] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, r.id)).for('update');
    if (!locked || locked.status === 'cancelled') return locked;
    if (locked.status === 'checked_in') throw fieldError('CONFLICT', 'status', '已签到的报名不能取消', 'a checked-in registration cannot be cancelled');
    const heldSeat = locked.status !== 'waitlisted';
    const [after] = await tx.update(eventRegistrations).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(eventRegistrations.id, r.id)).returning();
    if (heldSeat) {
      const promoted = await repo.promoteNext(tx, locked.venueId, ev.requiresApproval ? 'pending' : 'registered');
      if (!promoted) await repo.releaseSeat(tx, locked.venueId);
    }
    return after;
  }

  return {
    createEvent,
    /** agreements (and plans) in the caller's transaction, at an event or on their own (demo data, ingestion) */
    insertAgreements: (tx: Tx, actor: Actor, eventId: string | null, districtCode: string | null, list: AgreementInput[]) =>
      insertAgreements(tx, actor, eventId, districtCode, list),

    async list(actor: Actor, q: z.infer<typeof eventListQuery>) {
      const { rows, total } = await repo.listEvents(
        db,
        { scope: repo.eventScope(actor), q: q.q, kind: q.kind, status: q.status, districtCode: q.districtCode, from: q.from, to: q.to },
        q.sort,
        q.page,
        q.pageSize,
      );
      return { items: rows.map(presentEventSummary), total, page: q.page, pageSize: q.pageSize };
    },

    /** every event of the list's filters (export) */
    async listAll(actor: Actor, q: z.infer<typeof eventListQuery>) {
      const { rows } = await repo.listEvents(db, { scope: repo.eventScope(actor), ...q }, q.sort, 1, 10_000);
      return rows.map(presentEventSummary);
    },

    get: (actor: Actor, id: string) => detail(db, actor, id),

    async create(actor: Actor, input: CreateEvent) {
      const ev = await createEvent(actor, input);
      return detail(db, actor, ev.id);
    },

    async update(actor: Actor, id: string, patch: z.output<typeof updateEventBody>) {
      return db.transaction(async (tx) => {
        const before = await changeable(tx, actor, id);
        const startsAt = patch.startsAt ? new Date(patch.startsAt) : before.startsAt;
        const endsAt = patch.endsAt === undefined ? before.endsAt : patch.endsAt ? new Date(patch.endsAt) : null;
        if (endsAt && startsAt && endsAt < startsAt) throw fieldError('VALIDATION', 'endsAt', '结束时间不能早于开始时间', 'the end is before the start', 400);
        if (patch.districtCode !== undefined && patch.districtCode !== before.districtCode) districtForNewRecord(actor, patch.districtCode);
        const { startsAt: _s, endsAt: _e, ...rest } = patch;
        const [after] = await tx.update(events).set({ ...rest, startsAt, endsAt, updatedAt: new Date() }).where(eq(events.id, id)).returning();
        await recordAudit(tx, actor, { action: 'update', entity: 'event', entityId: id, before: auditEvent(before), after: auditEvent(after!) });
        await syncEventSearch(tx, [id]);
        return detail(tx, actor, id);
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await changeable(tx, actor, id);
        await tx.delete(events).where(eq(events.id, id));
        await recordAudit(tx, actor, { action: 'delete', entity: 'event', entityId: id, before: auditEvent(before) });
        await syncEventSearch(tx, [id]);
      });
    },

    /** The next occurrence of a series: next September for a yearly rule, the next number of a numbered series. */
    async createNext(actor: Actor, id: string) {
      const ev = await db.transaction(async (tx) => {
        const src = await changeable(tx, actor, id);
        if (!src.seriesId) throw fieldError('VALIDATION', 'seriesName', '该活动不属于系列活动，也没有重复规则', 'the event is neither in a series nor recurring', 400);
        // the last occurrence of the series, locked so that two clicks do not make two
        const [last] = await tx.select().from(events).where(eq(events.seriesId, src.seriesId)).orderBy(sql`${events.sequence} desc`).limit(1).for('update');
        const seq = (last!.sequence ?? 1) + 1;
        if (last!.seriesTotal && seq > last!.seriesTotal)
          throw fieldError('CONFLICT', 'seriesTotal', `系列共 ${last!.seriesTotal} 场，已全部创建`, `the series has ${last!.seriesTotal} events, all created`);
        if (!last!.startsAt) throw fieldError('VALIDATION', 'startsAt', '上一场没有日期，无法推算下一场', 'the last occurrence has no date to go from', 400);
        const lastStart = last!.startsAt;
        const parts = await repo.loadEventParts(tx, last!.id);
        const duration = last!.endsAt ? last!.endsAt.getTime() - lastStart.getTime() : null;
        const startsAt = nextStart(lastStart, last!.recurrence);
        const input: CreateEvent = {
          title: last!.title.replace(/\d{4}/, (y) => String(startsAt.getUTCFullYear() > Number(y) ? Number(y) + 1 : y)),
          kind: last!.kind,
          description: last!.description,
          startsAt: startsAt.toISOString(),
          endsAt: duration != null ? new Date(startsAt.getTime() + duration).toISOString() : null,
          status: 'draft',
          districtCode: last!.districtCode,
          networkId: last!.networkId,
          requiresApproval: last!.requiresApproval,
          seriesName: last!.seriesName,
          seriesTotal: last!.seriesTotal,
          recurrence: last!.recurrence,
          note: null,
          hosts: parts.hosts.map((h) => ({ organizationId: h.organizationId, name: h.name, role: h.role })),
          venues: parts.venues.map((v) => ({ role: v.role, placeId: v.placeId, name: v.name, districtCode: v.districtCode, capacity: v.capacity })),
          groups: parts.groups.map((g) => ({
            topic: g.topic,
            industryIds: g.industryIds,
            note: g.note,
            expertIds: [],
            points: parts.points.filter((p) => p.groupId === g.id).map((p) => ({ placeId: p.placeId, name: p.name })),
          })),
          people: [],
          agreements: [],
          figures: [],
        };
        return createEvent(actor, input, tx, { seriesId: src.seriesId, sequence: seq });
      });
      return detail(db, actor, ev.id);
    },

    async addAgreement(actor: Actor, eventId: string, input: AgreementInput) {
      return db.transaction(async (tx) => {
        const ev = await changeable(tx, actor, eventId);
        const orgIds = input.parties.map((p) => p.organizationId).filter((x): x is string => !!x);
        const ok = await accessibleIds(tx, actor, 'organization', 'read', orgIds);
        const bad = input.parties.findIndex((p) => p.organizationId && !ok.has(p.organizationId));
        if (bad >= 0) throw fieldError('VALIDATION', `parties.${bad}.organizationId`, '所选单位不存在', 'no such organisation', 400);
        const [id] = await insertAgreements(tx, actor, eventId, ev.districtCode, [{ ...input, signedOn: input.signedOn ?? (ev.startsAt ? shanghaiDate(ev.startsAt) : null) }]);
        const [row] = await tx.select().from(agreements).where(eq(agreements.id, id!));
        const [parties, commitments] = await repo.agreementChildren(tx, [id!]);
        return presentAgreement(row!, parties, commitments);
      });
    },

    /** The agreements register: agreements and plans with their parties, commitments and due dates. */
    async listAgreements(actor: Actor, q: z.infer<typeof agreementListQuery>) {
      const { rows, total } = await repo.listAgreements(db, { scope: repo.agreementScope(actor), q: q.q, kind: q.kind, review: q.review }, q.page, q.pageSize);
      const [parties, commitments] = await repo.agreementChildren(db, rows.map((r) => r.a.id));
      return { items: rows.map((r) => ({ ...presentAgreement(r.a, parties, commitments), eventTitle: r.eventTitle })), total, page: q.page, pageSize: q.pageSize };
    },

    /** The six-month follow-up review of an agreement (an outcome statistic). */
    async setAgreementReview(actor: Actor, id: string, review: z.infer<typeof agreementReviewBody>['review']) {
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(agreements).where(and(eq(agreements.id, id), repo.agreementScope(actor)));
        if (!before) throw notFound();
        if (!(await canAccess(tx, actor, 'agreement', 'change', id))) throw forbidden();
        const [after] = await tx.update(agreements).set({ review, updatedAt: new Date() }).where(eq(agreements.id, id)).returning();
        await recordAudit(tx, actor, { action: 'update', entity: 'agreement', entityId: id, entityName: before.title, before: { review: before.review }, after: { review } });
        const [parties, commitments] = await repo.agreementChildren(tx, [id]);
        return presentAgreement(after!, parties, commitments);
      });
    },

    // ------------------------------------------------------------------ registrations and check-in

    async publicEvent(id: string) {
      const ev = await publishedEvent(db, id);
      return presentPublicEvent(ev, await repo.loadEventParts(db, id));
    },

    async publicCalendar() {
      const rows = await db.select().from(events).where(inArray(events.status, ['published', 'finished'])).orderBy(events.startsAt).limit(2000);
      return rows.map(presentEventSummary);
    },

    /** Public: register for a venue of a published event. A seat if one is free, else the waiting list. */
    async register(eventId: string, body: z.output<typeof registerBody>, ip: string | null = null) {
      await countRegistration(db, ip);
      try {
        return await db.transaction(async (tx) => {
          const ev = await publishedEvent(tx, eventId);
          if (ev.status !== 'published') throw fieldError('CONFLICT', 'venueId', '活动已结束，不能报名', 'the event is over');
          const [venue] = await tx.select().from(eventVenues).where(and(eq(eventVenues.id, body.venueId), eq(eventVenues.eventId, eventId)));
          if (!venue) throw fieldError('VALIDATION', 'venueId', '请选择本活动的会场', 'choose a venue of this event', 400);
          const seat = await repo.takeSeat(tx, venue.id);
          const status = !seat ? 'waitlisted' : ev.requiresApproval ? 'pending' : 'registered';
          const [r] = await tx
            .insert(eventRegistrations)
            .values({ eventId, venueId: venue.id, name: body.name, organization: body.organization ?? null, phone: body.phone, role: body.role ?? null, status, code: newCode() })
            .returning();
          return confirmation(tx, r!);
        });
      } catch (e) {
        if (isUniqueViolation(e, 'event_registrations_phone_uq'))
          throw fieldError('CONFLICT', 'phone', '该手机号已报名此会场', 'this phone number is already registered at this venue');
        throw e;
      }
    },

    /** Public: the confirmation again, by the personal code. */
    async confirmationByCode(code: string) {
      const r = await repo.findRegistrationByCode(db, normaliseCode(code));
      if (!r) throw notFound();
      return confirmation(db, r);
    },

    /** Public: the registrant cancels with their code. */
    async cancelByCode(code: string) {
      return db.transaction(async (tx) => {
        const r = await repo.findRegistrationByCode(tx, normaliseCode(code));
        if (!r) throw notFound();
        const [ev] = await tx.select().from(events).where(eq(events.id, r.eventId));
        const after = await cancelRegistration(tx, r, ev!);
        return confirmation(tx, after!);
      });
    },

    /** Public: the attendee scans the venue's poster and gives their code. */
    async selfCheckIn(code: string, venueCode: string) {
      const [venue] = await db.select().from(eventVenues).where(eq(eventVenues.checkinCode, normaliseCode(venueCode)));
      if (!venue) throw fieldError('NOT_FOUND', 'venueCode', '会场签到码无效', 'unknown venue code');
      const r = await repo.findRegistrationByCode(db, normaliseCode(code));
      if (!r || r.eventId !== venue.eventId) throw fieldError('NOT_FOUND', 'code', '签到码无效', 'unknown code');
      return db.transaction((tx) => checkInCode(tx, venue.eventId, r.code, null));
    },

    async registrations(actor: Actor, eventId: string, q: z.infer<typeof registrationListQuery>) {
      await visible(db, actor, eventId);
      const { rows, total } = await repo.listRegistrations(db, eventId, q, q.page, q.pageSize);
      return { items: rows.map((x) => presentRegistration(x.r, x.venueName)), total, page: q.page, pageSize: q.pageSize };
    },

    async registrationRows(actor: Actor, eventId: string) {
      const ev = await visible(db, actor, eventId);
      const { rows } = await repo.listRegistrations(db, eventId, {}, 1, 100_000);
      await recordAudit(db, actor, { action: 'export', entity: 'event', entityId: eventId, entityName: ev.title, after: { rows: rows.length } });
      return { event: ev, rows: rows.map((x) => presentRegistration(x.r, x.venueName)) };
    },

    /** Staff approve a pending registration, or cancel one (the waiting list moves up). */
    async setRegistrationStatus(actor: Actor, eventId: string, registrationId: string, status: 'approved' | 'cancelled') {
      return db.transaction(async (tx) => {
        const ev = await changeable(tx, actor, eventId);
        const [r] = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.eventId, eventId)));
        if (!r) throw notFound();
        let after: repo.RegistrationRow | undefined;
        if (status === 'cancelled') after = await cancelRegistration(tx, r, ev);
        else {
          [after] = await tx
            .update(eventRegistrations)
            .set({ status: 'approved', updatedAt: new Date() })
            .where(and(eq(eventRegistrations.id, r.id), eq(eventRegistrations.status, 'pending')))
            .returning();
          if (!after) throw fieldError('CONFLICT', 'status', '只有待审核的报名可以通过', 'only a pending registration can be approved');
        }
        await recordAudit(tx, actor, { action: 'update', entity: 'registration', entityId: r.id, entityName: r.name, before: { status: r.status, phone: r.phone }, after: { status: after!.status } });
        const [venue] = await tx.select().from(eventVenues).where(eq(eventVenues.id, r.venueId));
        return presentRegistration(after!, venue!.name);
      });
    },

    /** The desk: check a code in (typed or scanned). A second scan answers "already", never counts twice. */
    async checkIn(actor: Actor, eventId: string, code: string) {
      return db.transaction(async (tx) => {
        await changeable(tx, actor, eventId);
        return checkInCode(tx, eventId, normaliseCode(code), actor);
      });
    },

    /** The desk: somebody who did not register comes in, if the venue has a seat. */
    async walkIn(actor: Actor, eventId: string, body: z.output<typeof walkInBody>) {
      return db.transaction(async (tx) => {
        await changeable(tx, actor, eventId);
        const [venue] = await tx.select().from(eventVenues).where(and(eq(eventVenues.id, body.venueId), eq(eventVenues.eventId, eventId)));
        if (!venue) throw fieldError('VALIDATION', 'venueId', '请选择本活动的会场', 'choose a venue of this event', 400);
        if (!(await repo.takeSeat(tx, venue.id))) throw fieldError('CONFLICT', 'venueId', '会场已满', 'the venue is full');
        const [r] = await tx
          .insert(eventRegistrations)
          .values({
            eventId,
            venueId: venue.id,
            name: body.name,
            organization: body.organization ?? null,
            phone: body.phone ?? null,
            role: body.role ?? null,
            status: 'checked_in',
            checkedInAt: new Date(),
            walkIn: true,
            code: newCode(),
          })
          .returning();
        await recordAudit(tx, actor, { action: 'create', entity: 'registration', entityId: r!.id, entityName: r!.name, after: { walkIn: true, venue: venue.name, phone: r!.phone } });
        return presentRegistration(r!, venue.name);
      });
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

  async function checkInCode(ex: Executor, eventId: string, code: string, actor: Actor | null) {
    const done = await repo.markCheckedIn(ex, eventId, code);
    const r = done ?? (await repo.findRegistrationByCode(ex, code));
    if (!r || r.eventId !== eventId) throw fieldError('NOT_FOUND', 'code', '签到码无效', 'unknown code');
    const [venue] = await ex.select().from(eventVenues).where(eq(eventVenues.id, r.venueId));
    if (!done) {
      if (r.status === 'checked_in') return { outcome: 'already' as const, registration: presentRegistration(r, venue!.name) };
      const why = {
        waitlisted: ['该报名仍在候补名单中', 'the registration is on the waiting list'],
        pending: ['该报名尚未审核通过', 'the registration is not approved yet'],
        cancelled: ['该报名已取消', 'the registration was cancelled'],
      }[r.status as 'waitlisted' | 'pending' | 'cancelled'] ?? ['无法签到', 'cannot check in'];
      throw fieldError('CONFLICT', 'code', why[0]!, why[1]!);
    }
    if (actor) await recordAudit(ex, actor, { action: 'update', entity: 'registration', entityId: r.id, entityName: r.name, after: { status: 'checked_in' } });
    return { outcome: 'checked_in' as const, registration: presentRegistration(r, venue!.name) };
  }
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, d));
  return t.toISOString().slice(0, 10);
}

export type EventService = ReturnType<typeof createEventService>;
