import { count } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { industries, networks, places } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { scopeKey, ttlCache } from '../../lib/ttl-cache';
import { countUsers } from '../accounts/accounts.repository';
import { networkScope } from '../networks/networks.repository';
import { countVisibleOrganizations } from '../organizations/organizations.repository';
import { countVisiblePeople } from '../people/people.repository';
import { placeScope } from '../places/places.repository';
import { directoryVersion } from '../search/search-index';

/**
 * Counting a million organisations takes tens of milliseconds on PostgreSQL and seconds on the
 * embedded database, and the home page asks on every visit: the counts are kept per scope (role
 * and scopes) for OVERVIEW_TTL_MS, and dropped at once when this process writes the directory
 * (directoryVersion); a write by another process shows within OVERVIEW_TTL_MS.
 */
export const OVERVIEW_TTL_MS = 30_000;

/** Counts for the home page, each within what the actor may see (the same scope as the lists they link to). */
export function createStatsService({ db }: { db: Db }) {
  const cache = ttlCache<{ counts: Record<string, number> }>(OVERVIEW_TTL_MS);

  async function countAll(actor: Actor) {
    const [orgs, people, nets, plcs, inds] = await Promise.all([
      countVisibleOrganizations(db, actor),
      countVisiblePeople(db, actor),
      db.select({ n: count() }).from(networks).where(networkScope(actor)),
      db.select({ n: count() }).from(places).where(placeScope(actor)),
      db.select({ n: count() }).from(industries),
    ]);
    const counts: Record<string, number> = {
      organizations: orgs,
      people,
      networks: nets[0]!.n,
      places: plcs[0]!.n,
      industries: inds[0]!.n,
    };
    if (actor.role === 'admin') counts.users = await countUsers(db);
    return { counts };
  }

  return {
    overview: (actor: Actor) => cache.get(`${directoryVersion()}|${scopeKey(actor)}`, () => countAll(actor)),
  };
}
export type StatsService = ReturnType<typeof createStatsService>;
