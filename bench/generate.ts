/**
 * npm run gen -- [--orgs 10000] [--people 2000] [--networks N] [--seed 1] [--database-url URL] [--reset] [--batch 5000]
 *
 * Fills a database with a realistic, repeatable synthetic directory (same seed and counts → same
 * data): organisations, people with affiliations, networks with members in tiers, and their search
 * documents. Everything it writes has a demo_key starting with 'gen-'; --reset removes all of it
 * (any seed) first. Without --database-url it uses DATABASE_URL, else the embedded PGlite at
 * TONGXIN_DATA_DIR (./data); stop the server first, the data directory is locked while it runs.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../server/src/db/client';
import { readEnv } from '../server/src/env';
import { countSyntheticData, removeSyntheticData, writeSyntheticData, type GenerateOptions, type GenerateReport } from './synthetic/write';

export interface GenerateCli extends GenerateOptions {
  databaseUrl?: string;
  reset: boolean;
}

const positiveInt = (name: string, v: string | undefined, fallback: number) => {
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${v}`);
  return n;
};

export function parseGenerateArgs(args: string[]): GenerateCli {
  const { values } = parseArgs({
    args,
    options: {
      orgs: { type: 'string' },
      people: { type: 'string' },
      networks: { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      'database-url': { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
  });
  return {
    orgs: positiveInt('orgs', values.orgs, 10_000),
    people: positiveInt('people', values.people, 2_000),
    networks: values.networks === undefined ? undefined : positiveInt('networks', values.networks, 0),
    seed: positiveInt('seed', values.seed, 1),
    batchSize: Math.max(1, positiveInt('batch', values.batch, 5000)),
    databaseUrl: values['database-url'],
    reset: values.reset ?? false,
  };
}

/** Generates into an open database: refuses to write the same seed twice unless reset. */
export async function generateInto(database: Database, opts: GenerateCli, log: (line: string) => void): Promise<GenerateReport> {
  if (opts.reset) {
    const t = performance.now();
    await removeSyntheticData(database.db);
    log(`removed earlier generated data in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else {
    const existing = await countSyntheticData(database.db, opts.seed);
    if (existing.organizations + existing.people + existing.networks > 0) {
      throw new Error(
        `the database already holds data generated with seed ${opts.seed} (${existing.organizations} organisations, ${existing.people} people): ` +
          'pass --reset to replace it, or another --seed to add more',
      );
    }
  }
  const report = await writeSyntheticData(database, { ...opts, log });
  const t = performance.now();
  await database.db.execute(sql`analyze`);
  log(`analyze ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return report;
}

async function main() {
  const opts = parseGenerateArgs(process.argv.slice(2));
  const env = readEnv();
  const databaseUrl = opts.databaseUrl ?? env.DATABASE_URL;
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: env.TONGXIN_DATA_DIR });
  try {
    console.log(
      `generating ${opts.orgs} organisations, ${opts.people} people (seed ${opts.seed}) into ${databaseUrl ? 'PostgreSQL' : `PGlite at ${env.TONGXIN_DATA_DIR}`}`,
    );
    const r = await generateInto(database, opts, (line) => console.log(line));
    const rows = r.organizations + r.people + r.networks + r.memberships;
    console.log(
      `done in ${r.seconds} s: ${r.organizations} organisations, ${r.people} people, ${r.networks} networks, ` +
        `${r.memberships} memberships, ${r.searchDocuments} search documents (${Math.round(rows / r.seconds)} records/s)`,
    );
  } finally {
    await database.close();
  }
}

// run as a script (npm run gen), not when the search benchmark imports generateInto
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    // a failed batch's message carries all its parameters: show its start and the database's reason
    const cause = e instanceof Error && e.cause instanceof Error ? `\n${e.cause.message}` : '';
    console.error(`${e instanceof Error ? e.message.slice(0, 300) : String(e)}${cause}`);
    process.exit(1);
  });
}
