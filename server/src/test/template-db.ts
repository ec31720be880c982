import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';

/** One template per test run, so that runs started at once against one server do not collide. */
const templateName = () => `tongxin_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;

/** Admin connection string: same server, database `postgres`. */
const adminUrl = (url: string) => {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
};

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Build the migrated template once per test run: a PGlite dump file, or a PostgreSQL template database. */
export async function buildTemplate(testDatabaseUrl: string | undefined): Promise<string> {
  if (testDatabaseUrl) {
    const name = templateName();
    await adminQuery(testDatabaseUrl, `create database ${name}`);
    const u = new URL(testDatabaseUrl);
    u.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: u.toString() });
    await db.close();
    return name;
  }
  const db = await openDatabase({ dataDir: 'memory://' });
  const dump = await db.pglite!.dumpDataDir('none');
  await db.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-tpl-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

/** Remove the run's template when the run ends (PostgreSQL: the database; PGlite: the dump file). */
export async function dropTemplate(template: string, testDatabaseUrl: string | undefined) {
  if (testDatabaseUrl) await adminQuery(testDatabaseUrl, `drop database if exists ${template} with (force)`);
  else fs.rmSync(path.dirname(template), { recursive: true, force: true });
}

/** A fresh PostgreSQL database copied from the template; returns its URL and how to drop it. */
export async function createPgDatabase(template: string, testDatabaseUrl: string) {
  const name = `tongxin_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(testDatabaseUrl, `create database ${name} template ${template}`);
  const u = new URL(testDatabaseUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => adminQuery(testDatabaseUrl, `drop database if exists ${name} with (force)`) };
}

/** A fresh database for one test file, copied from the template. */
export async function openTestDatabase(template: string, testDatabaseUrl: string | undefined): Promise<Database> {
  if (testDatabaseUrl) {
    const { url, drop } = await createPgDatabase(template, testDatabaseUrl);
    const db = await openDatabase({ databaseUrl: url, migrate: false });
    return {
      ...db,
      close: async () => {
        await db.close();
        await drop();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(template)]);
  return openDatabase({ dataDir: 'memory://', loadDataDir: blob, migrate: false });
}
