import { sql, type SQL } from 'drizzle-orm';
import type { SearchEntityType } from '../../../../common/domain';
import type { Executor } from '../../db/client';
import type { SearchVisibility } from './search.policy';
import { readShared } from './list-query';
import type { ParsedQuery } from './search-query';

/**
 * How many records each way of matching may contribute before ranking. A common 1-character query
 * (张, 科) matches a large part of a million records: they are never all ranked. Each source below
 * takes at most this many candidates from its index (prefix scans come in index order, so exact
 * matches first), the union is ranked, and the answer says `capped` when a source was cut (the
 * total is then a lower bound). Every candidate costs a heap fetch: these bound the work of a query.
 */
export const CANDIDATE_LIMITS = { text: 500, prefix: 200 } as const;

export interface SearchFilters {
  types?: SearchEntityType[];
  districtCode?: string;
  industryId?: string;
}

export interface SearchHit {
  type: SearchEntityType;
  id: string;
  title: string;
  subtitle: string | null;
  body: string;
  districtCode: string | null;
  /** 5 exact title, 4 title prefix, 3 pinyin exact, 2 pinyin prefix, 1 title contains, 0 other text */
  tier: number;
  total: number;
  capped: boolean;
}

/** Says whether districts are broad enough to be filtered row by row (see search-district-share.ts). */
export type DistrictBreadth = (codes: readonly string[]) => boolean;

/** The records an actor may see, as a condition on search_documents (lib/visibility.ts's read rule). */
const visibilityCondition = (v: SearchVisibility): SQL | undefined => v.condition;

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/**
 * The conditions of a search, split in two: `place` (scope and district filter) and `other`
 * (types, industry). `broadPlace` says the place covers a large share of the documents (see
 * search-district-share.ts): the full-text source then applies it to the rows it reads instead of
 * ANDing the district index into its bitmap.
 */
function conditions(v: SearchVisibility, f: SearchFilters, broad: DistrictBreadth) {
  const place: SQL[] = [];
  const scope = visibilityCondition(v);
  if (scope) place.push(scope);
  if (f.districtCode) place.push(sql`district_code = ${f.districtCode}`);
  const other: SQL[] = [];
  if (f.types?.length) other.push(sql`entity_type in ${f.types}`);
  if (f.industryId) other.push(sql`industry_ids @> array[${f.industryId}]::uuid[]`);
  const districts = f.districtCode ? [f.districtCode] : v.all ? [] : v.districts;
  const broadPlace = place.length > 0 && (v.all || v.networkIds.length === 0) && districts.length > 0 && broad(districts);
  return { all: and([...place, ...other]), place: and(place), other: and(other), broadPlace };
}

/**
 * The candidates: title prefix (exact first: index order), pinyin prefix of full pinyin and of
 * initials for Latin input (exact first), and the jieba terms through the GIN index — each
 * bounded by CANDIDATE_LIMITS — then the union ranked: exact title > title prefix > pinyin exact >
 * pinyin prefix > title contains > other text, then ts_rank plus the document's boost, shorter
 * titles first.
 */
export function searchDocumentsQuery(
  q: ParsedQuery,
  visibility: SearchVisibility,
  filters: SearchFilters,
  limit: number,
  broad: DistrictBreadth = () => false,
): SQL {
  const cond = conditions(visibility, filters, broad);
  const where = cond.all;
  const { text: n, prefix: np } = CANDIDATE_LIMITS;
  const tsq = q.tsquery ? sql`to_tsquery('simple', ${q.tsquery})` : null;
  const pyq = q.pinyinTsquery ? sql`to_tsquery('simple', ${q.pinyinTsquery})` : null;
  const pinyinTiers = q.pinyin
    ? sql`when pinyin_full = ${q.pinyin} or pinyin_initials = ${q.pinyin} then 3
          when pinyin_full like ${q.pinyinPrefix} or pinyin_initials like ${q.pinyinPrefix} then 2`
    : sql``;
  const tier = sql`case when title_norm = ${q.norm} then 5
          when title_norm like ${q.titlePrefix} then 4
          ${pinyinTiers}
          when strpos(title_norm, ${q.norm}) > 0 then 1
          ${pyq ? sql`when tokens @@ ${pyq} then 1` : sql``}
          else 0 end`;
  // ranked where the row is read, so no candidate is fetched twice
  const ranked = sql`entity_type, entity_id, title, ${tier} as tier,
          boost + ${tsq ? sql`ts_rank(tokens, ${tsq})` : sql`0`} as bonus`;
  const branches: SQL[] = [
    sql`(select ${ranked}, 1 as src from search_documents
         where title_norm like ${q.titlePrefix} and ${where} order by title_norm using ~<~ limit ${np})`,
  ];
  if (q.pinyin) {
    branches.push(sql`(select ${ranked}, 2 as src from search_documents
         where pinyin_full like ${q.pinyinPrefix} and ${where} order by pinyin_full using ~<~ limit ${np})`);
    branches.push(sql`(select ${ranked}, 3 as src from search_documents
         where pinyin_initials like ${q.pinyinPrefix} and ${where} order by pinyin_initials using ~<~ limit ${np})`);
  }
  const fullText = (match: SQL, src: number, max: number) =>
    cond.broadPlace
      ? // offset 0 keeps the place condition out of the scan: it filters the rows read, which stop at the limit
        sql`(select ${ranked}, ${sql.raw(String(src))} as src
         from (select * from search_documents where tokens @@ ${match} and ${cond.other} offset 0) d
         where ${cond.place} limit ${max})`
      : sql`(select ${ranked}, ${sql.raw(String(src))} as src from search_documents
         where tokens @@ ${match} and ${where} limit ${max})`;
  if (tsq) branches.push(fullText(tsq, 4, n));
  // pinyin inside a name (jinqiao → 上海金桥（集团）有限公司) and Latin words by prefix
  if (pyq) branches.push(fullText(pyq, 5, np));
  return sql`
    with cand as materialized (${sql.join(branches, sql` union all `)}),
    best as (
      select entity_type, entity_id, max(tier) as tier, max(tier) * 10 + max(bonus) as score, min(title) as title,
             count(*) over () as total
      from cand group by entity_type, entity_id
      order by max(tier) * 10 + max(bonus) desc, length(min(title)), min(title)
      limit ${limit}
    )
    select b.entity_type, b.entity_id, d.title, d.subtitle, d.body, d.district_code, b.tier, b.total::int as total,
           exists (select from (select src, count(*) as c from cand group by src) s
                   where c >= case when src = 4 then ${n}::int else ${np}::int end) as capped
    from best b join search_documents d on d.entity_type = b.entity_type and d.entity_id = b.entity_id
    order by b.score desc, length(b.title), b.title`;
}

export async function searchDocuments(
  ex: Executor,
  q: ParsedQuery,
  visibility: SearchVisibility,
  filters: SearchFilters,
  limit: number,
  broad: DistrictBreadth,
): Promise<SearchHit[]> {
  const query = searchDocumentsQuery(q, visibility, filters, limit, broad);
  // the same search by several users of one scope at once: run once (see readShared)
  const rows = await readShared(ex, query, async () => (await ex.execute(query)).rows as Record<string, unknown>[]);
  return rows.map((r) => ({
    type: r.entity_type as SearchEntityType,
    id: String(r.entity_id),
    title: String(r.title),
    subtitle: (r.subtitle as string | null) ?? null,
    body: String(r.body ?? ''),
    districtCode: (r.district_code as string | null) ?? null,
    tier: Number(r.tier),
    total: Number(r.total),
    capped: r.capped === true || r.capped === 't',
  }));
}
