import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { events } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { changeCondition } from '../../lib/visibility';
import * as repo from './events.repository';

/** Shared by the events services: codes, field errors and the one read/change check of an event (via lib/visibility.ts). */
export const truthy = (v: unknown) => v === true || v === 't';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A personal (or venue) code: 10 characters, no 0/O/1/I, ~50 bits. */
export const newCode = (length = 10) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
export const normaliseCode = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, '');

export const fieldError = (code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN', path: string, zh: string, en: string, status?: number) =>
  new AppError(code, { fields: [{ path, message: `${zh} / ${en}` }], userMessage: { zh, en }, status });

export const isUniqueViolation = (e: unknown, constraint?: string): boolean => {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    const o = x as { code?: string; constraint?: string; message?: string };
    if (o.code === '23505') return !constraint || o.constraint === constraint || (o.message ?? '').includes(constraint);
  }
  return false;
};

export async function visibleEvent(ex: Executor, actor: Actor, id: string) {
  const row = await repo.findEvent(ex, id, repo.eventScope(actor));
  if (!row) throw notFound();
  return row;
}
/** The event, when the actor may change it: 404 when they may not read it, 403 when they only read it (one query). */
export async function changeableEvent(ex: Executor, actor: Actor, id: string) {
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

export async function publishedEvent(ex: Executor, id: string) {
  const ev = await repo.findEvent(ex, id, sql`${events.status} in ('published', 'finished')`);
  if (!ev) throw notFound();
  return ev;
}
