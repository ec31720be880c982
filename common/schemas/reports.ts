import { z } from 'zod';
import { organizationKinds } from '../domain';
import { isShanghaiDistrictCode } from '../validators';
import { agreementKinds, eventKinds, figureQualifiers } from '../events-vocabulary';
import { extractionSchema, reportEventTypes, type ReportEventType } from './ingest';

/** The events kind a report's event_type becomes (report-labels.md → the events vocabulary). */
export const eventKindOfReport: Record<ReportEventType, (typeof eventKinds)[number]> = {
  alliance_launch: 'launch',
  service_day: 'service_day',
  cluster_community: 'theme_activity',
  think_tank: 'forum',
  matchmaking_meeting: 'problem_meeting',
  agreement_signing: 'signing_meeting',
  association_activity: 'theme_activity',
  forum: 'forum',
  other: 'other',
};
void reportEventTypes;

/** how an organisation takes part: 主办 / 承办 / 指导 / only mentioned */
export const reportOrgRoles = ['host', 'organizer', 'guide', 'mentioned'] as const;

const req = (zh: string, en: string, max: number) => z.string().trim().min(1, { message: `请填写${zh} / ${en} is required` }).max(max);

/** The records the coordinator confirms: the extraction as corrected on the review page. */
export const confirmReportBody = z.object({
  title: req('活动名称', 'title', 300),
  kind: z.enum(eventKinds),
  /** the event's day; null when the report gives none */
  date: z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' }).nullable(),
  districtCode: z.string().refine(isShanghaiDistrictCode, { message: '不是上海市的区级行政区划代码 / not a Shanghai district code' }).nullable(),
  venue: z.string().trim().max(200).nullable(),
  organizations: z
    .array(
      z.object({
        name: req('单位名称', 'organisation name', 200),
        role: z.enum(reportOrgRoles),
        /** the directory record it is; null = create a new one (an exact match is linked instead) */
        organizationId: z.uuid().nullable(),
        /** the kind of a new organisation; omitted = guessed from its name (common/organization-kind-inference.ts) */
        kind: z.enum(organizationKinds).optional(),
      }),
    )
    .max(100),
  people: z
    .array(
      z.object({
        name: req('姓名', 'name', 100),
        title: z.string().trim().max(300).nullable(),
        personId: z.uuid().nullable(),
        /** make a directory record of them (else they stay a name on the event) */
        create: z.boolean().default(false),
      }),
    )
    .max(200),
  figures: z
    .array(
      z.object({
        label: req('名称', 'label', 200),
        value: z.number().nonnegative(),
        qualifier: z.enum(figureQualifiers).default('exact'),
        unit: z.string().trim().max(20).default(''),
      }),
    )
    .max(100),
  agreements: z.array(z.object({ title: req('协议名称', 'agreement title', 300), kind: z.enum(agreementKinds).default('other'), parties: z.array(z.string().trim().min(1).max(200)).max(50) })).max(50),
});
export type ConfirmReportBody = z.input<typeof confirmReportBody>;

export const createReportBody = z.object({ text: z.string().min(1).max(200_000), fileName: z.string().max(200).nullable().optional() });

export const reportSummarySchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  fileName: z.string().nullable(),
  encoding: z.string().nullable(),
  status: z.enum(['draft', 'confirmed']),
  districtCode: z.string().nullable(),
  eventId: z.string().nullable(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export const reportDetailSchema = reportSummarySchema.extend({ extraction: extractionSchema });
export type ReportDetail = z.infer<typeof reportDetailSchema>;
export const reportListSchema = z.object({ items: z.array(reportSummarySchema), total: z.number() });

export const sourceSchema = z.object({
  reportId: z.string(),
  reportTitle: z.string().nullable(),
  relation: z.enum(['created', 'linked']),
  quote: z.string().nullable(),
});
export const sourcesQuery = z.object({ entityType: z.enum(['event', 'organization', 'person', 'agreement', 'figure']), entityId: z.uuid() });
export const sourcesResponse = z.object({ items: z.array(sourceSchema) });
export const confirmResultSchema = z.object({
  eventId: z.string(),
  organizations: z.array(z.object({ id: z.string(), name: z.string(), relation: z.enum(['created', 'linked']) })),
  people: z.array(z.object({ id: z.string(), name: z.string(), relation: z.enum(['created', 'linked']) })),
});
export type ConfirmResult = z.infer<typeof confirmResultSchema>;
