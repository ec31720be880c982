import type { Db } from '../../db/client';
import { visibleDistricts, type Actor } from '../../lib/actor';
import { countOrganizations } from '../organizations/organizations.repository';
import { countUsers } from '../accounts/accounts.repository';

/** Counts for the home page, each within what the actor may see. */
export function createStatsService({ db }: { db: Db }) {
  return {
    async overview(actor: Actor) {
      const counts: Record<string, number> = {
        organizations: await countOrganizations(db, { districts: visibleDistricts(actor) }),
      };
      if (actor.role === 'admin') counts.users = await countUsers(db);
      return { counts };
    },
  };
}
export type StatsService = ReturnType<typeof createStatsService>;
