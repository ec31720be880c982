import { and, eq, sql } from 'drizzle-orm';
import type { SearchEntityType } from '../../../../common/domain';
import type { Executor } from '../../db/client';
import { searchDocuments } from '../../db/schema';

import { searchRow, type SearchDoc } from './search-row';

export { namePinyinKeys, searchBody, searchRow, type SearchDoc } from './search-row';

let version = 0;
/**
 * Bumped whenever this process writes a search document, i.e. changes the directory: caches of
 * derived figures (home-page counts, industry counts) put it in their keys, so this process's own
 * writes show at once; other processes' writes show when the cache's short TTL runs out.
 */
export const directoryVersion = () => version;

/** Insert or replace the search documents of records; call it in the transaction that wrote them. */
export async function upsertSearchDocuments(ex: Executor, docs: SearchDoc[]): Promise<void> {
  if (!docs.length) return;
  version++;
  const rows = docs.map(searchRow).map((r) => ({ ...r, tokens: sql`to_tsvector('simple', ${r.tokens})` as unknown as string }));
  await ex
    .insert(searchDocuments)
    .values(rows)
    .onConflictDoUpdate({
      target: [searchDocuments.entityType, searchDocuments.entityId],
      set: {
        title: sql`excluded.title`,
        subtitle: sql`excluded.subtitle`,
        body: sql`excluded.body`,
        districtCode: sql`excluded.district_code`,
        kind: sql`excluded.kind`,
        industryIds: sql`excluded.industry_ids`,
        tokens: sql`excluded.tokens`,
        titleNorm: sql`excluded.title_norm`,
        pinyinFull: sql`excluded.pinyin_full`,
        pinyinInitials: sql`excluded.pinyin_initials`,
        boost: sql`excluded.boost`,
      },
    });
}

export async function deleteSearchDocument(ex: Executor, entityType: SearchEntityType, entityId: string) {
  version++;
  await ex.delete(searchDocuments).where(and(eq(searchDocuments.entityType, entityType), eq(searchDocuments.entityId, entityId)));
}
