import { and, eq, sql } from 'drizzle-orm';
import type { SearchEntityType } from '../../../../common/domain';
import type { Executor } from '../../db/client';
import { searchDocuments } from '../../db/schema';
import { normalizeText, namePinyin, searchTokens, toTsvectorText } from '../../lib/text';

/** What a feature tells the search index about one of its records. */
export interface SearchDoc {
  entityType: SearchEntityType;
  entityId: string;
  /** the name: ranked first, matched by pinyin and initials */
  title: string;
  subtitle?: string | null;
  /** other searchable texts: aliases, former names, titles, keywords, address … */
  texts?: (string | null | undefined)[];
  districtCode: string | null;
  industryIds?: string[];
  boost?: number;
}

export function searchRow(d: SearchDoc) {
  const body = [d.title, ...(d.texts ?? [])].filter((t): t is string => !!t && t.trim() !== '').join(' ');
  const { full, initials } = namePinyin(d.title);
  return {
    entityType: d.entityType,
    entityId: d.entityId,
    title: d.title,
    subtitle: d.subtitle ?? null,
    body,
    districtCode: d.districtCode,
    industryIds: d.industryIds ?? [],
    tokens: toTsvectorText(searchTokens(body)),
    titleNorm: normalizeText(d.title).toLowerCase(),
    pinyinFull: full,
    pinyinInitials: initials,
    boost: d.boost ?? 0,
  };
}

/** Insert or replace the search documents of records; call it in the transaction that wrote them. */
export async function upsertSearchDocuments(ex: Executor, docs: SearchDoc[]): Promise<void> {
  if (!docs.length) return;
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
  await ex.delete(searchDocuments).where(and(eq(searchDocuments.entityType, entityType), eq(searchDocuments.entityId, entityId)));
}
