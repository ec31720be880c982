import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client';

const pgUrl = process.env.TEST_DATABASE_URL;

// PostgreSQL only: PGlite has no server that could end a connection
describe.skipIf(!pgUrl)('the PostgreSQL pool', () => {
  let database: Database | undefined;
  afterAll(async () => database?.close());

  it('survives the server ending an idle connection, and the next query opens another', async () => {
    database = await openDatabase({ databaseUrl: pgUrl!, migrate: false });
    const pid = Number(((await database.db.execute(sql`select pg_backend_pid() as pid`)).rows[0] as { pid: number }).pid);
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await new Promise((r) => setTimeout(r, 300)); // the idle connection hears of it
    const again = await database.db.execute(sql`select pg_backend_pid() as pid`);
    expect(Number((again.rows[0] as { pid: number }).pid)).not.toBe(pid);
  });
});
