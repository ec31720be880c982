import { idf as idfDict } from '@node-rs/jieba/dict.js';
import { desc, sql, type SQL } from 'drizzle-orm';
import type { NeedCategory } from '../../../../common/need-workflow';
import type { MatchCandidate, MatchWeights } from '../../../../common/schemas/needs';
import { districtName } from '../../../../common/validators';
import type { Executor } from '../../db/client';
import { matchWeightVersions } from '../../db/schema';
import { escapeTsToken, queryTokens } from '../../lib/text';

/**
 * Explainable matching of a need to experts, organisations, networks and places (stations), over
 * search_documents (the jieba tokens every directory writer keeps). Candidates come from bounded
 * index scans, never from scoring every profile: the need's rarer terms through the GIN index, ranked
 * by ts_rank (a term is rare when the planner's statistics of the tokens column say few documents hold
 * it: 技术 is in a quarter of the directory, 智能网联 in 1 %, and ranking the quarter cost 400 ms at
 * 150,000 documents); two common terms together (AND) unranked; the need's industries and their chain
 * neighbours through the industry GIN index; and organisations of the kinds the category wants (a
 * bank for financing) in the need's industries. Each candidate is then scored factor by factor in JS:
 *
 *   text      BM25 over the need's terms (jieba IDF), normalised to 0–1 by the best possible score
 *   industry  1 for a shared industry, 0.5 for an upstream/downstream or parent/child neighbour
 *   category  how well the candidate's kind fits the need's category (a bank for financing …)
 *   district  same district 1, adjacent 0.5
 *   load      1 / (1 + open assignments)
 *   rating    past services of the same category and their ratings
 *
 * and the weighted sum ranks them. Anyone affiliated with the requesting enterprise is left out.
 */
export const defaultWeights: MatchWeights = { text: 0.35, industry: 0.2, category: 0.15, district: 0.1, load: 0.05, rating: 0.15 };

/** How many candidates each index scan contributes before scoring. */
export const MATCH_CANDIDATES = { text: 200, common: 100, industry: 150, kind: 50 } as const;

/** The rare terms' documents are ranked in SQL while their estimated count stays within this. */
export const RARE_TERM_BUDGET = 3000;

interface LexemeStats {
  at: number;
  /** documents holding each of the index's most common lexemes */
  common: Map<string, number>;
  /** at most this many documents hold any other lexeme; 0 when the table has no statistics yet */
  rest: number;
}
const statsCache = new WeakMap<object, LexemeStats>();
const STATS_TTL_MS = 5 * 60_000;

/**
 * How many documents hold a lexeme, estimated from the planner's statistics of search_documents.tokens
 * (pg_stats.most_common_elems, kept by ANALYZE and autovacuum, on PostgreSQL and PGlite alike). No
 * statistics (a fresh or small database): every term counts as rare, which is right when it is small.
 */
async function lexemeStats(ex: Executor): Promise<LexemeStats> {
  const cached = statsCache.get(ex);
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached;
  const [row] = rowsOf<{ elems: string[] | string | null; freqs: number[] | string | null; total: number | string | null }>(
    await ex.execute(sql`select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs, c.reltuples::float8 as total
      from pg_class c left join pg_stats s on s.schemaname = current_schema() and s.tablename = 'search_documents' and s.attname = 'tokens'
      where c.oid = to_regclass('search_documents')`),
  );
  const total = Number(row?.total ?? 0);
  const elems = row?.elems ? textArray(row.elems) : [];
  const freqs = row?.freqs ? textArray(row.freqs).map(Number) : [];
  const common = new Map<string, number>();
  elems.forEach((e, i) => common.set(e, Math.round((freqs[i] ?? 0) * total)));
  // after the elements' frequencies come the minimum, maximum and null fraction: any other lexeme is rarer than the minimum
  const rest = total > 0 && freqs.length > elems.length ? Math.ceil((freqs[elems.length] ?? 0) * total) : 0;
  const stats = { at: Date.now(), common, rest: total > 0 ? rest : 0 };
  statsCache.set(ex, stats);
  return stats;
}

