/** Writes a synthetic directory into a database in batches: organisations, people, networks and their search documents. */
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../server/src/db/client';
import {
  insertMemberships,
  insertNetworks,
  insertOrganizations,
  insertPeople,
  insertSearchRows,
  networkSearchDoc,
  organizationSearchDoc,
  personSearchDoc,
  type MembershipRow,
} from './insert';
import { syntheticIndustries } from './names';
import { generateMemberships, generateNetwork, type SyntheticNetwork } from './networks';
import { generateOrganization } from './organizations';
import { generatePerson } from './people';
import { recordRng, syntheticId } from './rng';
import { createSearchRowPool, type SearchRowPool } from './search-rows';
import { cleanGinPendingLists } from '../../server/src/features/io/io-import.repository';

export interface GenerateOptions {
  orgs: number;
  people: number;
  /** default: one per thousand organisations, at least 3 */
  networks?: number;
  seed: number;
  /** rows per statement (default 5000) */
  batchSize?: number;
  /** worker threads computing search rows (default: cores − 1; 0 = main thread) */
  workers?: number;
  log?: (line: string) => void;
}

export interface GenerateReport {
  organizations: number;
  people: number;
  networks: number;
  memberships: number;
  searchDocuments: number;
  seconds: number;
}

const networkCountFor = (opts: GenerateOptions) => opts.networks ?? Math.max(3, Math.round(opts.orgs / 1000));

/** Every demo_key the generator writes starts with this. */
export const GENERATED_PREFIX = 'gen-';

const now = () => performance.now();
/** Lets pending database I/O run between chunks of CPU work. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function mapChunked<R>(from: number, to: number, fn: (i: number) => R): Promise<R[]> {
  const out: R[] = [];
  for (let i = from; i < to; i++) {
    out.push(fn(i));
    if ((i - from) % 200 === 199) await breathe();
  }
  return out;
}

/**
 * Batches of `make` (CPU: records and their search rows) overlap with the previous batch's
 * `write` (one transaction), which on PostgreSQL runs in the server process.
 */
async function pipeline<T>(
  label: string,
  total: number,
  batchSize: number,
  make: (from: number, to: number) => Promise<T>,
  write: (batch: T) => Promise<void>,
  log: (line: string) => void,
) {
  const started = now();
  let pending: Promise<void> | undefined;
  for (let from = 0; from < total; from += batchSize) {
    const to = Math.min(total, from + batchSize);
    const batch = await make(from, to);
    await pending;
    pending = write(batch).then(() => {
      const s = (now() - started) / 1000;
      log(`${label} ${to.toLocaleString('en')}/${total.toLocaleString('en')} · ${Math.round(to / s).toLocaleString('en')} rows/s`);
    });
    pending.catch(() => {}); // awaited on the next round; this only keeps it from counting as unhandled meanwhile
  }
  await pending;
}

/** The synthetic industries (existing ones of the same name, e.g. from the demo, are reused). */
async function ensureIndustries(db: Db) {
  const names = syntheticIndustries.map((i) => i.name);
  await db.execute(sql`
    insert into industries (name, sort, demo_key)
    select * from unnest(${sql.param(names)}::text[], ${sql.param(names.map((_, i) => 1000 + i))}::int[],
                         ${sql.param(syntheticIndustries.map((i) => `${GENERATED_PREFIX}industry-${i.key}`))}::text[])
    on conflict do nothing`);
  const rows = (await db.execute(sql`select id, name from industries where name in ${names}`)).rows as { id: string; name: string }[];
  const idByName = new Map(rows.map((r) => [r.name, r.id]));
  return {
    ids: new Map(syntheticIndustries.map((i) => [i.key as string, idByName.get(i.name)!])),
    names: new Map(syntheticIndustries.map((i) => [i.key as string, i.name as string])),
  };
}

export async function writeSyntheticData(database: Database, opts: GenerateOptions): Promise<GenerateReport> {
  const { db } = database;
  const log = opts.log ?? (() => {});
  const networkCount = networkCountFor(opts);
  const started = now();
  const industries = await ensureIndustries(db);
  const pool = createSearchRowPool(opts.workers);
  try {
    const memberships = await writeAll(db, opts, industries, pool, log);
    // as after an import: index searches must not read a long GIN pending list (no autovacuum on PGlite)
    await cleanGinPendingLists(db, ['organizations', 'people', 'networks', 'search_documents']);
    return {
      organizations: opts.orgs,
      people: opts.people,
      networks: networkCount,
      memberships,
      searchDocuments: opts.orgs + opts.people + networkCount,
      seconds: Math.round((now() - started) / 100) / 10,
    };
  } finally {
    await pool.close();
  }
}

