/**
 * npm run bench -- match [--experts 100000] [--orgs 50000] [--database-url URL] [--runs 3] [--naive-runs 1] [--seed 1] [--no-pglite] [--no-postgres]
 *
 * Matching a need (server/src/features/needs/need-matching.ts: top 10 with explanations) among the
 * generated directory's experts and provider organisations, against the naive way — scoring every
 * candidate in JS — as a ratio; on PostgreSQL (--database-url, else BENCH_DATABASE_URL, else
 * postgres://postgres:postgres@127.0.0.1:5432/tongxin_bench_match) and on PGlite beside it. Quality
 * over the labelled set of bench/needs-match-labels.ts: precision@5 and recall@10, and the needs it
 * gets wrong. Ends with one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Database } from '../server/src/db/client';
import { bm25, categoryFit, currentWeights, needTerms, parseTsvector, rankCandidates } from '../server/src/features/needs/need-matching';
import { labelledNeeds, relevantSql, type LabelledNeed } from './needs-match-labels';
import { ensureData, openPostgres, pgliteData } from './bench-data';

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
};
const round = (x: number) => Math.round(x * 10) / 10;

interface Side {
  p95: number;
  p50: number;
  naiveMs: number;
  precisionAt5: number;
  recallAt10: number;
  wrong: string[];
}

async function measure(database: Database, runs: number, naiveRuns: number, log: (s: string) => void): Promise<Side> {
  const db = database.db;
  const industries = new Map(rows<{ name: string; id: string }>(await db.execute(sql`select name, id::text as id from industries`)).map((r) => [r.name, r.id]));
  const names = new Map([...industries].map(([n, id]) => [id, n]));
  const { syntheticIndustries } = await import('./synthetic/names');
  const idOf = (key: string) => industries.get(syntheticIndustries.find((i) => i.key === key)!.name)!;
  const weights = await currentWeights(db);
  const someOrg = rows<{ id: string }>(await db.execute(sql`select id::text as id from organizations where kind = 'enterprise' limit 1`))[0]!.id;
  const needOf = (n: LabelledNeed) => ({ id: randomUUID(), organizationId: someOrg, category: n.category, title: n.title, description: n.description, industryIds: [idOf(n.industryKey)], districtCode: '310115' });

  const times: number[] = [];
  let p5 = 0;
  let r10 = 0;
  const wrong: string[] = [];
  for (const ln of labelledNeeds) {
    const need = needOf(ln);
    let top: Awaited<ReturnType<typeof rankCandidates>> = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      top = await rankCandidates(db, need, { scope: undefined, types: ['person', 'organization'], limit: 10, weights, industryNames: names });
      times.push(performance.now() - t);
    }
    const relevant = new Set(
      rows<{ id: string }>(await db.execute(sql`select entity_id::text as id from search_documents where ${relevantSql(ln, idOf(ln.industryKey))}`)).map((r) => r.id),
    );
    const hits5 = top.slice(0, 5).filter((c) => relevant.has(c.entityId)).length;
    const hits10 = top.slice(0, 10).filter((c) => relevant.has(c.entityId)).length;
    p5 += hits5 / 5;
    r10 += relevant.size ? hits10 / Math.min(10, relevant.size) : 1;
    if (hits5 < 3) wrong.push(`${ln.title}（${ln.category}）: ${hits5}/5`);
  }

  // the naive way: every expert and provider organisation fetched and scored in JS
  const naive: number[] = [];
  for (let r = 0; r < naiveRuns; r++) {
    const ln = labelledNeeds[r % labelledNeeds.length]!;
    const need = needOf(ln);
    const t = performance.now();
    const all = rows<{ entity_type: 'person' | 'organization'; entity_id: string; kind: string | null; district_code: string | null; industry_ids: string[] | string; tokens: string }>(
      await db.execute(sql`select entity_type, entity_id::text as entity_id, kind, district_code, industry_ids, tokens::text as tokens
        from search_documents where entity_type in ('person', 'organization')`),
    );
    const terms = needTerms(`${need.title} ${need.description}`);
    const scored = all.map((d) => {
      const ind = Array.isArray(d.industry_ids) ? d.industry_ids : d.industry_ids.replace(/[{}]/g, '').split(',');
      const score =
        weights.text * bm25(terms, parseTsvector(d.tokens)).score +
        weights.industry * (ind.includes(need.industryIds[0]!) ? 1 : 0) +
        weights.category * categoryFit(need.category, d.entity_type, d.kind) +
        weights.district * (d.district_code === need.districtCode ? 1 : 0);
      return { id: d.entity_id, score };
    });
    scored.sort((a, b) => b.score - a.score);
    naive.push(performance.now() - t);
    log(`  naive run ${r + 1}: ${all.length} candidates scored in JS in ${round(naive.at(-1)!)} ms`);
  }
  return {
    p95: round(percentile(times, 95)),
    p50: round(percentile(times, 50)),
    naiveMs: round(naive.reduce((a, b) => a + b, 0) / Math.max(1, naive.length)),
    precisionAt5: Math.round((p5 / labelledNeeds.length) * 1000) / 1000,
    recallAt10: Math.round((r10 / labelledNeeds.length) * 1000) / 1000,
    wrong,
  };
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      experts: { type: 'string' }, orgs: { type: 'string' }, 'database-url': { type: 'string' }, runs: { type: 'string' },
      'naive-runs': { type: 'string' }, seed: { type: 'string' }, 'no-pglite': { type: 'boolean', default: false }, 'no-postgres': { type: 'boolean', default: false },
    },
  });
  const experts = Number(values.experts ?? 100_000);
  const orgs = Number(values.orgs ?? 50_000);
  const seed = Number(values.seed ?? 1);
  const runs = Number(values.runs ?? 3);
  const naiveRuns = Number(values['naive-runs'] ?? 1);
  const log = (s: string) => console.log(s);
  const result: Record<string, unknown> = { experts, orgs, labelled_needs: labelledNeeds.length };

  if (!values['no-postgres']) {
    const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/tongxin_bench_match';
    try {
      // a database left by an older schema (its migrations no longer apply) is the bench's own: made again
      let database = await openPostgres(url, false).catch(async (e: unknown) => {
        log(`PostgreSQL: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}: recreating the bench database`);
        return openPostgres(url, true);
      });
      ({ database } = await ensureData(database, orgs, experts, seed, async () => {
        await database.close();
        return (database = await openPostgres(url, true));
      }));
      log(`PostgreSQL: ${orgs} organisations, ${experts} people`);
      const pg = await measure(database, runs, naiveRuns, log);
      await database.close();
      log(`PostgreSQL: p50 ${pg.p50} ms, p95 ${pg.p95} ms; naive ${pg.naiveMs} ms (×${round(pg.naiveMs / pg.p95)}); precision@5 ${pg.precisionAt5}, recall@10 ${pg.recallAt10}`);
      Object.assign(result, { p95_ms: pg.p95, p50_ms: pg.p50, naive_ms: pg.naiveMs, ratio: round(pg.naiveMs / pg.p95), precision_at_5: pg.precisionAt5, recall_at_10: pg.recallAt10, wrong: pg.wrong });
    } catch (e) {
      log(`PostgreSQL skipped: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!values['no-pglite']) {
    const { database } = await pgliteData(orgs, experts, seed);
    log(`PGlite: ${orgs} organisations, ${experts} people`);
    const lite = await measure(database, runs, naiveRuns, log);
    await database.close();
    log(`PGlite: p50 ${lite.p50} ms, p95 ${lite.p95} ms; naive ${lite.naiveMs} ms (×${round(lite.naiveMs / lite.p95)}); precision@5 ${lite.precisionAt5}, recall@10 ${lite.recallAt10}`);
    Object.assign(result, { pglite_p95_ms: lite.p95, pglite_naive_ms: lite.naiveMs, pglite_ratio: round(lite.naiveMs / lite.p95) });
    if (result.precision_at_5 === undefined) Object.assign(result, { p95_ms: lite.p95, ratio: round(lite.naiveMs / lite.p95), precision_at_5: lite.precisionAt5, recall_at_10: lite.recallAt10, wrong: lite.wrong });
  }
  const wrong = (result.wrong as string[] | undefined) ?? [];
  if (wrong.length) log(`needs with fewer than 3 of 5 right:\n  ${wrong.join('\n  ')}`);
  console.log(JSON.stringify(result));
}
