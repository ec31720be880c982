import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const reportStatuses = ['draft', 'confirmed'] as const;
/** the kinds of record a report can be the source of */
export const reportSourceEntities = ['event', 'organization', 'person', 'agreement', 'figure'] as const;

/**
 * A press report as it came (its bytes), as cleaned, and as extracted (the labels schema JSON). Its
 * district (the extraction's, else the coordinator's) decides who reads it (lib/visibility.ts).
 * Confirming it once creates the records it reports; event_id points at the event it became.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    fileName: text('file_name'),
    original: bytea('original').notNull(),
    encoding: text('encoding'),
    text: text('text').notNull(),
    title: text('title'),
    extraction: jsonb('extraction').notNull(),
    status: text('status', { enum: reportStatuses }).notNull().default('draft'),
    districtCode: text('district_code'),
    eventId: uuid('event_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [index('reports_created_idx').on(t.createdAt, t.id), index('reports_district_idx').on(t.districtCode)],
);

/** Where a record came from: the report, and the words of it ([start, end) of its cleaned text). */
export const reportSources = pgTable(
  'report_sources',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    entityType: text('entity_type', { enum: reportSourceEntities }).notNull(),
    entityId: uuid('entity_id').notNull(),
    /** created: the record was made from the report; linked: an existing record the report mentions */
    relation: text('relation', { enum: ['created', 'linked'] }).notNull(),
    quote: text('quote'),
    spanStart: integer('span_start'),
    spanEnd: integer('span_end'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_sources_entity_idx').on(t.entityType, t.entityId),
    uniqueIndex('report_sources_unique').on(t.reportId, t.entityType, t.entityId),
  ],
);
