import { z } from 'zod';
import { isShanghaiDistrictCode, usccProblem } from '../validators';
import { pageQuery } from './common';
import { organizationKinds } from '../domain';

export { organizationKinds, type OrganizationKind } from '../domain';

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

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(organizationKinds),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  uscc: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const createOrganizationBody = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(organizationKinds),
  districtCode: districtCodeSchema.nullable().optional(),
  uscc: usccSchema.nullable().optional(),
});
export const updateOrganizationBody = createOrganizationBody.partial();

export const organizationListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(organizationKinds).optional(),
  districtCode: z.string().max(6).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
});
