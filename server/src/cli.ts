import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { shanghaiToday } from '../../common/shanghai-date';
import { openDatabase } from './db/client';
import { DataDirLockedError, lockDataDir } from './db/lock';
import { EnvError, readEnv } from './env';
import { reindexAll } from './features/search/search-reindex';

const usage = `用法 / usage:
  npm run backup -- [file.tar.gz]      back up the embedded database (TONGXIN_DATA_DIR)
  npm run restore -- <file.tar.gz>     replace the embedded database with a backup (the old one is kept aside)
  npm run tongxin -- reindex [batch]   rebuild every search document (after an upgrade of the search builder)
  npx tongxin extract <file>           print the extraction of a report (.txt, .html, .docx) as JSON
The server must be stopped for the embedded database (the data directory is locked while it runs).
On PostgreSQL (DATABASE_URL) use pg_dump / pg_restore instead.`;

async function backup(dataDir: string, file: string) {
  const db = await openDatabase({ dataDir, migrate: false });
  try {
    const dump = await db.pglite!.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
  console.log(`备份完成 / backup written: ${path.resolve(file)} (${fs.statSync(file).size} bytes)`);
}

async function restore(dataDir: string, file: string) {
  if (!fs.existsSync(file)) throw new Error(`no such backup file: ${file}`);
  const unlock = lockDataDir(dataDir); // refuses while a server runs on it
  let aside: string | undefined;
  try {
    const entries = fs.readdirSync(dataDir).filter((e) => e !== 'tongxin.lock');
    if (entries.length) {
      aside = `${path.resolve(dataDir)}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.mkdirSync(aside);
      for (const e of entries) fs.renameSync(path.join(dataDir, e), path.join(aside, e));
    }
    const pglite = await PGlite.create({ dataDir, extensions: { pg_trgm }, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await pglite.query('select 1');
    await pglite.close();
  } catch (e) {
    if (aside) {
      // put the previous database back: nothing already stored is lost
      for (const e2 of fs.readdirSync(dataDir)) if (e2 !== 'tongxin.lock') fs.rmSync(path.join(dataDir, e2), { recursive: true, force: true });
      for (const e2 of fs.readdirSync(aside)) fs.renameSync(path.join(aside, e2), path.join(dataDir, e2));
      fs.rmdirSync(aside);
    }
    throw e;
  } finally {
    unlock();
  }
  console.log(`恢复完成 / restored ${file} into ${path.resolve(dataDir)}${aside ? `; previous data kept in ${aside}` : ''}`);
}

/** Rebuilds every search document in batches (the embedded database, or PostgreSQL with DATABASE_URL). */
export async function reindex(opts: { databaseUrl?: string; dataDir: string; batchSize?: number; log?: (line: string) => void }) {
  const log = opts.log ?? console.log;
  const database = await openDatabase(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { dataDir: opts.dataDir });
  try {
    const t0 = performance.now();
    let last = 0;
    const counts = await reindexAll(database.db, {
      batchSize: opts.batchSize,
      onProgress: (p) => {
        // a line per type when done, and at most one a second meanwhile
        if (p.done < p.total && performance.now() - last < 1000) return;
        last = performance.now();
        log(`重建索引 / reindex ${p.entityType}: ${p.done}/${p.total}`);
      },
    });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    log(`重建完成 / reindexed ${total} search documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return counts;
  } finally {
    await database.close();
  }
}

async function main() {
  const [command, arg] = process.argv.slice(2);
  if (command === 'extract' && arg) return (await import('./features/ingest/extract-cli')).extractFile(arg);
  const env = readEnv();
  if (env.DATABASE_URL && (command === 'backup' || command === 'restore')) {
    throw new Error('DATABASE_URL is set: back up PostgreSQL with pg_dump, not this command');
  }
  if (command === 'backup') return backup(env.TONGXIN_DATA_DIR, arg ?? `tongxin-backup-${shanghaiToday()}.tar.gz`);
  if (command === 'restore' && arg) return restore(env.TONGXIN_DATA_DIR, arg);
  if (command === 'reindex') {
    const batchSize = arg ? Number(arg) : undefined;
    if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new Error(`batch size must be a positive integer: ${arg}`);
    await reindex({ databaseUrl: env.DATABASE_URL, dataDir: env.TONGXIN_DATA_DIR, batchSize });
    return;
  }
  console.log(usage);
  process.exitCode = command ? 2 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main().catch((e: unknown) => {
  console.error(e instanceof EnvError || e instanceof DataDirLockedError || e instanceof Error ? e.message : e);
  process.exit(1);
});
