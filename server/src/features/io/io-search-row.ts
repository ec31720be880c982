import { tsvectorLiteral } from '../search/search-index-tsvector';
import { searchRow, type SearchDoc } from '../search/search-row';

/** a search row and, where its tokens allow it, its tsvector as a literal (see search-index-tsvector.ts) */
export type SearchRowData = ReturnType<typeof searchRow> & { tsv?: string | null };

/**
 * The row the import writes, built where the search rows are built (a worker thread for big files). This
 * module and what it imports are all a worker loads: the text libraries, not the ORM or the schema.
 */
export function importSearchRow(doc: SearchDoc): SearchRowData {
  const row = searchRow(doc);
  return { ...row, tsv: tsvectorLiteral(row.tokens) };
}