/** Postgres array text ({a,"b c"}) or a driver's array. */
function textArray(v: string[] | number[] | string): string[] {
  if (Array.isArray(v)) return v.map(String);
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([^,{}]+)/g;
  for (let m = re.exec(v); m; m = re.exec(v)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return out;
}

/** The need's terms split by how many documents hold them: the rare ones (ranked in SQL), the common ones. */
export function splitByFrequency<T extends { term: string }>(terms: T[], df: (lexeme: string) => number, budget = RARE_TERM_BUDGET) {
  const byDf = terms.map((t) => ({ t, df: df(escapeTsToken(t.term)) })).sort((a, b) => a.df - b.df);
  const rare: T[] = [];
  const common: T[] = [];
  let sum = 0;
  for (const { t, df } of byDf) {
    if (sum + df <= budget) {
      rare.push(t);
      sum += df;
    } else common.push(t);
  }
  return { rare, common };
}

let idfMap: Map<string, number> | undefined;
let idfMedian = 10;
function idfOf(term: string): number {
  if (!idfMap) {
    idfMap = new Map();
    const values: number[] = [];
    for (const line of Buffer.from(idfDict).toString('utf8').split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp > 0) {
        const v = Number(line.slice(sp + 1));
        idfMap.set(line.slice(0, sp), v);
        values.push(v);
      }
    }
    values.sort((a, b) => a - b);
    idfMedian = values[Math.floor(values.length / 2)] ?? 10;
  }
  return idfMap.get(term) ?? idfMedian;
}

const STOP = new Set(['企业', '公司', '需要', '需求', '希望', '帮助', '问题', '相关', '进行', '我们', '对接', '有限公司', '服务', '专家', '计划', '方面', '拓展', '提供', '寻求', '解决']);

/** The need's terms with their weights (IDF): at most 12, the weightiest first. */
export function needTerms(text: string): { term: string; weight: number }[] {
  const terms = queryTokens(text).filter((t) => t.length >= 2 && !STOP.has(t) && !/^\d+$/.test(t));
  return [...new Set(terms)]
    .map((term) => ({ term, weight: Math.round(idfOf(term) * 100) / 100 }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 12);
}

/** Shanghai's districts and their neighbours (land borders and the river crossings), GB/T 2260. */
const neighbourList: Record<string, string[]> = {
  '310101': ['310104', '310106', '310109', '310115'],
  '310104': ['310101', '310105', '310106', '310112', '310115'],
  '310105': ['310104', '310106', '310107', '310112'],
  '310106': ['310101', '310104', '310105', '310107', '310109', '310113'],
  '310107': ['310105', '310106', '310113', '310114', '310112'],
  '310109': ['310101', '310106', '310110', '310113'],
  '310110': ['310109', '310113', '310115'],
  '310112': ['310104', '310105', '310107', '310114', '310118', '310117', '310120', '310115'],
  '310113': ['310106', '310107', '310109', '310110', '310114', '310115', '310151'],
  '310114': ['310107', '310113', '310112', '310118'],
  '310115': ['310101', '310104', '310110', '310113', '310112', '310120', '310151'],
  '310116': ['310117', '310120'],
  '310117': ['310112', '310118', '310116', '310120'],
  '310118': ['310114', '310112', '310117'],
  '310120': ['310112', '310115', '310117', '310116'],
  '310151': ['310113', '310115'],
};
export const areNeighbours = (a: string, b: string) => !!neighbourList[a]?.includes(b) || !!neighbourList[b]?.includes(a);

type EntityType = MatchCandidate['entityType'];

/** How well a candidate of this type and kind fits a category (0–1). */
const orgFit: Partial<Record<NeedCategory, Record<string, number>>> = {
  technology: { university: 1, institute: 1, enterprise: 0.5, soe: 0.5 },
  financing: { bank: 1, association: 0.3, soe: 0.3 },
  listing: { bank: 1, association: 0.5 },
  overseas: { association: 1, government: 0.6, enterprise: 0.3 },
  talent: { university: 1, association: 0.5, institute: 0.5 },
  ip: { institute: 0.7, association: 0.7, other: 0.7, university: 0.5 },
  legal: { other: 0.8, association: 0.7 },
  policy: { government: 1, association: 0.6, party_org: 0.5 },
  space: { park_operator: 1, government: 0.4 },
  market: { enterprise: 0.7, soe: 0.7, association: 0.6 },
};
const personFit: Record<NeedCategory, number> = {
  technology: 1, ip: 0.9, legal: 0.9, policy: 0.8, talent: 0.8, overseas: 0.7, financing: 0.6, listing: 0.6, market: 0.5, space: 0.2, other: 0.5,
};
const networkFit: Record<string, number> = { think_tank: 0.8, mentor_team: 0.9, service_team: 1, station_roster: 0.7, alliance: 0.5, cluster_community: 0.6 };
const placeFit: Record<string, number> = { station: 0.8, service_point: 0.7, base: 0.6 };

export function categoryFit(category: NeedCategory, type: EntityType, kind: string | null): number {
  switch (type) {
    case 'person':
      return personFit[category];
    case 'organization':
      return orgFit[category]?.[kind ?? ''] ?? 0.1;
    case 'network':
      return networkFit[kind ?? ''] ?? 0.3;
    case 'place':
      return category === 'space' && kind === 'park' ? 1 : (placeFit[kind ?? ''] ?? 0.1);
  }
}

/** Parse a tsvector's text ('a':1,3 'b':2) into lexeme → term frequency, and the document length. */
export function parseTsvector(text: string): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  let length = 0;
  const re = /'((?:[^']|'')*)'(?::([\d,A-D]+))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = m[2] ? m[2].split(',').length : 1;
    tf.set(m[1]!.replace(/''/g, "'"), n);
    length += n;
  }
  return { tf, length };
}

