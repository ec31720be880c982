/**
 * npm run bench -- search [--orgs 1000000] [--people 100000] [--pglite-orgs 100000] [--pglite-people N]
 *                         [--database-url URL] [--runs 7] [--naive-runs 3] [--seed 1] [--no-pglite] [--no-postgres]
 *
 * The unified search (the real service function, not HTTP) against the naive way (ILIKE '%q%'
 * over the documents), with 20 representative queries, on PostgreSQL (--database-url, else
 * BENCH_DATABASE_URL, else postgres://postgres:postgres@127.0.0.1:5432/tongxin_bench, created when
 * missing) and on an embedded PGlite beside it. Data are generated once (bench/generate.ts) and kept:
 * a re-run with the same counts and seed reuses them. Ends with one JSON line. Without a reachable
 * PostgreSQL (or with --no-postgres) it says what is missing and runs the PGlite half alone.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { SearchQuery } from '../common/schemas/search';
import type { Database } from '../server/src/db/client';
import { createSearchService } from '../server/src/features/search/search.service';
import { systemActor, type Actor } from '../server/src/lib/actor';
import { generateOrganization } from './synthetic/organizations';
import { recordRng } from './synthetic/rng';
import { ensureData, openPostgres, pgliteData, postgresProblem, shownUrl } from './bench-data';

const DEFAULT_URL = 'postgres://postgres:postgres@127.0.0.1:5432/tongxin_bench';

/** 20 queries as people type them: 1–4 characters, names, Traditional input, initials, full pinyin, phrases. */
function benchQueries(seed: number, orgs: number): { q: string; kind: string }[] {
  const org = (i: number) => generateOrganization(recordRng(seed, 'organization', i), i, seed).name;
  const a = org(Math.min(orgs - 1, 12_345));
  const b = org(Math.min(orgs - 1, 777));
  return [
    { q: '张', kind: '1 char' },
    { q: '王', kind: '1 char' },
    { q: '浦东', kind: '2 chars' },
    { q: '科技', kind: '2 chars' },
    { q: '华信', kind: '2 chars' },
    { q: '研究院', kind: '3 chars' },
    { q: '生物医药', kind: '4 chars' },
    { q: '集成电路', kind: '4 chars' },
    { q: '张峰', kind: 'person' },
    { q: '張峰', kind: 'Traditional' },
    { q: '王海', kind: 'person' },
    { q: a, kind: 'full name' },
    { q: [...b].slice(0, 6).join(''), kind: 'name prefix' },
    { q: 'zf', kind: 'initials' },
    { q: 'jqjt', kind: 'initials' },
    { q: 'shhy', kind: 'initials' },
    { q: 'zhangfeng', kind: 'pinyin' },
    { q: 'shanghai', kind: 'pinyin' },
    { q: '浦东新区人工智能', kind: 'phrase' },
    { q: '产业智库', kind: 'phrase' },
  ];
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const round = (x: number) => Math.round(x * 10) / 10;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** The naive way: a substring match over every document's text and pinyin, best-looking first. */
function naiveSearch(database: Database, q: string) {
  const lower = q.toLowerCase();
  return database.db.execute(sql`
    select entity_type, entity_id, title from search_documents
    where body ilike ${`%${q}%`} or pinyin_full like ${`${lower}%`} or pinyin_initials like ${`${lower}%`}
    order by (lower(title) = ${lower}) desc, length(title), title
    limit 20`);
}

interface QueryResult {
  q: string;
  kind: string;
  p50: number;
  p95: number;
  naiveP95: number | undefined;
  total: number;
  capped: boolean;
  top: string;
}

async function measure(database: Database, queries: { q: string; kind: string }[], runs: number, naiveRuns: number, actor: Actor) {
  const search = createSearchService({ db: database.db });
  const all: number[] = [];
  const allNaive: number[] = [];
  const rows: QueryResult[] = [];
  for (const { q, kind } of queries) {
    const input: SearchQuery = { q, limit: 20 };
    const first = await search.search(actor, input); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await time(() => search.search(actor, input)));
    const naive: number[] = [];
    if (naiveRuns > 0) await naiveSearch(database, q);
    for (let i = 0; i < naiveRuns; i++) naive.push(await time(() => naiveSearch(database, q)));
    all.push(...samples);
    allNaive.push(...naive);
    rows.push({
      q, kind,
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      naiveP95: naive.length ? round(percentile(naive, 95)) : undefined,
      total: first.total,
      capped: first.capped,
      top: first.items[0] ? `${first.items[0].title} (${first.items[0].type}, ${first.items[0].matchedBy})` : '—',
    });
  }
  return {
    rows,
    p50: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
    naiveP95: allNaive.length ? round(percentile(allNaive, 95)) : undefined,
  };
}

