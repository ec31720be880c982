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
import { createEventService, newCode } from '../server/src/features/events/events.service';
import { systemActor } from '../server/src/lib/actor';
import { httpLogin, startServer } from '../server/src/test/server-process';
import { openPostgres } from './bench-data';

const PASSWORD = 'Bench-Passw0rd!';
const round = (n: number) => Math.round(n * 10) / 10;
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
};

interface Prepared {
  eventId: string;
  codes: string[];
  naiveCodes: string[];
  race: { seated: number; waitlisted: number; taken: number; capacity: number };
}

async function prepare(database: Database, n: number, seats: number, racers: number): Promise<Prepared> {
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
        { role: 'main', name: '主会场', capacity: n + 500 },
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
  const all = [...codes, ...naiveCodes];
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
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    return { latencies, outcomes, errors, seconds, requests: queue.length };
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
    const figures = {
      p95_ms: round(p95(m.latencies)),
      rps: round(m.requests / m.seconds),
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
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (shared: timings are noisy)`);
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
      ...result,
    }),
  );
}
