import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { SearchResponse as SearchResult } from '../../../../common/schemas/search';
import type { SearchEntityType } from '../directory/types';

export { searchEntityTypes } from '../../../../common/domain';
export type { SearchEntityType } from '../directory/types';

/** Response shapes come from the server's schemas (type-only: nothing of zod reaches the bundle). */
export type {
  HighlightSegment,
  SearchItem as SearchHit,
  SearchResponse as SearchResult,
} from '../../../../common/schemas/search';

export interface SearchQuery {
  q: string;
  types?: readonly SearchEntityType[];
  districtCode?: string;
  industryId?: string;
  limit?: number;
}

export function fetchSearch(query: SearchQuery, signal?: AbortSignal): Promise<SearchResult> {
  return api.get<SearchResult>('/api/search', {
    query: {
      q: query.q,
      types: query.types && query.types.length > 0 ? query.types.join(',') : undefined,
      districtCode: query.districtCode,
      industryId: query.industryId,
      limit: query.limit,
    },
    signal,
  });
}

/** Search as you type: nothing is asked for an empty query. */
export function useSearch(query: SearchQuery) {
  const q = query.q.trim();
  return useQuery({
    queryKey: ['search', { ...query, q }],
    queryFn: ({ signal }) => fetchSearch({ ...query, q }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** The page of a search hit. */
export function recordPath(type: SearchEntityType, id: string): string {
  const encoded = encodeURIComponent(id);
  switch (type) {
    case 'organization':
      return `/directory/organizations/${encoded}`;
    case 'person':
      return `/directory/people/${encoded}`;
    case 'network':
      return `/directory/networks/${encoded}`;
    case 'place':
      return `/directory/places/${encoded}`;
    case 'need':
      return `/needs/${encoded}`;
    case 'event':
      return `/events/${encoded}`;
  }
}
