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

export const placeKinds = ['park', 'community', 'block', 'exhibition', 'scenic', 'station', 'service_point', 'base', 'venue'] as const;
export type PlaceKind = (typeof placeKinds)[number];

export const searchEntityTypes = ['organization', 'person', 'network', 'place'] as const;
export type SearchEntityType = (typeof searchEntityTypes)[number];
