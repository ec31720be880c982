import type { Actor } from '../../lib/actor';
import { mayPlaceIn } from '../../lib/visibility';

type PlaceLike = { districtCode: string | null };

/** Admins and coordinators keep the places, a coordinator within their districts (lib/visibility.ts's change rule). */
export const canWritePlace = (actor: Actor, place: PlaceLike) => mayPlaceIn(actor, place.districtCode);
