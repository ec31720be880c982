import type { MembershipTier, NetworkKind } from '../../common/domain';
import { districtFullName, membershipRoles, networkForms, subNetworkForms, syntheticIndustries } from './names';
import { pickDistrict } from './organizations';
import { chance, dateBetween, int, pick, syntheticId, syntheticUuid, weighted, type Rng } from './rng';

export interface SyntheticNetwork {
  id: string;
  key: string;
  name: string;
  kind: NetworkKind;
  /** index of the parent network, or null for a top-level one */
  parentIndex: number | null;
  districtCode: string;
  description: string;
  declaredCounts: Record<string, number>;
  industryKeys: string[];
}

export interface SyntheticMembership {
  id: string;
  organizationIndex: number | null;
  personIndex: number | null;
  tier: MembershipTier;
  role: string | null;
  joinedOn: string | null;
  leftOn: string | null;
}

/** Networks 0 … topLevel-1 are top-level; the rest are sub-networks (专委会, 分会 …) of one of them. */
export const topLevelNetworkCount = (count: number) => Math.ceil(count * 0.7);

/**
 * One network: "{district}{industry}{产业智库|专家服务团|产业联盟…}", or for a sub-network
 * "{parent's name}{industry}{专委会|分会…}". `parent` is the generated network at parentIndex.
 */
export function generateNetwork(
  rng: Rng,
  index: number,
  seed: number,
  ctx: { count: number; networkAt(index: number): SyntheticNetwork },
): SyntheticNetwork {
  const id = syntheticId(seed, 'network', index);
  const industry = pick(rng, syntheticIndustries);
  const top = topLevelNetworkCount(ctx.count);
  const parentIndex = index >= top ? int(rng, 0, top - 1) : null;
  const parent = parentIndex === null ? null : ctx.networkAt(parentIndex);
  const districtCode = parent?.districtCode ?? pickDistrict(rng);
  const [form, kind] = parent ? [pick(rng, subNetworkForms), 'committee' as const] : pick(rng, networkForms);
  const name = parent ? `${parent.name}${industry.name}${form}` : `${districtFullName(districtCode)}${industry.name}${form}`;
  const founding = int(rng, 3, 20);
  return {
    id,
    key: `gen-${seed}-network-${index}`,
    name,
    kind,
    parentIndex,
    districtCode,
    description: `服务${districtFullName(districtCode)}${industry.name}产业发展，汇聚企业、专家和服务机构，开展供需对接、调研和建言。`,
    declaredCounts: chance(rng, 0.5) ? { founding, member: founding + int(rng, 10, 200) } : {},
    industryKeys: [industry.key],
  };
}

const pickTier = weighted<MembershipTier>([['member', 75], ['joint_meeting', 10], ['founding', 8], ['chain_leader', 5], ['convening', 2]]);

/** The members of a network: organisations and people in tiers, a few of whom have left. */
export function generateMemberships(
  rng: Rng,
  networkIndex: number,
  seed: number,
  ctx: { organizationCount: number; personCount: number },
): SyntheticMembership[] {
  const out: SyntheticMembership[] = [];
  const orgs = new Set<number>();
  const people = new Set<number>();
  const orgCount = ctx.organizationCount ? int(rng, 20, 200) : 0;
  const personCount = ctx.personCount ? int(rng, 5, 50) : 0;
  for (let k = 0; k < orgCount; k++) orgs.add(int(rng, 0, ctx.organizationCount - 1));
  for (let k = 0; k < personCount; k++) people.add(int(rng, 0, ctx.personCount - 1));
  const member = (organizationIndex: number | null, personIndex: number | null): SyntheticMembership => {
    const joinedOn = chance(rng, 0.8) ? dateBetween(rng, 2018, 2024) : null;
    return {
      id: syntheticUuid(seed, 'membership', networkIndex, out.length),
      organizationIndex,
      personIndex,
      tier: personIndex === null ? pickTier(rng) : chance(rng, 0.9) ? 'member' : 'founding',
      role: chance(rng, 0.3) ? pick(rng, membershipRoles) : null,
      joinedOn,
      leftOn: joinedOn && chance(rng, 0.05) ? dateBetween(rng, Number(joinedOn.slice(0, 4)) + 1, 2025) : null,
    };
  };
  for (const o of orgs) out.push(member(o, null));
  for (const p of people) out.push(member(null, p));
  return out;
}
