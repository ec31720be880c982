import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { events } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { changeCondition } from '../../lib/visibility';
import { auditInsertFrom } from '../audit/audit.repository';
import { fieldError, truthy } from './event-access';
import { presentRegistration } from './events.presenter';
import * as repo from './events.repository';

interface Row {
  can_read: unknown;
  can_change: unknown;
  done: unknown;
  id: string | null;
  event_id: string | null;
  venue_id: string | null;
  name: string | null;
  organization: string | null;
  phone: string | null;
  role: string | null;
  status: repo.RegistrationRow['status'] | null;
  walk_in: unknown;
  created_at: Date | string | null;
  checked_in_at: Date | string | null;
  venue_name: string | null;
}

const asDate = (d: Date | string | null) => (d == null ? null : d instanceof Date ? d : new Date(d));

const registrationOf = (r: Row) =>
  ({
    id: r.id!,
    eventId: r.event_id!,
    venueId: r.venue_id!,
    name: r.name!,
    organization: r.organization,
    phone: r.phone,
    role: r.role,
    status: r.status!,
    walkIn: truthy(r.walk_in),
    createdAt: asDate(r.created_at)!,
    checkedInAt: asDate(r.checked_in_at),
  }) as repo.RegistrationRow;

/**
 * Check a code in, in ONE statement (the hot path of the desk: 2,000 scans from 50 phones):
 *  - the event's read and change rights (lib/visibility.ts), when a staff actor scans;
 *  - the conditional UPDATE (registered/approved → checked_in): concurrent scans of one code queue on its
 *    row and the condition is re-read after the wait, so a code is never counted twice;
 *  - the audit entry, through the audit service, as a data-modifying CTE of the same statement (so in
 *    the same transaction: written exactly when the UPDATE changed a row);
 *  - the venue's name, and the registration as it was when nothing changed (for "already" or the reason).
 * `actor` null: the attendee's self check-in with the venue poster's code (public, not audited, no rights).
 */
export async function checkInCode(ex: Executor, eventId: string, code: string, actor: Actor | null) {
  const read = (actor && repo.eventScope(actor)) ?? sql`true`;
  const change = (actor && changeCondition(actor, 'event', { id: events.id, districtCode: events.districtCode })) ?? sql`true`;
  const audit = actor
    ? sql`, aud as (${auditInsertFrom(actor, { action: 'update', entity: 'registration', after: { status: 'checked_in' } }, { rows: sql`done`, id: sql`done.id::text`, name: sql`done.name` })})`
    : sql``;
  const res = await ex.execute(sql`with ev as (
      select ${events.id} as id, (${read}) as can_read, (${change}) as can_change from ${events} where ${events.id} = ${eventId}
    ), done as (
      update event_registrations r set status = 'checked_in', checked_in_at = now(), updated_at = now()
      from ev where ev.can_read and ev.can_change and r.event_id = ev.id and r.code = ${code} and r.status in ('registered', 'approved')
      returning r.id, r.event_id, r.venue_id, r.name, r.organization, r.phone, r.role, r.status, r.walk_in, r.created_at, r.checked_in_at
    )${audit}
    select ev.can_read, ev.can_change, d.id is not null as done,
      coalesce(d.id, r.id) as id, coalesce(d.event_id, r.event_id) as event_id, coalesce(d.venue_id, r.venue_id) as venue_id,
      coalesce(d.name, r.name) as name, coalesce(d.organization, r.organization) as organization, coalesce(d.phone, r.phone) as phone,
      coalesce(d.role, r.role) as role, coalesce(d.status, r.status) as status, coalesce(d.walk_in, r.walk_in) as walk_in,
      coalesce(d.created_at, r.created_at) as created_at, coalesce(d.checked_in_at, r.checked_in_at) as checked_in_at, v.name as venue_name
    from (select 1) one
      left join ev on true
      left join done d on true
      left join event_registrations r on d.id is null and r.code = ${code}
      left join event_venues v on v.id = coalesce(d.venue_id, r.venue_id)`);
  const row = res.rows[0] as unknown as Row;
  if (!truthy(row.can_read)) throw notFound();
  if (!truthy(row.can_change)) throw forbidden();
  if (truthy(row.done)) return { outcome: 'checked_in' as const, registration: presentRegistration(registrationOf(row), row.venue_name!) };
  if (!row.id || row.event_id !== eventId) throw fieldError('NOT_FOUND', 'code', '签到码无效', 'unknown code');
  let r = registrationOf(row);
  // seen as registered in this statement's snapshot, yet not updated: a concurrent scan checked it in first
  if (r.status === 'registered' || r.status === 'approved') r = (await repo.findRegistrationByCode(ex, code)) ?? r;
  if (r.status === 'checked_in') return { outcome: 'already' as const, registration: presentRegistration(r, row.venue_name!) };
  const why = {
    waitlisted: ['该报名仍在候补名单中', 'the registration is on the waiting list'],
    pending: ['该报名尚未审核通过', 'the registration is not approved yet'],
    cancelled: ['该报名已取消', 'the registration was cancelled'],
  }[r.status as 'waitlisted' | 'pending' | 'cancelled'] ?? ['无法签到', 'cannot check in'];
  throw fieldError('CONFLICT', 'code', why[0]!, why[1]!);
}
