import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { events } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { coalesce, type Settled } from '../../lib/coalesce';
import { changeCondition } from '../../lib/visibility';
import { auditInsertFrom } from '../audit/audit.repository';
import { fieldError, truthy } from './event-access';
import { presentRegistration } from './events.presenter';
import * as repo from './events.repository';

interface Row {
  ord: number | string;
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

export interface CheckInItem {
  code: string;
  /** null: the attendee's self check-in with the venue poster's code (public, not audited, no rights) */
  actor: Actor | null;
}

const arr = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}`;
/** the rights that decide an actor's answer (two requests of one user share them; their audit entries do not) */
const rightsKey = (a: Actor | null) => (a ? JSON.stringify([a.userId, a.username, a.role, a.scopes, a.permissions]) : '');

/**
 * Check codes in at one event, in ONE statement for any number of codes (the hot path of the desk:
 * 2,000 scans from 50 phones; concurrent scans are coalesced into one batch, see checkInCode):
 *  - the event's read and change rights (lib/visibility.ts) for each distinct actor of the batch;
 *  - the conditional UPDATE (registered/approved → checked_in). A code twice in the batch is updated once,
 *    for its first scan; the other answers "already". The rows are locked in id order first, so two
 *    batches (of two app processes) that share codes never deadlock; concurrent scans of one code queue on
 *    its row and the condition is re-read after the wait, so a code is never counted twice;
 *  - one audit entry per code checked in by staff, with that scan's own actor, request id and address, through
 *    the audit service, as a data-modifying CTE of the same statement (so in the same transaction: written
 *    exactly when the UPDATE changed a row);
 *  - the venue's name, and the registration as it was when nothing changed (for "already" or the reason).
 * Returns one settled outcome per item, in order: each scan gets exactly its own answer or error.
 */
export async function checkInBatch(ex: Executor, eventId: string, items: CheckInItem[]): Promise<Settled<CheckInOutcome>[]> {
  const keys: string[] = [];
  const actors: (Actor | null)[] = [];
  const actorOf = items.map((it) => {
    const k = rightsKey(it.actor);
    let i = keys.indexOf(k);
    if (i < 0) {
      i = keys.push(k) - 1;
      actors.push(it.actor);
    }
    return i;
  });
  const rights = (which: (a: Actor) => SQL | undefined) => {
    const each = actors.map((a) => (a && which(a)) ?? sql`true`);
    return each.length === 1 ? each[0]! : sql`case x.a ${sql.join(each.map((c, i) => sql`when ${sql.raw(String(i))} then (${c})`), sql` `)} end`;
  };
  const read = rights((a) => repo.eventScope(a));
  const change = rights((a) => changeCondition(a, 'event', { id: events.id, districtCode: events.districtCode }));
  const staff = actors.find((a): a is Actor => a !== null);
  const audit = staff
    ? sql`, aud as (${auditInsertFrom(
        staff,
        { action: 'update', entity: 'registration', after: { status: 'checked_in' } },
        {
          rows: sql`done join input i on i.ord = done.ord where i.actor_username is not null`,
          id: sql`done.id::text`,
          name: sql`done.name`,
          actor: { id: sql`i.actor_id`, username: sql`i.actor_username`, requestId: sql`i.request_id`, ip: sql`i.ip` },
        },
      )})`
    : sql``;
  const res = await ex.execute(sql`with input as (
      select * from unnest(${arr(
        items.map((it) => it.code),
        'text[]',
      )}, ${arr(actorOf, 'int[]')}, ${arr(
        items.map((it) => it.actor?.userId ?? null),
        'uuid[]',
      )}, ${arr(
        items.map((it) => it.actor?.username ?? null),
        'text[]',
      )}, ${arr(
        items.map((it) => it.actor?.requestId ?? null),
        'text[]',
      )}, ${arr(
        items.map((it) => it.actor?.ip ?? null),
        'text[]',
      )}) with ordinality as i(code, a, actor_id, actor_username, request_id, ip, ord)
    ), ev as (
      select x.a, ${events.id} as id, (${read}) as can_read, (${change}) as can_change
      from ${events} cross join unnest(${arr(
        actors.map((_, i) => i),
        'int[]',
      )}) as x(a) where ${events.id} = ${eventId}
    ), first as (
      select distinct on (i.code) i.code, i.ord from input i join ev on ev.a = i.a and ev.can_read and ev.can_change order by i.code, i.ord
    ), locked as (
      select r.id, f.ord from event_registrations r join first f on r.code = f.code
      where r.event_id = ${eventId} and r.status in ('registered', 'approved') order by r.id for update of r
    ), done as (
      update event_registrations r set status = 'checked_in', checked_in_at = now(), updated_at = now()
      from locked l where r.id = l.id and r.status in ('registered', 'approved')
      returning l.ord, r.id, r.code, r.event_id, r.venue_id, r.name, r.organization, r.phone, r.role, r.status, r.walk_in, r.created_at, r.checked_in_at
    )${audit}
    select i.ord, ev.can_read, ev.can_change, d.ord is not distinct from i.ord as done,
      coalesce(d.id, r.id) as id, coalesce(d.event_id, r.event_id) as event_id, coalesce(d.venue_id, r.venue_id) as venue_id,
      coalesce(d.name, r.name) as name, coalesce(d.organization, r.organization) as organization, coalesce(d.phone, r.phone) as phone,
      coalesce(d.role, r.role) as role, coalesce(d.status, r.status) as status, coalesce(d.walk_in, r.walk_in) as walk_in,
      coalesce(d.created_at, r.created_at) as created_at, coalesce(d.checked_in_at, r.checked_in_at) as checked_in_at, v.name as venue_name
    from input i
      left join ev on ev.a = i.a
      left join done d on d.code = i.code
      -- lateral with limit (codes are unique): one index lookup per code; a join was planned as a hash join reading the whole table
      left join lateral (select * from event_registrations r where r.code = i.code and d.id is null limit 1) r on true
      left join event_venues v on v.id = coalesce(d.venue_id, r.venue_id)
    order by i.ord`);
  const rows = res.rows as unknown as Row[];
  return Promise.all(
    items.map(async (it, k) => {
      try {
        return { ok: true as const, value: await outcomeOf(ex, eventId, it.code, rows[k]!) };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );
}

async function outcomeOf(ex: Executor, eventId: string, code: string, row: Row) {
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

export type CheckInOutcome = Awaited<ReturnType<typeof outcomeOf>>;

/** one coalescer per executor and event: the scans at one event that arrive together share one statement */
const batches = new WeakMap<Executor, Map<string, (item: CheckInItem) => Promise<CheckInOutcome>>>();

/**
 * Check a code in: THE path of every check-in (desk and self check-in). Scans at the same event that arrive
 * in the same turn of the event loop (or while the previous batch runs) go into one checkInBatch statement
 * (group commit); a lone scan is a batch of one. Resolves with this scan's own outcome, or throws its error
 * (not found, no right, the registration's reason).
 */
export function checkInCode(ex: Executor, eventId: string, code: string, actor: Actor | null): Promise<CheckInOutcome> {
  let byEvent = batches.get(ex);
  if (!byEvent) batches.set(ex, (byEvent = new Map()));
  let batch = byEvent.get(eventId);
  if (!batch) {
    const c = coalesce<CheckInItem, CheckInOutcome>((items) => checkInBatch(ex, eventId, items));
    batch = (item) =>
      c(item).finally(() => {
        if (c.size === 0 && byEvent.get(eventId) === batch) byEvent.delete(eventId);
      });
    byEvent.set(eventId, batch);
  }
  return batch({ code, actor });
}
