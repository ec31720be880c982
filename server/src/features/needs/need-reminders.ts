import { eq, sql } from 'drizzle-orm';
import { openNeedStatuses } from '../../../../common/need-workflow';
import type { Tx } from '../../db/client';
import { needs, users } from '../../db/schema';
import type { Job, JobHandler } from '../../lib/jobs';
import { notify } from './need-notify';

/**
 * The deadline job of a need (lib/jobs.ts kind 'need.deadline'): on the deadline day a reminder ("due
 * today") to the coordinators of the need's district; a working day after it, if the need is still not
 * answered (first response) or not resolved, an escalation (督办) to the scope above: the admins, and
 * the coordinators again. A need answered in time, or a deadline moved, makes the job a no-op.
 */
export const NEED_DEADLINE_JOB = 'need.deadline';

interface Payload {
  needId: string;
  which: 'respond' | 'resolve';
  stage: 'due' | 'escalate';
  day: string;
}

export async function coordinatorsOf(tx: Tx, districtCode: string | null) {
  if (!districtCode) return [];
  const rows = await tx.execute(sql`select id::text as id from users where role = 'coordinator' and not disabled
    and scopes @> ${JSON.stringify([{ kind: 'district', value: districtCode }])}::jsonb`);
  return (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

async function admins(tx: Tx) {
  return (await tx.select({ id: users.id }).from(users).where(sql`${users.role} = 'admin' and not ${users.disabled}`)).map((r) => r.id);
}

export const needDeadlineHandler: JobHandler = async (job: Job, tx: Tx) => {
  const p = job.payload as unknown as Payload;
  const [need] = await tx.select().from(needs).where(eq(needs.id, p.needId));
  if (!need) return;
  const deadline = p.which === 'respond' ? need.respondBy : need.resolveBy;
  if (deadline !== p.day) return; // the deadline moved: a newer job carries it
  const pending = p.which === 'respond' ? need.status === 'submitted' : openNeedStatuses.includes(need.status);
  if (!pending) return;
  const what = p.which === 'respond' ? '首次响应 / first response' : '办结 / resolution';
  const [whatZh, whatEn] = what.split(' / ');
  const coordinators = await coordinatorsOf(tx, need.districtCode);
  const key = `${job.kind}:${p.needId}:${p.which}:${p.day}:${p.stage}`;
  if (p.stage === 'due') {
    await notify(tx, coordinators, {
      kind: 'due',
      needId: need.id,
      message: `诉求“${need.title}”今日到期（${whatZh}） / due today (${whatEn})`,
      dedupeKey: key,
    });
  } else {
    await notify(tx, [...coordinators, ...(await admins(tx))], {
      kind: 'escalated',
      needId: need.id,
      message: `督办：诉求“${need.title}”已超过${whatZh}时限（${p.day}） / escalated: ${whatEn} overdue since ${p.day}`,
      dedupeKey: key,
    });
  }
};

export const needJobHandlers: Record<string, JobHandler> = { [NEED_DEADLINE_JOB]: needDeadlineHandler };
