import { z } from 'zod';
import { memberPositionProblem, memberPositions, membershipTiers, networkKinds, networkPersonRoles, organizationKinds } from '../domain';
import { isShanghaiDistrictCode } from '../validators';
import { pageQuery } from './common';

export {
  memberPositions,
  membershipTiers,
  networkKinds,
  networkPersonRoles,
  type MemberPosition,
  type MembershipTier,
  type NetworkKind,
  type NetworkPersonRole,
} from '../domain';

/** what a declared count counts: a membership tier, or people by role (the think tank's 55 experts) */
export const declaredCountKinds = [...membershipTiers, 'expert', 'mentor'] as const;

const districtCode = z
  .string()
  .refine(isShanghaiDistrictCode, { message: '不是上海市的区级行政区划代码 (GB/T 2260) / not a Shanghai district code' });
const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date as YYYY-MM-DD' });

export const refSchema = z.object({ id: z.string(), name: z.string() });
export type Ref = z.infer<typeof refSchema>;

const countOf = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>;

/** Current members by tier (organisations) and by role (people); each member is counted once, in `total` too. */
export const memberCountsSchema = z.object({
  ...countOf(membershipTiers),
  ...countOf(networkPersonRoles),
  organizations: z.number().int(),
  people: z.number().int(),
  total: z.number().int(),
});
export type MemberCounts = z.infer<typeof memberCountsSchema>;

export const networkSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(networkKinds),
  parent: refSchema.nullable(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  /** current members (not left) by tier, counted from the records */
  memberCounts: memberCountsSchema,
  /** the figures the network states for itself (13 founding units …) */
  declaredCounts: z.record(z.string(), z.number()),
  childCount: z.number().int(),
});
export type Network = z.infer<typeof networkSchema>;

export const membershipSchema = z.object({
  id: z.string(),
  /** an organisation's tier, or a person's role in the network */
  tier: z.enum(memberPositions),
  role: z.string().nullable(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  organization: z.object({ id: z.string(), name: z.string(), kind: z.enum(organizationKinds) }).nullable(),
  person: refSchema.nullable(),
  /**
   * A member outside the actor's scope (an admin linked it): only its name, no link, no id, and the
   * membership is read-only to this actor (docs/ACCESS.md). organization and person are then null.
   */
  outside: z.object({ name: z.string() }).nullable().optional(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const networkHistoryEntrySchema = z.object({
  date: z.string(),
  change: z.enum(['joined', 'left']),
  tier: z.enum(memberPositions),
  memberName: z.string(),
  membershipId: z.string(),
});
export type NetworkHistoryEntry = z.infer<typeof networkHistoryEntrySchema>;

export const networkDetailSchema = networkSchema.extend({
  description: z.string().nullable(),
  children: z.array(refSchema),
  /** current members only */
  members: z.array(membershipSchema),
  /** who joined and left, newest first */
  history: z.array(networkHistoryEntrySchema),
});
export type NetworkDetail = z.infer<typeof networkDetailSchema>;

export interface NetworkTreeNode {
  id: string;
  name: string;
  kind: (typeof networkKinds)[number];
  children: NetworkTreeNode[];
}
/**
 * A node of the nesting tree. `children` repeats the node's shape; it is declared loosely here
 * because the API description (OpenAPI) cannot carry an unnamed recursive schema.
 */
export const networkTreeNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(networkKinds),
  children: z.array(z.any()).describe('sub-networks, each a node of the same shape'),
});
export const networkTreeSchema = z.array(networkTreeNodeSchema);

export const networkListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(networkKinds).optional(),
  parentId: z.uuid().optional(),
  districtCode: z.string().max(6).optional(),
});

const networkFields = z.object({
  name: z.string().trim().min(1, { message: '请填写名称 / name is required' }).max(200),
  kind: z.enum(networkKinds),
  parentId: z.uuid().nullable().optional(),
  districtCode: districtCode.nullable().optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  declaredCounts: z.partialRecord(z.enum(declaredCountKinds), z.number().int().min(0).max(1_000_000)).optional(),
});
export const createNetworkBody = networkFields;
export const updateNetworkBody = networkFields.partial();

export const membershipParams = z.object({ id: z.uuid(), membershipId: z.uuid() });

export const addMemberBody = z
  .object({
    organizationId: z.uuid().optional(),
    personId: z.uuid().optional(),
    /** an organisation's tier (founding …) or a person's role (mentor …): see memberPositionProblem */
    tier: z.enum(memberPositions),
    role: z.string().trim().max(100).nullable().optional(),
    joinedOn: isoDate.nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.organizationId === undefined) === (b.personId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [b.organizationId === undefined ? 'organizationId' : 'personId'],
        message: '成员须是一个单位或一个人（organizationId 与 personId 二选一）/ a member is exactly one organisation or one person',
      });
      return;
    }
    const problem = memberPositionProblem(b.personId !== undefined ? 'person' : 'organization', b.tier);
    if (problem) ctx.addIssue({ code: 'custom', path: ['tier'], message: `${problem.zh} / ${problem.en}` });
  });

export const updateMemberBody = z.object({
  tier: z.enum(memberPositions).optional(),
  role: z.string().trim().max(100).nullable().optional(),
  leftOn: isoDate.nullable().optional(),
});
