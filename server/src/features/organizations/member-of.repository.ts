import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { positionOf, type MemberPosition } from '../../../../common/domain';
import type { MemberOf } from '../../../../common/schemas/organizations';
import type { Executor } from '../../db/client';
import { memberships, networks } from '../../db/schema';

type Owner = 'organization' | 'person';
const ownerColumn = (owner: Owner) => (owner === 'organization' ? memberships.organizationId : memberships.personId);

/**
 * The networks an organisation or a person belongs to, current first, then by join date (newest first);
 * `networkScope` (lib/visibility.ts's read condition on networks) leaves out those the actor may not see.
 */
export async function membershipsOf(ex: Executor, owner: Owner, id: string, networkScope: SQL | undefined): Promise<MemberOf[]> {
  const rows = await ex
    .select({
      id: memberships.id,
      networkId: networks.id,
      networkName: networks.name,
      networkKind: networks.kind,
      tier: memberships.tier,
      role: memberships.role,
      joinedOn: memberships.joinedOn,
      leftOn: memberships.leftOn,
    })
    .from(memberships)
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(and(eq(ownerColumn(owner), id), networkScope))
    .orderBy(sql`${memberships.leftOn} is not null`, desc(memberships.joinedOn), asc(networks.name));
  return rows.map((r) => ({
    id: r.id,
    network: { id: r.networkId, name: r.networkName, kind: r.networkKind },
    tier: positionOf(owner, r.tier),
    role: r.role,
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
  }));
}

/**
 * Rank of a tier when two memberships of the same network must become one: a chain leader (链长) and a
 * founding unit (发起单位) stand above a convening unit (召集单位), a joint-meeting unit (联席会议单位) and
 * an ordinary member (成员单位); for people, a secretary-general (秘书长) above a founding expert (首批专家),
 * an adviser or mentor, an expert and a member (成员).
 */
export const tierRank: Record<MemberPosition, number> = {
  chain_leader: 5,
  founding: 4,
  convening: 3,
  joint_meeting: 2,
  member: 1,
  secretary_general: 5,
  founding_expert: 4,
  adviser: 3,
  mentor: 3,
  expert: 2,
  individual_member: 1,
};

const earlier = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * Moves the memberships of a merged record (source) to the record kept. When both are current members of
 * the same network, one membership remains: the kept one, with the better tier, the earlier join date and
 * a role from either. Past memberships move as they are (history).
 */
export async function moveMemberships(ex: Executor, owner: Owner, sourceId: string, keepId: string) {
  const col = ownerColumn(owner);
  const source = await ex.select().from(memberships).where(eq(col, sourceId));
  const keptCurrent = await ex
    .select()
    .from(memberships)
    .where(and(eq(col, keepId), isNull(memberships.leftOn)));
  const byNetwork = new Map(keptCurrent.map((m) => [m.networkId, m]));
  let moved = 0;
  let combined = 0;
  for (const m of source) {
    const kept = m.leftOn === null ? byNetwork.get(m.networkId) : undefined;
    if (kept) {
      const next = {
        tier: tierRank[positionOf(owner, m.tier)] > tierRank[positionOf(owner, kept.tier)] ? positionOf(owner, m.tier) : positionOf(owner, kept.tier),
        role: kept.role ?? m.role,
        joinedOn: earlier(kept.joinedOn, m.joinedOn),
      };
      await ex.update(memberships).set(next).where(eq(memberships.id, kept.id));
      await ex.delete(memberships).where(eq(memberships.id, m.id));
      byNetwork.set(m.networkId, { ...kept, ...next });
      combined++;
    } else {
      await ex
        .update(memberships)
        .set(owner === 'organization' ? { organizationId: keepId } : { personId: keepId })
        .where(eq(memberships.id, m.id));
      if (m.leftOn === null) byNetwork.set(m.networkId, m);
      moved++;
    }
  }
  return { moved, combined };
}
