import { sql, type SQL } from 'drizzle-orm';
import type { DuplicateCandidate } from '../../../../common/schemas/organizations';
import { districtName } from '../../../../common/validators';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { coreName, coreNameSql, nameNorm, normalizeText } from '../../lib/text';
import { organizationVisibility } from './organizations.repository';

/** a core shorter than this is too common to suggest anything ("上海" of 上海公司) */
const MIN_CORE = 2;
/** pg_trgm similarity from which two names are suggested as the same */
export const SIMILAR_NAME = 0.6;
export { coreName };

const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter((x) => x !== ''))];
const arr = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}`;

export interface DuplicateQuery {
  name: string;
  uscc?: string | null;
  aliases?: string[];
  excludeId?: string;
}

export interface DuplicateOptions {
  /** candidates kept per probe, best first */
  limit?: number;
  /**
   * which kinds of match: 'all' (default); 'exact' = credit code, name, core name and aliases (equality
   * lookups, cheap for any number of probes); 'near' = near names by trigram similarity only (a trigram
   * index search per probe, the costly kind: callers with many probes ask for it in small groups)
   */
  kinds?: 'all' | 'exact' | 'near';
}

const REASON_RANK = { uscc: 0, name: 1, core: 2, alias: 3, similar: 4 } as const;
type Kind = keyof typeof REASON_RANK;
const REASON_SCORE = { uscc: 1, name: 1, core: 0.9, alias: 0.85 } as const;

/**
 * The one duplicate finder for organisations: the form (one probe), the import check and the import
 * (a whole batch of rows) call it. For each probe, the existing organisations (within the actor's scope)
 * it may duplicate, best first: the same credit code; the same normalized name (Traditional or full-width
 * input included) or the same core name (国药控股 = 国药控股股份有限公司); its name among their aliases, or one
 * of its aliases being their name or alias; a near name by trigram similarity ≥ 0.6.
 *
 * Set-based: ONE statement for all probes. The candidates are fetched with one indexed lookup per kind
 * for all probes at once (`= any(array)` on the credit-code, name_norm and core-name indexes, `&&` on the
 * aliases GIN index, by primary key after), then matched to their probes by hash joins, so the work grows with the number of
 * probes and matches, not with probes × organisations. Near names need a trigram index search per probe.
 * Run it in a transaction: it sets a transaction-local trigram threshold (outside one it still answers
 * right, only slower).
 */
export async function findOrganizationDuplicatesBatch(
  ex: Executor,
  actor: Actor,
  queries: DuplicateQuery[],
  { limit = 10, kinds = 'all' }: DuplicateOptions = {},
): Promise<DuplicateCandidate[][]> {
  const out: DuplicateCandidate[][] = queries.map(() => []);
  const keys: number[] = [];
  const norms: string[] = [];
  const cores: (string | null)[] = [];
  const usccs: (string | null)[] = [];
  const excludes: (string | null)[] = [];
  // forms (as written, normalized, lower case) of the name and aliases, looked up among the aliases
  const formKeys: number[] = [];
  const forms: string[] = [];
  // normalized aliases, looked up among the names
  const aliasKeys: number[] = [];
  const aliasNorms: string[] = [];
  queries.forEach((q, k) => {
    const norm = nameNorm(q.name);
    if (!norm && !q.uscc) return;
    const core = coreName(norm);
    keys.push(k);
    norms.push(norm);
    cores.push([...core].length >= MIN_CORE ? core : null);
    usccs.push(q.uscc || null);
    excludes.push(q.excludeId ?? null);
    const aliases = q.aliases ?? [];
    for (const f of uniq([q.name, ...aliases].flatMap((a) => [a, normalizeText(a), nameNorm(a)]))) {
      formKeys.push(k);
      forms.push(f);
    }
    for (const a of uniq(aliases.map(nameNorm))) {
      aliasKeys.push(k);
      aliasNorms.push(a);
    }
  });
  if (!keys.length) return out;

  const visible = organizationVisibility(actor);
  const exact = kinds !== 'near';
  const near = kinds !== 'exact';
  const coreExpr = sql.raw(coreNameSql('name_norm'));
  const text = (xs: (string | null)[]) => arr(uniq(xs.filter((x): x is string => !!x)), 'text[]');
  const lookups: SQL[] = [];
  if (exact) {
    lookups.push(
      sql`uscc = any(${text(usccs)})`,
      sql`name_norm = any(${text([...norms, ...aliasNorms])})`,
      sql`${coreExpr} = any(${text(cores)})`,
    );
  }
  const branches: SQL[] = [];
  if (exact) {
    branches.push(
      sql`select p.k, c.id, 0 as rank from p join c on c.uscc = p.uscc`,
      sql`select p.k, c.id, 1 as rank from p join c on c.name_norm = p.norm`,
      sql`select p.k, c.id, 2 as rank from p join c on c.core = p.core`,
      sql`select f.k, c.id, 3 as rank from c cross join lateral unnest(c.aliases) ca(form) join f on f.form = ca.form`,
      sql`select a.k, c.id, 3 as rank from a join c on c.name_norm = a.norm`,
    );
  }
  // `%` finds near names through the trigram index (at pg_trgm.similarity_threshold); the second test applies ours
  if (near) {
    branches.push(sql`select p.k, o.id, 4 as rank from p join organizations o on o.name_norm % p.norm and similarity(o.name_norm, p.norm) >= ${SIMILAR_NAME}`);
    // `%` uses pg_trgm.similarity_threshold (0.3 by default): at 0.3 the index hands back thousands of
    // rows to recheck on 50k organisations, at 0.6 a few hundred. Transaction-local.
    await ex.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(SIMILAR_NAME)}, true)`);
  }
  const res = await ex.execute(sql`
    with p as (select * from unnest(${arr(keys, 'int[]')}, ${arr(norms, 'text[]')}, ${arr(cores, 'text[]')},
        ${arr(usccs, 'text[]')}, ${arr(excludes, 'uuid[]')}) as p(k, norm, core, uscc, exclude)),
      f as (select * from unnest(${arr(formKeys, 'int[]')}, ${arr(forms, 'text[]')}) as f(k, form)),
      a as (select * from unnest(${arr(aliasKeys, 'int[]')}, ${arr(aliasNorms, 'text[]')}) as a(k, norm)),
      c as materialized (
        select id, uscc, name_norm, ${coreExpr} as core, aliases from organizations
        where id = any(array(${sql.join(
          [
            ...lookups.map((l) => sql`select id from organizations where ${l}`),
            // per form: a GIN lookup each (one scan with hundreds of keys makes the planner read the whole table)
            ...(exact ? [sql`select o.id from f join organizations o on o.aliases @> array[f.form]`] : []),
            sql`select null::uuid where false`,
          ],
          sql` union `,
        )}))
          ${visible ? sql`and ${visible}` : sql``}),
      hits as (select k, id, min(rank) as rank from (${sql.join(branches, sql` union all `)}) h group by k, id)
    select hits.k, hits.rank, organizations.id, organizations.name, organizations.district_code, organizations.uscc,
      similarity(organizations.name_norm, p.norm)::float8 as similarity
    from hits join p on p.k = hits.k join organizations on organizations.id = hits.id
    where (p.exclude is null or organizations.id <> p.exclude) ${visible ? sql`and ${visible}` : sql``}`);

  const kindOf = Object.keys(REASON_RANK) as Kind[];
  for (const r of (res as unknown as { rows: { k: number; rank: number; id: string; name: string; district_code: string | null; uscc: string | null; similarity: number }[] }).rows) {
    const kind = kindOf[r.rank];
    const similarity = Math.round(Number(r.similarity) * 100) / 100;
    const [reason, score]: [DuplicateCandidate['reason'], number] =
      kind === 'similar' ? ['similar', similarity] : [kind === 'core' ? 'name' : kind, REASON_SCORE[kind]];
    out[r.k].push({ id: r.id, name: r.name, districtName: r.district_code ? (districtName(r.district_code) ?? null) : null, uscc: r.uscc, reason, score });
  }
  return out.map((list) => sortCandidates(list, limit));
}

