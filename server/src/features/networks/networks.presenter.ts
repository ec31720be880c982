import { memberPositions, membershipTiers, networkPersonRoles, positionOf } from '../../../../common/domain';
import type {
  MemberCounts,
  Membership,
  Network,
  NetworkDetail,
  NetworkHistoryEntry,
  Ref,
} from '../../../../common/schemas/networks';
import { networkKindVocabulary } from '../../../../common/labels';
import { districtName } from '../../../../common/validators';
import type { SearchDoc } from '../search/search-index';
import type { MembershipRow } from './network-members.repository';
import type { NetworkRow } from './networks.repository';
import { shanghaiDate } from '../../../../common/shanghai-date';

/** Counts by position (tier or person role, as positionOf reads them); each member once, in one position. */
export function presentMemberCounts(byPosition: Record<string, number> = {}): MemberCounts {
  const n = (keys: readonly string[]) => keys.reduce((sum, k) => sum + (byPosition[k] ?? 0), 0);
  const counts = Object.fromEntries(memberPositions.map((k) => [k, byPosition[k] ?? 0])) as Record<(typeof memberPositions)[number], number>;
  const organizations = n(membershipTiers);
  const people = n(networkPersonRoles);
  return { ...counts, organizations, people, total: organizations + people };
}

const memberOf = (m: { personId: string | null }) => (m.personId ? 'person' : 'organization');

export function presentNetwork(n: NetworkRow, extra: { parent: Ref | null; byTier?: Record<string, number>; childCount: number }): Network {
  return {
    id: n.id,
    name: n.name,
    kind: n.kind,
    parent: extra.parent,
    districtCode: n.districtCode,
    districtName: n.districtCode ? (districtName(n.districtCode) ?? null) : null,
    memberCounts: presentMemberCounts(extra.byTier),
    declaredCounts: n.declaredCounts ?? {},
    childCount: extra.childCount,
  };
}

/** `readable` says whether the actor may read the member; one they may not is shown by name only (docs/ACCESS.md). */
export function presentMembership(m: MembershipRow, readable = true): Membership {
  if (!readable) {
    return { id: m.id, tier: m.tier, role: m.role, joinedOn: m.joinedOn, leftOn: m.leftOn, organization: null, person: null, outside: { name: m.organizationName ?? m.personName ?? '' } };
  }
  return {
    id: m.id,
    tier: positionOf(memberOf(m), m.tier),
    role: m.role,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
    organization: m.organizationId && m.organizationKind ? { id: m.organizationId, name: m.organizationName ?? '', kind: m.organizationKind } : null,
    person: m.personId ? { id: m.personId, name: m.personName ?? '' } : null,
  };
}

/** The day a term began: its joinedOn, else the day it was recorded. */
export const termStart = (m: { joinedOn: string | null; createdAt: Date }) => m.joinedOn ?? shanghaiDate(m.createdAt);

/** Joins and departures, newest first; on the same day the later-recorded term first, its departure before its joining. */
export function membershipHistory(rows: MembershipRow[], limit = 500): NetworkHistoryEntry[] {
  const events: (NetworkHistoryEntry & { at: number; order: number })[] = [];
  for (const m of rows) {
    const memberName = m.organizationName ?? m.personName ?? '';
    const at = m.createdAt.getTime();
    const tier = positionOf(memberOf(m), m.tier);
    events.push({ date: termStart(m), change: 'joined', tier, memberName, membershipId: m.id, at, order: 0 });
    if (m.leftOn) events.push({ date: m.leftOn, change: 'left', tier, memberName, membershipId: m.id, at, order: 1 });
  }
  events.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.at - a.at || b.order - a.order));
  return events.slice(0, limit).map(({ at: _at, order: _order, ...e }) => e);
}

export function presentNetworkDetail(
  n: NetworkRow,
  extra: { parent: Ref | null; childCount: number; children: Ref[]; memberships: MembershipRow[]; readable: (m: MembershipRow) => boolean },
): NetworkDetail {
  const current = extra.memberships.filter((m) => m.leftOn === null);
  const byTier: Record<string, number> = {};
  for (const m of current) {
    const position = positionOf(memberOf(m), m.tier);
    byTier[position] = (byTier[position] ?? 0) + 1;
  }
  return {
    ...presentNetwork(n, { parent: extra.parent, byTier, childCount: extra.childCount }),
    description: n.description,
    children: extra.children,
    members: current.map((m) => presentMembership(m, extra.readable(m))),
    history: membershipHistory(extra.memberships),
  };
}

export const auditNetwork = (n: NetworkRow) => ({
  name: n.name,
  kind: n.kind,
  parentId: n.parentId,
  districtCode: n.districtCode,
  description: n.description,
  declaredCounts: n.declaredCounts,
});

export const auditMembership = (m: {
  networkId: string;
  organizationId: string | null;
  personId: string | null;
  tier: string;
  role: string | null;
  joinedOn: string | null;
  leftOn: string | null;
}) => ({
  networkId: m.networkId,
  organizationId: m.organizationId,
  personId: m.personId,
  tier: m.tier,
  role: m.role,
  joinedOn: m.joinedOn,
  leftOn: m.leftOn,
});

/** The search document of a network: its name, description and kind (and aliases from the demo data). */
export function networkSearchDoc(n: NetworkRow, aliases: string[] = []): SearchDoc {
  const kindLabel = networkKindVocabulary.label(n.kind);
  const district = n.districtCode ? districtName(n.districtCode) : undefined;
  return {
    entityType: 'network',
    entityId: n.id,
    title: n.name,
    subtitle: [kindLabel, district].filter(Boolean).join(' · '),
    aliases,
    texts: [n.description, kindLabel],
    districtCode: n.districtCode,
    kind: n.kind,
  };
}
