import {
  memberPositions,
  membershipTiers,
  networkPersonRoles,
  networkKinds,
  organizationKinds,
  organizationSizes,
  personRoles,
  placeKinds,
  type MemberPosition,
  type MembershipTier,
  type NetworkPersonRole,
  type NetworkKind,
  type OrganizationKind,
  type OrganizationSize,
  type PersonRole,
  type PlaceKind,
} from '../../../../common/domain';
import type { Translate } from '../../app/i18n';

export { memberPositions, membershipTiers, networkKinds, networkPersonRoles, organizationKinds, organizationSizes, personRoles, placeKinds };

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const isOrganizationKind = (v: unknown): v is OrganizationKind => isOneOf(organizationKinds, v);
export const isMembershipTier = (v: unknown): v is MembershipTier => isOneOf(membershipTiers, v);
/** an organisation's tier or a person's role in a network */
export const isMemberPosition = (v: unknown): v is MemberPosition => isOneOf(memberPositions, v);
export const isNetworkPersonRole = (v: unknown): v is NetworkPersonRole => isOneOf(networkPersonRoles, v);
export const isPersonRole = (v: unknown): v is PersonRole => isOneOf(personRoles, v);
export const isNetworkKind = (v: unknown): v is NetworkKind => isOneOf(networkKinds, v);
export const isPlaceKind = (v: unknown): v is PlaceKind => isOneOf(placeKinds, v);
export const isOrganizationSize = (v: unknown): v is OrganizationSize => isOneOf(organizationSizes, v);

/** A value from the URL when it is one of `values`, otherwise undefined. */
export function pickOne<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return isOneOf(values, value) ? value : undefined;
}

export const organizationKindLabel = (t: Translate, kind: string) =>
  isOrganizationKind(kind) ? t(`orgKind.${kind}`) : kind;
/** The label of a tier (发起单位 …) or of a person's role in a network (导师 …). */
export const tierLabel = (t: Translate, tier: string) => (isMemberPosition(tier) ? t(`tier.${tier}`) : tier);
export const personRoleLabel = (t: Translate, role: string) => (isPersonRole(role) ? t(`personRole.${role}`) : role);
export const networkKindLabel = (t: Translate, kind: string) => (isNetworkKind(kind) ? t(`networkKind.${kind}`) : kind);
export const placeKindLabel = (t: Translate, kind: string) => (isPlaceKind(kind) ? t(`placeKind.${kind}`) : kind);
export const organizationSizeLabel = (t: Translate, size: string) =>
  isOrganizationSize(size) ? t(`orgSize.${size}`) : size;

export const organizationKindOptions = (t: Translate) =>
  organizationKinds.map((value) => ({ value, label: t(`orgKind.${value}`) }));
export const tierOptions = (t: Translate) => membershipTiers.map((value) => ({ value, label: t(`tier.${value}`) }));
/** What a member may be given: an organisation a tier, a person a person role (memberPositionProblem on the server). */
export const positionOptions = (t: Translate, member: 'organization' | 'person') =>
  (member === 'person' ? networkPersonRoles : membershipTiers).map((value) => ({ value, label: t(`tier.${value}`) }));
export const personRoleOptions = (t: Translate) => personRoles.map((value) => ({ value, label: t(`personRole.${value}`) }));
export const networkKindOptions = (t: Translate) =>
  networkKinds.map((value) => ({ value, label: t(`networkKind.${value}`) }));
export const placeKindOptions = (t: Translate) => placeKinds.map((value) => ({ value, label: t(`placeKind.${value}`) }));
export const organizationSizeOptions = (t: Translate) =>
  organizationSizes.map((value) => ({ value, label: t(`orgSize.${value}`) }));

export const organizationKindColors: Record<OrganizationKind, string> = {
  enterprise: 'blue',
  soe: 'red',
  university: 'purple',
  institute: 'geekblue',
  bank: 'gold',
  association: 'cyan',
  government: 'volcano',
  party_org: 'magenta',
  park_operator: 'green',
  other: 'default',
};

export const tierColors: Record<MemberPosition, string> = {
  founding: 'red',
  joint_meeting: 'orange',
  member: 'blue',
  convening: 'purple',
  chain_leader: 'gold',
  founding_expert: 'magenta',
  expert: 'cyan',
  mentor: 'green',
  adviser: 'geekblue',
  secretary_general: 'volcano',
  individual_member: 'default',
};

export const personRoleColors: Record<PersonRole, string> = {
  expert: 'blue',
  mentor: 'green',
  representative: 'purple',
  staff: 'default',
};

/** Duplicate reasons the server gives, as the user reads them. */
export function duplicateReasonLabel(t: Translate, reason: string): string {
  switch (reason) {
    case 'uscc':
      return t('dup.reason.uscc');
    case 'name':
      return t('dup.reason.name');
    case 'alias':
      return t('dup.reason.alias');
    case 'similar':
      return t('dup.reason.similar');
    case 'name+organization':
      return t('dup.reason.nameOrganization');
    case 'phone':
      return t('dup.reason.phone');
    default:
      return reason;
  }
}
