import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { organizations } from './directory';

export const enterpriseRegistrationStatuses = ['pending', 'approved', 'rejected'] as const;

/**
 * An enterprise's own registration (issue 6): it names its unified social credit code, which finds its
 * organisation in the directory; a coordinator who may change that organisation (its district)
 * approves it — the account is then made and linked through account_links — or rejects it with a reason.
 * The password is kept only as its hash, and only until the decision.
 */
export const enterpriseRegistrations = pgTable(
  'enterprise_registrations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    uscc: text('uscc').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    districtCode: text('district_code'),
    contactName: text('contact_name').notNull(),
    phone: text('phone').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    status: text('status', { enum: enterpriseRegistrationStatuses }).notNull().default('pending'),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enterprise_registrations_status_idx').on(t.status, t.districtCode, t.createdAt),
    // one open registration per username
    uniqueIndex('enterprise_registrations_pending_username_uq').on(t.username).where(sql`${t.status} = 'pending'`),
  ],
);
