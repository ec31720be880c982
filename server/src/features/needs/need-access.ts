import { and, eq, inArray } from 'drizzle-orm';
import type { NeedRelation, NeedStatus } from '../../../../common/need-workflow';
import { shanghaiToday } from '../../../../common/shanghai-date';
import type { Executor, Tx } from '../../db/client';
import { needAssignments } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { canAccess } from '../../lib/visibility';
import { presentNeed } from './needs.presenter';
import * as repo from './needs.repository';

/** The need if the actor may see it (out of scope looks the same as absent), how the actor stands to it, and how it is presented and logged. */
export async function visible(ex: Executor, actor: Actor, id: string, forUpdate = false) {
  const row = await repo.findNeed(ex, id, repo.needScope(actor), forUpdate);
  if (!row) throw notFound(); // out of scope looks the same as absent
  return row;
}

/** How the actor stands to the need: owner (its enterprise), coordinator (may change it), assignee, admin. */
export async function relationsOf(ex: Executor, actor: Actor, need: repo.NeedRow): Promise<NeedRelation[]> {
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

export async function present(ex: Executor, rows: repo.NeedRow[]) {
  const names = await repo.industryNames(
    ex,
    rows.flatMap((r) => r.industryIds),
  );
  const today = shanghaiToday();
  return rows.map((r) => presentNeed(r, names, today));
}

export async function timeline(tx: Tx, actor: Actor, needId: string, action: string, from: NeedStatus | null, to: NeedStatus, note?: string | null) {
  await repo.addTimeline(tx, { needId, actorId: actor.userId, actorName: actor.username, action, fromStatus: from, toStatus: to, note: note ?? null });
}
