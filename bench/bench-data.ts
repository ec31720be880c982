/**
 * The benchmarks' generated databases (bench/generate.ts's data at a size and seed): kept between
 * runs, on PostgreSQL and in a PGlite directory, reused when they hold exactly that data and were
 * built by this branch's migrations, generated again otherwise.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../server/src/db/client';
import { generateInto } from './generate';
import { countSyntheticData } from './synthetic/write';

const root = path.resolve(import.meta.dirname, '..');

/** The generated directory on PGlite, kept in a temporary directory between runs (remade when it differs). */
export async function pgliteData(orgs: number, people: number, seed: number) {
  const dir = path.join(os.tmpdir(), `tongxin-bench-pglite-${orgs}-${people}-s${seed}`);
  let database = await openDatabase({ dataDir: dir });
  const data = await ensureData(database, orgs, people, seed, async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
    return (database = await openDatabase({ dataDir: dir }));
  });
  return { ...data, dir };
}

/** Fills the database unless it already holds exactly this generated data; returns the generation time (0 when reused). */
export async function ensureData(database: Database, orgs: number, people: number, seed: number, fresh: () => Promise<Database>): Promise<{ database: Database; seconds: number }> {
  const have = await countSyntheticData(database.db);
  const mine = await countSyntheticData(database.db, seed);
  if (mine.organizations === orgs && mine.people === people && have.organizations === orgs) {
    console.log(`reusing ${orgs} organisations and ${people} people generated earlier (seed ${seed})`);
    return { database, seconds: 0 };
  }
  const db = have.organizations + have.people > 0 ? await fresh() : database;
  console.log(`generating ${orgs} organisations and ${people} people (seed ${seed}) …`);
  let last = 0;
  const report = await generateInto(db, { orgs, people, seed, reset: true, batchSize: 5000 }, (line) => {
    if (performance.now() - last > 10_000 || !/\d\/[\d,]+ ·/.test(line) || line.includes(`${orgs.toLocaleString('en')}/`)) {
      console.log(`  ${line}`);
      last = performance.now();
    }
  });
  console.log(`generated in ${report.seconds} s`);
  return { database: db, seconds: report.seconds };
}

async function adminQuery(url: string, text: string, params: unknown[] = []) {
  const u = new URL(url);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

/** The URL without its password, for messages. */
export const shownUrl = (url: string) => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
};

/** Why PostgreSQL at `url` cannot be used, in one line, or null when it answers. */
export async function postgresProblem(url: string): Promise<string | null> {
  try {
    await adminQuery(url, 'select 1');
    return null;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { code?: string };
    const u = new URL(url);
    if (e.code === 'ECONNREFUSED') return `nothing listens at ${u.hostname}:${u.port || 5432} (is PostgreSQL 15+ installed and started?)`;
    if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `unknown host ${u.hostname}`;
    if (e.code === '28P01' || e.code === '28000') return `user ${u.username || 'postgres'} was refused: ${e.message}`;
    return e.message || String(error);
  }
}

export async function openPostgres(url: string, recreate: boolean): Promise<Database> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (recreate) await adminQuery(url, `drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
  const exists = await adminQuery(url, 'select 1 from pg_database where datname = $1', [name]);
  if (!exists.rowCount) await adminQuery(url, `create database "${name.replace(/"/g, '""')}"`);
  return openDatabase({ databaseUrl: url });
}

/**
 * Whether the database was migrated with the migrations in server/src/db/migrations: the hashes it
 * recorded must be the first ones of the folder (drizzle's hash is the SQL file's SHA-256). A
 * database built by another branch's migrations is dropped and generated again (bench databases only).
 */
function migrationHashes() {
  const folder = path.join(root, 'server/src/db/migrations');
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => ({ tag: e.tag, hash: createHash('sha256').update(fs.readFileSync(path.join(folder, `${e.tag}.sql`), 'utf8')).digest('hex') }));
}

/** The same check for a kept PGlite directory: one migrated by other migrations is removed (and generated again). */
export async function pgliteMigrationsMatch(dir: string): Promise<boolean> {
  if (!fs.existsSync(dir)) return true;
  const database = await openDatabase({ dataDir: dir, migrate: false });
  try {
    const r = (await database.db.execute(sql`select hash from drizzle.__drizzle_migrations order by id`).catch(() => ({ rows: [] }))) as { rows: { hash: string }[] };
    const want = migrationHashes();
    return r.rows.every((x, i) => x.hash === want[i]?.hash);
  } finally {
    await database.close();
  }
}

export async function migrationsMatch(url: string): Promise<{ ok: boolean; why: string }> {
  const journal = { entries: migrationHashes() };
  const hashes = journal.entries.map((e) => e.hash);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return { ok: true, why: 'new database' };
  }
  try {
    const r = await client.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by id').catch(() => ({ rows: [] }));
    const have = r.rows.map((x) => x.hash);
    const bad = have.findIndex((h, i) => h !== hashes[i]);
    if (bad >= 0) return { ok: false, why: `its migration #${bad + 1} is not ${journal.entries[bad]?.tag ?? 'in this branch'}` };
    return { ok: true, why: `${have.length} of ${hashes.length} migrations applied` };
  } finally {
    await client.end();
  }
}

