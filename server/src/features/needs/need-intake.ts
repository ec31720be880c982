import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createNeedBody } from '../../../../common/schemas/needs';
import { shanghaiInstant, shanghaiToday } from '../../../../common/shanghai-date';
import type { Db, Tx } from '../../db/client';
import { organizations } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden } from '../../lib/errors';
import { enqueueJob } from '../../lib/jobs';
import { canAccess, changesRecords, districtOutOfScope, mayPlaceIn } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { present, timeline } from './need-access';
import { syncNeedSearch } from './need-search';
import { auditNeed } from './needs.presenter';
import * as repo from './needs.repository';
import { addWorkingDays, deadlinePreset, loadExceptions, nextWorkingDay } from './work-calendar';

/** A reminder runs at 09:00 Shanghai time on its day. */
const at9 = (day: string) => shanghaiInstant(day, '09:00');

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

export async function createNeed(db: Db, actor: Actor, body: z.infer<typeof createNeedBody>) {
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
    await syncNeedSearch(tx, [row.id]);
    await timeline(tx, actor, row.id, 'submit', null, 'submitted');
    await scheduleDeadlines(tx, row.id, respondBy, resolveBy, exceptions);
    await recordAudit(tx, actor, { action: 'create', entity: 'need', entityId: row.id, after: auditNeed(row) });
    return (await present(tx, [{ ...row, organizationName: org.name }]))[0]!;
  });
}
