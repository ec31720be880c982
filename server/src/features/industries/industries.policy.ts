import type { Actor } from '../../lib/actor';

/** The taxonomy is shared by everyone: only administrators change it; every logged-in user reads it. */
export const canEditTaxonomy = (actor: Actor) => actor.role === 'admin';
