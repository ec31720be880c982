import type { Actor } from '../../lib/actor';
import { changesRecords, mayPlaceIn } from '../../lib/visibility';

/**
 * Admins and coordinators keep the directory, each within their scope; the other roles read it.
 * Which records lie in the actor's scope, for reading and for changing, is lib/visibility.ts's rule
 * (docs/ACCESS.md): records the actor may not read are not found at all.
 */
export const canEditDirectory = (actor: Actor) => changesRecords(actor);

/** May the actor create a record in this district, or move one there? Coordinators only within their districts. */
export const canPlaceInDistrict = (actor: Actor, districtCode: string | null) => mayPlaceIn(actor, districtCode);

/** Merging two records needs both to be changeable by the actor (the caller checks both with the change rule). */
export const canMerge = (actor: Actor) => canEditDirectory(actor);
