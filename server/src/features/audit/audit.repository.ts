import { and, count, desc, eq, gte, ilike, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { snapshotName } from '../../../../common/audit';
import { maskRecord } from './audit-mask';
import { likeContains } from '../../lib/text';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  /** the record's display name; by default the snapshot's name (or the actor's own username for their login/logout) */
  entityName?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The row of one audit entry: the actor, the name, the masked snapshots. */
function auditRow(actor: Actor, e: AuditInput) {
  return {
    actorId: actor.userId,
    actorUsername: actor.username,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    entityName: entityNameOf(actor, e),
    before: e.before === undefined ? null : maskRecord(e.before),
    after: e.after === undefined ? null : maskRecord(e.after),
    requestId: actor.requestId,
    ip: actor.ip,
  };
}

/** Write one audit entry; call it with the transaction of the write it records. */
export async function recordAudit(ex: Executor, actor: Actor, e: AuditInput): Promise<void> {
  await ex.insert(auditLog).values(auditRow(actor, e));
}

/**
 * recordAudit folded into the statement of the write it records (so in its transaction, one round trip):
 * an `INSERT … SELECT` for a data-modifying CTE, one entry per row of `from` (a CTE of the same statement),
 * whose id and name the entry takes. Used where a hot path writes one row per request (event check-in).
 * `from.actor`: the acting user and request per row, when the rows come from several requests (a coalesced
 * batch of check-ins): SQL over `from.rows` for actor_id (uuid), actor_username, request_id and ip.
 */
export function auditInsertFrom(
  actor: Actor,
  e: Omit<AuditInput, 'entityId' | 'entityName'>,
  from: { rows: SQL; id: SQL; name: SQL; actor?: { id: SQL; username: SQL; requestId: SQL; ip: SQL } },
): SQL {
  const v = auditRow(actor, { ...e, entityName: null });
  const json = (x: unknown) => (x === null ? null : JSON.stringify(x));
  const cols = [auditLog.actorId, auditLog.actorUsername, auditLog.action, auditLog.entity, auditLog.entityId, auditLog.entityName, auditLog.before, auditLog.after, auditLog.requestId, auditLog.ip];
  const who = from.actor ?? { id: sql`${v.actorId}::uuid`, username: sql`${v.actorUsername}`, requestId: sql`${v.requestId}`, ip: sql`${v.ip}` };
  return sql`insert into ${auditLog} (${sql.join(
    cols.map((c) => sql.identifier(c.name)),
    sql`, `,
  )}) select ${who.id}, ${who.username}, ${v.action}, ${v.entity}, ${from.id}, ${from.name}, ${json(v.before)}::jsonb, ${json(v.after)}::jsonb, ${who.requestId}, ${who.ip} from ${from.rows}`;
}

/** The name kept with an entry: given, else from the snapshots (names are never personal data masked). */
function entityNameOf(actor: Actor, e: AuditInput): string | null {
  if (e.entityName !== undefined) return e.entityName;
  const fromSnapshot = snapshotName(e.after, e.before);
  if (fromSnapshot) return fromSnapshot;
  if (e.entity === 'user' && e.entityId && e.entityId === actor.userId) return actor.username;
  return null;
}

export interface AuditFilter {
  entity?: string;
  action?: string;
  actor?: string;
  entityId?: string;
  /** part of the record's name */
  q?: string;
  from?: string;
  to?: string;
}

function auditCondition(f: AuditFilter) {
  const where: SQL[] = [];
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.actor) where.push(ilike(auditLog.actorUsername, likeContains(f.actor)));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.q) where.push(ilike(auditLog.entityName, `%${f.q.replace(/[%_\\]/g, '\\$&')}%`));
  if (f.from) where.push(gte(auditLog.at, new Date(f.from.length === 10 ? `${f.from}T00:00:00+08:00` : f.from)));
  if (f.to) where.push(lte(auditLog.at, new Date(f.to.length === 10 ? `${f.to}T23:59:59.999+08:00` : f.to)));
  return where.length ? and(...where) : undefined;
}

export async function listAudit(ex: Executor, f: AuditFilter & { page: number; pageSize: number }) {
  const cond = auditCondition(f);
  const [rows, [{ total }]] = await Promise.all([
    ex
      .select()
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ex.select({ total: count() }).from(auditLog).where(cond),
  ]);
  return { rows, total };
}

/** The filtered entries, newest first, in pages of `chunk` (keyset on id) for the export; at most `limit`. */
export async function* auditEntriesForExport(ex: Executor, f: AuditFilter, limit: number, chunk = 1000) {
  const cond = auditCondition(f);
  let last: number | null = null;
  let n = 0;
  while (n < limit) {
    const rows = await ex
      .select()
      .from(auditLog)
      .where(last === null ? cond : and(cond, lt(auditLog.id, last)))
      .orderBy(desc(auditLog.id))
      .limit(Math.min(chunk, limit - n));
    if (!rows.length) return;
    for (const r of rows) yield r;
    n += rows.length;
    last = rows[rows.length - 1]!.id;
    if (rows.length < chunk) return;
  }
}

export const countAudit = async (ex: Executor, f: AuditFilter) => (await ex.select({ total: count() }).from(auditLog).where(auditCondition(f)))[0]!.total;

export type AuditRow = typeof auditLog.$inferSelect;
