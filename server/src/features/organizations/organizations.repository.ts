import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { affiliations, industries, organizationIndustries, organizations, people, searchDocuments } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { readCondition, readDistricts } from '../../lib/visibility';
import { likeContains, nameNorm } from '../../lib/text';
import { districtCondition, districtOrder, keywordCondition, kindCondition, listPage, pinyinOrder } from '../search/list-query';
import type { OrganizationListQuery, Ref } from '../../../../common/schemas/organizations';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

/** The organisations the actor may see (undefined = all): lib/visibility.ts's read rule. */
export const organizationVisibility = (actor: Actor) =>
  readCondition(actor, 'organization', { id: organizations.id, districtCode: organizations.districtCode });

/** The stored form of a name for comparisons (the one normaliser, lib/text/names.ts). */
export { nameNorm };

export const likePattern = likeContains;

/** The orders read from the table's own (created_at, id) index; the others read the search document's indexes. */
const tableOrdered = (sort: OrganizationListQuery['sort']) => sort.endsWith('createdAt');

/**
 * The list's conditions. In name and district order every condition is read from the joined search
 * document — visibility included, through the document's copy of the district (lib/visibility.ts's
 * rule with the document's columns: documents carry their record's district) — so the planner reads
 * the (entity_type, district_code | kind, pinyin_full, entity_id) indexes in order and stops at the
 * page, and the total is counted on the documents alone. In date order, from the table's columns.
 */
function listCondition(actor: Actor, f: Omit<OrganizationListQuery, 'page' | 'pageSize'>, keyword = true): SQL | undefined {
  const onTable = tableOrdered(f.sort);
  const id = onTable ? organizations.id : searchDocuments.entityId;
  const where: (SQL | undefined)[] = [
    onTable ? organizationVisibility(actor) : readCondition(actor, 'organization', { id, districtCode: searchDocuments.districtCode }),
  ];
  if (keyword) where.push(keywordCondition(f.q));
  if (f.kind) where.push(onTable ? eq(organizations.kind, f.kind) : kindCondition(f.kind));
  if (f.districtCode) where.push(onTable ? eq(organizations.districtCode, f.districtCode) : districtCondition(f.districtCode));
  if (f.districtCode && readDistricts(actor, 'organization')?.includes(f.districtCode) === false) where.push(sql`false`);
  // the document's copy of the industry tags (GIN): checked on the rows read in name order
  if (f.industryId) where.push(sql`${searchDocuments.industryIds} @> array[${f.industryId}]::uuid[]`);
  if (f.networkId || f.tier) {
    const conds = [sql`left_on is null`];
    if (f.networkId) conds.push(sql`network_id = ${f.networkId}`);
    if (f.tier) conds.push(sql`tier = ${f.tier}`);
    where.push(sql`${id} in (select organization_id from memberships where ${sql.join(conds, sql` and `)})`);
  }
  const parts = where.filter((w): w is SQL => w !== undefined);
  return parts.length ? and(...parts) : undefined;
}

const orderings = {
  name: pinyinOrder('asc'),
  '-name': pinyinOrder('desc'),
  createdAt: [asc(organizations.createdAt), asc(organizations.id)],
  '-createdAt': [desc(organizations.createdAt), desc(organizations.id)],
  districtCode: districtOrder('asc'),
  '-districtCode': districtOrder('desc'),
} satisfies Record<OrganizationListQuery['sort'], SQL[]>;

/** A page of organisations in the list's order, with its total (estimated past 10,000: see pageTotal). */
export async function listOrganizations(ex: Executor, actor: Actor, q: OrganizationListQuery) {
  const onDocument = !tableOrdered(q.sort);
  return listPage(ex, organizations, 'organization', listCondition(actor, q), orderings[q.sort], q,
    onDocument ? { docCount: { cond: listCondition(actor, q, false) }, keyword: keywordCondition(q.q) } : {});
}

/** Organisations the actor may see. */
export const countVisibleOrganizations = async (ex: Executor, actor: Actor) =>
  (await ex.select({ n: count() }).from(organizations).where(organizationVisibility(actor)))[0]!.n;

