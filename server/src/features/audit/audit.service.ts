import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import { listAudit, type AuditFilter } from './audit.repository';

export const canReadAudit = (actor: Actor) => actor.role === 'admin';

export function createAuditService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, filter: AuditFilter) {
      if (!canReadAudit(actor)) throw forbidden();
      const { rows, total } = await listAudit(db, filter);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorUsername: r.actorUsername,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          before: r.before,
          after: r.after,
          requestId: r.requestId,
          ip: r.ip,
        })),
        total,
        page: filter.page,
        pageSize: filter.pageSize,
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
