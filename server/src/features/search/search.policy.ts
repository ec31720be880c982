import type { Actor } from '../../lib/actor';

/** What part of the index an actor may search: everything, or their district and network scopes. */
export type SearchVisibility = { all: true } | { all: false; districts: string[]; networkIds: string[] };

/**
 * Admins search everything; every other role searches the records of its scopes (a district scope
 * covers records with that districtCode; a network scope covers the network, its sub-networks and
 * their current members), the same rule as lib/scope.ts.
 */
export function searchVisibility(actor: Actor): SearchVisibility {
  if (actor.role === 'admin') return { all: true };
  return {
    all: false,
    districts: actor.scopes.filter((s) => s.kind === 'district').map((s) => s.value),
    networkIds: actor.scopes.filter((s) => s.kind === 'network').map((s) => s.value),
  };
}
