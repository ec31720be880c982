import type { Actor } from '../../lib/actor';
import { canSeeDistrict } from '../../lib/actor';

/**
 * Admins and coordinators keep the directory, each within their scope; the other roles read it.
 * Whether a record lies in the actor's scope is decided by the scoped queries (lib/scope.ts):
 * records out of scope are not found at all.
 */
export const canEditDirectory = (actor: Actor) => actor.role === 'admin' || actor.role === 'coordinator';

/** May the actor create a record in this district, or move one there? Coordinators only within their districts. */
export const canPlaceInDistrict = (actor: Actor, districtCode: string | null) =>
  actor.role === 'admin' || (actor.role === 'coordinator' && districtCode !== null && canSeeDistrict(actor, districtCode));

/** Merging two records needs both to be editable by the actor (the caller checks that both are in scope). */
export const canMerge = (actor: Actor) => canEditDirectory(actor);
