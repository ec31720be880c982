import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { openNeedStatuses } from '../../../../common/need-workflow';
import { shanghaiInstant, shanghaiToday } from '../../../../common/shanghai-date';
import type { Executor, Tx } from '../../db/client';
import { eventAgendaItems, events, jobs, needs } from '../../db/schema';
import { enqueueJob, type Job, type JobHandler } from '../../lib/jobs';
import { coordinatorsOf } from '../needs/need-reminders';
import { notify } from '../needs/needs.service';

/**
 * The next deadline a problem-docking meeting set for a need (lib/jobs.ts kind 'agenda.deadline', the same
 * durable jobs as the needs' deadlines and the agreements' reminders). A need has one such deadline at a
 * time: the one of its latest agenda item. Scheduling it (recording the item, changing its deadline, the
 * need brought to a later meeting) removes the need's pending meeting-deadline job in the same transaction
 * and enqueues the new one, so the old day never fires. A job already claimed by a runner and deleted here
 * cannot commit (jobs.ts marks it done only while its row is still there), and the handler checks again
 * that the item still carries that day, is still the need's latest and the need is still open.
 *
 * On the day at 09:00 Shanghai the reminder lands in the inbox of whoever recorded the item and of the
 * coordinators of the need's district (the owner is a free-text name, often an office outside Tongxin).
 */
export const AGENDA_DEADLINE_JOB = 'agenda.deadline';

interface Payload {
  agendaItemId: string;
  needId: string;
  day: string;
}

const at9 = (day: string) => shanghaiInstant(day, '09:00');

/** Replace the need's pending meeting-deadline reminder by this item's (none when the day is empty or past). */
export async function scheduleAgendaDeadline(ex: Executor, item: { id: string; needId: string; nextDeadline: string | null }) {
  await ex.delete(jobs).where(and(eq(jobs.kind, AGENDA_DEADLINE_JOB), sql`${jobs.payload}->>'needId' = ${item.needId}`, sql`${jobs.doneAt} is null`, sql`${jobs.failedAt} is null`));
  if (!item.nextDeadline || item.nextDeadline < shanghaiToday()) return false;
  const payload: Payload = { agendaItemId: item.id, needId: item.needId, day: item.nextDeadline };
  return enqueueJob(ex, { kind: AGENDA_DEADLINE_JOB, payload: { ...payload }, runAt: at9(item.nextDeadline), dedupeKey: `agenda:${item.id}:${item.nextDeadline}` });
}

export const agendaDeadlineHandler: JobHandler = async (job: Job, tx: Tx) => {
  const p = job.payload as unknown as Payload;
  const [item] = await tx
    .select({ item: eventAgendaItems, eventTitle: events.title })
    .from(eventAgendaItems)
    .innerJoin(events, eq(events.id, eventAgendaItems.eventId))
    .where(eq(eventAgendaItems.id, p.agendaItemId));
  if (!item || item.item.nextDeadline !== p.day) return; // the deadline moved: a newer job carries it
  const [latest] = await tx
    .select({ id: eventAgendaItems.id })
    .from(eventAgendaItems)
    .where(and(eq(eventAgendaItems.needId, p.needId), isNotNull(eventAgendaItems.nextDeadline)))
    .orderBy(desc(eventAgendaItems.createdAt), desc(eventAgendaItems.id))
    .limit(1);
  if (latest?.id !== item.item.id) return; // a later meeting set the need's next deadline
  const [need] = await tx.select().from(needs).where(eq(needs.id, p.needId));
  if (!need || !openNeedStatuses.includes(need.status)) return;
  const to = [...(await coordinatorsOf(tx, need.districtCode)), ...(item.item.createdBy ? [item.item.createdBy] : [])];
  await notify(tx, to, {
    kind: 'due',
    needId: need.id,
    message: `诉求“${need.title}”在问题对接会“${item.eventTitle}”确定的下一期限今日到期（责任人：${item.item.owner}） / the next deadline set at the problem-docking meeting is today (owner: ${item.item.owner})`,
    dedupeKey: `${job.kind}:${p.agendaItemId}:${p.day}`,
  });
};

export const agendaJobHandlers: Record<string, JobHandler> = { [AGENDA_DEADLINE_JOB]: agendaDeadlineHandler };
