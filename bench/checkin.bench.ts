/**
 * npm run bench -- checkin [--checkins 2000] [--concurrency 50] [--seats 10] [--racers 200]
 *   [--database-url URL] [--no-postgres] [--no-pglite]
 *
 * Check-in at one venue under load, against the REAL server (tsx server/src/main.ts on a free port), on
 * PostgreSQL and on PGlite:
 *  - `--checkins` registrations are made, then checked in over HTTP by `--concurrency` clients; one
 *    code in ten is scanned a second time by another client at the same moment. Prints p95 of the
 *    check-in requests, `lost` (codes not checked in after the run) and `duplicated` (codes counted
 *    more than once: two "checked_in" answers, or two audit entries).
 *  - registrations racing for the last `--seats` seats: `--racers` registrations at once through the
 *    service; never over capacity.
 *  - the naive way beside it: read the status, then update (two statements), for the same re-scans:
 *    how many codes it counts twice.
 *  - the speed beside the naive way, in this process at the same concurrency, 499 check-ins each: through the
 *    service (concurrent scans coalesced into ONE statement per batch: rights, conditional UPDATE, audit
 *    entries as a CTE, venue names), one such statement per scan (no coalescing), and the naive way (a
 *    transaction of five statements per scan): ms per check-in and the ratio naive ÷ service. Also the server
 *    process's CPU per HTTP check-in (from /proc), a figure that holds up on a loaded machine better than
 *    wall-clock; it includes the session lookup, which concurrent requests also share (accounts/session-lookup.ts).
 * PostgreSQL: the database tongxin_bench_checkin (made by this benchmark, recreated each run).
 * Ends with one JSON line: p95_ms, lost, duplicated (worst of both databases) and the figures per database.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { createEventBody } from '../common/schemas/events';
import { openDatabase, type Database } from '../server/src/db/client';
import { auditLog, eventRegistrations, eventVenues } from '../server/src/db/schema';
import { insertUser } from '../server/src/features/accounts/accounts.repository';
import { hashPassword } from '../server/src/features/accounts/passwords';
import { recordAudit } from '../server/src/features/audit/audit.repository';
import { changeableEvent } from '../server/src/features/events/event-access';
import { checkInBatch } from '../server/src/features/events/check-in';
import * as repo from '../server/src/features/events/events.repository';
import { createEventService, newCode } from '../server/src/features/events/events.service';
import { systemActor } from '../server/src/lib/actor';
import { httpLogin, startServer } from '../server/src/test/server-process';
import { openPostgres } from './bench-data';

const PASSWORD = 'Bench-Passw0rd!';
/** codes per way in the in-process comparison */
const COMPARE = 500;
const round = (n: number) => Math.round(n * 10) / 10;
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
};

interface Prepared {
  eventId: string;
  codes: string[];
  naiveCodes: string[];
  /** for the in-process comparison: checked in through the service (coalesced), one statement per scan, and the naive way */
  foldCodes: string[];
  singleCodes: string[];
  slowCodes: string[];
  race: { seated: number; waitlisted: number; taken: number; capacity: number };
}

