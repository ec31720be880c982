import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir } from './lock';

export type Db = PgDatabase<any, typeof schema>;
export type Tx = PgTransaction<any, typeof schema, any>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** the PGlite instance, for backup (undefined on PostgreSQL) */
  pglite?: PGlite;
  close(): Promise<void>;
}

const migrationsFolder = path.join(import.meta.dirname, 'migrations');

export interface OpenOptions {
  databaseUrl?: string;
  /** directory for PGlite; `memory://` for an in-memory instance */
  dataDir?: string;
  /** a dumped, migrated data directory to start from (tests) */
  loadDataDir?: Blob | File;
  migrate?: boolean;
  lock?: boolean;
}

/** pool.end() resolves once it has asked its connections to close; this waits until each one has (at most 5 s). */
async function endPool(pool: pg.Pool) {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) return resolve();
    pool.on('remove', () => --open <= 0 && resolve());
    setTimeout(resolve, 5_000).unref();
  });
  await pool.end();
  await closed;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // an idle connection the server ends (a restart, an administrator, a dropped database) leaves the pool
    // and the next query opens another; unheard, its error would end the whole process
    pool.on('error', (e) => console.warn(`PostgreSQL 断开了一个空闲连接，已移除 / PostgreSQL ended an idle connection, removed: ${e.message}`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    // a failed migration leaves no pool behind (its idle clients would die with the database)
    if (opts.migrate !== false) await migratePg(db as never, { migrationsFolder }).catch(async (e: unknown) => {
      await pool.end();
      throw e;
    });
    return { db, kind: 'postgres', close: () => endPool(pool) };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  const unlock = dataDir.startsWith('memory://') || opts.lock === false ? () => {} : lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create({
      dataDir,
      extensions: { pg_trgm },
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    if (opts.migrate !== false) await migratePglite(db as never, { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      pglite,
      close: async () => {
        try {
          await pglite.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
