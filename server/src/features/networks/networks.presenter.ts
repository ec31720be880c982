import type { NetworkKind } from '../../../../common/domain';
import type {
  MemberCounts,
  Membership,
  Network,
  NetworkDetail,
  NetworkHistoryEntry,
  Ref,
} from '../../../../common/schemas/networks';
import { districtName } from '../../../../common/validators';
import type { SearchDoc } from '../search/search-index';
import type { MembershipRow } from './network-members.repository';
import type { NetworkRow } from './networks.repository';
import { shanghaiDate } from './shanghai-date';

export const networkKindLabels: Record<NetworkKind, string> = {
  think_tank: '智库',
  mentor_team: '导师团',
  service_team: '专家服务团',
  alliance: '联盟',
  cluster_community: '产业集群共同体',
  association: '联谊会',
  council: '理事会',
  committee: '委员会',
  station_roster: '服务站名册',
};

export function presentMemberCounts(byTier: Record<string, number> = {}): MemberCounts {
  const c = {
    founding: byTier.founding ?? 0,
    joint_meeting: byTier.joint_meeting ?? 0,
    member: byTier.member ?? 0,
    convening: byTier.convening ?? 0,
    chain_leader: byTier.chain_leader ?? 0,
  };
  return { ...c, total: c.founding + c.joint_meeting + c.member + c.convening + c.chain_leader };
}

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

export function presentMembership(m: MembershipRow): Membership {
  return {
    id: m.id,
    tier: m.tier,
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
    events.push({ date: termStart(m), change: 'joined', tier: m.tier, memberName, membershipId: m.id, at, order: 0 });
    if (m.leftOn) events.push({ date: m.leftOn, change: 'left', tier: m.tier, memberName, membershipId: m.id, at, order: 1 });
  }
  events.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.at - a.at || b.order - a.order));
  return events.slice(0, limit).map(({ at: _at, order: _order, ...e }) => e);
}

export function presentNetworkDetail(
  n: NetworkRow,
  extra: { parent: Ref | null; childCount: number; children: Ref[]; memberships: MembershipRow[] },
): NetworkDetail {
  const current = extra.memberships.filter((m) => m.leftOn === null);
  const byTier: Record<string, number> = {};
  for (const m of current) byTier[m.tier] = (byTier[m.tier] ?? 0) + 1;
  return {
    ...presentNetwork(n, { parent: extra.parent, byTier, childCount: extra.childCount }),
    description: n.description,
    children: extra.children,
    members: current.map(presentMembership),
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
  const kindLabel = networkKindLabels[n.kind];
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
