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
  /** near names by trigram similarity (the costliest kind: a trigram index lookup per probe) */
  similar?: boolean;
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
 * Set-based: ONE statement for all probes, each kind of match an indexed join (credit code, name_norm,
 * the core-name expression index, the aliases GIN index, the trigram GIN index), so the work grows with
 * the number of probes, not with probes × organisations. Run it in a transaction: it sets a
 * transaction-local trigram threshold (outside one it still answers right, only slower).
 */
export async function findOrganizationDuplicatesBatch(
  ex: Executor,
  actor: Actor,
  queries: DuplicateQuery[],
  { limit = 10, similar = true }: DuplicateOptions = {},
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
  const core = sql.raw(coreNameSql('o.name_norm'));
  const branches: SQL[] = [
    sql`select p.k, o.id, 0 as rank from p join organizations o on o.uscc = p.uscc`,
    sql`select p.k, o.id, 1 from p join organizations o on o.name_norm = p.norm`,
    sql`select p.k, o.id, 2 from p join organizations o on ${core} = p.core`,
    sql`select f.k, o.id, 3 from f join organizations o on o.aliases @> array[f.form]`,
    sql`select a.k, o.id, 3 from a join organizations o on o.name_norm = a.norm`,
  ];
  // `%` finds near names through the trigram index (at pg_trgm.similarity_threshold); the second test applies ours
  if (similar) branches.push(sql`select p.k, o.id, 4 from p join organizations o on o.name_norm % p.norm and similarity(o.name_norm, p.norm) >= ${SIMILAR_NAME}`);

  // `%` uses pg_trgm.similarity_threshold (0.3 by default): at 0.3 the index hands back thousands of
  // rows to recheck on 50k organisations, at 0.6 a few hundred. Transaction-local.
  if (similar) await ex.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(SIMILAR_NAME)}, true)`);
  const res = await ex.execute(sql`
    with p as (select * from unnest(${arr(keys, 'int[]')}, ${arr(norms, 'text[]')}, ${arr(cores, 'text[]')},
        ${arr(usccs, 'text[]')}, ${arr(excludes, 'uuid[]')}) as p(k, norm, core, uscc, exclude)),
      f as (select * from unnest(${arr(formKeys, 'int[]')}, ${arr(forms, 'text[]')}) as f(k, form)),
      a as (select * from unnest(${arr(aliasKeys, 'int[]')}, ${arr(aliasNorms, 'text[]')}) as a(k, norm)),
      hits as (select k, id, min(rank) as rank from (${sql.join(branches, sql` union all `)}) h group by k, id)
    select hits.k, hits.rank, organizations.id, organizations.name, organizations.district_code, organizations.uscc,
      similarity(organizations.name_norm, p.norm)::float8 as similarity
    from hits join p on p.k = hits.k join organizations on organizations.id = hits.id
    where (p.exclude is null or organizations.id <> p.exclude) ${visible ? sql`and ${visible}` : sql``}`);

  const kinds = Object.keys(REASON_RANK) as Kind[];
  for (const r of (res as unknown as { rows: { k: number; rank: number; id: string; name: string; district_code: string | null; uscc: string | null; similarity: number }[] }).rows) {
    const kind = kinds[r.rank];
    const similarity = Math.round(Number(r.similarity) * 100) / 100;
    const [reason, score]: [DuplicateCandidate['reason'], number] =
      kind === 'similar' ? ['similar', similarity] : [kind === 'core' ? 'name' : kind, REASON_SCORE[kind]];
    out[r.k].push({ id: r.id, name: r.name, districtName: r.district_code ? (districtName(r.district_code) ?? null) : null, uscc: r.uscc, reason, score });
  }
  return out.map((list) => list.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN')).slice(0, limit));
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