export async function prepare(database: Database, n: number, seats: number, racers: number): Promise<Prepared> {
  const { db } = database;
  await insertUser(db, { username: 'bench_admin', displayName: 'bench admin', passwordHash: await hashPassword(PASSWORD), role: 'admin', scopes: [], permissions: [] });
  const svc = createEventService({ db });
  const ev = await svc.createEvent(
    systemActor(),
    createEventBody.parse({
      title: '签到压力测试',
      kind: 'service_day',
      status: 'published',
      startsAt: '2026-09-20T09:00',
      venues: [
        { role: 'main', name: '主会场', capacity: n + 3 * COMPARE + 500 },
        { role: 'branch', name: '最后十席', capacity: seats },
      ],
    }),
  );
  const venues = await db.select().from(eventVenues).where(eq(eventVenues.eventId, ev.id));
  const main = venues.find((v) => v.role === 'main')!;
  const race = venues.find((v) => v.role === 'branch')!;
  // the registrations to check in, written in bulk (their making is not what is measured)
  const codes = Array.from({ length: n }, () => newCode());
  const naiveCodes = Array.from({ length: 200 }, () => newCode());
  const foldCodes = Array.from({ length: COMPARE }, () => newCode());
  const singleCodes = Array.from({ length: COMPARE }, () => newCode());
  const slowCodes = Array.from({ length: COMPARE }, () => newCode());
  const all = [...codes, ...naiveCodes, ...foldCodes, ...singleCodes, ...slowCodes];
  for (let i = 0; i < all.length; i += 1000) {
    await db.insert(eventRegistrations).values(
      all.slice(i, i + 1000).map((code, j) => ({ eventId: ev.id, venueId: main.id, name: `参会者${i + j}`, phone: `139${String(i + j).padStart(8, '0')}`, status: 'registered' as const, code })),
    );
  }
  await db.update(eventVenues).set({ taken: all.length }).where(eq(eventVenues.id, main.id));

  // registrations racing for the last seats
  const results = await Promise.all(
    Array.from({ length: racers }, (_, i) => svc.register(ev.id, { venueId: race.id, name: `抢座${i}`, phone: `137${String(i).padStart(8, '0')}`, organization: null, role: null })),
  );
  const [after] = await db.select().from(eventVenues).where(eq(eventVenues.id, race.id));
  const seated = await db.$count(eventRegistrations, and(eq(eventRegistrations.venueId, race.id), eq(eventRegistrations.status, 'registered')));
  return {
    eventId: ev.id,
    codes,
    naiveCodes,
    foldCodes,
    singleCodes,
    slowCodes,
    race: { seated, waitlisted: results.filter((r) => r.status === 'waitlisted').length, taken: after!.taken, capacity: after!.capacity! },
  };
}

/** The naive check-in: read, then write; two scans of one code interleave between the two. */
async function naiveDuplicates(database: Database, codes: string[]) {
  let counted = 0;
  const scan = async (code: string) => {
    const [r] = await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.code, code));
    if (r?.status !== 'registered') return;
    await database.db.update(eventRegistrations).set({ status: 'checked_in', checkedInAt: new Date() }).where(eq(eventRegistrations.id, r.id));
    counted++;
  };
  await Promise.all(codes.flatMap((c) => [scan(c), scan(c)]));
  return counted - codes.length;
}

/**
 * The naive check-in path (how it was first written): a transaction of five statements — the event with the
 * actor's read/change rights, the conditional UPDATE, the registration again when nothing changed, the
 * venue's name, the audit entry.
 */
async function naiveCheckIn(db: Database['db'], eventId: string, code: string) {
  const actor = systemActor('bench');
  return db.transaction(async (tx) => {
    await changeableEvent(tx, actor, eventId);
    const done = await repo.markCheckedIn(tx, eventId, code);
    const r = done ?? (await repo.findRegistrationByCode(tx, code));
    const [venue] = await tx.select().from(eventVenues).where(eq(eventVenues.id, r!.venueId));
    if (done) await recordAudit(tx, actor, { action: 'update', entity: 'registration', entityId: r!.id, entityName: r!.name, after: { status: 'checked_in' } });
    return venue!.name;
  });
}

