import { tsvectorLiteral, unplainWords } from '../search/search-index-tsvector';
import { searchRow, type SearchDoc } from '../search/search-row';

/**
 * A search row and, where its tokens allow it, its tsvector as a literal (see search-index-tsvector.ts); where
 * they do not, the words the database is to parse one by one for it (see composeTsvectorLiteral).
 */
export type SearchRowData = ReturnType<typeof searchRow> & { tsv?: string | null; tsvWords?: string[] | null };

/**
 * The row the import writes, built where the search rows are built (a worker thread for big files). This
 * module and what it imports are all a worker loads: the text libraries, not the ORM or the schema.
 */
export function importSearchRow(doc: SearchDoc): SearchRowData {
  const row = searchRow(doc);
  const tsv = tsvectorLiteral(row.tokens);
  return tsv === null ? { ...row, tsv, tsvWords: unplainWords(row.tokens) } : { ...row, tsv };
}
