import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { agreementInput, createEventBody, eventListQuery, updateEventBody } from '../../../../common/schemas/events';
import type { Db, Executor, Tx } from '../../db/client';
import { eventGroupExperts, eventGroupPoints, eventHosts, eventPeople, eventTopicGroups, eventVenues, events, reportedFigures } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import { accessibleIds, canAccess, changesRecords, districtForNewRecord } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { createAgreementService, insertAgreements } from './agreements.service';
import { changeableEvent as changeable, fieldError, newCode, visibleEvent as visible } from './event-access';
import { createEventFeedService } from './events-feeds.service';
import { auditEvent, presentEventDetail, presentEventSummary } from './events.presenter';
import { syncEventSearch } from './event-search';
import * as repo from './events.repository';
import { createRegistrationService } from './registrations.service';

export { newCode, normaliseCode } from './event-access';

/** a whole event; startsAt may be null only for records whose source gives no date (demo, ingestion) */
export type CreateEvent = Omit<z.output<typeof createEventBody>, 'startsAt'> & { startsAt: string | null };
type AgreementInput = z.output<typeof agreementInput>;

/** "2025-09-…": the next occurrence of a yearly rule after the last one, keeping day and time of day. */
function nextStart(last: Date, rule: string | null): Date {
  const m = rule ? /BYMONTH=(\d+)/.exec(rule) : null;
  if (!m) return new Date(last.getTime() + 7 * 86_400_000);
  // in Shanghai (UTC+8, no DST): shift, move the calendar, shift back
  const local = new Date(last.getTime() + 8 * 3_600_000);
  const next = new Date(Date.UTC(local.getUTCFullYear() + 1, Number(m[1]) - 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()));
  return new Date(next.getTime() - 8 * 3_600_000);
}

/** Events: create (whole, in one transaction), read, change, remove, and the next occurrence of a series; with agreements, registrations and feeds composed in. */
export function createEventService({ db }: { db: Db }) {
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

    ...createAgreementService({ db }),
    ...createRegistrationService({ db }),
    ...createEventFeedService({ db }),
  };
}

export type EventService = ReturnType<typeof createEventService>;
