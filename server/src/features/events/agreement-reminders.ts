import { eq, sql } from 'drizzle-orm';
import { shanghaiInstant, shanghaiToday } from '../../../../common/shanghai-date';
import type { Executor, Tx } from '../../db/client';
import { agreementCommitments, agreements, users } from '../../db/schema';
import { enqueueJob, type Job, type JobHandler } from '../../lib/jobs';
import { coordinatorsOf } from '../needs/need-reminders';
import { notify } from '../needs/needs.service';

/**
 * Reminders of an agreement (lib/jobs.ts kind 'agreement.reminder', the same durable jobs as the needs'
 * deadlines): for each commitment with a due date, one a week before ("coming due") and one on the day;
 * and one on the six-month review date. They land in the in-app inbox of the coordinators of the
 * agreement's district (the admins when it has none). A commitment done (100 %) or moved, or a review
 * already recorded as achieved/abandoned, makes the job a no-op. Dates already past are not scheduled
 * (an old agreement entered late does not flood the inbox).
 */
export const AGREEMENT_REMINDER_JOB = 'agreement.reminder';

interface Payload {
  agreementId: string;
  which: 'commitment' | 'review';
  commitmentId?: string;
  stage: 'soon' | 'due';
  day: string;
}

const at9 = (day: string) => shanghaiInstant(day, '09:00');
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Schedule the reminders of one agreement, in the transaction that writes it. */
export async function scheduleAgreementReminders(ex: Executor, agreementId: string, reviewDueOn: string | null, commitments: { id: string; dueOn: string | null }[]) {
  const today = shanghaiToday();
  const jobs: Payload[] = [];
  for (const c of commitments) {
    if (!c.dueOn || c.dueOn < today) continue;
    const soon = addDays(c.dueOn, -7);
    if (soon >= today) jobs.push({ agreementId, which: 'commitment', commitmentId: c.id, stage: 'soon', day: c.dueOn });
    jobs.push({ agreementId, which: 'commitment', commitmentId: c.id, stage: 'due', day: c.dueOn });
  }
  if (reviewDueOn && reviewDueOn >= today) jobs.push({ agreementId, which: 'review', stage: 'due', day: reviewDueOn });
  for (const p of jobs)
    await enqueueJob(ex, {
      kind: AGREEMENT_REMINDER_JOB,
      payload: { ...p },
      runAt: at9(p.stage === 'soon' ? addDays(p.day, -7) : p.day),
      dedupeKey: `agreement:${p.agreementId}:${p.commitmentId ?? 'review'}:${p.day}:${p.stage}`,
    });
}

export const agreementReminderHandler: JobHandler = async (job: Job, tx: Tx) => {
  const p = job.payload as unknown as Payload;
  const [a] = await tx.select().from(agreements).where(eq(agreements.id, p.agreementId));
  if (!a) return;
  let zh: string;
  let en: string;
  if (p.which === 'commitment') {
    const [c] = await tx.select().from(agreementCommitments).where(eq(agreementCommitments.id, p.commitmentId!));
    if (!c || c.dueOn !== p.day || c.progress >= 100) return;
    const owner = c.owner ? `（责任方：${c.owner}）` : '';
    [zh, en] =
      p.stage === 'soon'
        ? [`协议“${a.title}”的承诺“${c.text}”将于 ${p.day} 到期${owner}`, `commitment due on ${p.day}`]
        : [`协议“${a.title}”的承诺“${c.text}”今日到期${owner}`, 'commitment due today'];
  } else {
    if (a.reviewDueOn !== p.day || a.review === 'achieved' || a.review === 'abandoned') return;
    [zh, en] = [`协议“${a.title}”签约满六个月，请回访并记录合作进展`, 'six-month follow-up review due'];
  }
  let to = await coordinatorsOf(tx, a.districtCode);
  if (!to.length) to = (await tx.select({ id: users.id }).from(users).where(sql`${users.role} = 'admin' and not ${users.disabled}`)).map((r) => r.id);
  await notify(tx, to, { kind: 'due', needId: null, message: `${zh} / ${en}`, dedupeKey: `${job.kind}:${p.agreementId}:${p.commitmentId ?? 'review'}:${p.day}:${p.stage}` });
};

export const agreementJobHandlers: Record<string, JobHandler> = { [AGREEMENT_REMINDER_JOB]: agreementReminderHandler };