const K1 = 1.2;
const B = 0.75;
const AVG_DL = 40;

/** BM25 of the need's terms in a document, normalised to 0–1 by the best a document could reach; and the terms found. */
export function bm25(terms: { term: string; weight: number }[], doc: { tf: Map<string, number>; length: number }) {
  let score = 0;
  let best = 0;
  const found: { term: string; weight: number }[] = [];
  for (const t of terms) {
    best += t.weight * (K1 + 1);
    const f = doc.tf.get(escapeTsToken(t.term)) ?? 0;
    if (!f) continue;
    score += (t.weight * (f * (K1 + 1))) / (f + K1 * (1 - B + (B * doc.length) / AVG_DL));
    found.push(t);
  }
  return { score: best ? Math.min(1, score / best) : 0, found };
}

export interface MatchNeed {
  id: string;
  organizationId: string;
  category: NeedCategory;
  title: string;
  description: string;
  industryIds: string[];
  districtCode: string | null;
}

interface CandidateRow {
  entity_type: EntityType;
  entity_id: string;
  title: string;
  subtitle: string | null;
  district_code: string | null;
  kind: string | null;
  industry_ids: string[] | string;
  tokens: string;
}

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const uuidArray = (v: string[] | string): string[] => (Array.isArray(v) ? v : v.replace(/[{}]/g, '').split(',').filter(Boolean));

export async function currentWeights(ex: Executor): Promise<MatchWeights & { version: number | null }> {
  const [row] = await ex.select().from(matchWeightVersions).orderBy(desc(matchWeightVersions.id)).limit(1);
  return row ? { ...defaultWeights, ...(row.weights as Partial<MatchWeights>), version: row.id } : { ...defaultWeights, version: null };
}

/**
 * The ranked, explained candidates for a need among the documents `scope` lets the actor read.
 * `types` narrows to experts, organisations, networks or places.
 */