function printTable(title: string, r: Awaited<ReturnType<typeof measure>>) {
  console.log(`\n${title}`);
  console.log('query                      kind          p50 ms   p95 ms  naive p95   found  top result');
  for (const x of r.rows) {
    const found = `${x.total}${x.capped ? '+' : ''}`;
    console.log(
      `${x.q.padEnd(26 - [...x.q].filter((c) => c.charCodeAt(0) > 0x2e80).length)} ${x.kind.padEnd(12)} ${String(x.p50).padStart(7)} ${String(x.p95).padStart(8)} ${String(x.naiveP95 ?? '—').padStart(10)} ${found.padStart(7)}  ${x.top}`,
    );
  }
  const naive = r.naiveP95 === undefined ? '' : `; naive p95 ${r.naiveP95} ms; ratio ${round(r.naiveP95 / r.p95)}×`;
  console.log(`overall: p50 ${r.p50} ms, p95 ${r.p95} ms${naive}`);
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      orgs: { type: 'string' }, people: { type: 'string' }, 'pglite-orgs': { type: 'string' }, 'pglite-people': { type: 'string' },
      'database-url': { type: 'string' }, runs: { type: 'string' }, 'naive-runs': { type: 'string' }, seed: { type: 'string' },
      'no-pglite': { type: 'boolean', default: false }, 'no-postgres': { type: 'boolean', default: false },
    },
  });
  const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v.replace(/_/g, '')));
  const orgs = num(values.orgs, 1_000_000);
  const people = num(values.people, Math.round(orgs / 10));
  const pgliteOrgs = Math.min(orgs, num(values['pglite-orgs'], 100_000));
  const pglitePeople = num(values['pglite-people'], Math.round(pgliteOrgs / 10));
  const runs = num(values.runs, 7);
  const naiveRuns = num(values['naive-runs'], 3);
  const seed = num(values.seed, 1);
  const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;
  const admin = systemActor('bench');
  const pudong: Actor = { ...admin, role: 'coordinator', scopes: [{ kind: 'district', value: '310115' }], username: 'bench-coordinator' };

  const missing = values['no-postgres'] ? 'skipped (--no-postgres)' : await postgresProblem(url);
  if (missing && !values['no-postgres']) {
    console.error(
      `PostgreSQL at ${shownUrl(url)} cannot be used: ${missing}.\n` +
        '  Start PostgreSQL 15+ or give another server with --database-url / BENCH_DATABASE_URL; ' +
        (values['no-pglite'] ? 'nothing left to run (--no-pglite).' : 'running the PGlite half alone.'),
    );
    if (values['no-pglite']) {
      process.exitCode = 1;
      return;
    }
  }
  const postgres = missing ? null : await runPostgres();
  async function runPostgres() {
    // PostgreSQL
    let database = await openPostgres(url, false);
    const dedicated = url === DEFAULT_URL || url === process.env.BENCH_DATABASE_URL;
    const pgData = await ensureData(database, orgs, people, seed, async () => {
      if (!dedicated) return database; // generateInto(reset) removes earlier generated rows
      await database.close();
      return (database = await openPostgres(url, true)); // a dedicated database is faster to recreate than to empty
    });
    database = pgData.database;
    await database.db.execute(sql`vacuum analyze search_documents`);
    const queries = benchQueries(seed, orgs);
    const onPg = await measure(database, queries, runs, naiveRuns, admin);
    printTable(`PostgreSQL: ${orgs} organisations, ${people} people`, onPg);
    const scopedPg = await measure(database, queries, runs, 0, pudong);
    printTable('PostgreSQL, as a coordinator scoped to 浦东新区 (no naive run)', scopedPg);
    await database.close();
    return { onPg, scopedPg, seconds: pgData.seconds };
  }

  // PGlite, kept in a temporary directory between runs
  let pglite: Record<string, unknown> | null = null;
  if (!values['no-pglite']) {
    const liteData = await pgliteData(pgliteOrgs, pglitePeople, seed);
    const { dir, database: lite } = liteData;
    await lite.db.execute(sql`vacuum analyze search_documents`);
    const liteQueries = benchQueries(seed, pgliteOrgs);
    const onLite = await measure(lite, liteQueries, runs, naiveRuns, admin);
    printTable(`PGlite: ${pgliteOrgs} organisations, ${pglitePeople} people (${dir})`, onLite);
    await lite.close();
    pglite = {
      orgs: pgliteOrgs, people: pglitePeople, p50_ms: onLite.p50, p95_ms: onLite.p95, naive_p95_ms: onLite.naiveP95,
      ratio: round(onLite.naiveP95! / onLite.p95), generate_s: liteData.seconds,
    };
  }

  if (!postgres) {
    console.log(JSON.stringify({ bench: 'search', db: 'pglite', postgres: missing, ...pglite }));
    return;
  }
  const { onPg, scopedPg } = postgres;
  console.log(
    JSON.stringify({
      bench: 'search', db: 'postgres', orgs, people,
      p50_ms: onPg.p50, p95_ms: onPg.p95, naive_p95_ms: onPg.naiveP95, ratio: round(onPg.naiveP95! / onPg.p95),
      scoped_p95_ms: scopedPg.p95, generate_s: postgres.seconds, pglite,
    }),
  );
}
