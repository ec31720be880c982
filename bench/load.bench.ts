/**
 * npm run bench -- load [--size small|100k|1m] [--db pg|pglite|both] [--routes orgs,people,…]
 *   [--duration 3] [--connections 20] [--alone 20] [--pglite-orgs 100000] [--pglite-people N]
 *   [--orgs N --people N] [--database-url URL] [--seed 1] [--p95-target 50] [--rps-target 200] [--unshared]
 *
 * Throughput of the list pages and the search box against the REAL server (tsx server/src/main.ts,
 * spawned on a free port, logging at warn), on PostgreSQL and on PGlite, printed side by side:
 *  - alone: `--alone` requests one after another → p95;
 *  - under load: autocannon with `--connections` clients for `--duration` seconds → requests/s and p95.
 * Every list page is run as an admin and as a coordinator of 浦东新区: the default page, keywords
 * (Chinese words, pinyin initials and pinyin inside a name), each sort and each filter. `--routes`
 * keeps the routes whose name contains one of the given parts (e.g. `--routes orgs` or `--routes "people,q="`).
 * Each route is measured against the target (PostgreSQL at 1M: alone p95 ≤ 50 ms, ≥ 200 req/s) and
 * marked pass/FAIL; the load average (/proc/loadavg) is printed before and after: the machine's other
 * work lowers req/s. Default: --size 1m (1,000,000 organisations, 100,000 people), PGlite at 100,000.
 * Data: the generated directory (bench/generate.ts), reused when present: PostgreSQL at --database-url
 * (else BENCH_LOAD_DATABASE_URL, else …/tongxin_load_1m | tongxin_load_100000 | tongxin_load_small,
 * created and filled when missing, and generated again when it was migrated by other migrations);
 * PGlite in $TMPDIR/tongxin-bench-pglite-<orgs>-<people>-s<seed> (the search benchmark's directory).
 * The clients of a route ask for the same page at once: the server answers identical reads that arrive
 * together with one run (sharedReads in server/src/lib/ttl-cache.ts, never from a read begun before the request). `--unshared` measures PostgreSQL a second time with
 * TONGXIN_SHARED_READS=0 (every request its own query, as twenty different pages would) and prints the ratio.
 * Ends with one JSON line: rps, p95_ms, alone_p95_ms and pass per route and database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pgLib from 'pg';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../server/src/db/client';
import { industries, networks, users } from '../server/src/db/schema';
import { hashPassword } from '../server/src/features/accounts/passwords';
import { httpLogin, startServer } from '../server/src/test/server-process';
import { ensureData, migrationsMatch, openPostgres, pgliteData, pgliteMigrationsMatch } from './bench-data';

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

/** CPU seconds a process has used so far (user + system), from /proc; 0 where there is no /proc. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
  } catch {
    return 0;
  }
}

/** The CPU meters of one measurement: the server process and (PostgreSQL) the backends serving its database. */
interface Meters {
  serverPid: number | undefined;
  /** the database backends' pids now (PostgreSQL); none for PGlite, which runs inside the server */
  backends: () => Promise<number[]>;
}

interface Figures {
  /** CPU milliseconds per request under load: the server process, and the database's backends */
  cpu_ms: { server: number; db: number };
  alone_p95_ms: number;
  rps: number;
  p95_ms: number;
  errors: number;
}

async function measureRoute(url: string, headers: Record<string, string>, r: Route, o: { alone: number; duration: number; connections: number }, meters: Meters): Promise<Figures> {
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
  const pids = await meters.backends();
  const beforeOf = new Map(pids.map((p) => [p, cpuSeconds(p)]));
  const before = { server: cpuSeconds(meters.serverPid), db: [...beforeOf.values()].reduce((a, b) => a + b, 0) };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url: url + r.path, headers, connections: o.connections, duration: o.duration }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      loaded.push(ms);
      if (status !== 200) errors++;
    });
  });
  // backends the pool opened during the run count whole
  const pidsAfter = await meters.backends();
  const after = { server: cpuSeconds(meters.serverPid), db: pidsAfter.reduce((a, p) => a + cpuSeconds(p), 0) + pids.filter((p) => !pidsAfter.includes(p)).reduce((a, p) => a + beforeOf.get(p)!, 0) };
  const n = Math.max(1, result.requests.total);
  return {
    cpu_ms: { server: round(((after.server - before.server) * 1000) / n), db: round(((after.db - before.db) * 1000) / n) },
    alone_p95_ms: round(percentile(times, 95)),
    rps: round(result.requests.total / (result.duration || o.duration)),
    p95_ms: round(percentile(loaded, 95)),
    errors: errors + result.errors + result.timeouts,
  };
}

