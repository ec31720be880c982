import type { SearchQuery, SearchResponse } from '../../../../common/schemas/search';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { searchVisibility } from './search.policy';
import { presentSearchHit } from './search.presenter';
import { searchDocuments } from './search.repository';
import { createDistrictShares } from './search-district-share';
import { parseQuery } from './search-query';

export function createSearchService({ db }: { db: Db }) {
  const districtBreadth = createDistrictShares(db);
  return {
    /** One box over organisations, people, networks and places, ranked together, within the actor's scopes. */
    async search(actor: Actor, query: SearchQuery): Promise<SearchResponse> {
      const started = performance.now();
      const visibility = searchVisibility(actor);
      const q = parseQuery(query.q);
      const filters = { types: query.types, districtCode: query.districtCode, industryId: query.industryId };
      const hits = q.norm ? await searchDocuments(db, q, visibility, filters, query.limit, await districtBreadth()) : [];
      return {
        items: hits.map((h) => presentSearchHit(h, q)),
        total: hits[0]?.total ?? 0,
        capped: hits[0]?.capped ?? false,
        tookMs: Math.round((performance.now() - started) * 10) / 10,
      };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