async function writeAll(
  db: Db,
  opts: GenerateOptions,
  industries: Awaited<ReturnType<typeof ensureIndustries>>,
  pool: SearchRowPool,
  log: (line: string) => void,
): Promise<number> {
  const { seed } = opts;
  const batchSize = opts.batchSize ?? 5000;
  const networkCount = networkCountFor(opts);
  const organizationAt = (i: number) => generateOrganization(recordRng(seed, 'organization', i), i, seed);

  await pipeline(
    'organizations',
    opts.orgs,
    batchSize,
    async (from, to) => {
      const orgs = await mapChunked(from, to, organizationAt);
      const rows = await pool.compute(orgs.map((o) => organizationSearchDoc(o, industries.ids)));
      return { orgs, rows };
    },
    (b) =>
      db.transaction(async (tx) => {
        await insertOrganizations(tx, b.orgs, industries.ids);
        await insertSearchRows(tx, b.rows);
      }),
    log,
  );

  const personCtx = { organizationCount: opts.orgs, organizationAt };
  await pipeline(
    'people',
    opts.people,
    batchSize,
    async (from, to) => {
      const people = await mapChunked(from, to, (i) => generatePerson(recordRng(seed, 'person', i), i, seed, personCtx));
      const rows = await pool.compute(people.map((x) => personSearchDoc(x, industries.ids)));
      return { people, rows };
    },
    (b) =>
      db.transaction(async (tx) => {
        await insertPeople(tx, b.people, industries.ids);
        await insertSearchRows(tx, b.rows);
      }),
    log,
  );

  const cache = new Map<number, SyntheticNetwork>();
  const networkAt = (i: number): SyntheticNetwork => {
    let n = cache.get(i);
    if (!n) cache.set(i, (n = generateNetwork(recordRng(seed, 'network', i), i, seed, { count: networkCount, networkAt })));
    return n;
  };
  let memberships = 0;
  await pipeline(
    'networks',
    networkCount,
    Math.max(1, Math.floor(batchSize / 100)),
    async (from, to) => {
      const networks = await mapChunked(from, to, networkAt);
      const members: MembershipRow[] = networks.flatMap((n, k) =>
        generateMemberships(recordRng(seed, 'membership', from + k), from + k, seed, { organizationCount: opts.orgs, personCount: opts.people }).map((m) => ({
          ...m,
          networkId: n.id,
          organizationId: m.organizationIndex === null ? null : syntheticId(seed, 'organization', m.organizationIndex),
          personId: m.personIndex === null ? null : syntheticId(seed, 'person', m.personIndex),
        })),
      );
      const rows = await pool.compute(networks.map((n) => networkSearchDoc(n, industries.ids)));
      return { networks, members, rows };
    },
    (b) =>
      db.transaction(async (tx) => {
        await insertNetworks(tx, b.networks, (i) => networkAt(i).id);
        await insertMemberships(tx, b.members);
        await insertSearchRows(tx, b.rows);
        memberships += b.members.length;
      }),
    log,
  );
  return memberships;
}

const count = async (db: Db, table: 'organizations' | 'people' | 'networks', prefix: string) =>
  Number(((await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where demo_key like ${`${prefix}%`}`)).rows[0] as { n: number }).n);

/** How many generated records the database holds (all seeds, or one seed's). */
export async function countSyntheticData(db: Db, seed?: number) {
  const prefix = seed === undefined ? GENERATED_PREFIX : `${GENERATED_PREFIX}${seed}-`;
  return { organizations: await count(db, 'organizations', prefix), people: await count(db, 'people', prefix), networks: await count(db, 'networks', prefix) };
}

/** Removes every generated record (any seed) with its search documents, memberships and affiliations. */
export async function removeSyntheticData(db: Db) {
  const like = `${GENERATED_PREFIX}%`;
  await db.transaction(async (tx) => {
    for (const [type, table] of [['organization', 'organizations'], ['person', 'people'], ['network', 'networks']] as const) {
      await tx.execute(sql`delete from search_documents s using ${sql.identifier(table)} t
        where s.entity_type = ${type} and s.entity_id = t.id and t.demo_key like ${like}`);
    }
    await tx.execute(sql`delete from networks where demo_key like ${like}`);
    await tx.execute(sql`delete from people where demo_key like ${like}`);
    await tx.execute(sql`delete from organizations where demo_key like ${like}`);
    await tx.execute(sql`delete from industries where demo_key like ${like}
      and not exists (select 1 from organization_industries where industry_id = industries.id)`);
  });
}
