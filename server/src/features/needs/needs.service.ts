import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { allowedActions, decideStep, type NeedAction, type NeedRelation, type NeedStatus } from '../../../../common/need-workflow';
import type {
  answerAssignmentBody,
  assignBody,
  createNeedBody,
  needListQuery,
  needStepBody,
  serviceRecordBody,
  similarNeedsQuery,
} from '../../../../common/schemas/needs';
import { shanghaiToday } from '../../../../common/shanghai-date';
import type { Db, Executor, Tx } from '../../db/client';
import { accountLinks, affiliations, inboxItems, needAssignments, organizations, serviceRecords } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { enqueueJob } from '../../lib/jobs';
import { queryTokens } from '../../lib/text';
import { canAccess, changesRecords, districtOutOfScope, mayPlaceIn } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { auditNeed, presentNeed } from './needs.presenter';
import * as repo from './needs.repository';
import { addWorkingDays, deadlinePreset, loadExceptions, nextWorkingDay } from './work-calendar';

/** A reminder runs at 09:00 Shanghai time on its day. */
const at9 = (day: string) => new Date(`${day}T09:00:00+08:00`);

const refusal = (r: 'status' | 'role' | 'note' | 'rating', action: NeedAction) => {
  switch (r) {
    case 'status':
      return new AppError('CONFLICT', { userMessage: { zh: '诉求当前状态不允许此操作，请刷新后重试', en: `The need's status does not allow "${action}" now: reload and try again` } });
    case 'role':
      return forbidden();
    case 'note':
      return new AppError('VALIDATION', { fields: [{ path: 'note', message: '请填写原因 / a reason is required' }] });
    case 'rating':
      return new AppError('VALIDATION', { fields: [{ path: 'rating', message: '请给出 1–5 分的评分 / give a rating from 1 to 5' }] });
  }
};

/** Users linked to these organisations / people (enterprise and expert accounts), for the inbox. */
async function linkedUsers(ex: Executor, organizationIds: string[], personIds: string[]) {
  const conds = [];
  if (organizationIds.length) conds.push(inArray(accountLinks.organizationId, organizationIds));
  if (personIds.length) conds.push(inArray(accountLinks.personId, personIds));
  if (!conds.length) return [];
  const rows = await ex
    .select({ userId: accountLinks.userId })
    .from(accountLinks)
    .where(conds.length === 1 ? conds[0] : sql`(${conds[0]} or ${conds[1]})`);
  return rows.map((r) => r.userId);
}

export async function notify(ex: Executor, userIds: string[], item: { kind: 'due' | 'assigned' | 'escalated' | 'status'; needId: string | null; message: string; dedupeKey?: string }) {
  if (!userIds.length) return;
  await ex
    .insert(inboxItems)
    .values([...new Set(userIds)].map((userId) => ({ userId, ...item, dedupeKey: item.dedupeKey ?? null })))
    .onConflictDoNothing();
}

