import { z } from 'zod';

export const industrySchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  description: z.string().nullable(),
  /** place among the siblings (ascending, then by name) */
  sort: z.number().int(),
  /** organisations tagged with this industry, within the actor's scope */
  organizationCount: z.number().int(),
  /** industries that supply this one */
  upstreamIds: z.array(z.string()),
  /** industries this one supplies */
  downstreamIds: z.array(z.string()),
});
export type Industry = z.infer<typeof industrySchema>;
export const industryListSchema = z.array(industrySchema);

const industryFields = z.object({
  name: z.string().trim().min(1, { message: '请填写产业名称 / name is required' }).max(100),
  parentId: z.uuid().nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
});
export const createIndustryBody = industryFields;
export const updateIndustryBody = industryFields.partial();

/** one place up or down among the industry's siblings */
export const moveIndustryBody = z.object({ direction: z.enum(['up', 'down']) });

/** upstream → downstream along an industry chain */
export const industryLinkBody = z.object({ upstreamId: z.uuid(), downstreamId: z.uuid() });
export const industryLinkSchema = z.object({ upstreamId: z.string(), downstreamId: z.string() });
export type IndustryLink = z.infer<typeof industryLinkSchema>;

export const industryChainQuery = z.object({ industryId: z.uuid().optional() });

const orgRef = z.object({ id: z.string(), name: z.string() });
export const industryChainSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      organizationCount: z.number().int(),
      /** up to 20, within the actor's scope, chain leaders first */
      organizations: z.array(orgRef),
      /** organisations tagged with the industry that hold a current 'chain_leader' membership (≤ 20) */
      chainLeaders: z.array(orgRef),
    }),
  ),
  /** ECharts graph links: source = upstream id, target = downstream id */
  links: z.array(z.object({ source: z.string(), target: z.string() })),
});
export type IndustryChain = z.infer<typeof industryChainSchema>;
