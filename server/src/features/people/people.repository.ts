import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ref } from '../../../../common/schemas/organizations';
import type { PersonListQuery } from '../../../../common/schemas/people';
import type { Executor } from '../../db/client';
import { affiliations, industries, organizations, people, personIndustries, searchDocuments } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { readCondition, readDistricts } from '../../lib/visibility';
import { districtCondition, keywordCondition, listPage, pinyinOrder } from '../search/list-query';

export type PersonRow = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;
export type AffiliationRow = typeof affiliations.$inferSelect;
export type NewAffiliation = Omit<typeof affiliations.$inferInsert, 'personId' | 'sort'>;

/** The people the actor may see (undefined = all): lib/visibility.ts's read rule. */
export const personVisibility = (actor: Actor) => readCondition(actor, 'person', { id: people.id, districtCode: people.districtCode });

/** The orders read from the table's own (created_at, id) index; the others read the search document's. */
const tableOrdered = (sort: PersonListQuery['sort']) => sort.endsWith('createdAt');

/**
 * The list's conditions, on the table's columns (`onDocument` false) or — for the total in name
 * order — on the search document's alone: visibility through the document's id and district
 * (lib/visibility.ts's rule; documents carry their record's district), so the count needs no join.
 * The page itself keeps visibility on the table: a person reached through a current affiliation is
 * then probed per row read (a few dozen in name order) instead of hashing every such person.
 * Roles live on the table only.
 */
function listCondition(actor: Actor, f: Omit<PersonListQuery, 'page' | 'pageSize'>, onDocument = false): SQL | undefined {
  const onTable = tableOrdered(f.sort);
  const id = onDocument ? searchDocuments.entityId : people.id;
  const where: (SQL | undefined)[] = [
    onDocument ? readCondition(actor, 'person', { id, districtCode: searchDocuments.districtCode }) : personVisibility(actor),
  ];
  // name, pinyin, titles, organisations, expertise: the search document (see search/list-query.ts),
  // which listPage adds itself to the document's condition
  if (!onDocument) where.push(keywordCondition(f.q));
  if (f.role) where.push(sql`${f.role} = any(${people.roles})`);
  if (f.districtCode) where.push(onTable ? eq(people.districtCode, f.districtCode) : districtCondition(f.districtCode));
  if (f.organizationId) {
    where.push(sql`${id} in (select person_id from affiliations where organization_id = ${f.organizationId})`);
  }
  if (f.networkId) {
    where.push(sql`${id} in (select person_id from memberships where network_id = ${f.networkId} and left_on is null)`);
  }
  // the document's copy of the industry tags (GIN): checked on the rows read in name order
  if (f.industryId) where.push(sql`${searchDocuments.industryIds} @> array[${f.industryId}]::uuid[]`);
  const parts = where.filter((w): w is SQL => w !== undefined);
  return parts.length ? and(...parts) : undefined;
}

const orderings = {
  name: pinyinOrder('asc'),
  '-name': pinyinOrder('desc'),
  createdAt: [asc(people.createdAt), asc(people.id)],
  '-createdAt': [desc(people.createdAt), desc(people.id)],
} satisfies Record<PersonListQuery['sort'], SQL[]>;

/** What the list's titles need of a person's affiliations, in their order, read with the page (a correlated subquery). */
const listedAffiliations = () =>
  sql<Pick<AffiliationRow, 'organizationName' | 'position' | 'endOn'>[] | null>`(select json_agg(json_build_object(
    'organizationName', a.organization_name, 'position', a.position, 'endOn', a.end_on) order by a.sort, a.id)
    from affiliations a where a.person_id = ${people.id})`;

/** A page of people in the list's order, with its total (estimated past 10,000: see pageTotal). */
export async function listPeople(ex: Executor, actor: Actor, q: PersonListQuery) {
  const onDocument = !tableOrdered(q.sort) && !q.role;
  return listPage(ex, people, 'person', listCondition(actor, q), orderings[q.sort], q, {
    extra: { listedAffiliations: listedAffiliations() },
    ...(onDocument ? { docCount: { cond: listCondition(actor, q, true) }, keyword: keywordCondition(q.q), probeInOrder: actor.role !== 'admin' && readDistricts(actor, 'person') === undefined } : {}),
  });
}

/** People the actor may see. */
export const countVisiblePeople = async (ex: Executor, actor: Actor) =>
  (await ex.select({ n: count() }).from(people).where(personVisibility(actor)))[0]!.n;

export const findPerson = async (ex: Executor, id: string) => (await ex.select().from(people).where(eq(people.id, id)).limit(1))[0];

/** The person if they exist and lie in the actor's scope. */
export const findPeople = async (ex: Executor, ids: string[]) => (ids.length ? ex.select().from(people).where(inArray(people.id, ids)) : []);

export const findVisiblePerson = async (ex: Executor, actor: Actor, id: string) =>
  (
    await ex
      .select()
      .from(people)
      .where(and(eq(people.id, id), personVisibility(actor)))
      .limit(1)
  )[0];

export const insertPerson = async (ex: Executor, row: NewPerson) => (await ex.insert(people).values(row).returning())[0]!;

export const updatePerson = async (ex: Executor, id: string, patch: Partial<NewPerson>) =>
  (await ex.update(people).set({ ...patch, updatedAt: new Date() }).where(eq(people.id, id)).returning())[0]!;

export const deletePerson = async (ex: Executor, id: string) => {
  await ex.delete(people).where(eq(people.id, id));
};

/** Affiliations of people, by person id, in their order. */
export async function affiliationsOfPeople(ex: Executor, ids: string[]): Promise<Map<string, AffiliationRow[]>> {
  const out = new Map<string, AffiliationRow[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await ex
    .select()
    .from(affiliations)
    .where(inArray(affiliations.personId, ids))
    .orderBy(asc(affiliations.sort), asc(affiliations.id));
  for (const r of rows) out.get(r.personId)!.push(r);
  return out;
}

/** Replace a person's affiliations, in the order given. */
export async function setAffiliations(ex: Executor, personId: string, list: NewAffiliation[]) {
  await ex.delete(affiliations).where(eq(affiliations.personId, personId));
  if (list.length) await ex.insert(affiliations).values(list.map((a, sort) => ({ ...a, personId, sort })));
}

/** Industry tags of people, by person id. */
export async function industriesOfPeople(ex: Executor, ids: string[]): Promise<Map<string, Ref[]>> {
  const out = new Map<string, Ref[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await ex
    .select({ ownerId: personIndustries.personId, id: industries.id, name: industries.name })
    .from(personIndustries)
    .innerJoin(industries, eq(industries.id, personIndustries.industryId))
    .where(inArray(personIndustries.personId, ids))
    .orderBy(asc(industries.sort), asc(industries.name));
  for (const r of rows) out.get(r.ownerId)!.push({ id: r.id, name: r.name });
  return out;
}

export async function setPersonIndustries(ex: Executor, personId: string, industryIds: string[]) {
  await ex.delete(personIndustries).where(eq(personIndustries.personId, personId));
  if (industryIds.length) {
    await ex
      .insert(personIndustries)
      .values([...new Set(industryIds)].map((industryId) => ({ personId, industryId })))
      .onConflictDoNothing();
  }
}

/** Name and district of organisations, by id (to fill affiliations and a person's district). */
export async function organizationsByIds(ex: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; name: string; districtCode: string | null }>();
  const rows = await ex
    .select({ id: organizations.id, name: organizations.name, districtCode: organizations.districtCode })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
