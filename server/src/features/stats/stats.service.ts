import { count } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { industries, networks, places } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { countUsers } from '../accounts/accounts.repository';
import { networkScope } from '../networks/networks.repository';
import { countVisibleOrganizations } from '../organizations/organizations.repository';
import { countVisiblePeople } from '../people/people.repository';
import { placeScope } from '../places/places.repository';

/** Counts for the home page, each within what the actor may see (the same scope as the lists they link to). */
export function createStatsService({ db }: { db: Db }) {
  return {
    async overview(actor: Actor) {
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
    },
  };
}
export type StatsService = ReturnType<typeof createStatsService>;
