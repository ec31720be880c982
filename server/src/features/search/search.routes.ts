import { searchQuery, searchResponse } from '../../../../common/schemas/search';
import type { App } from '../../lib/app-type';
import type { SearchService } from './search.service';

export function searchRoutes(app: App, search: SearchService) {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['directory'],
        summary: 'One search box over organisations, people, networks and places (Chinese, pinyin, Traditional input), within the actor’s scope',
        querystring: searchQuery,
        response: { 200: searchResponse },
      },
    },
    (req) => search.search(req.actor(), req.query),
  );
}
