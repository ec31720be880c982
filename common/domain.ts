/** The glossary's enumerations: code names shared by the database, the API and the web app. */
export const organizationKinds = [
  'enterprise',
  'soe',
  'university',
  'institute',
  'bank',
  'association',
  'government',
  'party_org',
  'park_operator',
  'other',
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const organizationSizes = ['micro', 'small', 'medium', 'large'] as const;
export type OrganizationSize = (typeof organizationSizes)[number];

export const personRoles = ['expert', 'mentor', 'representative', 'staff'] as const;
export type PersonRole = (typeof personRoles)[number];

export const networkKinds = [
  'think_tank',
  'mentor_team',
  'service_team',
  'alliance',
  'cluster_community',
  'association',
  'council',
  'committee',
  'station_roster',
] as const;
export type NetworkKind = (typeof networkKinds)[number];

export const membershipTiers = ['founding', 'joint_meeting', 'member', 'convening', 'chain_leader'] as const;
export type MembershipTier = (typeof membershipTiers)[number];

/** A person's role in a network (首批专家、导师 …): people take these, never an organisation's tier. */
export const networkPersonRoles = ['founding_expert', 'expert', 'mentor', 'adviser', 'secretary_general', 'individual_member'] as const;
export type NetworkPersonRole = (typeof networkPersonRoles)[number];

/** What a membership records (its `tier`): an organisation's tier, or a person's role. */
export const memberPositions = [...membershipTiers, ...networkPersonRoles] as const;
export type MemberPosition = (typeof memberPositions)[number];

export const isMembershipTier = (v: string): v is MembershipTier => (membershipTiers as readonly string[]).includes(v);
export const isNetworkPersonRole = (v: string): v is NetworkPersonRole => (networkPersonRoles as readonly string[]).includes(v);

/** A stored position read back under the rule below: a person recorded with a tier before people had roles is a 成员. */
export const positionOf = (member: 'organization' | 'person', stored: string): MemberPosition =>
  member === 'person' ? (isNetworkPersonRole(stored) ? stored : 'individual_member') : isMembershipTier(stored) ? stored : 'member';

/**
 * The one rule of what a member may be given: an organisation a tier, a person a person role. Returns
 * the problem in both languages, or null.
 */
export function memberPositionProblem(member: 'organization' | 'person', position: string): { zh: string; en: string } | null {
  if (member === 'person' && !isNetworkPersonRole(position)) {
    return { zh: '个人成员应选择个人角色（如首批专家、导师、顾问、秘书长、成员）', en: 'a person takes a person role (expert, mentor, adviser …), not a tier' };
  }
  if (member === 'organization' && !isMembershipTier(position)) {
    return { zh: '单位成员应选择单位层级（如发起单位、成员单位）', en: 'an organisation takes a tier (founding, member …), not a person role' };
  }
  return null;
}

export const placeKinds = ['park', 'community', 'block', 'exhibition', 'scenic', 'station', 'service_point', 'base', 'venue'] as const;
export type PlaceKind = (typeof placeKinds)[number];

/** The kinds of record in search_documents: the directory's, needs (诉求) and events (活动). */
export const searchEntityTypes = ['organization', 'person', 'network', 'place', 'need', 'event'] as const;
export type SearchEntityType = (typeof searchEntityTypes)[number];
