import { z } from 'zod';

/** What kind of activity a report is about (../shared/docs/report-labels.md). */
export const reportEventTypes = [
  'alliance_launch',
  'service_day',
  'cluster_community',
  'think_tank',
  'matchmaking_meeting',
  'agreement_signing',
  'association_activity',
  'forum',
  'other',
] as const;
export type ReportEventType = (typeof reportEventTypes)[number];

/** Where a value came from: a span [start, end) of the cleaned text, and how sure the rule is. */
export const evidenceSchema = z.object({
  field: z.string(),
  /** the item's index for list fields */
  index: z.number().int().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  confidence: z.number().min(0).max(1),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const repairSchema = z.object({
  kind: z.enum(['gbk_high_bit', 'utf8_as_gbk']),
  from: z.string(),
  to: z.string(),
  doubtful: z.boolean(),
});

/** The extraction: the labels schema's fields plus evidence, the cleaned text and what was repaired. */
export const extractionSchema = z.object({
  title: z.string().nullable(),
  publish_date: z.string().nullable(),
  event_date: z.string().nullable(),
  /** "--MM-DD" when the text gives month and day but no year anywhere */
  event_date_partial: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  venue: z.string().nullable(),
  event_type: z.enum(reportEventTypes),
  organizers: z.array(z.string()),
  guiding_units: z.array(z.string()),
  /** 承办 / 协办 */
  undertakers: z.array(z.string()),
  organizations_mentioned: z.array(z.string()),
  people: z.array(z.object({ name: z.string(), title: z.string().nullable() })),
  participant_count: z.number().nullable(),
  numbers: z.array(z.object({ label: z.string(), value: z.number() })),
  agreements: z.array(z.object({ type: z.string(), parties: z.array(z.string()) })),
  encoding: z.string().nullable(),
  repairs: z.array(repairSchema),
  evidence: z.array(evidenceSchema),
  text: z.string(),
});
export type Extraction = z.infer<typeof extractionSchema>;

export const extractTextBodySchema = z.object({
  text: z.string().min(1).max(200_000).describe('the report as pasted: plain text or HTML'),
});

/** What to link: the (possibly corrected) organisations and people of an extraction. */
export const linkBodySchema = z.object({
  organizations: z.array(z.string().trim().min(1).max(200)).max(200),
  people: z.array(z.object({ name: z.string().trim().min(1).max(100), title: z.string().max(300).nullable() })).max(200),
});
export type LinkBody = z.infer<typeof linkBodySchema>;

/** exact: the same name or credit code; alias: an alias; near: a near or core name, or only the same person name; new: nothing found */
export const linkMatchKinds = ['exact', 'alias', 'near', 'new'] as const;
const linkCandidate = z.object({ id: z.string(), name: z.string(), reason: z.string(), score: z.number() });
export const linkResultSchema = z.object({
  organizations: z.array(z.object({ name: z.string(), match: z.enum(linkMatchKinds), candidates: z.array(linkCandidate) })),
  people: z.array(z.object({ name: z.string(), title: z.string().nullable(), match: z.enum(linkMatchKinds), candidates: z.array(linkCandidate) })),
});
export type LinkResult = z.infer<typeof linkResultSchema>;
