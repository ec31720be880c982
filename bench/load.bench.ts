/**
 * npm run bench -- load [--orgs 1000000] [--people N] [--database-url URL] [--pglite-orgs 100000]
 *   [--pglite-people N] [--duration 5] [--connections 20] [--alone 30] [--seed 1] [--only name,…]
 *   [--no-pglite] [--no-postgres]
 *
 * Throughput of the list pages and the search box against the REAL server (tsx server/src/main.ts,
 * spawned on a free port, logging at warn), on PostgreSQL and on PGlite, printed side by side:
 *  - alone: `--alone` requests one after another → p95;
 *  - under load: autocannon with `--connections` clients for `--duration` seconds → requests/s and p95.
 * Every list page is run as an admin and as a coordinator of 浦东新区: the default page, keywords
 * (Chinese words, pinyin initials and pinyin inside a name), each sort and each filter.
 * Data: the search benchmark's generated directory (bench/generate.ts), reused when present:
 * PostgreSQL at --database-url (else BENCH_LOAD_DATABASE_URL, else …/tongxin_load_<orgs>, created
 * and filled when missing); PGlite in $TMPDIR/tongxin-bench-pglite-<orgs>-<people>-s<seed> (the same
 * directory the search benchmark keeps). Ends with one JSON line: rps and p95_ms per route and database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../server/src/db/client';
import { industries, networks, users } from '../server/src/db/schema';
import { hashPassword } from '../server/src/features/accounts/passwords';
import { httpLogin } from '../server/src/test/server-process';
import { ensureData, openPostgres, pgliteData } from './search.bench';

const root = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'Bench-Passw0rd!';
const PUDONG = '310115';
const round = (n: number) => Math.round(n * 10) / 10;

interface Route {
  name: string;
  path: string;
  as: 'admin' | 'coordinator';
}

/** The routes measured: every list page's default, keywords, sorts and filters, as both actors, and the search box. */
function routes(ids: { industryId: string; networkId: string }): Route[] {
  const lists: [string, string][] = [
    ['orgs', '/api/organizations'],
    ['orgs q=科技', '/api/organizations?q=科技'],
    ['orgs q=zq', '/api/organizations?q=zq'],
    ['orgs q=jinqiao', '/api/organizations?q=jinqiao'],
    ['orgs q=华信', '/api/organizations?q=华信'],
    ['orgs sort=-name', '/api/organizations?sort=-name'],
    ['orgs sort=-createdAt', '/api/organizations?sort=-createdAt'],
    ['orgs sort=createdAt', '/api/organizations?sort=createdAt'],
    ['orgs sort=districtCode', '/api/organizations?sort=districtCode'],
    ['orgs sort=-districtCode', '/api/organizations?sort=-districtCode'],
    ['orgs page=50', '/api/organizations?page=50'],
    ['orgs kind=university', '/api/organizations?kind=university'],
    ['orgs kind=bank', '/api/organizations?kind=bank'],
    ['orgs district=崇明', '/api/organizations?districtCode=310151'],
    ['orgs industry', `/api/organizations?industryId=${ids.industryId}`],
    ['orgs network', `/api/organizations?networkId=${ids.networkId}`],
    ['people', '/api/people'],
    ['people q=zf', '/api/people?q=zf'],
    ['people q=张峰', '/api/people?q=张峰'],
    ['people sort=-createdAt', '/api/people?sort=-createdAt'],
    ['people role=mentor', '/api/people?role=mentor'],
    ['people district=崇明', '/api/people?districtCode=310151'],
    ['people industry', `/api/people?industryId=${ids.industryId}`],
    ['networks', '/api/networks'],
    ['networks q=智库', '/api/networks?q=智库'],
    ['places', '/api/places'],
    ['search 张峰', '/api/search?q=张峰'],
    ['search zq', '/api/search?q=zq'],
  ];
  return (['admin', 'coordinator'] as const).flatMap((as) =>
    lists.map(([name, p]) => ({ name: `${name} (${as === 'admin' ? 'admin' : '浦东'})`, path: encodeURI(p), as })),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const a = probe.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the real server and waits for /api/health (migrations on a large database can take minutes). */
async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', TONGXIN_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) throw new Error(`server did not answer /api/health:\n${out}`);
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  };
  return { url, child, stop };
}

/** Bench users (an admin, a coordinator of 浦東新区), recreated with a known password; ids for the filters. */
async function prepare(database: Database) {
  const db = database.db;
  const passwordHash = await hashPassword(PASSWORD);
  await db.delete(users).where(inArray(users.username, ['bench_admin', 'bench_pudong']));
  await db.insert(users).values([
    { username: 'bench_admin', displayName: 'bench admin', passwordHash, role: 'admin', scopes: [] },
    { username: 'bench_pudong', displayName: 'bench 浦东', passwordHash, role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] },
  ]);
  const [industry] = await db.select({ id: industries.id }).from(industries).where(eq(industries.name, '集成电路')).limit(1);
  const [anyIndustry] = await db.select({ id: industries.id }).from(industries).limit(1);
  const [network] = await db
    .select({ id: networks.id })
    .from(networks)
    .orderBy(sql`${networks.districtCode} = ${PUDONG} desc`)
    .limit(1);
  await db.execute(sql`vacuum analyze`);
  return { industryId: (industry ?? anyIndustry)!.id, networkId: network!.id };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : 0;
};

interface Figures {
  alone_p95_ms: number;
  rps: number;
  p95_ms: number;
  errors: number;
}

