import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { decideStep } from '../../../../common/need-workflow';
import type { answerAssignmentBody, assignBody } from '../../../../common/schemas/needs';
import type { Db, Executor } from '../../db/client';
import { affiliations, needAssignments } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, notFound } from '../../lib/errors';
import { canAccess } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { present, relationsOf, timeline, visible } from './need-access';
import { linkedUsers, notify } from './need-notify';
import { refusal } from './need-refusal';
import { auditNeed } from './needs.presenter';
import * as repo from './needs.repository';

/** Assign one or several providers from the ranked list (a coordinator of the need's district, or an admin). */
export async function assignNeed(db: Db, actor: Actor, id: string, body: z.infer<typeof assignBody>) {
  return db.transaction(async (tx) => {
    const before = await visible(tx, actor, id, true);
    const relations = await relationsOf(tx, actor, before);
    const decision = decideStep(before.status, 'assign', relations);
    if (!decision.ok) throw refusal(decision.refusal, 'assign');
    const existing = await tx.select().from(needAssignments).where(and(eq(needAssignments.needId, id), inArray(needAssignments.status, ['proposed', 'accepted'])));
    const added: { personId: string | null; organizationId: string | null }[] = [];
    for (const [i, c] of body.candidates.entries()) {
      const path = `candidates.${i}`;
      if (!!c.personId === !!c.organizationId)
        throw new AppError('VALIDATION', { fields: [{ path, message: '每位服务方须为一位专家或一家单位 / each provider is one person or one organisation' }] });
      const entity = c.personId ? 'person' : 'organization';
      const targetId = (c.personId ?? c.organizationId)!;
      if (!(await canAccess(tx, actor, entity, 'read', targetId))) throw new AppError('VALIDATION', { fields: [{ path, message: '未找到该服务方 / no such provider' }] });
      if (await isConflicted(tx, before.organizationId, c))
        throw new AppError('VALIDATION', { fields: [{ path, message: '服务方与提出诉求的企业有关联（利益冲突）/ the provider is affiliated with the requesting enterprise' }] });
      if (existing.some((e) => (c.personId && e.personId === c.personId) || (c.organizationId && e.organizationId === c.organizationId))) continue;
      await tx.insert(needAssignments).values({ needId: id, personId: c.personId ?? null, organizationId: c.organizationId ?? null, score: c.score ?? null, assignedBy: actor.userId });
      added.push({ personId: c.personId ?? null, organizationId: c.organizationId ?? null });
    }
    const after = await repo.updateNeed(tx, id, { status: decision.to });
    const names = await repo.namesOf(
      tx,
      added.flatMap((a) => (a.personId ? [a.personId] : [])),
      added.flatMap((a) => (a.organizationId ? [a.organizationId] : [])),
    );
    const note = [...names.values()].join('、') + (body.note ? `：${body.note}` : '');
    await timeline(tx, actor, id, 'assign', before.status, decision.to, note);
    await recordAudit(tx, actor, { action: 'update', entity: 'need', entityId: id, before: auditNeed(before), after: { ...auditNeed(after), step: 'assign', assigned: [...names.values()] } });
    await notify(
      tx,
      await linkedUsers(
        tx,
        added.flatMap((a) => (a.organizationId ? [a.organizationId] : [])),
        added.flatMap((a) => (a.personId ? [a.personId] : [])),
      ),
      { kind: 'assigned', needId: id, message: `您被指派服务诉求“${before.title}” / you were assigned a need` },
    );
    return (await present(tx, [{ ...after, organizationName: before.organizationName }]))[0]!;
  });
}

/** The assigned expert accepts (the need goes into service) or declines with a reason (it returns to matching when nobody is left). */
export async function answerAssignment(db: Db, actor: Actor, id: string, assignmentId: string, body: z.infer<typeof answerAssignmentBody>) {
  return db.transaction(async (tx) => {
    const before = await visible(tx, actor, id, true);
    const link = await repo.linkOf(tx, actor.userId);
    const [a] = await tx.select().from(needAssignments).where(and(eq(needAssignments.id, assignmentId), eq(needAssignments.needId, id)));
    const mine = !!a && !!link && ((!!link.personId && a.personId === link.personId) || (!!link.organizationId && a.organizationId === link.organizationId));
    if (!a || !mine) throw notFound();
    if (a.status !== 'proposed') throw refusal('status', body.accept ? 'start' : 'decline');
    const relations = await relationsOf(tx, actor, before);
    let to = before.status;
    if (body.accept) {
      if (before.status === 'matched') {
        const d = decideStep(before.status, 'start', relations);
        if (!d.ok) throw refusal(d.refusal, 'start');
        to = d.to;
      } else if (before.status !== 'in_service') throw refusal('status', 'start');
      await tx.update(needAssignments).set({ status: 'accepted', answeredAt: new Date() }).where(eq(needAssignments.id, a.id));
    } else {
      if (!body.reason?.trim()) throw new AppError('VALIDATION', { fields: [{ path: 'reason', message: '请填写原因 / a reason is required' }] });
      await tx.update(needAssignments).set({ status: 'declined', reason: body.reason, answeredAt: new Date() }).where(eq(needAssignments.id, a.id));
      const [{ n }] = (await tx.execute(
        sql`select count(*)::int as n from need_assignments where need_id = ${id} and status in ('proposed', 'accepted')`,
      )).rows as [{ n: number }];
      if (Number(n) === 0 && before.status === 'matched') {
        const d = decideStep(before.status, 'decline', relations, { note: body.reason });
        if (!d.ok) throw refusal(d.refusal, 'decline');
        to = d.to;
      }
    }
    const after = to !== before.status ? await repo.updateNeed(tx, id, { status: to }) : before;
    await timeline(tx, actor, id, body.accept ? 'start' : 'decline', before.status, to, body.reason);
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'need',
      entityId: id,
      before: auditNeed(before),
      after: { ...auditNeed(after), step: body.accept ? 'start' : 'decline', note: body.reason ?? null },
    });
    return (await present(tx, [{ ...after, organizationName: before.organizationName }]))[0]!;
  });
}

/** Anyone affiliated with the requesting enterprise (or the enterprise itself) may not serve it. */
export async function isConflicted(ex: Executor, requestingOrgId: string, c: { personId?: string | null; organizationId?: string | null }) {
  if (c.organizationId) return c.organizationId === requestingOrgId;
  const rows = await ex
    .select({ id: affiliations.id })
    .from(affiliations)
    .where(and(eq(affiliations.personId, c.personId!), eq(affiliations.organizationId, requestingOrgId)))
    .limit(1);
  return rows.length > 0;
}
