import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assignmentStatuses, needCategories, needStatuses, needUrgencies, serviceKinds } from '../../../../common/need-workflow';
import { users } from './accounts';
import { organizations, people } from './directory';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * What an enterprise or expert account stands for: an enterprise user belongs to one organisation,
 * an expert user is one person of the directory. The needs visibility rule reads it (lib/visibility.ts).
 */
export const accountLinks = pgTable('account_links', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
});

/** 诉求: what an enterprise asks for, carried through the workflow in common/need-workflow.ts. */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    category: text('category', { enum: needCategories }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    industryIds: uuid('industry_ids').array().notNull().default(sql`'{}'::uuid[]`),
    districtCode: text('district_code'),
    urgency: text('urgency', { enum: needUrgencies }).notNull().default('normal'),
    wantedBy: date('wanted_by', { mode: 'string' }),
    status: text('status', { enum: needStatuses }).notNull().default('submitted'),
    /** the deadlines fixed at submission from the category's preset over the working-day calendar */
    respondBy: date('respond_by', { mode: 'string' }),
    resolveBy: date('resolve_by', { mode: 'string' }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    /** illustrative demo record (the articles name no single need) */
    demo: boolean('demo').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('needs_org_idx').on(t.organizationId, t.status),
    index('needs_district_idx').on(t.districtCode, t.status),
    index('needs_status_idx').on(t.status, t.createdAt),
  ],
);

/** The need's timeline: every step, who took it, when, from which status to which, with a note. */
export const needTimeline = pgTable(
  'need_timeline',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
  },
  (t) => [index('need_timeline_need_idx').on(t.needId, t.at)],
);

/** Who was assigned to serve a need: a person (expert) or an organisation, and their answer. */
export const needAssignments = pgTable(
  'need_assignments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: assignmentStatuses }).notNull().default('proposed'),
    reason: text('reason'),
    /** the score and its parts when assigned from the ranked list */
    score: real('score'),
    assignedBy: uuid('assigned_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('need_assignments_need_idx').on(t.needId), index('need_assignments_person_idx').on(t.personId, t.status)],
);

/** 服务记录: who served whom, when, how; the source of every later statistic. */
export const serviceRecords = pgTable(
  'service_records',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    needId: uuid('need_id').references(() => needs.id, { onDelete: 'set null' }),
    /** the organisation served */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    providerPersonIds: uuid('provider_person_ids').array().notNull().default(sql`'{}'::uuid[]`),
    providerOrganizationIds: uuid('provider_organization_ids').array().notNull().default(sql`'{}'::uuid[]`),
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: serviceKinds }).notNull(),
    hours: real('hours'),
    peopleServed: integer('people_served').notNull().default(0),
    outcome: text('outcome').notNull().default(''),
    districtCode: text('district_code'),
    demo: boolean('demo').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_records_need_idx').on(t.needId), index('service_records_org_idx').on(t.organizationId)],
);

/** Attachments live in the database so that every app process sees them; type checked by content. */
export const needAttachments = pgTable(
  'need_attachments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** the type found from the content's magic bytes */
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('need_attachments_need_idx').on(t.needId)],
);

/**
 * Exceptions to the Monday–Friday week: public holidays (working = false) and 调休 make-up working
 * days on a weekend (working = true). Editable by an admin, importable from CSV.
 */
export const workCalendar = pgTable('work_calendar', {
  day: date('day', { mode: 'string' }).primaryKey(),
  working: boolean('working').notNull(),
  name: text('name').notNull().default(''),
});

/** Per-category deadline presets, in working days. */
export const needDeadlinePresets = pgTable('need_deadline_presets', {
  category: text('category', { enum: needCategories }).primaryKey(),
  respondDays: integer('respond_days').notNull(),
  resolveDays: integer('resolve_days').notNull(),
});

/** Matching weights; every change is a new version, the newest applies. */
export const matchWeightVersions = pgTable('match_weight_versions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  weights: jsonb('weights').$type<Record<string, number>>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Durable jobs (lib/jobs.ts): claimed with FOR UPDATE SKIP LOCKED under a lease, finished in the
 * same transaction as their effect, so several app processes never run one twice and a restart loses none.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** enqueueing the same key twice is a no-op (a reminder per need and deadline) */
    dedupeKey: text('dedupe_key'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('jobs_dedupe_idx').on(t.dedupeKey),
    index('jobs_due_idx').on(t.runAt).where(sql`done_at is null and failed_at is null`),
  ],
);

/** The in-app inbox: one row per user and item (due today, assigned to me, escalated …). */
export const inboxItems = pgTable(
  'inbox_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['due', 'assigned', 'escalated', 'status'] }).notNull(),
    needId: uuid('need_id').references(() => needs.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    /** one item per user and key (the job that wrote it), so a reminder lands once */
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inbox_items_user_idx').on(t.userId, t.createdAt), uniqueIndex('inbox_items_dedupe_idx').on(t.userId, t.dedupeKey)],
);
