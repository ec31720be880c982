import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { Database, Db } from '../db/client';
import * as schema from '../db/schema';

/**
 * The same database through a second Drizzle instance that records the SQL of every statement it sends
 * (to assert how many statements a path makes). It is also a distinct executor: what keys on the
 * executor (coalesced batches) treats it as another app process would be treated.
 */
export function countingDb(database: Database) {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const client = (database.db as unknown as { $client: never }).$client;
  const db = (database.kind === 'pglite' ? drizzlePglite(client, { schema, logger }) : drizzlePg(client, { schema, logger })) as unknown as Db;
  return {
    db,
    statements,
    /** statements sent so far whose SQL matches */
    count: (re: RegExp) => statements.filter((s) => re.test(s)).length,
    reset: () => void statements.splice(0),
  };
}
