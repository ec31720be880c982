import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { agreements, events } from './events';
import { needs } from './needs';

/**
 * The agenda of a problem-docking meeting (问题对接会): one item per open need brought to it, with the
 * answer given, who owns the next step and its deadline, and the workflow step it moved the need by.
 */
export const eventAgendaItems = pgTable(
  'event_agenda_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    answer: text('answer').notNull(),
    owner: text('owner').notNull(),
    nextDeadline: date('next_deadline', { mode: 'string' }),
    /** the need's workflow step taken at the meeting (accept, resolve …), null when it stayed where it was */
    step: text('step'),
    sort: integer('sort').notNull().default(0),
    /** who recorded the item: reminded with the district's coordinators when the next deadline comes */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_agenda_items_event_idx').on(t.eventId), index('event_agenda_items_need_idx').on(t.needId)],
);

/** What a work-release meeting (工作发布会) published: title, body, attachments (links), and the plan released, if one. */
export const eventReleases = pgTable(
  'event_releases',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    attachments: jsonb('attachments').$type<{ name: string; url: string }[]>().notNull().default([]),
    /** a plan or strategy (an agreement of kind plan) published by the release */
    planId: uuid('plan_id').references(() => agreements.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_releases_event_idx').on(t.eventId)],
);
