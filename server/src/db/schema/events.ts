import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  agreementKinds,
  agreementReviews,
  eventKinds,
  eventPersonRoles,
  eventStatuses,
  figureQualifiers,
  hostRoles,
  registrationStatuses,
  venueRoles,
} from '../../../../common/schemas/events';
import { networks, organizations, people, places } from './directory';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * An event: starts/ends are instants (timestamptz), shown in Asia/Shanghai. Its district decides who
 * keeps it (lib/visibility.ts); its venues' districts and its network make it readable further.
 * A series is the id of its first occurrence (series_id = id there); sequence numbers it.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    title: text('title').notNull(),
    kind: text('kind', { enum: eventKinds }).notNull(),
    description: text('description'),
    /** null only for a record of an event whose date its source does not give (see note) */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    status: text('status', { enum: eventStatuses }).notNull().default('draft'),
    districtCode: text('district_code'),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'set null' }),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    seriesId: uuid('series_id'),
    seriesName: text('series_name'),
    sequence: integer('sequence'),
    seriesTotal: integer('series_total'),
    /** FREQ=YEARLY;BYMONTH=9: "every September" */
    recurrence: text('recurrence'),
    note: text('note'),
    demoKey: text('demo_key'),
    ...timestamps,
  },
  (t) => [
    index('events_starts_idx').on(t.startsAt, t.id),
    index('events_district_idx').on(t.districtCode),
    index('events_series_idx').on(t.seriesId, t.sequence),
    uniqueIndex('events_series_seq_uq').on(t.seriesId, t.sequence).where(sql`${t.seriesId} is not null`),
    uniqueIndex('events_demo_key_uq').on(t.demoKey).where(sql`${t.demoKey} is not null`),
  ],
);

export const eventHosts = pgTable(
  'event_hosts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** the name as written (kept when the organisation is unknown or hidden) */
    name: text('name').notNull(),
    role: text('role', { enum: hostRoles }).notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('event_hosts_event_idx').on(t.eventId), index('event_hosts_org_idx').on(t.organizationId)],
);

/**
 * A venue of an event. `taken` counts the seats held (registered, pending, approved, checked in): a
 * registration takes a seat with one conditional UPDATE (taken < capacity), so two registrations
 * racing for the last seat cannot both get it, on PostgreSQL or PGlite.
 */
export const eventVenues = pgTable(
  'event_venues',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    role: text('role', { enum: venueRoles }).notNull(),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    districtCode: text('district_code'),
    capacity: integer('capacity'),
    taken: integer('taken').notNull().default(0),
    /** the code of the venue's own QR poster (the attendee scans it and gives their code) */
    checkinCode: text('checkin_code').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    index('event_venues_event_idx').on(t.eventId),
    index('event_venues_district_idx').on(t.districtCode, t.eventId),
    uniqueIndex('event_venues_main_uq').on(t.eventId).where(sql`${t.role} = 'main'`),
    uniqueIndex('event_venues_checkin_code_uq').on(t.checkinCode),
    check('event_venues_capacity_ck', sql`${t.capacity} is null or ${t.taken} <= ${t.capacity}`),
    check('event_venues_taken_ck', sql`${t.taken} >= 0`),
  ],
);

export const eventTopicGroups = pgTable(
  'event_topic_groups',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    industryIds: uuid('industry_ids').array().notNull().default(sql`'{}'::uuid[]`),
    note: text('note'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('event_topic_groups_event_idx').on(t.eventId)],
);
export const eventGroupExperts = pgTable(
  'event_group_experts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    groupId: uuid('group_id').notNull().references(() => eventTopicGroups.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('event_group_experts_uq').on(t.groupId, t.personId)],
);
/** each group has its own list of service points */
export const eventGroupPoints = pgTable(
  'event_group_points',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    groupId: uuid('group_id').notNull().references(() => eventTopicGroups.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('event_group_points_group_idx').on(t.groupId)],
);

export const eventPeople = pgTable(
  'event_people',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    role: text('role', { enum: eventPersonRoles }).notNull(),
    topic: text('topic'),
    appointedTo: text('appointed_to'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('event_people_event_idx').on(t.eventId), index('event_people_person_idx').on(t.personId)],
);

/**
 * A registration, or a walk-in. `code` is the personal code of the QR confirmation. A check-in is one
 * conditional UPDATE (status in registered/approved → checked_in), so a code checks in once.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id').notNull().references(() => eventVenues.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    organization: text('organization'),
    phone: text('phone'),
    role: text('role'),
    status: text('status', { enum: registrationStatuses }).notNull(),
    code: text('code').notNull(),
    walkIn: boolean('walk_in').notNull().default(false),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_registrations_code_uq').on(t.code),
    // one live registration per phone and venue
    uniqueIndex('event_registrations_phone_uq').on(t.venueId, t.phone).where(sql`${t.phone} is not null and ${t.status} <> 'cancelled'`),
    index('event_registrations_venue_status_idx').on(t.venueId, t.status, t.createdAt),
    index('event_registrations_event_idx').on(t.eventId, t.createdAt),
    check('event_registrations_checkin_ck', sql`(${t.status} = 'checked_in') = (${t.checkedInAt} is not null)`),
  ],
);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: agreementKinds }).notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    termYears: integer('term_years'),
    description: text('description'),
    districtCode: text('district_code'),
    review: text('review', { enum: agreementReviews }).notNull().default('not_started'),
    /** six months after signing */
    reviewDueOn: date('review_due_on', { mode: 'string' }),
    note: text('note'),
    demoKey: text('demo_key'),
    ...timestamps,
  },
  (t) => [index('agreements_event_idx').on(t.eventId), uniqueIndex('agreements_demo_key_uq').on(t.demoKey).where(sql`${t.demoKey} is not null`)],
);
export const agreementParties = pgTable(
  'agreement_parties',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    role: text('role'),
    signatory: text('signatory'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('agreement_parties_agreement_idx').on(t.agreementId)],
);
export const agreementCommitments = pgTable(
  'agreement_commitments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    owner: text('owner'),
    dueOn: date('due_on', { mode: 'string' }),
    progress: integer('progress').notNull().default(0),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('agreement_commitments_agreement_idx').on(t.agreementId), index('agreement_commitments_due_idx').on(t.dueOn)],
);

/**
 * What an article or an organiser claims ("200余场"). Never added into statistics: shown beside the
 * figure counted from the records.
 */
export const reportedFigures = pgTable(
  'reported_figures',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id').references(() => agreements.id, { onDelete: 'cascade' }),
    /** network, place, organisation, industry, district, city … when neither an event nor an agreement */
    scopeType: text('scope_type'),
    scopeRef: text('scope_ref'),
    label: text('label').notNull(),
    value: doublePrecision('value').notNull(),
    qualifier: text('qualifier', { enum: figureQualifiers }).notNull(),
    unit: text('unit').notNull(),
    counts: text('counts'),
    period: text('period'),
    quote: text('quote'),
    source: text('source'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reported_figures_event_idx').on(t.eventId), index('reported_figures_agreement_idx').on(t.agreementId)],
);