/** The same number of check-ins through the service (coalesced), one statement per scan, and the naive way, in this process, at the same concurrency. */
async function compareInProcess(database: Database, prepared: Prepared, concurrency: number) {
  const svc = createEventService({ db: database.db });
  const way = async (codes: string[], one: (code: string) => Promise<unknown>) => {
    const latencies: number[] = [];
    let next = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < codes.length) {
          const code = codes[next++]!;
          const t = performance.now();
          await one(code);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const cpu = process.cpuUsage(c0);
    return { p95_ms: round(p95(latencies)), ms_per_checkin: round((performance.now() - t0) / codes.length), node_cpu_ms: round((cpu.user + cpu.system) / 1000 / codes.length) };
  };
  // warm both paths
  const single = (code: string) => checkInBatch(database.db, prepared.eventId, [{ code, actor: systemActor('bench') }]);
  await svc.checkIn(systemActor('bench'), prepared.eventId, prepared.foldCodes[0]!);
  await single(prepared.singleCodes[0]!);
  await naiveCheckIn(database.db, prepared.eventId, prepared.slowCodes[0]!);
  const folded = await way(prepared.foldCodes.slice(1), (code) => svc.checkIn(systemActor('bench'), prepared.eventId, code));
  const oneEach = await way(prepared.singleCodes.slice(1), single);
  const naive = await way(prepared.slowCodes.slice(1), (code) => naiveCheckIn(database.db, prepared.eventId, code));
  return {
    folded,
    one_statement_each: oneEach,
    naive,
    ratio: round(naive.ms_per_checkin / Math.max(folded.ms_per_checkin, 0.01)),
    ratio_coalescing: round(oneEach.ms_per_checkin / Math.max(folded.ms_per_checkin, 0.01)),
  };
}

/** CPU time (ms) a process has used so far, from /proc (Linux); null elsewhere. */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function measure(label: string, env: Record<string, string>, prepared: Prepared, concurrency: number) {
  const server = await startServer(env);
  try {
    const headers = { ...(await httpLogin(server.url, 'bench_admin', PASSWORD)), 'content-type': 'application/json' };
    const url = `${server.url}/api/events/${prepared.eventId}/check-in`;
    // every code once; one in ten a second time, right after, from another client
    const queue: string[] = [];
    prepared.codes.forEach((c, i) => {
      queue.push(c);
      if (i % 10 === 0) queue.push(c);
    });
    const latencies: number[] = [];
    const outcomes = new Map<string, number>();
    let errors = 0;
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const code = queue[next++]!;
        const t0 = performance.now();
        const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ code }) });
        const body = (await res.json()) as { outcome?: string };
        latencies.push(performance.now() - t0);
        if (res.status !== 200) errors++;
        else if (body.outcome === 'checked_in') outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
      }
    };
    const cpu0 = processCpuMs(server.child.pid);
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    const cpu1 = processCpuMs(server.child.pid);
    const serverCpuMs = cpu0 != null && cpu1 != null ? round((cpu1 - cpu0) / queue.length) : null;
    return { latencies, outcomes, errors, seconds, requests: queue.length, serverCpuMs };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    console.log(`  ${label}: server stopped`);
  }
}

