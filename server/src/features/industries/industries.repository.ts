import { and, asc, count, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { industries, industryLinks, organizationIndustries, organizations } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { readCondition } from '../../lib/visibility';

export type IndustryRow = typeof industries.$inferSelect;
export type NewIndustry = typeof industries.$inferInsert;
export type IndustryLinkRow = typeof industryLinks.$inferSelect;

/** the organisations the actor may see */
export const organizationScope = (actor: Actor) =>
  readCondition(actor, 'organization', { id: organizations.id, districtCode: organizations.districtCode });

export const allIndustries = (ex: Executor) => ex.select().from(industries).orderBy(asc(industries.sort), asc(industries.name));

export const allLinks = (ex: Executor) =>
  ex.select({ upstreamId: industryLinks.upstreamId, downstreamId: industryLinks.downstreamId }).from(industryLinks);

/** organisations tagged with each industry, within the scope */
export async function organizationCounts(ex: Executor, scope: SQL | undefined) {
  const rows = await ex
    .select({ industryId: organizationIndustries.industryId, n: count() })
    .from(organizationIndustries)
    .innerJoin(organizations, eq(organizations.id, organizationIndustries.organizationId))
    .where(scope)
    .groupBy(organizationIndustries.industryId);
  return new Map(rows.map((r) => [r.industryId, r.n]));
}

export const findIndustry = async (ex: Executor, id: string) => (await ex.select().from(industries).where(eq(industries.id, id)).limit(1))[0];

export const findIndustryByName = async (ex: Executor, name: string, exceptId?: string) =>
  (
    await ex
      .select({ id: industries.id })
      .from(industries)
      .where(and(eq(industries.name, name), exceptId ? ne(industries.id, exceptId) : undefined))
      .limit(1)
  )[0];

export const hasSubIndustries = async (ex: Executor, id: string) =>
  (await ex.select({ id: industries.id }).from(industries).where(eq(industries.parentId, id)).limit(1)).length > 0;

/** True when `candidate` is `id` or lies below it in the taxonomy (so it cannot become id's parent). */
export async function isSelfOrSubIndustry(ex: Executor, id: string, candidate: string) {
  const r = await ex.execute(sql`
    with recursive sub(id) as (
      select ${id}::uuid
      union select i.id from industries i join sub on i.parent_id = sub.id
    ) select exists(select 1 from sub where id = ${candidate}::uuid) as hit`);
  return rowsOf<{ hit: boolean }>(r)[0]?.hit === true;
}

/** True when `to` can be reached from `from` following links downstream (or is `from`). */
export async function reachesDownstream(ex: Executor, from: string, to: string) {
  const r = await ex.execute(sql`
    with recursive down(id) as (
      select ${from}::uuid
      union select l.downstream_id from industry_links l join down on l.upstream_id = down.id
    ) select exists(select 1 from down where id = ${to}::uuid) as hit`);
  return rowsOf<{ hit: boolean }>(r)[0]?.hit === true;
}

/** The chain through an industry: itself, everything upstream of it and everything downstream of it. */
export async function chainThrough(ex: Executor, id: string) {
  const r = await ex.execute(sql`
    with recursive down(id) as (
      select ${id}::uuid
      union select l.downstream_id from industry_links l join down on l.upstream_id = down.id
    ), up(id) as (
      select ${id}::uuid
      union select l.upstream_id from industry_links l join up on l.downstream_id = up.id
    ) select id::text as id from down union select id::text from up`);
  return rowsOf<{ id: string }>(r).map((x) => x.id);
}

/** a new industry goes last in the taxonomy's order */
export const insertIndustry = async (ex: Executor, row: NewIndustry) =>
  (await ex.insert(industries).values({ sort: sql`(select coalesce(max(sort), -1) + 1 from industries)`, ...row }).returning())[0]!;

export const updateIndustry = async (ex: Executor, id: string, patch: Partial<NewIndustry>) =>
  (await ex.update(industries).set({ ...patch, updatedAt: new Date() }).where(eq(industries.id, id)).returning())[0]!;

/** delete an industry; its links and tags go with it, and search documents forget it */
export async function deleteIndustry(ex: Executor, id: string) {
  await ex.delete(industries).where(eq(industries.id, id));
  await ex.execute(sql`update search_documents set industry_ids = array_remove(industry_ids, ${id}::uuid) where ${id}::uuid = any(industry_ids)`);
}

export const findLink = async (ex: Executor, upstreamId: string, downstreamId: string) =>
  (
    await ex
      .select()
      .from(industryLinks)
      .where(and(eq(industryLinks.upstreamId, upstreamId), eq(industryLinks.downstreamId, downstreamId)))
      .limit(1)
  )[0];

export const insertLink = async (ex: Executor, upstreamId: string, downstreamId: string) => {
  await ex.insert(industryLinks).values({ upstreamId, downstreamId });
};

export const deleteLink = async (ex: Executor, upstreamId: string, downstreamId: string) => {
  await ex.delete(industryLinks).where(and(eq(industryLinks.upstreamId, upstreamId), eq(industryLinks.downstreamId, downstreamId)));
};

export interface ChainOrganizationRow {
  industry_id: string;
  id: string;
  name: string;
}

/**
 * The first `limit` organisations by name tagged with each industry (all industries when `ids` is
 * undefined), within the scope: a top-N per industry, so that thousands of tags are never sorted whole.
 */
export async function firstTaggedOrganizations(ex: Executor, ids: string[] | undefined, scope: SQL | undefined, limit = 20) {
  if (ids && !ids.length) return [];
  const r = await ex.execute(sql`
    select i.id::text as industry_id, top.id, top.name
    from industries i cross join lateral (
      select ${organizations.id}::text as id, ${organizations.name} as name
      from organization_industries oi join ${organizations} on ${organizations.id} = oi.organization_id
      where oi.industry_id = i.id and ${scope ?? sql`true`}
      order by ${organizations.name}, ${organizations.id}
      limit ${limit}
    ) top
    where ${ids ? sql`i.id in ${ids}` : sql`true`}`);
  return rowsOf<ChainOrganizationRow>(r);
}

/** Chain leaders: organisations with a current 'chain_leader' membership, per industry they are tagged with, within the scope. */
export async function chainLeaders(ex: Executor, ids: string[] | undefined, scope: SQL | undefined) {
  if (ids && !ids.length) return [];
  const r = await ex.execute(sql`
    select distinct oi.industry_id::text as industry_id, ${organizations.id}::text as id, ${organizations.name} as name
    from memberships m
      join ${organizations} on ${organizations.id} = m.organization_id
      join organization_industries oi on oi.organization_id = m.organization_id
    where m.tier = 'chain_leader' and m.left_on is null and ${ids ? sql`oi.industry_id in ${ids}` : sql`true`} and ${scope ?? sql`true`}
    order by 3, 2`);
  return rowsOf<ChainOrganizationRow>(r);
}

/** the rows of `execute()`, the same on node-postgres and PGlite */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The industries under the same parent, in their order (sort, then name). */
export const siblingIndustries = (ex: Executor, parentId: string | null) =>
  ex
    .select()
    .from(industries)
    .where(parentId ? eq(industries.parentId, parentId) : isNull(industries.parentId))
    .orderBy(asc(industries.sort), asc(industries.name));
