import { and, ne, sql, type SQL } from 'drizzle-orm';
import type { DuplicateCandidate } from '../../../../common/schemas/organizations';
import { districtName } from '../../../../common/validators';
import type { Executor } from '../../db/client';
import { organizations } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { normalizeText } from '../../lib/text';
import { nameNorm, organizationVisibility } from './organizations.repository';

/**
 * Legal-form and group suffixes dropped before comparing names ("core name"): the same body is written
 * "国药控股股份有限公司" on its licence, "国药控股" in a news report and "国药控股集团" in a list, and the
 * suffixes make the short form too far from the long one for trigram similarity (0.33 here). Only
 * trailing suffixes go, so 控股 (part of the name) stays; the same pattern runs in JS and in SQL
 * (PostgreSQL's ARE understands it), on normalized names, where parentheses may be full- or half-width.
 */
const SUFFIX_PATTERN = '(（集团）|\\(集团\\)|集团|股份有限公司|有限责任公司|有限公司|股份公司|总公司|公司)+$';
const suffixRe = new RegExp(SUFFIX_PATTERN, 'u');
/** a core shorter than this is too common to suggest anything ("上海" of 上海公司) */
const MIN_CORE = 2;
/** pg_trgm similarity from which two names are suggested as the same */
export const SIMILAR_NAME = 0.6;

export const coreName = (norm: string) => norm.replace(suffixRe, '');

const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter((x) => x !== ''))];
const textArray = (xs: string[]) => sql`${sql.param(xs)}::text[]`;

export interface DuplicateQuery {
  name: string;
  uscc?: string | null;
  aliases?: string[];
  excludeId?: string;
}

const REASON_SCORE = { uscc: 1, name: 1, core: 0.9, alias: 0.85 } as const;

/**
 * Existing organisations (within the actor's scope) that the given one may duplicate, best first:
 * the same credit code; the same normalized name (Traditional or full-width input included) or the same
 * core name; its name among their aliases, or one of its aliases being their name or alias; a near
 * name by trigram similarity (uses the GIN trigram index on name_norm). Run it in a transaction (see below).
 */
export async function findOrganizationDuplicates(
  ex: Executor,
  actor: Actor,
  q: DuplicateQuery,
  limit = 10,
): Promise<DuplicateCandidate[]> {
  const norm = nameNorm(q.name);
  if (!norm) return [];
  const core = coreName(norm);
  const nameForms = uniq([q.name, normalizeText(q.name)]);
  const aliases = q.aliases ?? [];
  const aliasForms = uniq(aliases.flatMap((a) => [a, normalizeText(a)]));
  const aliasNorms = uniq(aliases.map(nameNorm));

  const col = organizations.nameNorm;
  const usccHit = q.uscc ? sql`coalesce(${organizations.uscc} = ${q.uscc}, false)` : sql`false`;
  const nameHit = sql`${col} = ${norm}`;
  const coreHit =
    [...core].length >= MIN_CORE
      ? sql`(${col} like ${`${core.replace(/[%_\\]/g, '\\$&')}%`} and regexp_replace(${col}, ${SUFFIX_PATTERN}, '') = ${core})`
      : undefined;
  const aliasParts: SQL[] = [sql`${organizations.aliases} && ${textArray(nameForms)}`];
  if (aliasNorms.length) aliasParts.push(sql`${col} = any(${textArray(aliasNorms)})`);
  if (aliasForms.length) aliasParts.push(sql`${organizations.aliases} && ${textArray(aliasForms)}`);
  // `%` finds near names through the trigram index (at pg_trgm.similarity_threshold); the second test applies ours
  const similarHit = sql`(${col} % ${norm} and similarity(${col}, ${norm}) >= ${SIMILAR_NAME})`;

  // one indexed lookup per kind of match (an OR over all of them would scan the table)
  const branches = [q.uscc ? sql`${organizations.uscc} = ${q.uscc}` : undefined, nameHit, coreHit, ...aliasParts, similarHit].filter((b): b is SQL => !!b);
  const matching = sql.join(
    branches.map((b) => sql`select id from organizations where ${b}`),
    sql` union `,
  );

  // `%` uses pg_trgm.similarity_threshold (0.3 by default): at 0.3 the index hands back thousands of
  // rows to recheck on 50k organisations (265 ms), at 0.6 a few hundred (4 ms). Transaction-local: call
  // this in a transaction, otherwise it still answers right, only slower.
  await ex.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(SIMILAR_NAME)}, true)`);
  const rows = await ex
    .select({
      id: organizations.id,
      name: organizations.name,
      districtCode: organizations.districtCode,
      uscc: organizations.uscc,
      usccHit: sql<boolean>`${usccHit}`,
      nameHit: sql<boolean>`${nameHit}`,
      coreHit: sql<boolean>`${coreHit ?? sql`false`}`,
      aliasHit: sql<boolean>`(${sql.join(aliasParts, sql` or `)})`,
      similarity: sql<number>`similarity(${col}, ${norm})`,
    })
    .from(organizations)
    .where(
      and(
        sql`${organizations.id} in (${matching})`,
        organizationVisibility(actor),
        q.excludeId ? ne(organizations.id, q.excludeId) : undefined,
      ),
    )
    .limit(50);

  return rows
    .map((r): DuplicateCandidate => {
      const similarity = Math.round(Number(r.similarity) * 100) / 100;
      const [reason, score]: [DuplicateCandidate['reason'], number] = r.usccHit
        ? ['uscc', REASON_SCORE.uscc]
        : r.nameHit
          ? ['name', REASON_SCORE.name]
          : r.coreHit
            ? ['name', REASON_SCORE.core]
            : r.aliasHit
              ? ['alias', REASON_SCORE.alias]
              : ['similar', similarity];
      return {
        id: r.id,
        name: r.name,
        districtName: r.districtCode ? (districtName(r.districtCode) ?? null) : null,
        uscc: r.uscc,
        reason,
        score,
      };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit);
}