async function measureServer(
  label: string,
  env: Record<string, string>,
  ids: { industryId: string; networkId: string },
  o: { alone: number; duration: number; connections: number; only?: string[]; profile?: boolean },
) {
  console.log(`\n${label}: starting the server …`);
  const profDir = o.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-load-prof-')) : undefined;
  // logging at warn (no line per request); migrations of a large database can take minutes
  const server = await startServer({ LOG_LEVEL: 'warn', ...env }, 15 * 60_000, profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []);
  // PostgreSQL: the backends connected to the bench database (the server's pool), found before each route
  const admin = env.DATABASE_URL ? new pgLib.Client({ connectionString: env.DATABASE_URL }) : undefined;
  await admin?.connect();
  const meters: Meters = {
    serverPid: server.child.pid,
    backends: async () =>
      admin
        ? (await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows.map((x) => x.pid)
        : [],
  };
  const out: Record<string, Figures> = {};
  try {
    const sessions = {
      admin: await httpLogin(server.url, 'bench_admin', PASSWORD),
      coordinator: await httpLogin(server.url, 'bench_pudong', PASSWORD),
    };
    for (const r of routes(ids)) {
      if (o.only && !o.only.some((s) => r.name.includes(s))) continue;
      out[r.name] = await measureRoute(server.url, sessions[r.as], r, o, meters);
      const f = out[r.name]!;
      console.log(
        `  ${r.name.padEnd(34)} alone p95 ${String(f.alone_p95_ms).padStart(7)} ms · ${String(f.rps).padStart(6)} req/s · p95 ${String(f.p95_ms).padStart(7)} ms` +
          ` · CPU/request: server ${f.cpu_ms.server} ms, database ${f.cpu_ms.db} ms${f.errors ? ` · ${f.errors} errors` : ''}`,
      );
    }
  } finally {
    await admin?.end();
    await server.stop();
  }
  if (profDir) printProfile(profDir);
  return out;
}

/**
 * The requests/s the measured CPU cost allows on this machine's two cores when nothing else runs:
 * the server is one thread (≤ 1000 / its ms), and server + database share two cores. Under other
 * load the measured req/s is lower; this figure is what a quiet run should show, roughly.
 */
const cpuBoundRps = (f: Figures) => {
  const total = f.cpu_ms.server + f.cpu_ms.db;
  return total > 0 ? Math.round(Math.min(1000 / Math.max(f.cpu_ms.server, 0.01), 2000 / total)) : null;
};

function printSideBySide(pg: Record<string, Figures> | null, lite: Record<string, Figures> | null, target: { p95: number; rps: number }) {
  const names = [...new Set([...Object.keys(pg ?? {}), ...Object.keys(lite ?? {})])];
  const ok = (f: Figures | undefined) => (f ? (f.alone_p95_ms <= target.p95 && f.rps >= target.rps && f.errors === 0 ? 'pass' : 'FAIL') : '');
  const cell = (f: Figures | undefined) =>
    f ? `${String(f.alone_p95_ms).padStart(7)} ${String(f.rps).padStart(7)} ${String(f.p95_ms).padStart(7)} ${ok(f).padStart(4)} ${String(cpuBoundRps(f) ?? '—').padStart(6)}` : ' '.repeat(35);
  console.log(`\ntarget: alone p95 ≤ ${target.p95} ms and ≥ ${target.rps} req/s from the clients (the target is PostgreSQL's; PGlite's pass/fail is for comparison)`);
  console.log('cpu-bound: the req/s the measured CPU per request allows on 2 idle cores (server ≤ 1000/ms, server + database ≤ 2000/ms)');
  console.log(`${'route'.padEnd(34)} ${'PostgreSQL'.padEnd(36)} PGlite`);
  console.log(`${''.padEnd(34)} ${'alone p95   req/s     p95      cpu-bound'.padEnd(36)} alone p95   req/s     p95      cpu-bound`);
  for (const n of names) console.log(`${n.padEnd(34)} ${cell(pg?.[n])} ${cell(lite?.[n])}`);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** --profile: the server's functions by own CPU time (V8's .cpuprofile written at exit), top 30. */
function printProfile(dir: string) {
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return console.log(`no profile in ${dir}`);
  const prof = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const where = f.url ? `${f.url.replace(/^.*node_modules\//, '').replace(root, '')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`;
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  console.log(`\nserver profile (${path.join(dir, file)}): own time, top 30 of ${Math.round(total / 1000)} ms`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
  }
}

/** The data sizes: organisations, people and the PostgreSQL bench database each is kept in. */
const SIZES: Record<string, { orgs: number; people: number; database: string }> = {
  small: { orgs: 2_000, people: 200, database: 'tongxin_load_small' },
  '100k': { orgs: 100_000, people: 10_000, database: 'tongxin_load_100000' },
  '1m': { orgs: 1_000_000, people: 100_000, database: 'tongxin_load_1m' },
};

const uptime = () => {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
};

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      size: { type: 'string' }, db: { type: 'string' }, routes: { type: 'string' },
      orgs: { type: 'string' }, people: { type: 'string' }, 'pglite-orgs': { type: 'string' }, 'pglite-people': { type: 'string' },
      'database-url': { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' }, alone: { type: 'string' },
      seed: { type: 'string' }, only: { type: 'string' }, profile: { type: 'boolean', default: false }, 'p95-target': { type: 'string' }, 'rps-target': { type: 'string' },
      'no-pglite': { type: 'boolean', default: false }, 'no-postgres': { type: 'boolean', default: false },
      unshared: { type: 'boolean', default: false },
    },
  });
  const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v.replace(/_/g, '')));
  const size = values.size ? SIZES[values.size.toLowerCase()] : undefined;
  if (values.size && !size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const orgs = num(values.orgs, size?.orgs ?? 1_000_000);
  const people = num(values.people, size?.people ?? Math.round(orgs / 10));
  const pgliteOrgs = Math.min(orgs, num(values['pglite-orgs'], 100_000));
  const pglitePeople = num(values['pglite-people'], Math.round(pgliteOrgs / 10));
  const seed = num(values.seed, 1);
  const which = (values.db ?? 'both').toLowerCase();
  if (!['pg', 'postgres', 'pglite', 'both'].includes(which)) throw new Error('--db must be pg, pglite or both');
  const o = {
    duration: num(values.duration, 3),
    connections: num(values.connections, 20),
    alone: num(values.alone, 20),
    only: (values.routes ?? values.only)?.split(','),
    profile: values.profile,
  };
  const target = { p95: num(values['p95-target'], 50), rps: num(values['rps-target'], 200) };
  const named = Object.values(SIZES).find((z) => z.orgs === orgs && z.people === people)?.database ?? `tongxin_load_${orgs}`;
  const url = values['database-url'] ?? process.env.BENCH_LOAD_DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:5432/${named}`;
  console.log(
    `load: ${o.connections} clients for ${o.duration} s per route after ${o.alone} requests alone; target on PostgreSQL: alone p95 ≤ ${target.p95} ms and ≥ ${target.rps} req/s` +
      `${o.only ? `; routes matching ${o.only.join(', ')}` : ''}\nload average at start: ${uptime()} (2 cores: req/s fall when other work runs)`,
  );

  let pg: Record<string, Figures> | null = null;
  let pgUnshared: Record<string, Figures> | null = null;
  const loads: Record<string, string> = {};
  if (!values['no-postgres'] && which !== 'pglite') {
    const m = await migrationsMatch(url);
    if (!m.ok) console.log(`${url.replace(/:[^:@/]*@/, ':***@')} was built by other migrations (${m.why}): generating it again`);
    let database = await openPostgres(url, !m.ok);
    const data = await ensureData(database, orgs, people, seed, async () => database);
    database = data.database;
    const ids = await prepare(database);
    await database.close();
    pg = await measureServer(`PostgreSQL: ${orgs} organisations, ${people} people (${url.replace(/:[^:@/]*@/, ':***@')})`, { DATABASE_URL: url }, ids, o);
    // the naive way beside it: every request runs its own query, also when twenty ask for the same page at once
    if (values.unshared) pgUnshared = await measureServer('PostgreSQL, identical reads not shared (TONGXIN_SHARED_READS=0)', { DATABASE_URL: url, TONGXIN_SHARED_READS: '0' }, ids, o);
    loads.postgres = uptime();
    console.log(`load average after PostgreSQL: ${loads.postgres}`);
  }

  let lite: Record<string, Figures> | null = null;
  if (!values['no-pglite'] && which !== 'pg' && which !== 'postgres') {
    const kept = path.join(os.tmpdir(), `tongxin-bench-pglite-${pgliteOrgs}-${pglitePeople}-s${seed}`);
    if (!(await pgliteMigrationsMatch(kept))) {
      console.log(`${kept} was built by other migrations: generating it again`);
      fs.rmSync(kept, { recursive: true, force: true });
    }
    const { dir, database } = await pgliteData(pgliteOrgs, pglitePeople, seed);
    const ids = await prepare(database);
    await database.close();
    lite = await measureServer(`PGlite: ${pgliteOrgs} organisations, ${pglitePeople} people (${dir})`, { TONGXIN_DATA_DIR: dir }, ids, o);
    loads.pglite = uptime();
    console.log(`load average after PGlite: ${loads.pglite}`);
  }

  printSideBySide(pg, lite, target);
  if (pg && pgUnshared) {
    console.log('\nPostgreSQL req/s with identical concurrent reads shared (sharedReads) and not shared:');
    for (const [name, f] of Object.entries(pg)) {
      const u = pgUnshared[name];
      if (u) console.log(`  ${name.padEnd(34)} ${String(f.rps).padStart(6)} shared · ${String(u.rps).padStart(6)} not shared · ×${(f.rps / Math.max(u.rps, 0.1)).toFixed(2)}`);
    }
  }
  const pass = (f: Figures) => f.alone_p95_ms <= target.p95 && f.rps >= target.rps && f.errors === 0;
  const pick = (r: Record<string, Figures> | null) =>
    r && Object.fromEntries(Object.entries(r).map(([k, f]) => [k, { rps: f.rps, p95_ms: f.p95_ms, alone_p95_ms: f.alone_p95_ms, pass: pass(f), cpu_ms: f.cpu_ms, cpu_bound_rps: cpuBoundRps(f) }]));
  const all = Object.values(pg ?? {});
  const passed = all.filter(pass).length;
  if (pg) console.log(`\nPostgreSQL: ${passed} of ${all.length} routes within target (alone p95 ≤ ${target.p95} ms, ≥ ${target.rps} req/s)`);
  console.log(
    JSON.stringify({
      bench: 'load', orgs, people, pglite_orgs: lite ? pgliteOrgs : null, connections: o.connections, duration_s: o.duration,
      target: { alone_p95_ms: target.p95, rps: target.rps }, loadavg: loads,
      postgres: pick(pg), pglite: pick(lite), postgres_unshared: pick(pgUnshared),
      postgres_passed: pg ? passed : null, postgres_routes: pg ? all.length : null,
      postgres_min_rps: all.length ? Math.min(...all.map((f) => f.rps)) : null,
      postgres_max_alone_p95_ms: all.length ? Math.max(...all.map((f) => f.alone_p95_ms)) : null,
    }),
  );
}
