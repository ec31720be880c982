import { and, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { maskRecord } from './audit-mask';
import { likeContains } from '../../lib/text';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Write one audit entry; call it with the transaction of the write it records. */
export async function recordAudit(ex: Executor, actor: Actor, e: AuditInput): Promise<void> {
  await ex.insert(auditLog).values({
    actorId: actor.userId,
    actorUsername: actor.username,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    before: e.before === undefined ? null : maskRecord(e.before),
    after: e.after === undefined ? null : maskRecord(e.after),
    requestId: actor.requestId,
    ip: actor.ip,
  });
}

export interface AuditFilter {
  entity?: string;
  action?: string;
  actor?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(ex: Executor, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.actor) where.push(ilike(auditLog.actorUsername, likeContains(f.actor)));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.from) where.push(gte(auditLog.at, new Date(f.from.length === 10 ? `${f.from}T00:00:00+08:00` : f.from)));
  if (f.to) where.push(lte(auditLog.at, new Date(f.to.length === 10 ? `${f.to}T23:59:59.999+08:00` : f.to)));
  const cond = where.length ? and(...where) : undefined;
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
