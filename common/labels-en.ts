import type {
  MembershipTier,
  NetworkKind,
  NetworkPersonRole,
  OrganizationKind,
  OrganizationSize,
  PersonRole,
  PlaceKind,
} from './domain';

/**
 * The English words for the glossary's enumerations, beside the Chinese ones of labels.ts: the English audit
 * export writes them and the web app's en labels are made from them, so the two cannot say different words.
 */
export const organizationKindLabelsEn: Record<OrganizationKind, string> = {
  enterprise: 'Enterprise',
  soe: 'State-owned enterprise',
  university: 'University',
  institute: 'Research institute',
  bank: 'Bank',
  association: 'Association',
  government: 'Government department',
  party_org: 'Party organisation',
  park_operator: 'Park operator',
  other: 'Other',
};

export const organizationSizeLabelsEn: Record<OrganizationSize, string> = {
  micro: 'Micro',
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
};

export const personRoleLabelsEn: Record<PersonRole, string> = {
  expert: 'Expert',
  mentor: 'Mentor',
  representative: 'Representative',
  staff: 'Staff',
};

export const membershipTierLabelsEn: Record<MembershipTier, string> = {
  founding: 'Founding member',
  joint_meeting: 'Joint-meeting member',
  member: 'Member',
  convening: 'Convener',
  chain_leader: 'Chain leader',
};

export const networkKindLabelsEn: Record<NetworkKind, string> = {
  think_tank: 'Think tank',
  mentor_team: 'Mentor team',
  service_team: 'Expert service team',
  alliance: 'Alliance',
  cluster_community: 'Cluster community',
  association: 'Association',
  council: 'Council',
  committee: 'Committee',
  station_roster: 'Station roster',
};

export const placeKindLabelsEn: Record<PlaceKind, string> = {
  park: 'Park',
  community: 'Community',
  block: 'Block',
  exhibition: 'Exhibition area',
  scenic: 'Scenic area',
  station: 'Service station',
  service_point: 'Service point',
  base: 'Partner base',
  venue: 'Venue',
};

export const networkPersonRoleLabelsEn: Record<NetworkPersonRole, string> = {
  founding_expert: 'Founding expert',
  expert: 'Expert',
  mentor: 'Mentor',
  adviser: 'Adviser',
  secretary_general: 'Secretary-general',
  individual_member: 'Member',
};
