/**
 * tsx bench/explain-list.ts URL <orgs|people|search> <admin|pudong> [query string]
 * Runs one list service call with a query logger, then EXPLAIN (ANALYZE, BUFFERS) for each query it ran;
 * with REPEAT=N instead, each query's mean warm time over N runs.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../server/src/db/schema';
import type { Db } from '../server/src/db/client';
import { organizationListQuery } from '../common/schemas/organizations';
import { personListQuery } from '../common/schemas/people';
import { searchQuery } from '../common/schemas/search';
import { createOrganizationService } from '../server/src/features/organizations/organizations.service';
import { createPeopleService } from '../server/src/features/people/people.service';
import { createSearchService } from '../server/src/features/search/search.service';
import type { Actor } from '../server/src/lib/actor';

const [url, what, who, qs = ''] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 2 });
const queries: { sql: string; params: unknown[] }[] = [];
const db = drizzle(pool, { schema, logger: { logQuery: (q, p) => queries.push({ sql: q, params: p }) } }) as unknown as Db;
const actor: Actor = {
  userId: null, username: 'x', role: who === 'admin' ? 'admin' : 'coordinator',
  scopes: who === 'admin' ? [] : [{ kind: 'district', value: '310115' }], permissions: [], requestId: 'x', ip: null,
};
const params = Object.fromEntries(new URLSearchParams(qs));
const t = performance.now();
if (what === 'orgs') await createOrganizationService({ db }).list(actor, organizationListQuery.parse(params));
else if (what === 'people') await createPeopleService({ db }).list(actor, personListQuery.parse(params));
else if (what === 'search') await createSearchService({ db }).search(actor, searchQuery.parse(params));
console.log(`service call ${(performance.now() - t).toFixed(1)} ms, ${queries.length} queries`);
const c = await pool.connect();
// --repeat N (env REPEAT): each query's warm execution time on one connection, without EXPLAIN's instrumentation
const repeat = Number(process.env.REPEAT ?? 0);
for (const q of repeat ? queries : []) {
  for (let i = 0; i < 3; i++) await c.query(q.sql, q.params);
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) await c.query(q.sql, q.params);
  console.log(`warm ${((performance.now() - t0) / repeat).toFixed(2)} ms: ${q.sql.replace(/\s+/g, ' ').slice(0, 100)}`);
}
for (const q of repeat ? [] : queries) {
  console.log('\n=== ' + q.sql.slice(0, 2000) + '\n--- ' + JSON.stringify(q.params));
  if (/^\s*explain/i.test(q.sql)) continue;
  const r = await c.query('explain (analyze, buffers) ' + q.sql, q.params);
  console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
}
c.release();
await pool.end();
