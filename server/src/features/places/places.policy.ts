import type { Actor } from '../../lib/actor';
import { canSeeDistrict } from '../../lib/actor';

type PlaceLike = { districtCode: string | null };

/** Admins and coordinators keep the places, a coordinator within their districts. */
export const canWritePlace = (actor: Actor, place: PlaceLike) =>
  actor.role === 'admin' || (actor.role === 'coordinator' && canSeeDistrict(actor, place.districtCode));
