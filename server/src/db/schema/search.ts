import { sql } from 'drizzle-orm';
import { customType, index, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { searchEntityTypes } from '../../../../common/domain';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per searchable record (organisation, person, network, place), kept in the same
 * transaction as the record. `tokens` holds jieba terms (see lib/text/segment.ts) as a 'simple'
 * tsvector; `pinyinFull`/`pinyinInitials` make names findable as zhangfeng / zf.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    entityType: text('entity_type', { enum: searchEntityTypes }).notNull(),
    entityId: uuid('entity_id').notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    /** the searchable text (name, aliases, titles, keywords…), shown for highlights */
    body: text('body').notNull().default(''),
    districtCode: text('district_code'),
    /** the record's kind (organisation, network or place kind; null for people): list filter with the name order */
    kind: text('kind'),
    industryIds: uuid('industry_ids').array().notNull().default(sql`'{}'::uuid[]`),
    tokens: tsvector('tokens').notNull(),
    /** normalized title: exact and prefix matches rank first */
    titleNorm: text('title_norm').notNull(),
    pinyinFull: text('pinyin_full').notNull().default(''),
    pinyinInitials: text('pinyin_initials').notNull().default(''),
    boost: real('boost').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.entityType, t.entityId] }),
    index('search_documents_tokens_idx').using('gin', t.tokens),
    index('search_documents_pinyin_full_idx').using('btree', sql`${t.pinyinFull} text_pattern_ops`),
    index('search_documents_pinyin_initials_idx').using('btree', sql`${t.pinyinInitials} text_pattern_ops`),
    index('search_documents_title_norm_idx').using('btree', sql`${t.titleNorm} text_pattern_ops`),
    index('search_documents_district_idx').on(t.districtCode),
    // the list pages' name and district orders (pinyin), read in index order: see search/list-query.ts
    index('search_documents_list_name_idx').on(t.entityType, t.pinyinFull, t.entityId),
    index('search_documents_list_district_idx').on(t.entityType, t.districtCode, t.pinyinFull, t.entityId),
    index('search_documents_list_kind_idx').on(t.entityType, t.kind, t.pinyinFull, t.entityId),
    index('search_documents_industries_idx').using('gin', t.industryIds),
    // the people list's keyword: people are a tenth of the documents, and a pinyin prefix (zf:*) in the
    // whole index matches ~15,000 documents at 1M before the type is checked (list-query.ts)
    index('search_documents_person_tokens_idx').using('gin', t.tokens).where(sql`${t.entityType} = 'person'`),
  ],
);
