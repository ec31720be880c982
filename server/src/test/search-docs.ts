import type { TongxinApp } from '../app';
import type { networks, organizations, people, places } from '../db/schema';
import { networkSearchDoc } from '../features/networks/networks.presenter';
import { organizationSearchDoc } from '../features/organizations/organizations.presenter';
import { personSearchDoc } from '../features/people/people.presenter';
import { placeSearchDoc } from '../features/places/places.presenter';
import { upsertSearchDocuments } from '../features/search/search-index';

type Indexed =
  | { kind: 'organization'; row: typeof organizations.$inferSelect }
  | { kind: 'person'; row: typeof people.$inferSelect; affiliations?: { organizationName: string; position: string | null; endOn: string | null }[] }
  | { kind: 'network'; row: typeof networks.$inferSelect }
  | { kind: 'place'; row: typeof places.$inferSelect };

/**
 * Writes the search document of a record a factory inserted directly, as every writer of the
 * application does in its transaction: the list pages read their keyword and name order from it.
 */
export async function indexForSearch(app: TongxinApp, r: Indexed) {
  const doc =
    r.kind === 'organization'
      ? organizationSearchDoc(r.row, [])
      : r.kind === 'person'
        ? personSearchDoc(r.row, r.affiliations ?? [], [])
        : r.kind === 'network'
          ? networkSearchDoc(r.row)
          : placeSearchDoc(r.row);
  await upsertSearchDocuments(app.services.db, [doc]);
}
