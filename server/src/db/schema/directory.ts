import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizationKinds } from '../../../../common/domain';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    districtCode: text('district_code'),
    uscc: text('uscc'),
    /** stable key of a record loaded from the demo dataset (demo/*.json) */
    demoKey: text('demo_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_uscc_uq').on(t.uscc).where(sql`${t.uscc} is not null`),
    uniqueIndex('organizations_demo_key_uq').on(t.demoKey).where(sql`${t.demoKey} is not null`),
    index('organizations_district_idx').on(t.districtCode),
    index('organizations_name_idx').on(t.name),
  ],
);