/** Best first, each record once (its strongest reason), at most `limit`. */
export function sortCandidates(list: DuplicateCandidate[], limit: number): DuplicateCandidate[] {
  const best = new Map<string, DuplicateCandidate>();
  for (const c of list) {
    const seen = best.get(c.id);
    if (!seen || c.score > seen.score) best.set(c.id, c);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN')).slice(0, limit);
}

/** The candidates of one organisation (the form, a rename): the batch finder with one probe. */
export async function findOrganizationDuplicates(ex: Executor, actor: Actor, q: DuplicateQuery, limit = 10): Promise<DuplicateCandidate[]> {
  return (await findOrganizationDuplicatesBatch(ex, actor, [q], { limit }))[0];
}

export interface ExactMatch {
  id: string;
  /** within the actor's scope (a credit code is unique across the directory, a name match is only looked for in scope) */
  visible: boolean;
}

/**
 * The existing organisation each record IS (re-import of an export, a second upload of one file): the one
 * with the same credit code, else the visible one with the same normalized name and no other credit code.
 * One statement for the batch (credit-code and name_norm indexes).
 */
export async function organizationsMatchingExactly(
  ex: Executor,
  actor: Actor,
  records: { nameNorm: string; uscc: string | null }[],
): Promise<(r: { nameNorm: string; uscc: string | null }) => ExactMatch | undefined> {
  const usccs = [...new Set(records.map((r) => r.uscc).filter((u): u is string => !!u))];
  const norms = [...new Set(records.map((r) => r.nameNorm).filter((n) => n !== ''))];
  const byUscc = new Map<string, ExactMatch>();
  const byName = new Map<string, { id: string; uscc: string | null }>();
  if (records.length) {
    const visible = organizationVisibility(actor);
    const res = await ex.execute(sql`
      select id, uscc, name_norm, ${visible ?? sql`true`} as visible from organizations
      where uscc = any(${arr(usccs, 'text[]')}) or name_norm = any(${arr(norms, 'text[]')})
      order by created_at, id`);
    for (const r of (res as unknown as { rows: { id: string; uscc: string | null; name_norm: string; visible: boolean }[] }).rows) {
      if (r.uscc && usccs.includes(r.uscc)) byUscc.set(r.uscc, { id: r.id, visible: r.visible });
      if (r.visible && !byName.has(r.name_norm)) byName.set(r.name_norm, { id: r.id, uscc: r.uscc });
    }
  }
  return (r) => {
    const hit = r.uscc ? byUscc.get(r.uscc) : undefined;
    if (hit) return hit;
    const named = byName.get(r.nameNorm);
    return named && (!named.uscc || !r.uscc) ? { id: named.id, visible: true } : undefined;
  };
}
