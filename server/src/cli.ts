import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { shanghaiToday } from '../../common/shanghai-date';
import { openDatabase } from './db/client';
import { DataDirLockedError, lockDataDir } from './db/lock';
import { EnvError, readEnv } from './env';

const usage = `用法 / usage:
  npm run backup -- [file.tar.gz]      back up the embedded database (TONGXIN_DATA_DIR)
  npm run restore -- <file.tar.gz>     replace the embedded database with a backup (the old one is kept aside)
  npx tongxin extract <file>           print the extraction of a report (.txt, .html, .docx) as JSON
The server must be stopped (the data directory is locked while it runs).
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

async function main() {
  const [command, arg] = process.argv.slice(2);
  if (command === 'extract' && arg) return (await import('./features/ingest/extract-cli')).extractFile(arg);
  const env = readEnv();
  if (env.DATABASE_URL && (command === 'backup' || command === 'restore')) {
    throw new Error('DATABASE_URL is set: back up PostgreSQL with pg_dump, not this command');
  }
  if (command === 'backup') return backup(env.TONGXIN_DATA_DIR, arg ?? `tongxin-backup-${shanghaiToday()}.tar.gz`);
  if (command === 'restore' && arg) return restore(env.TONGXIN_DATA_DIR, arg);
  console.log(usage);
  process.exitCode = command ? 2 : 0;
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError || e instanceof DataDirLockedError || e instanceof Error ? e.message : e);
  process.exit(1);
});
