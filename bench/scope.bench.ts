/**
 * npm run bench -- scope [--orgs 59000] [--people 6000] [--seed 1] [--connections 20] [--seconds 10]
 *                        [--data-dir DIR] [--database-url URL]
 *
 * The cost of the visibility rule (lib/visibility.ts): the organisation list's first page, requested
 * by 20 concurrent clients against a real server, as an admin (no condition) and as a coordinator of
 * 浦东新区 and as a coordinator of the largest network (the scope condition). Prints the rates and
 * admin ÷ coordinator (target ≤ 1.5).
 * The synthetic directory is generated once into --data-dir (PGlite; default a directory under the
 * system's temp dir named after the counts) or --database-url, and kept for the next run.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/client';
import { users } from '../server/src/db/schema';
import { insertUser } from '../server/src/features/accounts/accounts.repository';
import { hashPassword } from '../server/src/features/accounts/passwords';
import { httpLogin, startServer } from '../server/src/test/server-process';
import { generateInto, parseGenerateArgs } from './generate';

/** the part of autocannon's API used here (it ships no types) */
type Autocannon = (opts: { url: string; headers: Record<string, string>; connections: number; duration: number }) => Promise<{
  non2xx: number;
  requests: { average: number };
  latency: { p97_5?: number; p99: number };
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const PASSWORD = 'Bench-Passw0rd!';
const PUDONG = '310115';

async function prepare(target: { dataDir?: string; databaseUrl?: string }, orgs: number, people: number, seed: number) {
  const database = await openDatabase(target.databaseUrl ? { databaseUrl: target.databaseUrl } : { dataDir: target.dataDir! });
  try {
    const have = Number(((await database.db.execute(sql`select count(*)::int as n from organizations`)).rows[0] as { n: number }).n);
    if (have < orgs) {
      console.log(`generating ${orgs} organisations and ${people} people (seed ${seed}) …`);
      await generateInto(database, { ...parseGenerateArgs([]), orgs, people, seed, reset: true }, (line) => console.log(`  ${line}`));
    }
    const hash = await hashPassword(PASSWORD);
    await database.db.execute(sql`delete from ${users} where username in ('bench_admin', 'bench_pudong', 'bench_network')`);
    // the network with the most current members, and its sub-networks
    const biggest = (await database.db.execute(sql`select network_id::text as id from memberships where left_on is null group by network_id order by count(*) desc limit 1`)).rows[0] as { id: string };
    await insertUser(database.db, { username: 'bench_admin', displayName: 'bench admin', passwordHash: hash, role: 'admin', scopes: [], permissions: [] });
    await insertUser(database.db, {
      username: 'bench_pudong',
      displayName: 'bench 浦东',
      passwordHash: hash,
      role: 'coordinator',
      scopes: [{ kind: 'district', value: PUDONG }],
      permissions: [],
    });
    await insertUser(database.db, {
      username: 'bench_network',
      displayName: 'bench network',
      passwordHash: hash,
      role: 'coordinator',
      scopes: [{ kind: 'network', value: biggest.id }],
      permissions: [],
    });
  } finally {
    await database.close();
  }
}

async function rate(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const path = '/api/organizations?page=1&pageSize=20';
  const warm = await fetch(url + path, { headers });
  if (warm.status !== 200) throw new Error(`${path}: ${warm.status} ${await warm.text()}`);
  const result = await autocannon({ url: url + path, headers, connections, duration: seconds });
  if (result.non2xx) throw new Error(`${result.non2xx} answers were not 2xx`);
  return { rps: result.requests.average, p95: result.latency.p97_5 ?? result.latency.p99 };
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      orgs: { type: 'string', default: '59000' },
      people: { type: 'string', default: '6000' },
      seed: { type: 'string', default: '1' },
      connections: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '10' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
    },
  });
  const orgs = Number(values.orgs);
  const people = Number(values.people);
  const seed = Number(values.seed);
  const connections = Number(values.connections);
  const seconds = Number(values.seconds);
  const databaseUrl = values['database-url'];
  const dataDir = values['data-dir'] ?? path.join(os.tmpdir(), `tongxin-scope-bench-${orgs}-${people}-${seed}`);
  if (!databaseUrl) fs.mkdirSync(dataDir, { recursive: true });
  await prepare({ dataDir, databaseUrl }, orgs, people, seed);

  const server = await startServer(databaseUrl ? { DATABASE_URL: databaseUrl } : { TONGXIN_DATA_DIR: dataDir }, 300_000);
  try {
    const admin = await rate(server.url, await httpLogin(server.url, 'bench_admin', PASSWORD), connections, seconds);
    const pudong = await rate(server.url, await httpLogin(server.url, 'bench_pudong', PASSWORD), connections, seconds);
    const network = await rate(server.url, await httpLogin(server.url, 'bench_network', PASSWORD), connections, seconds);
    const ratio = admin.rps / pudong.rps;
    console.log(`organisation list, ${orgs} organisations, ${connections} clients, ${seconds} s each (${databaseUrl ? 'PostgreSQL' : 'PGlite'}):`);
    console.log(`  admin (no condition)        ${admin.rps.toFixed(1)} req/s  p97.5 ${admin.p95} ms`);
    console.log(`  coordinator of 浦东新区      ${pudong.rps.toFixed(1)} req/s  p97.5 ${pudong.p95} ms`);
    console.log(`  coordinator of one network   ${network.rps.toFixed(1)} req/s  p97.5 ${network.p95} ms`);
    console.log(`  admin ÷ coordinator = ${ratio.toFixed(2)} (district), ${(admin.rps / network.rps).toFixed(2)} (network) (target ≤ 1.5)`);
    console.log(JSON.stringify({ admin_rps: admin.rps, coordinator_rps: pudong.rps, network_rps: network.rps, p95_ms: pudong.p95, ratio }));
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}
