import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * The bad rows of an import as they were in the file, with their problems, under a random token: any
 * app process serves them, a restart keeps them, and they expire (purged when one is stored or read).
 */
export const importErrorReports = pgTable(
  'import_error_reports',
  {
    token: text('token').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    header: jsonb('header').$type<string[]>().notNull(),
    rows: jsonb('rows').$type<{ row: number; cells: string[]; messages: string[] }[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('import_error_reports_expires_idx').on(t.expiresAt)],
);
