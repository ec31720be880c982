import { z } from 'zod';
import { memberPositions, membershipTiers, networkKinds, organizationKinds, organizationSizes } from '../domain';
import { isShanghaiDistrictCode, usccProblem } from '../validators';
import { pageQuery } from './common';

export { organizationKinds, organizationSizes, type OrganizationKind, type OrganizationSize } from '../domain';

export const districtCodeSchema = z
  .string()
  .refine(isShanghaiDistrictCode, { message: '不是上海市的区级行政区划代码 (GB/T 2260)' });

export const usccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = usccProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** `{ id, name }` of a referenced record. */
export const refSchema = z.object({ id: z.string(), name: z.string() });
export const industryRefSchema = refSchema;
export type Ref = z.infer<typeof refSchema>;

/** A membership of an organisation or a person in a network, as shown on their detail page. */
export const memberOfSchema = z.object({
  id: z.string(),
  network: z.object({ id: z.string(), name: z.string(), kind: z.enum(networkKinds) }),
  /** the organisation's tier or the person's role */
  tier: z.enum(memberPositions),
  role: z.string().nullable(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
});
export type MemberOf = z.infer<typeof memberOfSchema>;

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(organizationKinds),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  uscc: z.string().nullable(),
  industries: z.array(industryRefSchema),
  size: z.enum(organizationSizes).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationDetailSchema = organizationSchema.extend({
  formerNames: z.array(z.string()),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  contacts: z.array(z.object({ personId: z.string(), name: z.string(), position: z.string().nullable() })),
  people: z.array(
    z.object({ personId: z.string(), name: z.string(), position: z.string().nullable(), isContact: z.boolean() }),
  ),
  memberships: z.array(memberOfSchema),
});
export type OrganizationDetail = z.infer<typeof organizationDetailSchema>;

/** Optional free text: trimmed, and an empty string means "no value" (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `不能超过 ${max} 个字符 / at most ${max} characters` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** A list of names or keywords: trimmed, empty entries dropped, duplicates removed. */
export const textList = (maxItems: number, maxLength: number) =>
  z
    .array(z.string().trim().max(maxLength, { message: `每项不能超过 ${maxLength} 个字符 / at most ${maxLength} characters` }))
    .max(maxItems, { message: `最多 ${maxItems} 项 / at most ${maxItems} items` })
    .transform((list) => [...new Set(list.filter((v) => v !== ''))]);

const websiteSchema = z
  .string()
  .trim()
  .max(300)
  .refine((v) => v === '' || /^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?(\/\S*)?$/iu.test(v), {
    message: '网址格式不正确 / not a web address',
  })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

const uuidList = z.array(z.uuid({ message: '不是有效的编号 / not a valid id' })).max(50);

const organizationFields = {
  name: z.string().trim().min(1, { message: '请填写名称 / name is required' }).max(200),
  kind: z.enum(organizationKinds),
  districtCode: districtCodeSchema.nullable().optional(),
  /** empty string = none */
  uscc: z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const problem = v === '' ? null : usccProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  aliases: textList(30, 200).optional(),
  formerNames: textList(30, 200).optional(),
  address: optionalText(300),
  /** WGS-84 */
  lng: z.number().min(-180).max(180).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  industryIds: uuidList.optional(),
  size: z.enum(organizationSizes).nullable().optional(),
  website: websiteSchema,
  description: optionalText(5000),
};

export const createOrganizationBody = z.object({
  ...organizationFields,
  /** create even though likely duplicates were found (a same credit code is always refused) */
  force: z.boolean().optional(),
});
export const updateOrganizationBody = z.object({
  ...organizationFields,
  /** rename even though likely duplicates of the new name were found */
  force: z.boolean(),
}).partial();
export type CreateOrganizationBody = z.infer<typeof createOrganizationBody>;
export type UpdateOrganizationBody = z.infer<typeof updateOrganizationBody>;

export const organizationSorts = ['name', '-name', 'createdAt', '-createdAt', 'districtCode', '-districtCode'] as const;

export const organizationListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(organizationKinds).optional(),
  districtCode: z.string().max(6).optional(),
  industryId: z.uuid().optional(),
  networkId: z.uuid().optional(),
  tier: z.enum(membershipTiers).optional(),
  sort: z.enum(organizationSorts).default('name'),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuery>;

export const duplicateReasons = ['uscc', 'name', 'alias', 'similar'] as const;
export const duplicateCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  districtName: z.string().nullable(),
  uscc: z.string().nullable(),
  reason: z.enum(duplicateReasons),
  score: z.number(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

export const organizationDuplicatesBody = z.object({
  name: z.string().trim().min(1).max(200),
  uscc: z.string().trim().toUpperCase().max(18).nullable().optional(),
  aliases: z.array(z.string().trim().max(200)).max(30).optional(),
  excludeId: z.uuid().optional(),
});
export type OrganizationDuplicatesBody = z.infer<typeof organizationDuplicatesBody>;
export const organizationDuplicatesResponse = z.object({ candidates: z.array(duplicateCandidateSchema) });

export const mergeBody = z.object({ sourceId: z.uuid({ message: '不是有效的编号 / not a valid id' }) });

/** 409 DUPLICATE: the error body with the records the new one may duplicate. */
export const duplicateErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  candidates: z.array(z.unknown()).optional(),
});