async function measureRoute(url: string, headers: Record<string, string>, r: Route, o: { alone: number; duration: number; connections: number }): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < o.alone + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(url + r.path, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) errors++;
    if (i >= 2) times.push(performance.now() - t0); // two warm-ups
  }
  const loaded: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url: url + r.path, headers, connections: o.connections, duration: o.duration }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      loaded.push(ms);
      if (status !== 200) errors++;
    });
  });
  return {
    alone_p95_ms: round(percentile(times, 95)),
    rps: round(result.requests.total / (result.duration || o.duration)),
    p95_ms: round(percentile(loaded, 95)),
    errors: errors + result.errors + result.timeouts,
  };
}

async function measureServer(label: string, env: Record<string, string>, ids: { industryId: string; networkId: string }, o: { alone: number; duration: number; connections: number; only?: string[] }) {
  console.log(`\n${label}: starting the server …`);
  const server = await startServer(env);
  const out: Record<string, Figures> = {};
  try {
    const sessions = {
      admin: await httpLogin(server.url, 'bench_admin', PASSWORD),
      coordinator: await httpLogin(server.url, 'bench_pudong', PASSWORD),
    };
    for (const r of routes(ids)) {
      if (o.only && !o.only.some((s) => r.name.includes(s))) continue;
      out[r.name] = await measureRoute(server.url, sessions[r.as], r, o);
      const f = out[r.name]!;
      console.log(`  ${r.name.padEnd(34)} alone p95 ${String(f.alone_p95_ms).padStart(7)} ms · ${String(f.rps).padStart(6)} req/s · p95 ${String(f.p95_ms).padStart(7)} ms${f.errors ? ` · ${f.errors} errors` : ''}`);
    }
  } finally {
    await server.stop();
  }
  return out;
}

function printSideBySide(pg: Record<string, Figures> | null, lite: Record<string, Figures> | null, target: { p95: number; rps: number }) {
  const names = [...new Set([...Object.keys(pg ?? {}), ...Object.keys(lite ?? {})])];
  const cell = (f: Figures | undefined) => (f ? `${String(f.alone_p95_ms).padStart(7)} ${String(f.rps).padStart(7)} ${String(f.p95_ms).padStart(7)}` : ' '.repeat(23));
  console.log(`\n${'route'.padEnd(34)} ${'PostgreSQL: alone p95 · req/s · p95 (ms)'.padEnd(42)} PGlite: alone p95 · req/s · p95 (ms)`);
  for (const n of names) {
    const p = pg?.[n];
    const ok = p ? (p.alone_p95_ms <= target.p95 && p.rps >= target.rps ? '  ✓' : '  ✗') : '   ';
    console.log(`${n.padEnd(34)} ${cell(p)}${ok}${' '.repeat(13)} ${cell(lite?.[n])}`);
  }
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      orgs: { type: 'string' }, people: { type: 'string' }, 'pglite-orgs': { type: 'string' }, 'pglite-people': { type: 'string' },
      'database-url': { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' }, alone: { type: 'string' },
      seed: { type: 'string' }, only: { type: 'string' },
      'no-pglite': { type: 'boolean', default: false }, 'no-postgres': { type: 'boolean', default: false },
    },
  });
  const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v.replace(/_/g, '')));
  const orgs = num(values.orgs, 1_000_000);
  const people = num(values.people, Math.round(orgs / 10));
  const pgliteOrgs = Math.min(orgs, num(values['pglite-orgs'], 100_000));
  const pglitePeople = num(values['pglite-people'], Math.round(pgliteOrgs / 10));
  const seed = num(values.seed, 1);
  const o = {
    duration: num(values.duration, 5),
    connections: num(values.connections, 20),
    alone: num(values.alone, 30),
    only: values.only?.split(','),
  };
  const url =
    values['database-url'] ?? process.env.BENCH_LOAD_DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:5432/tongxin_load_${orgs}`;

  let pg: Record<string, Figures> | null = null;
  if (!values['no-postgres']) {
    let database = await openPostgres(url, false);
    const data = await ensureData(database, orgs, people, seed, async () => database);
    database = data.database;
    const ids = await prepare(database);
    await database.close();
    pg = await measureServer(`PostgreSQL: ${orgs} organisations, ${people} people (${url.replace(/:[^:@/]*@/, ':***@')})`, { DATABASE_URL: url }, ids, o);
  }

  let lite: Record<string, Figures> | null = null;
  if (!values['no-pglite']) {
    const { dir, database } = await pgliteData(pgliteOrgs, pglitePeople, seed);
    const ids = await prepare(database);
    await database.close();
    lite = await measureServer(`PGlite: ${pgliteOrgs} organisations, ${pglitePeople} people (${dir})`, { TONGXIN_DATA_DIR: dir }, ids, o);
  }

  printSideBySide(pg, lite, { p95: 50, rps: 200 });
  const pick = (r: Record<string, Figures> | null) =>
    r && Object.fromEntries(Object.entries(r).map(([k, f]) => [k, { rps: f.rps, p95_ms: f.p95_ms, alone_p95_ms: f.alone_p95_ms }]));
  const all = Object.values(pg ?? {});
  console.log(
    JSON.stringify({
      bench: 'load', orgs, people, pglite_orgs: lite ? pgliteOrgs : null, connections: o.connections, duration_s: o.duration,
      postgres: pick(pg), pglite: pick(lite),
      postgres_min_rps: all.length ? Math.min(...all.map((f) => f.rps)) : null,
      postgres_max_alone_p95_ms: all.length ? Math.max(...all.map((f) => f.alone_p95_ms)) : null,
    }),
  );
}
