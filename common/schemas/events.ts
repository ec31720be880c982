import { z } from 'zod';
import { isShanghaiDistrictCode } from '../validators';
import { pageQuery } from './common';
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
} from '../events-vocabulary';

export * from '../events-vocabulary';


/** a yearly recurrence in one month ("every September"), or a numbered series */
export const recurrenceRule = z.string().regex(/^FREQ=YEARLY;BYMONTH=(?:[1-9]|1[0-2])$/, { message: '重复规则应为 FREQ=YEARLY;BYMONTH=月份 / recurrence must be FREQ=YEARLY;BYMONTH=n' });

const districtCode = z.string().refine(isShanghaiDistrictCode, { message: '不是上海市的区级行政区划代码 (GB/T 2260) / not a Shanghai district code' });
const req = (zh: string, en: string) => z.string().trim().min(1, { message: `请填写${zh} / ${en} is required` });
/**
 * A moment as typed: an ISO instant with an offset, or "YYYY-MM-DDTHH:mm" read as Shanghai time (UTC+8).
 */
export const shanghaiInstant = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, { message: '时间格式应为 YYYY-MM-DDTHH:mm（上海时间）/ time must be YYYY-MM-DDTHH:mm (Shanghai)' })
  .transform((v) => new Date(/(?:Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}+08:00`).toISOString())
  .refine((v) => !Number.isNaN(Date.parse(v)), { message: '不是有效的时间 / not a valid time' });

export const hostInput = z.object({
  organizationId: z.uuid().nullable().optional(),
  name: req('主办单位名称', 'host name').max(200),
  role: z.enum(hostRoles),
});
export const venueInput = z.object({
  role: z.enum(venueRoles),
  placeId: z.uuid().nullable().optional(),
  name: req('会场名称', 'venue name').max(200),
  districtCode: districtCode.nullable().optional(),
  capacity: z.number().int().min(1, { message: '容量至少为 1 / capacity must be at least 1' }).max(100000).nullable().optional(),
});
export const topicGroupInput = z.object({
  topic: req('专题', 'topic').max(200),
  industryIds: z.array(z.uuid()).max(20).default([]),
  expertIds: z.array(z.uuid()).max(200).default([]),
  /** the service points this group visits: a place, or a name */
  points: z.array(z.object({ placeId: z.uuid().nullable().optional(), name: req('服务点名称', 'service point name').max(200) })).max(100).default([]),
  note: z.string().trim().max(1000).nullable().optional(),
});
export const eventPersonInput = z.object({
  personId: z.uuid().nullable().optional(),
  name: req('姓名', 'name').max(100),
  role: z.enum(eventPersonRoles),
  /** the topic of a 建言 speaker or a speaker */
  topic: z.string().trim().max(300).nullable().optional(),
  /** what an appointed person was appointed to */
  appointedTo: z.string().trim().max(300).nullable().optional(),
});
export const partyInput = z.object({
  organizationId: z.uuid().nullable().optional(),
  name: req('签约方', 'party').max(200),
  role: z.string().trim().max(100).nullable().optional(),
  signatory: z.string().trim().max(100).nullable().optional(),
});
export const commitmentInput = z.object({
  text: req('承诺内容', 'commitment').max(1000),
  owner: z.string().trim().max(200).nullable().optional(),
  dueOn: z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' }).nullable().optional(),
  progress: z.number().int().min(0).max(100).default(0),
});
export const agreementInput = z.object({
  title: req('协议名称', 'title').max(300),
  kind: z.enum(agreementKinds),
  signedOn: z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' }).nullable().optional(),
  termYears: z.number().int().min(1).max(50).nullable().optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  parties: z.array(partyInput).max(50).default([]),
  commitments: z.array(commitmentInput).max(200).default([]),
  note: z.string().trim().max(1000).nullable().optional(),
});
export const figureInput = z.object({
  label: req('名称', 'label').max(200),
  value: z.number().nonnegative(),
  qualifier: z.enum(figureQualifiers),
  unit: z.string().trim().max(20),
  /** what it counts, in terms of records: registrations, checked_in, agreements, … or free text */
  counts: z.string().trim().max(100).nullable().optional(),
  period: z.string().trim().max(100).nullable().optional(),
  quote: z.string().trim().max(2000).nullable().optional(),
  source: z.string().trim().max(200).nullable().optional(),
});

const eventFields = z.object({
  title: req('活动名称', 'title').max(300),
  kind: z.enum(eventKinds),
  description: z.string().trim().max(10000).nullable().optional(),
  startsAt: shanghaiInstant,
  endsAt: shanghaiInstant.nullable().optional(),
  status: z.enum(eventStatuses).default('draft'),
  districtCode: districtCode.nullable().optional(),
  networkId: z.uuid().nullable().optional(),
  requiresApproval: z.boolean().default(false),
  seriesName: z.string().trim().max(300).nullable().optional(),
  seriesTotal: z.number().int().min(1).max(100).nullable().optional(),
  recurrence: recurrenceRule.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});

const timeOrder = (b: { startsAt?: string; endsAt?: string | null }, ctx: z.RefinementCtx) => {
  if (b.startsAt && b.endsAt && b.endsAt < b.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间不能早于开始时间 / the end is before the start' });
};
const oneMain = (b: { venues?: { role: string }[] }, ctx: z.RefinementCtx) => {
  if (b.venues && b.venues.filter((v) => v.role === 'main').length > 1)
    ctx.addIssue({ code: 'custom', path: ['venues'], message: '只能有一个主会场 / only one main venue' });
};

/** A whole event in one go (the editor, the ingestion of press reports, the demo data). */
export const createEventBody = eventFields
  .extend({
    hosts: z.array(hostInput).max(50).default([]),
    venues: z.array(venueInput).max(100).default([]),
    groups: z.array(topicGroupInput).max(50).default([]),
    people: z.array(eventPersonInput).max(500).default([]),
    agreements: z.array(agreementInput).max(50).default([]),
    figures: z.array(figureInput).max(100).default([]),
  })
  .superRefine(timeOrder)
  .superRefine(oneMain);
export type CreateEventInput = z.input<typeof createEventBody>;
export const updateEventBody = eventFields.partial().superRefine(timeOrder);

export const eventListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(eventKinds).optional(),
  status: z.enum(eventStatuses).optional(),
  districtCode: z.string().max(6).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(['starts_asc', 'starts_desc']).default('starts_desc'),
});

export const venueSchema = z.object({
  id: z.string(),
  role: z.enum(venueRoles),
  placeId: z.string().nullable(),
  name: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  capacity: z.number().nullable(),
  taken: z.number(),
  waitlisted: z.number(),
  checkedIn: z.number(),
  checkinCode: z.string().optional(),
});
export const eventSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(eventKinds),
  status: z.enum(eventStatuses),
  /** null when the source gives no date (demo records; see note) */
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  seriesName: z.string().nullable(),
  sequence: z.number().nullable(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const agreementSchema = z.object({
  id: z.string(),
  eventId: z.string().nullable(),
  title: z.string(),
  kind: z.enum(agreementKinds),
  signedOn: z.string().nullable(),
  termYears: z.number().nullable(),
  description: z.string().nullable(),
  review: z.enum(agreementReviews),
  reviewDueOn: z.string().nullable(),
  note: z.string().nullable(),
  parties: z.array(z.object({ organizationId: z.string().nullable(), name: z.string(), role: z.string().nullable(), signatory: z.string().nullable() })),
  commitments: z.array(z.object({ id: z.string(), text: z.string(), owner: z.string().nullable(), dueOn: z.string().nullable(), progress: z.number() })),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const figureSchema = figureInput.extend({
  id: z.string(),
  label: z.string(),
  unit: z.string(),
  counts: z.string().nullable(),
  period: z.string().nullable(),
  quote: z.string().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  /** the same thing counted from the records, when the figure counts something Tongxin records */
  recorded: z.number().nullable(),
});

export const outcomesSchema = z.object({
  registered: z.number(),
  waitlisted: z.number(),
  checkedIn: z.number(),
  walkIns: z.number(),
  agreements: z.number(),
  /** what the event's work-release meeting published (event_releases) */
  releases: z.number(),
  /** needs a problem-docking meeting took onto its agenda, and of those the resolved ones (resolved or confirmed now) */
  needsRaised: z.number(),
  needsResolved: z.number(),
  perVenue: z.array(z.object({ venueId: z.string(), name: z.string(), checkedIn: z.number() })),
});

/** A release published at a work-release meeting, as the event's page, its public page and its report show it. */
export const eventReleaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  attachments: z.array(z.object({ name: z.string(), url: z.string() })),
  planTitle: z.string().nullable(),
  createdAt: z.string(),
});
export type EventRelease = z.infer<typeof eventReleaseSchema>;

export const eventDetailSchema = eventSummarySchema.extend({
  description: z.string().nullable(),
  networkId: z.string().nullable(),
  requiresApproval: z.boolean(),
  seriesId: z.string().nullable(),
  seriesTotal: z.number().nullable(),
  recurrence: z.string().nullable(),
  note: z.string().nullable(),
  canChange: z.boolean(),
  hosts: z.array(z.object({ organizationId: z.string().nullable(), name: z.string(), role: z.enum(hostRoles) })),
  venues: z.array(venueSchema),
  groups: z.array(
    z.object({
      id: z.string(),
      topic: z.string(),
      industryIds: z.array(z.string()),
      note: z.string().nullable(),
      experts: z.array(z.object({ personId: z.string(), name: z.string() })),
      points: z.array(z.object({ placeId: z.string().nullable(), name: z.string() })),
    }),
  ),
  people: z.array(z.object({ personId: z.string().nullable(), name: z.string(), role: z.enum(eventPersonRoles), topic: z.string().nullable(), appointedTo: z.string().nullable() })),
  agreements: z.array(agreementSchema),
  figures: z.array(figureSchema),
  outcomes: outcomesSchema,
  releases: z.array(eventReleaseSchema),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

/** What the public sees of a published event: no people's contact data, no internal notes. */
export const publicEventSchema = eventSummarySchema.extend({
  description: z.string().nullable(),
  requiresApproval: z.boolean(),
  hosts: z.array(z.object({ name: z.string(), role: z.enum(hostRoles) })),
  venues: z.array(venueSchema.pick({ id: true, role: true, name: true, districtName: true, capacity: true, taken: true })),
  /** what a work-release meeting published: published content only (web links only among the attachments) */
  releases: z.array(eventReleaseSchema),
});
export type PublicEvent = z.infer<typeof publicEventSchema>;

const phone = z
  .string()
  .trim()
  .regex(/^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: '请填写有效的手机号或固定电话 / enter a valid phone number' });

export const registerBody = z.object({
  venueId: z.uuid({ message: '请选择会场 / choose a venue' }),
  name: req('姓名', 'name').max(100),
  organization: z.string().trim().max(200).nullable().optional(),
  phone,
  role: z.string().trim().max(100).nullable().optional(),
});
export const walkInBody = registerBody.extend({ phone: phone.nullable().optional() });

export const registrationSchema = z.object({
  id: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  name: z.string(),
  organization: z.string().nullable(),
  /** masked (138****1234) */
  phone: z.string().nullable(),
  role: z.string().nullable(),
  status: z.enum(registrationStatuses),
  walkIn: z.boolean(),
  createdAt: z.string(),
  checkedInAt: z.string().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;

/** The confirmation the registrant sees once: their personal code and its QR code. */
export const confirmationSchema = z.object({
  code: z.string(),
  status: z.enum(registrationStatuses),
  venueName: z.string(),
  eventTitle: z.string(),
  startsAt: z.string().nullable(),
  /** position on the waiting list (1 = next) */
  waitlistPosition: z.number().nullable(),
  qrSvg: z.string(),
});
export type Confirmation = z.infer<typeof confirmationSchema>;

export const checkInBody = z.object({ code: z.string().trim().min(4, { message: '请输入或扫描签到码 / type or scan the code' }).max(64) });
export const checkInResult = z.object({
  outcome: z.enum(['checked_in', 'already']),
  registration: registrationSchema,
});
export const registrationListQuery = pageQuery.extend({
  venueId: z.uuid().optional(),
  status: z.enum(registrationStatuses).optional(),
});
export const registrationStatusBody = z.object({ status: z.enum(['approved', 'cancelled']) });
export const registrationParams = z.object({ id: z.uuid(), registrationId: z.uuid() });
export const venueCodeBody = z.object({ code: z.string().trim().min(4).max(64), venueCode: z.string().trim().min(4).max(64) });

export const agreementListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(agreementKinds).optional(),
  review: z.enum(agreementReviews).optional(),
});
export const agreementRowSchema = agreementSchema.extend({ eventTitle: z.string().nullable() });
export type AgreementRow = z.infer<typeof agreementRowSchema>;
export const agreementReviewBody = z.object({ review: z.enum(agreementReviews) });