export function createNeedService({ db }: { db: Db }) {
  async function visible(ex: Executor, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.findNeed(ex, id, repo.needScope(actor), forUpdate);
    if (!row) throw notFound(); // out of scope looks the same as absent
    return row;
  }

  /** How the actor stands to the need: owner (its enterprise), coordinator (may change it), assignee, admin. */
  async function relationsOf(ex: Executor, actor: Actor, need: repo.NeedRow): Promise<NeedRelation[]> {
    const out: NeedRelation[] = [];
    if (actor.role === 'admin') out.push('admin');
    if (actor.role === 'coordinator' && (await canAccess(ex, actor, 'need', 'change', need.id))) out.push('coordinator');
    const link = await repo.linkOf(ex, actor.userId);
    if (link?.organizationId && actor.role === 'enterprise' && link.organizationId === need.organizationId) out.push('owner');
    if (link && (link.personId || link.organizationId)) {
      const live = await ex
        .select({ id: needAssignments.id })
        .from(needAssignments)
        .where(
          and(
            eq(needAssignments.needId, need.id),
            inArray(needAssignments.status, ['proposed', 'accepted']),
            link.personId ? eq(needAssignments.personId, link.personId) : eq(needAssignments.organizationId, link.organizationId!),
          ),
        )
        .limit(1);
      if (live.length) out.push('assignee');
    }
    return out;
  }

  async function present(ex: Executor, rows: repo.NeedRow[]) {
    const names = await repo.industryNames(
      ex,
      rows.flatMap((r) => r.industryIds),
    );
    const today = shanghaiToday();
    return rows.map((r) => presentNeed(r, names, today));
  }

  async function timeline(tx: Tx, actor: Actor, needId: string, action: string, from: NeedStatus | null, to: NeedStatus, note?: string | null) {
    await repo.addTimeline(tx, { needId, actorId: actor.userId, actorName: actor.username, action, fromStatus: from, toStatus: to, note: note ?? null });
  }

  /** Schedule the reminders (on the deadline day) and escalations (a working day later) of a need's deadlines. */
  async function scheduleDeadlines(tx: Tx, needId: string, respondBy: string, resolveBy: string, exceptions: Map<string, boolean>) {
    for (const [which, day] of [
      ['respond', respondBy],
      ['resolve', resolveBy],
    ] as const) {
      await enqueueJob(tx, { kind: 'need.deadline', payload: { needId, which, stage: 'due', day }, runAt: at9(day), dedupeKey: `need:${needId}:${which}:${day}:due` });
      const later = nextWorkingDay(day, exceptions);
      await enqueueJob(tx, { kind: 'need.deadline', payload: { needId, which, stage: 'escalate', day }, runAt: at9(later), dedupeKey: `need:${needId}:${which}:${day}:escalate` });
    }
  }

  return {
    relationsOf,
    visible,

    async list(actor: Actor, q: z.infer<typeof needListQuery>) {
      const link = q.assignedToMe === 'true' ? await repo.linkOf(db, actor.userId) : undefined;
      const { rows, total } = await repo.listNeeds(
        db,
        {
          scope: repo.needScope(actor),
          today: shanghaiToday(),
          q: q.q,
          status: q.status,
          category: q.category,
          districtCode: q.districtCode,
          organizationId: q.organizationId,
          overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
          open: q.open === undefined ? undefined : q.open === 'true',
          assignedPersonId: q.assignedToMe === 'true' ? (link?.personId ?? '00000000-0000-0000-0000-000000000000') : undefined,
        },
        q.sort,
        q.dir,
        q.page,
        q.pageSize,
      );
      return { items: await present(db, rows), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const need = await visible(db, actor, id);
      const [presented] = await present(db, [need]);
      const relations = await relationsOf(db, actor, need);
      const link = await repo.linkOf(db, actor.userId);
      const assignments = await repo.assignmentsOf(db, id);
      const records = await repo.serviceRecordsOf(db, id);
      const names = await repo.namesOf(
        db,
        records.flatMap((r) => r.providerPersonIds),
        records.flatMap((r) => r.providerOrganizationIds),
      );
      const acceptedMine = assignments.some(
        (a) => a.a.status === 'accepted' && ((link?.personId && a.a.personId === link.personId) || (link?.organizationId && a.a.organizationId === link.organizationId)),
      );
      return {
        ...presented!,
        timeline: (await repo.timelineOf(db, id)).map((t) => ({ at: t.at.toISOString(), actorName: t.actorName, action: t.action, fromStatus: t.fromStatus, toStatus: t.toStatus, note: t.note })),
        assignments: assignments.map(({ a, personName, organizationName }) => ({
          id: a.id,
          personId: a.personId,
          organizationId: a.organizationId,
          name: personName ?? organizationName ?? '',
          status: a.status,
          reason: a.reason,
          score: a.score,
          createdAt: a.createdAt.toISOString(),
          mine: a.status === 'proposed' && !!link && ((!!link.personId && a.personId === link.personId) || (!!link.organizationId && a.organizationId === link.organizationId && actor.role !== 'enterprise')),
        })),
        serviceRecords: records.map((r) => ({
          id: r.id,
          servedOn: r.servedOn,
          kind: r.kind,
          providers: [...r.providerPersonIds, ...r.providerOrganizationIds].map((x) => names.get(x) ?? ''),
          hours: r.hours,
          peopleServed: r.peopleServed,
          outcome: r.outcome,
        })),
        attachments: (await repo.attachmentsOf(db, id)).map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
        allowedActions: allowedActions(need.status, relations).filter((a) => a !== 'start' && a !== 'decline'),
        canRecordService:
          (need.status === 'in_service' || need.status === 'resolved') && (relations.includes('coordinator') || relations.includes('admin') || acceptedMine),
      };
    },

    async similar(actor: Actor, q: z.infer<typeof similarNeedsQuery>) {
      const organizationId = q.organizationId ?? (await repo.linkOf(db, actor.userId))?.organizationId ?? undefined;
      if (!organizationId) return [];
      const terms = queryTokens(q.title).filter((t) => t.length >= 2);
      return present(db, await repo.similarOpenNeeds(db, organizationId, terms, repo.needScope(actor)));
    },

    async create(actor: Actor, body: z.infer<typeof createNeedBody>) {
      let organizationId = body.organizationId;
      if (actor.role === 'enterprise') {
        const link = await repo.linkOf(db, actor.userId);
        if (!link?.organizationId) throw forbidden();
        if (organizationId && organizationId !== link.organizationId) throw forbidden();
        organizationId = link.organizationId;
      } else if (!changesRecords(actor)) throw forbidden();
      if (!organizationId) throw new AppError('VALIDATION', { fields: [{ path: 'organizationId', message: '请选择提出诉求的企业 / choose the enterprise' }] });
      // the enterprise must exist for the actor (an enterprise user's own organisation always does)
      const orgVisible = actor.role === 'enterprise' || (await canAccess(db, actor, 'organization', 'read', organizationId));
      const [org] = orgVisible ? await db.select().from(organizations).where(eq(organizations.id, organizationId)) : [];
      if (!org) throw new AppError('VALIDATION', { fields: [{ path: 'organizationId', message: '未找到该企业 / no such enterprise' }] });
      const districtCode = body.districtCode ?? org.districtCode ?? null;
      if (actor.role === 'coordinator' && !mayPlaceIn(actor, districtCode)) throw districtOutOfScope(actor);
      return db.transaction(async (tx) => {
        const today = shanghaiToday();
        const preset = await deadlinePreset(tx, body.category);
        const exceptions = await loadExceptions(tx, today);
        const respondBy = addWorkingDays(today, preset.respondDays, exceptions);
        const resolveBy = addWorkingDays(today, preset.resolveDays, exceptions);
        const row = await repo.insertNeed(tx, {
          organizationId: org.id,
          category: body.category,
          title: body.title,
          description: body.description,
          industryIds: body.industryIds,
          districtCode,
          urgency: body.urgency,
          wantedBy: body.wantedBy ?? null,
          respondBy,
          resolveBy,
          createdBy: actor.userId,
        });
        await timeline(tx, actor, row.id, 'submit', null, 'submitted');
        await scheduleDeadlines(tx, row.id, respondBy, resolveBy, exceptions);
        await recordAudit(tx, actor, { action: 'create', entity: 'need', entityId: row.id, after: auditNeed(row) });
        return (await present(tx, [{ ...row, organizationName: org.name }]))[0]!;
      });
    },

    /** accept, reject, resolve, confirm, reopen, withdraw: the state machine decides, one transaction writes. */
    async step(actor: Actor, id: string, body: z.infer<typeof needStepBody>, outer?: Tx) {
      // the caller's transaction when given (a problem-docking meeting records its answer and moves the need in one)
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
    },

    /** Assign one or several providers from the ranked list (a coordinator of the need's district, or an admin). */
    async assign(actor: Actor, id: string, body: z.infer<typeof assignBody>) {
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
    },

    /** The assigned expert accepts (the need goes into service) or declines with a reason (it returns to matching when nobody is left). */
    async answer(actor: Actor, id: string, assignmentId: string, body: z.infer<typeof answerAssignmentBody>) {
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
    },

    /** A service record against the need: by an assignee who accepted, or a coordinator / admin. */
    async recordService(actor: Actor, id: string, body: z.infer<typeof serviceRecordBody>) {
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
    },
  };
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

export type NeedService = ReturnType<typeof createNeedService>;
