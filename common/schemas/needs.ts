import { z } from 'zod';
import { assignmentStatuses, needActions, needCategories, needStatuses, needUrgencies, serviceKinds } from '../need-workflow';
import { isShanghaiDistrictCode } from '../validators';
import { pageQuery } from './common';

export * from '../need-workflow';

const districtCode = z
  .string()
  .refine(isShanghaiDistrictCode, { message: '不是上海市的区级行政区划代码 (GB/T 2260) / not a Shanghai district code' });
const day = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / the date must be YYYY-MM-DD' });

export const needSortKeys = ['created', 'deadline', 'urgency', 'title'] as const;

export const needListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(needStatuses).optional(),
  category: z.enum(needCategories).optional(),
  districtCode: z.string().max(6).optional(),
  organizationId: z.uuid().optional(),
  /** only the needs past a deadline (first response or resolution) */
  overdue: z.enum(['true', 'false']).optional(),
  /** only the open needs (not rejected, resolved, confirmed or withdrawn) */
  open: z.enum(['true', 'false']).optional(),
  /** expert: the needs assigned to me */
  assignedToMe: z.enum(['true', 'false']).optional(),
  sort: z.enum(needSortKeys).default('created'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type NeedListQuery = z.input<typeof needListQuery>;

export const createNeedBody = z.object({
  /** the enterprise the need is for; an enterprise user's own organisation when omitted */
  organizationId: z.uuid().optional(),
  category: z.enum(needCategories, { message: '请选择诉求类别 / choose a category' }),
  title: z.string().trim().min(4, { message: '标题至少 4 个字 / the title needs at least 4 characters' }).max(200),
  description: z.string().trim().max(5000).default(''),
  industryIds: z.array(z.uuid()).max(20).default([]),
  districtCode: districtCode.nullable().optional(),
  urgency: z.enum(needUrgencies).default('normal'),
  wantedBy: day.nullable().optional(),
});
export type CreateNeedBody = z.input<typeof createNeedBody>;

export const needStepBody = z.object({
  action: z.enum(['accept', 'reject', 'resolve', 'confirm', 'reopen', 'withdraw']),
  note: z.string().trim().max(2000).optional(),
  rating: z.number().int().min(1, { message: '评分为 1–5 / the rating is 1–5' }).max(5, { message: '评分为 1–5 / the rating is 1–5' }).optional(),
});

export const assignBody = z.object({
  candidates: z
    .array(z.object({ personId: z.uuid().optional(), organizationId: z.uuid().optional(), score: z.number().optional() }))
    .min(1, { message: '请至少选择一位服务方 / choose at least one provider' })
    .max(10),
  note: z.string().trim().max(2000).optional(),
});

export const answerAssignmentBody = z.object({
  accept: z.boolean(),
  reason: z.string().trim().max(2000).optional(),
});

export const serviceRecordBody = z.object({
  servedOn: day,
  kind: z.enum(serviceKinds),
  providerPersonIds: z.array(z.uuid()).max(50).default([]),
  providerOrganizationIds: z.array(z.uuid()).max(50).default([]),
  hours: z.number().min(0).max(10_000).nullable().optional(),
  peopleServed: z.number().int().min(0).max(1_000_000).default(0),
  outcome: z.string().trim().min(1, { message: '请填写服务成效 / describe the outcome' }).max(5000),
});

export const needSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  category: z.enum(needCategories),
  title: z.string(),
  description: z.string(),
  industryIds: z.array(z.string()),
  industryNames: z.array(z.string()),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  urgency: z.enum(needUrgencies),
  wantedBy: z.string().nullable(),
  status: z.enum(needStatuses),
  respondBy: z.string().nullable(),
  resolveBy: z.string().nullable(),
  /** which deadline is past, computed when read (Shanghai calendar date) */
  overdue: z.enum(['respond', 'resolve']).nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  demo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Need = z.infer<typeof needSchema>;

export const timelineEntrySchema = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
});

export const assignmentSchema = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  organizationId: z.string().nullable(),
  name: z.string(),
  status: z.enum(assignmentStatuses),
  reason: z.string().nullable(),
  score: z.number().nullable(),
  createdAt: z.string(),
  /** the caller is this assignee and may accept or decline now */
  mine: z.boolean(),
});

export const serviceRecordSchema = z.object({
  id: z.string(),
  servedOn: z.string(),
  kind: z.enum(serviceKinds),
  providers: z.array(z.string()),
  hours: z.number().nullable(),
  peopleServed: z.number(),
  outcome: z.string(),
});

export const attachmentSchema = z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number(), createdAt: z.string() });

export const needDetailSchema = needSchema.extend({
  timeline: z.array(timelineEntrySchema),
  assignments: z.array(assignmentSchema),
  serviceRecords: z.array(serviceRecordSchema),
  attachments: z.array(attachmentSchema),
  allowedActions: z.array(z.enum(needActions)),
  /** the caller may record a service (assigned and accepted, or a coordinator) */
  canRecordService: z.boolean(),
});
export type NeedDetail = z.infer<typeof needDetailSchema>;

export const matchReasonSchema = z.object({
  code: z.enum(['terms', 'industry', 'industry_near', 'category', 'district', 'district_near', 'past', 'rating', 'load']),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});

export const matchCandidateSchema = z.object({
  entityType: z.enum(['person', 'organization', 'network', 'place']),
  entityId: z.string(),
  name: z.string(),
  subtitle: z.string().nullable(),
  score: z.number(),
  /** factor → its weighted contribution to the score */
  parts: z.record(z.string(), z.number()),
  /** the need's terms found in the profile, each with its weight (IDF) */
  terms: z.array(z.object({ term: z.string(), weight: z.number() })),
  reasons: z.array(matchReasonSchema),
  /** already assigned to this need */
  assigned: z.boolean(),
});
export type MatchCandidate = z.infer<typeof matchCandidateSchema>;

export const matchQuery = z.object({
  type: z.enum(['person', 'organization', 'network', 'place']).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const matchWeightsSchema = z.object({
  text: z.number().min(0).max(10),
  industry: z.number().min(0).max(10),
  category: z.number().min(0).max(10),
  district: z.number().min(0).max(10),
  load: z.number().min(0).max(10),
  rating: z.number().min(0).max(10),
});
export type MatchWeights = z.infer<typeof matchWeightsSchema>;

export const similarNeedsQuery = z.object({
  organizationId: z.uuid().optional(),
  title: z.string().trim().max(200).default(''),
});

export const inboxSchema = z.object({
  dueToday: z.array(needSchema),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['due', 'assigned', 'escalated', 'status']),
      needId: z.string().nullable(),
      needTitle: z.string().nullable(),
      message: z.string(),
      read: z.boolean(),
      createdAt: z.string(),
    }),
  ),
});

export const calendarDaySchema = z.object({ day: z.string(), working: z.boolean(), name: z.string() });
export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const putCalendarDayBody = z.object({ day, working: z.boolean(), name: z.string().trim().max(100).default('') });
export const dayParams = z.object({ day });
export const importCalendarBody = z.object({ csv: z.string().max(200_000) });

export const deadlinePresetSchema = z.object({ category: z.enum(needCategories), respondDays: z.number().int().min(1).max(60), resolveDays: z.number().int().min(1).max(365) });

export const inviteEnterpriseBody = z.object({
  organizationId: z.uuid(),
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,32}$/, { message: '用户名为 3–32 位字母、数字或 _ . - / username: 3–32 letters, digits, _ . -' }),
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(10, { message: '密码至少 10 位 / the password needs at least 10 characters' }).max(256),
});
