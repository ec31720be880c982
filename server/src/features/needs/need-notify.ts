import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accountLinks, inboxItems } from '../../db/schema';

/** Users linked to these organisations / people (enterprise and expert accounts), for the inbox. */
export async function linkedUsers(ex: Executor, organizationIds: string[], personIds: string[]) {
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
