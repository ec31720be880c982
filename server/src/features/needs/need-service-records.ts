import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { serviceRecordBody } from '../../../../common/schemas/needs';
import type { Db } from '../../db/client';
import { needAssignments, serviceRecords } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import { relationsOf, timeline, visible } from './need-access';
import { refusal } from './need-refusal';
import * as repo from './needs.repository';

/** A service record against the need: by an assignee who accepted, or a coordinator / admin. */
export async function recordService(db: Db, actor: Actor, id: string, body: z.infer<typeof serviceRecordBody>) {
  return db.transaction(async (tx) => {
    const need = await visible(tx, actor, id, true);
    const relations = await relationsOf(tx, actor, need);
    const link = await repo.linkOf(tx, actor.userId);
    const accepted =
      !!link &&
      (
        await tx
          .select({ id: needAssignments.id })
          .from(needAssignments)
          .where(
            and(
              eq(needAssignments.needId, id),
              eq(needAssignments.status, 'accepted'),
              link.personId ? eq(needAssignments.personId, link.personId) : eq(needAssignments.organizationId, link.organizationId ?? '00000000-0000-0000-0000-000000000000'),
            ),
          )
      ).length > 0;
    if (!(relations.includes('coordinator') || relations.includes('admin') || accepted)) throw forbidden();
    if (need.status !== 'in_service' && need.status !== 'resolved') throw refusal('status', 'resolve');
    let personIds = body.providerPersonIds;
    let orgIds = body.providerOrganizationIds;
    if (!personIds.length && !orgIds.length) {
      // the assignees who accepted serve by default
      const acc = await tx.select().from(needAssignments).where(and(eq(needAssignments.needId, id), eq(needAssignments.status, 'accepted')));
      personIds = acc.flatMap((a) => (a.personId ? [a.personId] : []));
      orgIds = acc.flatMap((a) => (a.organizationId ? [a.organizationId] : []));
    }
    const [rec] = await tx
      .insert(serviceRecords)
      .values({
        needId: id,
        organizationId: need.organizationId,
        providerPersonIds: personIds,
        providerOrganizationIds: orgIds,
        servedOn: body.servedOn,
        kind: body.kind,
        hours: body.hours ?? null,
        peopleServed: body.peopleServed,
        outcome: body.outcome,
        districtCode: need.districtCode,
        createdBy: actor.userId,
      })
      .returning();
    await timeline(tx, actor, id, 'service', need.status, need.status, body.outcome);
    await recordAudit(tx, actor, { action: 'create', entity: 'service_record', entityId: rec!.id, entityName: need.title, after: { needId: id, ...body } });
    return { id: rec!.id };
  });
}
