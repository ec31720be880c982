import { loadDemo } from '../../../demo/schema';
import type { Db } from '../db/client';
import type { Actor } from '../lib/actor';
import { recordAudit } from '../features/audit/audit.repository';
import { DemoKeys } from './demo-keys';
import { loadIndustries } from './load-industries';
import { loadNetworks } from './load-networks';
import { loadOrganizations } from './load-organizations';
import { loadPeople } from './load-people';
import { loadPlaces } from './load-places';
import { loadMap } from './load-map';
import { loadNeeds } from './load-needs';
import { loadEvents } from './load-events';
import { createEventService } from '../features/events/events.service';

/**
 * Load the demo dataset written from the five seed articles (demo/*.json) in one transaction:
 * industries → organisations → people (affiliations) → networks (memberships) → places.
 */
export async function loadDemoData(db: Db, actor: Actor) {
  const demo = loadDemo();
  return db.transaction(async (tx) => {
    const keys = new DemoKeys();
    await loadIndustries(tx, demo, keys);
    await loadOrganizations(tx, demo, keys);
    await loadPeople(tx, demo, keys);
    await loadNetworks(tx, demo, keys);
    await loadPlaces(tx, demo, keys);
    await loadMap(tx, demo, keys);
    await loadEvents(tx, demo, keys, createEventService({ db }), actor);
    const counts: Record<string, number> = Object.fromEntries(
      ['industry', 'organization', 'person', 'network', 'place', 'area', 'route', 'event', 'agreement'].map((k) => [k, keys.count(k)]),
    );
    counts.need = await loadNeeds(tx, keys);
    await recordAudit(tx, actor, { action: 'load-demo', entity: 'dataset', after: counts });
    return counts;
  });
}