export async function rankCandidates(
  ex: Executor,
  need: MatchNeed,
  opts: { scope: SQL | undefined; types?: EntityType[]; limit: number; weights: MatchWeights; industryNames: Map<string, string> },
): Promise<MatchCandidate[]> {
  const terms = needTerms(`${need.title} ${need.description}`);
  const types = opts.types ?? ['person', 'organization', 'network', 'place'];
  const scope = opts.scope ?? sql`true`;

  // the need's industries and their neighbours on the chain (upstream/downstream, parent/child)
  const own = need.industryIds;
  const near = own.length
    ? rowsOf<{ id: string }>(
        await ex.execute(sql`select downstream_id::text as id from industry_links where upstream_id::text in ${own}
          union select upstream_id::text from industry_links where downstream_id::text in ${own}
          union select parent_id::text from industries where id::text in ${own} and parent_id is not null
          union select id::text from industries where parent_id::text in ${own}`),
      )
        .map((r) => r.id)
        .filter((id) => !own.includes(id))
    : [];
  const allInd = [...own, ...near];

  const lexeme = (t: { term: string }) => {
    const e = escapeTsToken(t.term);
    return e ? `'${e.replace(/'/g, "''")}'` : '';
  };
  const stats = await lexemeStats(ex);
  const { rare, common } = splitByFrequency(terms, (l) => stats.common.get(l) ?? stats.rest);
  const sources: SQL[] = [];
  const rareQuery = rare.map(lexeme).filter(Boolean).join(' | ');
  if (rareQuery)
    sources.push(sql`(select entity_type, entity_id from search_documents d
      where d.tokens @@ to_tsquery('simple', ${rareQuery}) and d.entity_type in ${types} and ${scope}
      order by ts_rank(d.tokens, to_tsquery('simple', ${rareQuery})) desc limit ${MATCH_CANDIDATES.text})`);
  // the two weightiest common terms together (a document holding both is likelier about the need), unranked
  const commonQuery = [...common]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, rareQuery ? 2 : 3)
    .map(lexeme)
    .filter(Boolean)
    .join(' & ');
  if (commonQuery)
    sources.push(sql`(select entity_type, entity_id from search_documents d
      where d.tokens @@ to_tsquery('simple', ${commonQuery}) and d.entity_type in ${types} and ${scope}
      limit ${MATCH_CANDIDATES.common})`);
  const industryArray = `{${allInd.join(',')}}`;
  if (allInd.length)
    sources.push(sql`(select entity_type, entity_id from search_documents d
      where d.industry_ids && ${industryArray}::uuid[] and d.entity_type in ${types} and ${scope}
      limit ${MATCH_CANDIDATES.industry})`);
  // the kinds of organisation the category wants (a bank for financing) in the need's own industries
  const wantedKinds = Object.entries(orgFit[need.category] ?? {})
    .filter(([, v]) => v >= 0.7)
    .map(([k]) => k);
  if (own.length && wantedKinds.length && types.includes('organization'))
    sources.push(sql`(select entity_type, entity_id from search_documents d
      where d.entity_type = 'organization' and d.kind in ${wantedKinds} and d.industry_ids && ${`{${own.join(',')}}`}::uuid[] and ${scope}
      limit ${MATCH_CANDIDATES.kind})`);
  if (!sources.length) return [];

  // conflicts of interest: the enterprise itself, and the people currently affiliated with it
  const rows = rowsOf<CandidateRow>(
    await ex.execute(sql`select d.entity_type, d.entity_id::text as entity_id, d.title, d.subtitle, d.district_code, d.kind,
        d.industry_ids, d.tokens::text as tokens
      from search_documents d join (${sql.join(sources, sql` union `)}) c using (entity_type, entity_id)
      where not (d.entity_type = 'organization' and d.entity_id = ${need.organizationId})
        and not (d.entity_type = 'person' and exists (select 1 from affiliations a where a.person_id = d.entity_id
          and a.organization_id = ${need.organizationId} and (a.end_on is null or a.end_on >= current_date)))`),
  );
  if (!rows.length) return [];

  // load and past outcomes of the candidates (people and organisations)
  const personIds = rows.filter((r) => r.entity_type === 'person').map((r) => r.entity_id);
  const orgIds = rows.filter((r) => r.entity_type === 'organization').map((r) => r.entity_id);
  const ids = [...personIds, ...orgIds];
  const load = new Map<string, number>();
  const past = new Map<string, { n: number; rating: number | null }>();
  const assigned = new Set<string>();
  if (ids.length) {
    // one round trip: open assignments (load), past services of the category and their ratings, and who is already assigned to this need
    for (const r of rowsOf<{ what: 'load' | 'past' | 'assigned'; id: string; n: number; rating: number | null }>(
      await ex.execute(sql`select 'load' as what, coalesce(a.person_id, a.organization_id)::text as id, count(*)::int as n, null::float as rating
          from need_assignments a join needs n on n.id = a.need_id
          where a.status in ('proposed', 'accepted') and n.status in ('matched', 'in_service')
            and (a.person_id::text in ${ids} or a.organization_id::text in ${ids}) group by 2
        union all
        select 'past', p.id::text, count(distinct s.id)::int, avg(n.rating)::float
          from service_records s join needs n on n.id = s.need_id,
            unnest(s.provider_person_ids || s.provider_organization_ids) as p(id)
          where n.category = ${need.category} and p.id::text in ${ids} group by 2
        union all
        select 'assigned', coalesce(person_id, organization_id)::text, 0, null from need_assignments
          where need_id = ${need.id} and status in ('proposed', 'accepted')`),
    )) {
      if (r.what === 'load') load.set(r.id, Number(r.n));
      else if (r.what === 'past') past.set(r.id, { n: Number(r.n), rating: r.rating === null ? null : Number(r.rating) });
      else assigned.add(r.id);
    }
  }

  const w = opts.weights;
  const scored = rows.map((r): MatchCandidate => {
    const reasons: MatchCandidate['reasons'] = [];
    const text = bm25(terms, parseTsvector(r.tokens));
    if (text.found.length) reasons.push({ code: 'terms', params: { terms: text.found.slice(0, 5).map((t) => t.term) } });

    const ind = uuidArray(r.industry_ids);
    const shared = ind.filter((i) => own.includes(i));
    const neighbour = ind.filter((i) => near.includes(i));
    const industry = shared.length ? 1 : neighbour.length ? 0.5 : 0;
    if (shared.length) reasons.push({ code: 'industry', params: { name: shared.map((i) => opts.industryNames.get(i) ?? '').filter(Boolean).join('、') } });
    else if (neighbour.length) reasons.push({ code: 'industry_near', params: { name: neighbour.map((i) => opts.industryNames.get(i) ?? '').filter(Boolean).join('、') } });

    const fit = categoryFit(need.category, r.entity_type, r.kind);
    if (fit >= 0.7) reasons.push({ code: 'category', params: { kind: r.kind ?? r.entity_type } });

    let district = 0;
    if (need.districtCode && r.district_code === need.districtCode) {
      district = 1;
      reasons.push({ code: 'district', params: { name: districtName(r.district_code) ?? r.district_code } });
    } else if (need.districtCode && r.district_code && areNeighbours(need.districtCode, r.district_code)) {
      district = 0.5;
      reasons.push({ code: 'district_near', params: { name: districtName(r.district_code) ?? r.district_code } });
    }

    const open = load.get(r.entity_id) ?? 0;
    const loadPart = r.entity_type === 'person' || r.entity_type === 'organization' ? 1 / (1 + open) : 0.5;
    if (open > 0) reasons.push({ code: 'load', params: { n: open } });

    const p = past.get(r.entity_id);
    const rating = p ? Math.min(1, p.n / 3) * ((p.rating ?? 4) / 5) : 0;
    if (p) reasons.push({ code: 'past', params: { n: p.n } });
    if (p?.rating) reasons.push({ code: 'rating', params: { value: Math.round(p.rating * 10) / 10 } });

    const round = (v: number) => Math.round(v * 1000) / 1000;
    const parts = {
      text: round(w.text * text.score),
      industry: round(w.industry * industry),
      category: round(w.category * fit),
      district: round(w.district * district),
      load: round(w.load * loadPart),
      rating: round(w.rating * rating),
    };
    return {
      entityType: r.entity_type,
      entityId: r.entity_id,
      name: r.title,
      subtitle: r.subtitle,
      score: round(Object.values(parts).reduce((a, b) => a + b, 0)),
      parts,
      terms: text.found,
      reasons,
      assigned: assigned.has(r.entity_id),
    };
  });
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'));
  return scored.slice(0, opts.limit);
}
