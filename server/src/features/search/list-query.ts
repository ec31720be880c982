import { and, asc, Column, desc, eq, getTableColumns, getTableName, is, SQL, sql, type SQLWrapper } from 'drizzle-orm';
import { PgDialect, PgTransaction, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { SearchEntityType } from '../../../../common/domain';
import type { Executor } from '../../db/client';
import { industries, searchDocuments } from '../../db/schema';
import { sharedReads, ttlCache } from '../../lib/ttl-cache';
import { directoryVersion } from './search-index';
import { parseQuery } from './search-query';

/**
 * The list pages (organisations, people, networks, places) read their keyword, their name order
 * and their district order from the record's search document: every writer keeps one per record
 * in the same transaction (see search-index.ts), so the list needs no copy of its own.
 *  - keyword: the search box's parser and index — jieba words, Traditional folding, pinyin and
 *    initials of the name and of every word in it (`jinqiao`, `zzg`, `wlc`), Latin words by prefix;
 *  - name order: the name's pinyin (`pinyin_full`), so 安 … 张 … read as a Chinese reader expects,
 *    not in code-point order; the (entity_type, pinyin_full, entity_id) index gives it without a sort;
 *  - the page: with a condition the documents answer alone (visibility through the document's copy
 *    of the district), chosen on search_documents first and only its rows read from the table;
 *  - totals: counted up to COUNT_LIMIT, estimated beyond (see pageTotal), cached per condition
 *    (listPage) and refreshed in the background, so twenty users of one list count once.
 */

/** The join of a list's table to its records' search documents. */
export const searchDocOf = (type: SearchEntityType, id: AnyPgColumn) =>
  and(eq(searchDocuments.entityType, type), eq(searchDocuments.entityId, id))!;

/**
 * The keyword as a condition on the joined search document, or undefined when the input has
 * nothing to search for (only punctuation). One tsquery: the jieba terms ANDed, or — for input
 * that reads as pinyin or a code — any pinyin key or word starting with it.
 */
export function keywordCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const p = parseQuery(q);
  const parts: SQL[] = [];
  if (p.tsquery) parts.push(sql`to_tsquery('simple', ${p.tsquery})`);
  if (p.pinyinTsquery) parts.push(sql`to_tsquery('simple', ${p.pinyinTsquery})`);
  if (!parts.length) return undefined;
  return sql`${searchDocuments.tokens} @@ (${sql.join(parts, sql` || `)})`;
}

/** The record's kind, on its search document: with the name order, read from the (entity_type, kind, pinyin_full) index. */
export const kindCondition = (kind: string) => eq(searchDocuments.kind, kind);

/** The record's district, on its search document: with the name order, read from the (entity_type, district_code, pinyin_full) index. */
export const districtCondition = (code: string) => eq(searchDocuments.districtCode, code);

/** Names in pinyin order (ties by id, so pages never overlap). */
export const pinyinOrder = (dir: 'asc' | 'desc') =>
  dir === 'asc'
    ? [asc(searchDocuments.pinyinFull), asc(searchDocuments.entityId)]
    : [desc(searchDocuments.pinyinFull), desc(searchDocuments.entityId)];

/**
 * By district, then by name's pinyin: the (entity_type, district_code, pinyin_full, entity_id)
 * index read forwards or backwards (so records without a district come last ascending and first
 * descending).
 */
export const districtOrder = (dir: 'asc' | 'desc') =>
  dir === 'asc'
    ? [asc(searchDocuments.districtCode), asc(searchDocuments.pinyinFull), asc(searchDocuments.entityId)]
    : [desc(searchDocuments.districtCode), desc(searchDocuments.pinyinFull), desc(searchDocuments.entityId)];

/** Totals up to this are exact; beyond it a list says 约 (about) and gives the planner's estimate. */
export const COUNT_LIMIT = 10_000;
/** When the planner expects more than this, the list does not count at all: the estimate is the total. */
export const ESTIMATE_WITHOUT_COUNTING = 100_000;

export interface PageTotal {
  total: number;
  /** true when the total is an estimate (more than COUNT_LIMIT matches) */
  totalEstimated: boolean;
}

