import { tsvectorEntries, tsvectorLiteral, unplainWords } from '../search/search-index-tsvector';
import { searchRow, type SearchDoc } from '../search/search-row';
import { binaryTuple, TupleArena } from './io-copy-binary';

/**
 * A search row and, where its tokens allow it, its tsvector as a literal (see search-index-tsvector.ts) or, for the
 * embedded database, the whole row as a binary COPY tuple (`bin`, see io-copy-binary.ts); where they do not, the words
 * the database is to parse one by one for it (see composeTsvectorLiteral).
 */
export type SearchRowText = ReturnType<typeof searchRow> & { tsv?: string | null; tsvWords?: string[] | null };
/** a document as one binary COPY tuple, with only what the importer still reads of it (less to post and keep) */
export interface SearchRowBinary {
  entityId: string;
  bin: Uint8Array;
}
export type SearchRowData = SearchRowText | SearchRowBinary;
export const isBinaryRow = (r: SearchRowData): r is SearchRowBinary => 'bin' in r;

/** search_documents' columns in the order of a binary tuple */
export const SEARCH_COLUMNS = [
  'entity_type', 'entity_id', 'title', 'subtitle', 'body', 'district_code', 'kind', 'industry_ids', 'tokens',
  'title_norm', 'pinyin_full', 'pinyin_initials', 'boost',
] as const;

/**
 * The row the import writes, built where the search rows are built (a worker thread for big files). This
 * module and what it imports are all a worker loads: the text libraries, not the ORM or the schema.
 * `binary`: for a COPY in binary format (the embedded database), the tuple in `arena`'s memory if given.
 */
export function importSearchRow(doc: SearchDoc, opts: { binary?: boolean; arena?: TupleArena } = {}): SearchRowData {
  const row = searchRow(doc);
  if (opts.binary) {
    const entries = tsvectorEntries(row.tokens);
    if (entries) {
      const bin = binaryTuple([
        { text: row.entityType }, { uuid: row.entityId }, { text: row.title }, { text: row.subtitle }, { text: row.body },
        { text: row.districtCode }, { text: row.kind }, { uuids: row.industryIds }, { tsvector: entries },
        { text: row.titleNorm }, { text: row.pinyinFull }, { text: row.pinyinInitials }, { float4: row.boost },
      ], opts.arena);
      return { entityId: row.entityId, bin };
    }
  }
  const tsv = tsvectorLiteral(row.tokens);
  return tsv === null ? { ...row, tsv, tsvWords: unplainWords(row.tokens) } : { ...row, tsv };
}

/** The rows of a chunk of documents, built on this thread (the binary tuples of the chunk in one arena). */
export function importSearchRows(docs: readonly SearchDoc[], binary: boolean): SearchRowData[] {
  const arena = new TupleArena();
  return docs.map((d) => importSearchRow(d, { binary, arena }));
}
