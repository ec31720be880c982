import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { decideStep } from '../../../../common/need-workflow';
import type { needStepBody } from '../../../../common/schemas/needs';
import type { Db, Tx } from '../../db/client';
import { needAssignments } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../audit/audit.repository';
import { present, relationsOf, timeline, visible } from './need-access';
import { linkedUsers, notify } from './need-notify';
import { refusal } from './need-refusal';
import { auditNeed } from './needs.presenter';
import * as repo from './needs.repository';

/** accept, reject, resolve, confirm, reopen, withdraw: the state machine decides, one transaction writes. */
/** `outer`: the caller's transaction (a problem-docking meeting records its answer and moves the need in one). */
export async function stepNeed(db: Db, actor: Actor, id: string, body: z.infer<typeof needStepBody>, outer?: Tx) {
  const run = async (tx: Tx) => {
    const before = await visible(tx, actor, id, true);
    const relations = await relationsOf(tx, actor, before);
    const decision = decideStep(before.status, body.action, relations, { note: body.note, rating: body.rating });
    if (!decision.ok) throw refusal(decision.refusal, body.action);
    const patch: Partial<repo.NewNeed> = { status: decision.to };
    if (body.action === 'accept' || body.action === 'reject') patch.respondedAt = new Date();
    if (body.action === 'resolve') patch.resolvedAt = new Date();
    if (body.action === 'confirm') Object.assign(patch, { rating: body.rating, ratingComment: body.note ?? null });
    if (body.action === 'withdraw')
      await tx
        .update(needAssignments)
        .set({ status: 'withdrawn' })
        .where(and(eq(needAssignments.needId, id), inArray(needAssignments.status, ['proposed', 'accepted'])));
    const after = await repo.updateNeed(tx, id, patch);
    await timeline(tx, actor, id, body.action, before.status, decision.to, body.note);
    await recordAudit(tx, actor, { action: 'update', entity: 'need', entityId: id, before: auditNeed(before), after: { ...auditNeed(after), step: body.action, note: body.note ?? null } });
    if (body.action === 'resolve')
      await notify(tx, await linkedUsers(tx, [before.organizationId], []), { kind: 'status', needId: id, message: `诉求“${before.title}”已办结，请确认并评价 / resolved: please confirm and rate` });
    return (await present(tx, [{ ...after, organizationName: before.organizationName }]))[0]!;
  };
  return outer ? run(outer) : db.transaction(run);
}