/** Two significant figures: an estimate should not look exact (1,003,214 → 1,000,000). */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const step = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
}

/** The planner's row estimate for a query (EXPLAIN, nothing executed). */
export async function estimateRows(ex: Executor, query: SQLWrapper): Promise<number> {
  const res = await ex.execute(sql`explain (format json) ${query}`);
  const row = (res.rows as Record<string, unknown>[])[0];
  const raw = row?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return Number(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

/**
 * A list page's total, with as little counting as will do:
 *  - a page that is not full ends the list: offset + its rows, no second query;
 *  - else the planner's estimate; above ESTIMATE_WITHOUT_COUNTING it is the answer (about): such
 *    estimates come from the column statistics' most common values/words, which are accurate (rare
 *    words and prefixes get low estimates and are counted);
 *  - else the matches are counted up to COUNT_LIMIT + 1 (a limit subquery stops the count there);
 *    past COUNT_LIMIT the total is the larger of the estimate and COUNT_LIMIT + 1, marked as estimated.
 * `matches` selects the matching rows (any column), without order, limit or offset.
 */
export async function pageTotal(
  ex: Executor,
  matches: SQLWrapper,
  page: { page: number; pageSize: number; rows: number },
): Promise<PageTotal> {
  const offset = (page.page - 1) * page.pageSize;
  if (page.rows < page.pageSize && (page.rows > 0 || page.page === 1)) return { total: offset + page.rows, totalEstimated: false };
  const estimate = await estimateRows(ex, matches);
  if (estimate > ESTIMATE_WITHOUT_COUNTING) return { total: roundEstimate(estimate), totalEstimated: true };
  const res = await ex.execute(sql`select count(*)::int as n from (${matches} limit ${COUNT_LIMIT + 1}) m`);
  const n = Number((res.rows as { n: number }[])[0]?.n ?? 0);
  if (n <= COUNT_LIMIT) return { total: n, totalEstimated: false };
  return { total: roundEstimate(Math.max(estimate, COUNT_LIMIT + 1)), totalEstimated: true };
}

/** How long a list's total is reused: exact counts briefly (a few seconds stale at most in another process), estimates longer. */
export const EXACT_TOTAL_TTL_MS = 5_000;
export const ESTIMATED_TOTAL_TTL_MS = 60_000;

/**
 * Totals per list condition (its SQL and parameters), for every user with the same scope and
 * filters: counting (or asking the planner) costs more than the page itself, and twenty clients
 * reading the same list should not count twenty times. The key holds directoryVersion(), so this
 * process's own writes show at once; another process's after EXACT_TOTAL_TTL_MS (an estimate, shown as
 * 约 and rounded to two figures, after ESTIMATED_TOTAL_TTL_MS).
 */
const totals = ttlCache<PageTotal>(EXACT_TOTAL_TTL_MS, 2000, { refreshInBackground: true });

/** Forget every cached total (tests that count after writing outside this process's writers). */
export const forgetListTotals = () => totals.clear();

/** The field of a listed row that holds its search document's industry ids. */
export const LISTED_INDUSTRIES = 'listedIndustryIds';

interface IndustryRef {
  id: string;
  name: string;
  sort: number;
}
/** The taxonomy (a few dozen rows) by id, for the lists' industry names; renamed industries show within INDUSTRY_TTL_MS. */
const INDUSTRY_TTL_MS = 10_000;
const industryCache = ttlCache<Map<string, IndustryRef>>(INDUSTRY_TTL_MS, 4);

/**
 * The industries of listed rows, as the list shows them ({ id, name } in taxonomy order), from the
 * ids their search documents carry and the cached taxonomy: a list page costs one query, not two.
 * An id the cache does not know (an industry created since) reloads it once.
 */
export async function industryRefs(ex: Executor, idLists: string[][]): Promise<{ id: string; name: string }[][]> {
  const load = async () => {
    const rows = await ex.select({ id: industries.id, name: industries.name, sort: industries.sort }).from(industries);
    return new Map(rows.map((r) => [r.id, r]));
  };
  let known = await industryCache.get('all', load);
  if (idLists.some((ids) => ids.some((id) => !known.has(id)))) {
    industryCache.clear();
    known = await industryCache.get('all', load);
  }
  return idLists.map((ids) =>
    ids
      .flatMap((id) => known.get(id) ?? [])
      .sort((a, b) => a.sort - b.sort || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(({ id, name }) => ({ id, name })),
  );
}

const dialect = new PgDialect();
/** A statement's identity: its SQL and its parameters (of a query builder or of an sql`` text). */
export const statementKey = (query: { toSQL(): { sql: string; params: unknown[] } } | SQL) => {
  const q = is(query, SQL) ? dialect.sqlToQuery(query) : query.toSQL();
  return `${q.sql}|${JSON.stringify(q.params)}`;
};

/** Pages and search results being read right now (see sharedReads). */
const running = sharedReads<readonly object[]>();
/**
 * A directory read that users of the same scope asking the same at the same moment share (see
 * sharedReads), keyed by the statement; inside a transaction it runs alone.
 */
export function readShared<V extends readonly object[]>(ex: Executor, query: Parameters<typeof statementKey>[0], load: () => Promise<V>): Promise<V> {
  if (is(ex, PgTransaction)) return load();
  return running(ex, statementKey(query), load) as Promise<V>;
}

/**
 * A keyword the planner expects in at most this many documents is read through the GIN index and
 * its matches sorted, never by walking the name order until twenty match: matches of a pinyin query
 * cluster in the order (`zf`: people named Z…, 16,000 documents past the start at 1M: 180 ms → 10 ms),
 * which the planner's row estimates cannot know. Common words (科技) keep the walk: they match early.
 */
const FEW_MATCHES = 5_000;
const estimates = ttlCache<number>(ESTIMATED_TOTAL_TTL_MS, 2000);
const keyOf = (ex: Executor, type: string, cond: SQL | undefined) => `${type}|${statementKey(ex.select({ id: searchDocuments.entityId }).from(searchDocuments).where(cond))}`;

/** The search document's columns that conditions (but the keyword) and orders read: not its texts and tokens, which a sort would carry along. */
const conditionColumns = sql.join(
  Object.values(getTableColumns(searchDocuments))
    .filter((c) => !['title', 'subtitle', 'body', 'tokens'].includes(c.name))
    .map((c) => sql.identifier(c.name)),
  sql`, `,
);

/** Whether an order reads a column of the listed table (created_at) rather than of the search document. */
const ordersByTable = (order: SQL[]) => order.some((o) => o.queryChunks.some((c) => is(c, Column) && getTableName(c.table) !== 'search_documents'));

/** A directory table that lists through its search documents: its row type and its id column. */
type ListedTable = PgTable & { id: AnyPgColumn };

/**
 * One page of a directory list: the table's rows joined to their search documents (which hold the
 * keyword, pinyin order, kind and district the conditions read), in the given order, with the total.
 *
 * `cond`: the whole condition (keyword included) on the table and its joined document.
 * `keyword`: the keyword's condition, when there is one (see FEW_MATCHES).
 * `extra`: more fields of each row (e.g. a correlated subquery), read in the same query.
 * `probeInOrder`: the rest of the condition is costly per row (a probe of the person's affiliations):
 * read it on a rare keyword's matches in the list's order, only until the page is full.
 * `docCount`: the rest of the condition — all but the keyword — read only from the search
 * document's columns (entity_id, district_code, kind, industry_ids — visibility included, through
 * the document's copy of the district): the page is chosen and the total counted on
 * search_documents alone, without the join.
 */
export async function listPage<T extends ListedTable, X extends Record<string, SQL.Aliased | SQL> = Record<never, never>>(
  ex: Executor,
  table: T,
  type: SearchEntityType,
  cond: SQL | undefined,
  order: SQL[],
  page: { page: number; pageSize: number },
  opts: { docCount?: { cond: SQL | undefined }; extra?: X; keyword?: SQL; probeInOrder?: boolean } = {},
) {
  const columns: Record<string, AnyPgColumn> = getTableColumns(table as PgTable);
  // the document's copy of the industry tags comes along: no second query for them (see industryRefs)
  const offset = (page.page - 1) * page.pageSize;
  // a condition the documents answer alone, in a document order: the page is chosen on the
  // documents (index order, or a top-N sort of the keyword's matches; the offset skipped on the
  // index), then only its rows are read from the table. In one join the planner may sort on the
  // table's id and read every match's row first (3,351 rows for `jinqiao` at 1M: 190 ms → 7 ms).
  const skipOnDocs = opts.docCount && order.length && !ordersByTable(order);
  let where = cond;
  let fewMatchesFirst: SQL | undefined;
  if (skipOnDocs) {
    const docCond = and(eq(searchDocuments.entityType, type), opts.keyword, opts.docCount!.cond);
    // a keyword with few matches: its matches (GIN) sorted, not the whole order read for them
    const fewMatches = opts.keyword && (await estimates.get(keyOf(ex, type, docCond), () => estimateRows(ex, ex.select({ id: searchDocuments.entityId }).from(searchDocuments).where(docCond)))) <= FEW_MATCHES;
    // the keyword's matches first (GIN), then the rest of the condition on them: left together, the
    // planner may AND the GIN bitmap with the district index's (270,000 rows for 浦东 at 1M: 40 ms)
    if (fewMatches && opts.keyword) {
      const rest = opts.docCount!.cond ?? sql`true`;
      const orderBy = sql`order by ${sql.join(order, sql`, `)}`;
      fewMatchesFirst = sql`select entity_id from (select ${conditionColumns} from search_documents where entity_type = ${type} and ${opts.keyword} offset 0) search_documents where ${rest}`;
      where = opts.probeInOrder
        ? // sorted before the rest of the condition is read, which then stops when the page is full: a
          // coordinator's reach through affiliations is probed for the first matches in the order, not
          // for every match (`zf` as 浦东 at 1M: 840 probes → 44). Materialized: else the planner walks
          // the name index for the page (the outer limit) and tests the keyword on every document it passes.
          sql`${table.id} in (with m as materialized (select ${conditionColumns} from search_documents where entity_type = ${type} and ${opts.keyword})
            select entity_id from (select * from m search_documents ${orderBy} offset 0) search_documents where ${rest} limit ${page.pageSize} offset ${offset})`
        : // a cheap rest (a district, a kind): filtered first, then only the page's top rows sorted
          sql`${table.id} in (${fewMatchesFirst} ${orderBy} limit ${page.pageSize} offset ${offset})`;
    } else where = sql`${table.id} in (${ex.select({ id: searchDocuments.entityId }).from(searchDocuments).where(docCond).orderBy(...order).limit(page.pageSize).offset(offset)})`;
  }
  const query = ex
    .select({ ...columns, ...opts.extra, [LISTED_INDUSTRIES]: searchDocuments.industryIds })
    .from(table as PgTable)
    .innerJoin(searchDocuments, searchDocOf(type, table.id))
    .where(where)
    .orderBy(...order)
    .limit(page.pageSize)
    .offset(skipOnDocs ? 0 : offset);
  type Row = T['$inferSelect'] & { [K in keyof X]: X[K] extends SQL<infer V> ? V : unknown } & { [LISTED_INDUSTRIES]: string[] };
  // the same page asked for by several users at once (same scope, same filters): read once
  const rows = (await readShared(ex, query, async () => (await query) as Row[])) as readonly Row[];
  if (rows.length < page.pageSize && (rows.length > 0 || page.page === 1)) return { rows, total: offset + rows.length, totalEstimated: false };
  const matches = opts.docCount
    ? ex.select({ id: searchDocuments.entityId }).from(searchDocuments).where(and(eq(searchDocuments.entityType, type), opts.keyword, opts.docCount.cond))
    : ex.select({ id: table.id }).from(table as PgTable).innerJoin(searchDocuments, searchDocOf(type, table.id)).where(cond);
  const key = `${directoryVersion()}|${type}|${statementKey(matches)}`;
  const total = await totals.get(
    key,
    () => pageTotal(ex, fewMatchesFirst ?? matches, { page: 1, pageSize: 1, rows: 1 }),
    (t) => (t.totalEstimated ? ESTIMATED_TOTAL_TTL_MS : EXACT_TOTAL_TTL_MS),
  );
  return { rows, ...total };
}
