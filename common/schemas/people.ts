import { z } from 'zod';
import { personRoles } from '../domain';
import { isValidPhone, normalizePhone } from '../validators';
import { pageQuery } from './common';
import { districtCodeSchema, industryRefSchema, memberOfSchema, optionalText, textList } from './organizations';

export { personRoles, type PersonRole } from '../domain';

export { isValidPhone, normalizePhone } from '../validators';

const phoneMessage = '电话号码格式不正确：应为11位手机号（1[3-9]开头）或座机号（如 021-12345678） / not a mainland mobile or landline number';

export const phoneSchema = z
  .string()
  .trim()
  .overwrite(normalizePhone)
  .refine((v) => v === '' || isValidPhone(v), { message: phoneMessage })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

/** The same rule where a phone number is required (an enterprise's registration). */
export const requiredPhoneSchema = z.string().trim().overwrite(normalizePhone).refine(isValidPhone, { message: phoneMessage });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .refine((v) => v === '' || z.email().safeParse(v).success, { message: '电子邮箱格式不正确 / not an e-mail address' })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date as YYYY-MM-DD' });

export const affiliationInput = z.object({
  organizationId: z.uuid({ message: '不是有效的单位编号 / not a valid organisation id' }).nullable().optional(),
  /** as written ("上海交通大学知联会"); taken from the organisation when only organizationId is given */
  organizationName: z.string().trim().max(200).optional(),
  position: optionalText(100),
  startOn: isoDate.nullable().optional(),
  endOn: isoDate.nullable().optional(),
  isContact: z.boolean().optional(),
});
export type AffiliationInput = z.infer<typeof affiliationInput>;

const personFields = {
  name: z.string().trim().min(1, { message: '请填写姓名 / name is required' }).max(100),
  roles: z
    .array(z.enum(personRoles))
    .max(personRoles.length)
    .transform((r) => [...new Set(r)])
    .optional(),
  districtCode: districtCodeSchema.nullable().optional(),
  expertise: textList(30, 50).optional(),
  industryIds: z.array(z.uuid({ message: '不是有效的编号 / not a valid id' })).max(50).optional(),
  bio: optionalText(5000),
  phone: phoneSchema,
  email: emailSchema,
  /** sensitive (PIPL): needs the 'political' permission to set or see */
  politicalAffiliation: optionalText(100),
  politicalConsent: z.boolean().optional(),
  affiliations: z.array(affiliationInput).max(30).optional(),
};

export const createPersonBody = z.object({ ...personFields, force: z.boolean().optional() });
/** `affiliations`, when given, replaces the person's set */
export const updatePersonBody = z.object(personFields).partial();
export type CreatePersonBody = z.infer<typeof createPersonBody>;
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(personRoles)),
  /** current titles, e.g. "上海交通大学副校长、上海交通大学知联会会长" */
  titles: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  expertise: z.array(z.string()),
  industries: z.array(industryRefSchema),
  /** masked: 138****5678 */
  phone: z.string().nullable(),
  /** masked: z***@sjtu.edu.cn */
  email: z.string().nullable(),
  /** null unless the actor has the 'political' permission and the person consented */
  politicalAffiliation: z.string().nullable(),
  /** true when a value exists but is hidden from this actor */
  politicalHidden: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const affiliationSchema = z.object({
  id: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string(),
  position: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  isContact: z.boolean(),
});
export type Affiliation = z.infer<typeof affiliationSchema>;

export const personDetailSchema = personSchema.extend({
  bio: z.string().nullable(),
  politicalConsent: z.boolean(),
  affiliations: z.array(affiliationSchema),
  memberships: z.array(memberOfSchema),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const personListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(personRoles).optional(),
  organizationId: z.uuid().optional(),
  networkId: z.uuid().optional(),
  industryId: z.uuid().optional(),
  districtCode: z.string().max(6).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
});
export type PersonListQuery = z.infer<typeof personListQuery>;

export const unmaskedPersonSchema = z.object({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  politicalAffiliation: z.string().nullable(),
});

export const personDuplicateReasons = ['name+organization', 'phone', 'name'] as const;
export const personDuplicateCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  titles: z.string(),
  reason: z.enum(personDuplicateReasons),
  score: z.number(),
});
export type PersonDuplicateCandidate = z.infer<typeof personDuplicateCandidateSchema>;

export const personDuplicatesBody = z.object({
  name: z.string().trim().min(1).max(100),
  organizationIds: z.array(z.uuid()).max(30).optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  excludeId: z.uuid().optional(),
});
export type PersonDuplicatesBody = z.infer<typeof personDuplicatesBody>;
export const personDuplicatesResponse = z.object({ candidates: z.array(personDuplicateCandidateSchema) });
