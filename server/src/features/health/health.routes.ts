import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from '../../lib/app-type';
import type { Database } from '../../db/client';
import { version } from '../../version';

export function healthRoutes(app: App, database: Database) {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and the database in use',
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }) },
      },
    },
    async () => {
      await database.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: database.kind, version };
    },
  );
}