async function runOne(label: string, open: () => Promise<Database>, env: Record<string, string>, o: { n: number; c: number; seats: number; racers: number }) {
  console.log(`${label}: preparing ${o.n} registrations …`);
  let database = await open();
  const prepared = await prepare(database, o.n, o.seats, o.racers);
  await database.close();
  const m = await measure(label, env, prepared, o.c);
  database = await open();
  try {
    const checkedIn = await database.db.$count(eventRegistrations, and(eq(eventRegistrations.eventId, prepared.eventId), eq(eventRegistrations.status, 'checked_in')));
    const auditRows = (
      await database.db.execute(sql`select count(*)::int as n from (select entity_id from ${auditLog} where entity = 'registration' group by entity_id having count(*) > 1) x`)
    ).rows[0] as { n: number };
    const doubleAnswers = [...m.outcomes.values()].filter((v) => v > 1).length;
    const lost = prepared.codes.length - checkedIn;
    const duplicated = doubleAnswers + Number(auditRows.n);
    const naive = await naiveDuplicates(database, prepared.naiveCodes);
    const compare = await compareInProcess(database, prepared, o.c);
    const figures = {
      p95_ms: round(p95(m.latencies)),
      rps: round(m.requests / m.seconds),
      server_cpu_ms_per_request: m.serverCpuMs,
      in_process: compare,
      requests: m.requests,
      errors: m.errors,
      lost,
      duplicated,
      race: prepared.race,
      over_capacity: prepared.race.taken > prepared.race.capacity || prepared.race.seated > prepared.race.capacity,
      naive_duplicated: naive,
    };
    console.log(
      `${label}: ${m.requests} check-in requests (${o.n} codes, ${m.requests - o.n} re-scans) by ${o.c} clients in ${round(m.seconds)} s → p95 ${figures.p95_ms} ms, ${figures.rps} req/s; ` +
        `lost ${lost}, duplicated ${duplicated}, errors ${m.errors}`,
    );
    console.log(
      `${label}: ${o.racers} registrations racing for ${o.seats} seats → seated ${prepared.race.seated}, waiting list ${prepared.race.waitlisted}, taken ${prepared.race.taken}/${prepared.race.capacity}`,
    );
    console.log(
      `${label}: in-process, ${COMPARE - 1} check-ins each at concurrency ${o.c}: coalesced (one statement per batch) ${compare.folded.ms_per_checkin} ms/check-in (p95 ${compare.folded.p95_ms} ms, node CPU ${compare.folded.node_cpu_ms} ms) ` +
        `vs one statement per scan ${compare.one_statement_each.ms_per_checkin} ms/check-in (p95 ${compare.one_statement_each.p95_ms} ms, node CPU ${compare.one_statement_each.node_cpu_ms} ms, ${compare.ratio_coalescing}×) ` +
        `vs naive five-statement transaction ${compare.naive.ms_per_checkin} ms/check-in (p95 ${compare.naive.p95_ms} ms, node CPU ${compare.naive.node_cpu_ms} ms) → ${compare.ratio}× faster; server CPU per HTTP check-in ${m.serverCpuMs ?? '?'} ms`,
    );
    console.log(`${label}: naive read-then-update counted ${naive} of ${prepared.naiveCodes.length} double-scanned codes twice (ours: ${duplicated})`);
    return figures;
  } finally {
    await database.close();
  }
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      checkins: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '50' },
      seats: { type: 'string', default: '10' },
      racers: { type: 'string', default: '200' },
      'database-url': { type: 'string' },
      'no-postgres': { type: 'boolean', default: false },
      'no-pglite': { type: 'boolean', default: false },
    },
  });
  const o = { n: Number(values.checkins), c: Number(values.concurrency), seats: Number(values.seats), racers: Number(values.racers) };
  const load = os.loadavg().map((x) => Number(x.toFixed(2)));
  console.log(`machine: ${os.cpus().length} cores, load average ${load.join(' ')} (shared: timings are noisy)`);
  const result: Record<string, unknown> = {};
  if (!values['no-postgres']) {
    const base = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
    const u = new URL(base);
    u.pathname = '/tongxin_bench_checkin';
    let first = true;
    result.postgres = await runOne(
      'PostgreSQL',
      async () => {
        const d = await openPostgres(u.toString(), first);
        first = false;
        return d;
      },
      { DATABASE_URL: u.toString() },
      o,
    );
  }
  if (!values['no-pglite']) {
    const dir = path.join(os.tmpdir(), `tongxin-bench-checkin-${randomBytes(4).toString('hex')}`);
    try {
      result.pglite = await runOne('PGlite', () => openDatabase({ dataDir: dir }), { TONGXIN_DATA_DIR: dir }, o);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const all = Object.values(result) as { p95_ms: number; lost: number; duplicated: number; naive_duplicated: number; over_capacity: boolean }[];
  console.log(
    JSON.stringify({
      bench: 'checkin',
      checkins: o.n,
      concurrency: o.c,
      p95_ms: Math.max(...all.map((r) => r.p95_ms)),
      lost: all.reduce((s, r) => s + r.lost, 0),
      duplicated: all.reduce((s, r) => s + r.duplicated, 0),
      over_capacity: all.some((r) => r.over_capacity),
      naive_duplicated: all.reduce((s, r) => s + r.naive_duplicated, 0),
      cores: os.cpus().length,
      load_before: load,
      load_after: os.loadavg().map((x) => Number(x.toFixed(2))),
      ...result,
    }),
  );
}
