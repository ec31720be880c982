/**
 * Shapes several directory areas share. Everything here is a type: imports from common/schemas are
 * type-only, so that nothing of zod reaches the web bundle.
 */
export type {
  MemberPosition,
  MembershipTier,
  NetworkPersonRole,
  NetworkKind,
  OrganizationKind,
  OrganizationSize,
  PersonRole,
  PlaceKind,
  SearchEntityType,
} from '../../../../common/domain';

export interface Ref {
  id: string;
  name: string;
}

/** A membership as seen from its member (organisation or person pages). */
export type { MemberOf as MemberMembership } from '../../../../common/schemas/organizations';

/** A possible duplicate named by the server (409 DUPLICATE or /duplicates). */
export interface DuplicateCandidate {
  id: string;
  name: string;
  reason: string;
  score?: number;
  districtName?: string | null;
  uscc?: string | null;
  titles?: string | null;
}
