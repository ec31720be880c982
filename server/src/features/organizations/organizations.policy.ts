import type { Actor } from '../../lib/actor';
import { canSeeDistrict } from '../../lib/actor';

type OrgLike = { districtCode: string | null };

export const canReadOrganization = (actor: Actor, org: OrgLike) => canSeeDistrict(actor, org.districtCode);

/** Admins and coordinators keep the directory, each within their scope. */
export const canWriteOrganization = (actor: Actor, org: OrgLike) =>
  actor.role === 'admin' || (actor.role === 'coordinator' && canSeeDistrict(actor, org.districtCode));
