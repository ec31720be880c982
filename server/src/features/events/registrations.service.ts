import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { registerBody, registrationListQuery, walkInBody } from '../../../../common/schemas/events';
import type { Db, Executor, Tx } from '../../db/client';
import { eventRegistrations, eventVenues, events } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import { changeableEvent as changeable, fieldError, isUniqueViolation, newCode, normaliseCode, publishedEvent, visibleEvent as visible } from './event-access';
import { presentRegistration } from './events.presenter';
import * as repo from './events.repository';
import { countRegistration } from './registration-throttle';
import { checkInCode } from './check-in';

/** Registration (public form, waiting list, approval), confirmations with their QR code, and check-in at the desk. */
export function createRegistrationService({ db }: { db: Db }) {
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
      return checkInCode(db, venue.eventId, r.code, null);
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
      return checkInCode(db, eventId, normaliseCode(code), actor);
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
  };
}
