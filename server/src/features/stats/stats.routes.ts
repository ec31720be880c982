import { z } from 'zod';
import type { App } from '../../lib/app-type';
import type { StatsService } from './stats.service';

export function statsRoutes(app: App, stats: StatsService) {
  app.get(
    '/api/stats/overview',
    {
      schema: {
        tags: ['stats'],
        summary: 'Record counts within the actor’s scope, for the home page',
        response: { 200: z.object({ counts: z.record(z.string(), z.number().int()) }) },
      },
    },
    (req) => stats.overview(req.actor()),
  );
}