export const findOrganization = async (ex: Executor, id: string) =>
  (await ex.select().from(organizations).where(eq(organizations.id, id)).limit(1))[0];

/** The organisation if it exists and lies in the actor's scope. */
export const findOrganizations = async (ex: Executor, ids: string[]) =>
  ids.length ? ex.select().from(organizations).where(inArray(organizations.id, ids)) : [];

export const findVisibleOrganization = async (ex: Executor, actor: Actor, id: string) =>
  (
    await ex
      .select()
      .from(organizations)
      .where(and(eq(organizations.id, id), organizationVisibility(actor)))
      .limit(1)
  )[0];

export const findOrganizationByUscc = async (ex: Executor, uscc: string) =>
  (await ex.select().from(organizations).where(eq(organizations.uscc, uscc)).limit(1))[0];

export const insertOrganization = async (ex: Executor, row: NewOrganization) =>
  (await ex.insert(organizations).values(row).returning())[0]!;

export const updateOrganization = async (ex: Executor, id: string, patch: Partial<NewOrganization>) =>
  (await ex.update(organizations).set({ ...patch, updatedAt: new Date() }).where(eq(organizations.id, id)).returning())[0]!;

export const deleteOrganization = async (ex: Executor, id: string) => {
  await ex.delete(organizations).where(eq(organizations.id, id));
};

/** Industry tags of organisations, by organisation id, in taxonomy order. */
export async function industriesOfOrganizations(ex: Executor, ids: string[]): Promise<Map<string, Ref[]>> {
  const out = new Map<string, Ref[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await ex
    .select({ ownerId: organizationIndustries.organizationId, id: industries.id, name: industries.name })
    .from(organizationIndustries)
    .innerJoin(industries, eq(industries.id, organizationIndustries.industryId))
    .where(inArray(organizationIndustries.organizationId, ids))
    .orderBy(asc(industries.sort), asc(industries.name));
  for (const r of rows) out.get(r.ownerId)!.push({ id: r.id, name: r.name });
  return out;
}

/** Replace an organisation's industry tags. */
export async function setOrganizationIndustries(ex: Executor, organizationId: string, industryIds: string[]) {
  await ex.delete(organizationIndustries).where(eq(organizationIndustries.organizationId, organizationId));
  if (industryIds.length) {
    await ex
      .insert(organizationIndustries)
      .values([...new Set(industryIds)].map((industryId) => ({ organizationId, industryId })))
      .onConflictDoNothing();
  }
}

/** Which of these industry ids exist. */
export async function existingIndustryIds(ex: Executor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await ex.select({ id: industries.id }).from(industries).where(inArray(industries.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** People affiliated with an organisation (contacts first). */
/** People affiliated with the organisation, among those `personScope` (the actor's read condition on people) lets through. */
export const peopleOfOrganization = (ex: Executor, organizationId: string, personScope: SQL | undefined) =>
  ex
    .select({ personId: people.id, name: people.name, position: affiliations.position, isContact: affiliations.isContact })
    .from(affiliations)
    .innerJoin(people, eq(people.id, affiliations.personId))
    .where(and(eq(affiliations.organizationId, organizationId), personScope))
    .orderBy(desc(affiliations.isContact), asc(people.name), asc(affiliations.sort));

/** The affiliations linked to an organisation show its current name; returns the people whose titles changed. */
export async function renameAffiliations(ex: Executor, organizationId: string, name: string) {
  const rows = await ex
    .update(affiliations)
    .set({ organizationName: name })
    .where(and(eq(affiliations.organizationId, organizationId), sql`${affiliations.organizationName} is distinct from ${name}`))
    .returning({ personId: affiliations.personId });
  return rows.map((r) => r.personId);
}

/** Points the affiliations of one organisation at another (merge); returns how many moved. */
export async function moveAffiliations(ex: Executor, sourceId: string, keepId: string) {
  const rows = await ex
    .update(affiliations)
    .set({ organizationId: keepId })
    .where(eq(affiliations.organizationId, sourceId))
    .returning({ id: affiliations.id });
  return rows.length;
}
