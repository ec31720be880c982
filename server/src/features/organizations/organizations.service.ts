import type { z } from 'zod';
import type {
  createOrganizationBody,
  organizationListQuery,
  updateOrganizationBody,
} from '../../../../common/schemas/organizations';
import type { Db } from '../../db/client';
import { visibleDistricts, type Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import { canReadOrganization, canWriteOrganization } from './organizations.policy';
import { auditOrganization, presentOrganization } from './organizations.presenter';
import * as repo from './organizations.repository';

const usccTaken = () =>
  new AppError('DUPLICATE', { fields: [{ path: 'uscc', message: '该统一社会信用代码已被其他单位使用 / credit code already used' }] });

export function createOrganizationService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, q: z.infer<typeof organizationListQuery>) {
      const { rows, total } = await repo.listOrganizations(
        db,
        { districts: visibleDistricts(actor), q: q.q, kind: q.kind, districtCode: q.districtCode },
        q.sort,
        q.page,
        q.pageSize,
      );
      return { items: rows.map(presentOrganization), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const row = await repo.findOrganization(db, id);
      // out of scope looks the same as absent: do not confirm that the record exists
      if (!row || !canReadOrganization(actor, row)) throw notFound();
      return presentOrganization(row);
    },

    async create(actor: Actor, body: z.infer<typeof createOrganizationBody>) {
      const values = { name: body.name, kind: body.kind, districtCode: body.districtCode ?? null, uscc: body.uscc ?? null };
      if (!canWriteOrganization(actor, values)) throw forbidden();
      return db.transaction(async (tx) => {
        if (values.uscc && (await repo.findOrganizationByUscc(tx, values.uscc))) throw usccTaken();
        const row = await repo.insertOrganization(tx, values);
        await recordAudit(tx, actor, { action: 'create', entity: 'organization', entityId: row.id, after: auditOrganization(row) });
        return presentOrganization(row);
      });
    },

    async update(actor: Actor, id: string, body: z.infer<typeof updateOrganizationBody>) {
      return db.transaction(async (tx) => {
        const before = await repo.findOrganization(tx, id);
        if (!before || !canReadOrganization(actor, before)) throw notFound();
        const next = { ...before, ...body };
        if (!canWriteOrganization(actor, before) || !canWriteOrganization(actor, { districtCode: next.districtCode ?? null })) {
          throw forbidden();
        }
        if (body.uscc && body.uscc !== before.uscc) {
          const other = await repo.findOrganizationByUscc(tx, body.uscc);
          if (other && other.id !== id) throw usccTaken();
        }
        const after = await repo.updateOrganization(tx, id, body);
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'organization',
          entityId: id,
          before: auditOrganization(before),
          after: auditOrganization(after),
        });
        return presentOrganization(after);
      });
    },
  };
}
export type OrganizationService = ReturnType<typeof createOrganizationService>;
