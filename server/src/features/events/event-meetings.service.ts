import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { openNeedStatuses } from '../../../../common/need-workflow';
import type { agendaItemBody, agendaItemPatch, releaseBody } from '../../../../common/schemas/event-meetings';
import type { Db } from '../../db/client';
import { agreements, eventAgendaItems, eventReleases } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { accessibleIds, canAccess } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { timeline } from '../needs/need-access';
import type { NeedService } from '../needs/needs.service';
import { scheduleAgendaDeadline } from './agenda-deadlines';
import { changeableEvent, fieldError, visibleEvent } from './event-access';

type AgendaRow = typeof eventAgendaItems.$inferSelect;

/**
 * The three meetings beyond signing (a signing meeting records its agreements: agreements.service.ts):
 *  - a problem-docking meeting (问题对接会) takes its agenda from the open needs of its district, through
 *    the needs service (its scope, its state machine); for each need it records the answer, the owner and
 *    the next deadline, and the step moves the need's workflow, in the same transaction;
 *  - a work-release meeting (工作发布会) publishes releases (title, body, attachments), each possibly
 *    releasing a plan (an agreement of kind plan, e.g. the five-year strategy).
 */
export function createMeetingService({ db, needs }: { db: Db; needs: NeedService }) {
  const presentItem = (r: AgendaRow, need: { title: string; status: string } | null) => ({
    id: r.id,
    needId: r.needId,
    // a need the reader may not see keeps its place on the agenda without its title
    needTitle: need?.title ?? '—',
    needStatus: need?.status ?? '',
    answer: r.answer,
    owner: r.owner,
    nextDeadline: r.nextDeadline,
    step: r.step,
    createdAt: r.createdAt.toISOString(),
  });

  return {
    async agenda(actor: Actor, eventId: string) {
      const ev = await visibleEvent(db, actor, eventId);
      const rows = await db.select().from(eventAgendaItems).where(eq(eventAgendaItems.eventId, eventId)).orderBy(asc(eventAgendaItems.sort), asc(eventAgendaItems.createdAt));
      const seen = await Promise.all(rows.map((r) => needs.visible(db, actor, r.needId).catch(() => null)));
      const onAgenda = new Set(rows.map((r) => r.needId));
      const open = ev.kind === 'problem_meeting'
        ? await needs.list(actor, { open: 'true', districtCode: ev.districtCode ?? undefined, sort: 'deadline', dir: 'asc', page: 1, pageSize: 100 })
        : { items: [] };
      return { items: rows.map((r, i) => presentItem(r, seen[i] ?? null)), candidates: open.items.filter((n) => !onAgenda.has(n.id)) };
    },

    async addAgendaItem(actor: Actor, eventId: string, body: z.output<typeof agendaItemBody>) {
      return db.transaction(async (tx) => {
        const ev = await changeableEvent(tx, actor, eventId);
        if (ev.kind !== 'problem_meeting') throw fieldError('VALIDATION', 'needId', '只有问题对接会有议程', 'only a problem-docking meeting has an agenda', 400);
        const need = await needs.visible(tx, actor, body.needId, true).catch(() => {
          throw fieldError('VALIDATION', 'needId', '所选诉求不存在', 'no such need', 400);
        });
        if (!openNeedStatuses.includes(need.status)) throw fieldError('CONFLICT', 'needId', '该诉求已办结或已关闭', 'the need is no longer open');
        // what the meeting records goes onto the need's timeline: only those who may change the need write there
        if (!body.step && !(await canAccess(tx, actor, 'need', 'change', need.id))) throw fieldError('FORBIDDEN', 'needId', '无权更改该诉求', 'you may not change this need', 403);
        const deadline = body.nextDeadline ? `，下一期限 ${body.nextDeadline}` : '';
        const note = `问题对接会“${ev.title}”：${body.answer}（责任人：${body.owner}${deadline}）`;
        // the step goes through the needs' own state machine, which refuses a step the need's status or the actor does not allow;
        // without a step the answer still goes on the need's timeline
        const after = body.step ? await needs.step(actor, need.id, { action: body.step, note }, tx) : null;
        if (!body.step) await timeline(tx, actor, need.id, 'meeting', need.status, need.status, note);
        const n = await tx.$count(eventAgendaItems, eq(eventAgendaItems.eventId, eventId));
        const [row] = await tx
          .insert(eventAgendaItems)
          .values({ eventId, needId: need.id, answer: body.answer, owner: body.owner, nextDeadline: body.nextDeadline ?? null, step: body.step ?? null, sort: n, createdBy: actor.userId })
          .returning();
        // the next deadline becomes the need's one pending meeting reminder (a later meeting's replaces an earlier one's)
        if (row!.nextDeadline) await scheduleAgendaDeadline(tx, row!);
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'event',
          entityId: ev.id,
          entityName: ev.title,
          after: { agendaItem: need.title, answer: body.answer, owner: body.owner, nextDeadline: body.nextDeadline ?? null, step: body.step ?? null },
        });
        return presentItem(row!, { title: need.title, status: after?.status ?? need.status });
      });
    },

    /** Change an item's answer, owner or next deadline; a changed deadline replaces the reminder and goes on the need's timeline. */
    async updateAgendaItem(actor: Actor, eventId: string, itemId: string, body: z.output<typeof agendaItemPatch>) {
      return db.transaction(async (tx) => {
        const ev = await changeableEvent(tx, actor, eventId);
        const [before] = await tx
          .select()
          .from(eventAgendaItems)
          .where(and(eq(eventAgendaItems.id, itemId), eq(eventAgendaItems.eventId, eventId)))
          .for('update');
        if (!before) throw notFound();
        const need = await needs.visible(tx, actor, before.needId, true).catch(() => {
          throw notFound();
        });
        if (!(await canAccess(tx, actor, 'need', 'change', need.id))) throw fieldError('FORBIDDEN', 'needId', '无权更改该诉求', 'you may not change this need', 403);
        const patch = {
          answer: body.answer ?? before.answer,
          owner: body.owner ?? before.owner,
          nextDeadline: body.nextDeadline === undefined ? before.nextDeadline : body.nextDeadline,
        };
        const [row] = await tx.update(eventAgendaItems).set(patch).where(eq(eventAgendaItems.id, itemId)).returning();
        const moved = patch.nextDeadline !== before.nextDeadline;
        if (moved) {
          await scheduleAgendaDeadline(tx, row!);
          const was = before.nextDeadline ?? '—';
          const note = patch.nextDeadline
            ? `问题对接会“${ev.title}”：下一期限改为 ${patch.nextDeadline}（原 ${was}，责任人：${patch.owner}）`
            : `问题对接会“${ev.title}”：取消下一期限（原 ${was}）`;
          await timeline(tx, actor, need.id, 'meeting', need.status, need.status, note);
        }
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'event',
          entityId: ev.id,
          entityName: ev.title,
          before: { agendaItem: need.title, answer: before.answer, owner: before.owner, nextDeadline: before.nextDeadline },
          after: { agendaItem: need.title, ...patch },
        });
        return presentItem(row!, { title: need.title, status: need.status });
      });
    },

    async releases(actor: Actor, eventId: string) {
      await visibleEvent(db, actor, eventId);
      const rows = await db
        .select({ r: eventReleases, planTitle: agreements.title })
        .from(eventReleases)
        .leftJoin(agreements, eq(agreements.id, eventReleases.planId))
        .where(eq(eventReleases.eventId, eventId))
        .orderBy(asc(eventReleases.createdAt));
      return rows.map(({ r, planTitle }) => ({ id: r.id, title: r.title, body: r.body, attachments: r.attachments, planId: r.planId, planTitle, createdAt: r.createdAt.toISOString() }));
    },

    async addRelease(actor: Actor, eventId: string, body: z.output<typeof releaseBody>) {
      return db.transaction(async (tx) => {
        const ev = await changeableEvent(tx, actor, eventId);
        if (ev.kind !== 'release_meeting') throw fieldError('VALIDATION', 'title', '只有工作发布会发布内容', 'only a work-release meeting publishes releases', 400);
        let planTitle: string | null = null;
        if (body.planId) {
          const ok = await accessibleIds(tx, actor, 'agreement', 'read', [body.planId]);
          const [plan] = ok.has(body.planId) ? await tx.select().from(agreements).where(eq(agreements.id, body.planId)) : [];
          if (!plan || plan.kind !== 'plan') throw fieldError('VALIDATION', 'planId', '所选计划不存在', 'no such plan', 400);
          planTitle = plan.title;
        }
        const [row] = await tx
          .insert(eventReleases)
          .values({ eventId, title: body.title, body: body.body, attachments: body.attachments, planId: body.planId ?? null })
          .returning();
        await recordAudit(tx, actor, { action: 'update', entity: 'event', entityId: ev.id, entityName: ev.title, after: { release: body.title, plan: planTitle } });
        return { id: row!.id, title: row!.title, body: row!.body, attachments: row!.attachments, planId: row!.planId, planTitle, createdAt: row!.createdAt.toISOString() };
      });
    },
  };
}
export type MeetingService = ReturnType<typeof createMeetingService>;
