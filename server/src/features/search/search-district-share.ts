import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';

/**
 * Districts holding at least this share of the documents together are filtered row by row, not
 * through their index. PostgreSQL otherwise ANDs the search terms' GIN bitmap with the district
 * btree's bitmap, and building that bitmap for a large district (浦东新区: a quarter of a million
 * documents) costs ~35 ms however rare the terms; filtered while reading, a search stops after
 * ~CANDIDATE_LIMITS.text ÷ share rows. For a small district (崇明区: 1 %) it is the other way
 * round: its bitmap is cheap and filtering would read up to 100 rows per hit.
 */
export const BROAD_DISTRICT_SHARE = 0.1;
const TTL_MS = 10 * 60_000;

const parseArray = (text: unknown): string[] =>
  typeof text === 'string' && text.length > 2 ? text.slice(1, -1).split(',').map((s) => s.replace(/^"|"$/g, '')) : [];

/** Each common district's share of search_documents, from the planner's statistics (pg_stats, kept by ANALYZE). */
export async function readDistrictShares(ex: Executor): Promise<Map<string, number>> {
  const result = await ex.execute(sql`
    select most_common_vals::text as vals, most_common_freqs::text as freqs from pg_stats
    where schemaname = current_schema() and tablename = 'search_documents' and attname = 'district_code'`);
  const row = result.rows[0] as { vals: unknown; freqs: unknown } | undefined;
  const vals = parseArray(row?.vals);
  const freqs = parseArray(row?.freqs).map(Number);
  return new Map(vals.map((v, i) => [v, freqs[i] ?? 0]));
}

/** Districts' shares read at most every ten minutes; `isBroad(codes)` says how to filter by them. */
export function createDistrictShares(ex: Executor) {
  let cached: { at: number; shares: Map<string, number> } | undefined;
  return async function districtBreadth(): Promise<(codes: readonly string[]) => boolean> {
    if (!cached || Date.now() - cached.at > TTL_MS) cached = { at: Date.now(), shares: await readDistrictShares(ex) };
    const { shares } = cached;
    return (codes) => codes.reduce((sum, c) => sum + (shares.get(c) ?? 0), 0) >= BROAD_DISTRICT_SHARE;
  };
}
