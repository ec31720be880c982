import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { openNeedStatuses, type NeedCategory, type NeedStatus } from '../../../../common/need-workflow';
import type { Executor } from '../../db/client';
import { accountLinks, industries, needAssignments, needAttachments, needs, needTimeline, organizations, people, searchDocuments, serviceRecords } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { likeContains } from '../../lib/text';
import { readCondition } from '../../lib/visibility';
import { keywordCondition } from '../search/list-query';

export type NeedRow = typeof needs.$inferSelect & { organizationName: string };
export type NewNeed = typeof needs.$inferInsert;

export const needScope = (actor: Actor) => readCondition(actor, 'need', { id: needs.id, districtCode: needs.districtCode });

const openList = sql.join(
  openNeedStatuses.map((s) => sql`${s}`),
  sql`, `,
);

/** Which deadline is past on `today` (a Shanghai date), as SQL: 'respond', 'resolve' or null. Computed when read. */
export const overdueSql = (today: string) => sql<'respond' | 'resolve' | null>`case
  when ${needs.status} = 'submitted' and ${needs.respondBy} < ${today}::date then 'respond'
  when ${needs.status} in (${openList}) and ${needs.resolveBy} < ${today}::date then 'resolve'
  else null end`;

export interface NeedFilter {
  scope: SQL | undefined;
  today: string;
  q?: string;
  status?: NeedStatus;
  category?: NeedCategory;
  districtCode?: string;
  organizationId?: string;
  overdue?: boolean;
  open?: boolean;
  /** needs with a live assignment to this person */
  assignedPersonId?: string | null;
}

/**
 * The keyword through the needs' search documents (features/search): jieba words of the title,
 * description and enterprise name, Traditional folded, and the title's pinyin and initials — the
 * same parser and GIN index as the search box and the directory lists.
 */
function needKeyword(q: string | undefined): SQL | undefined {
  const kw = keywordCondition(q);
  return kw ? sql`${needs.id} in (select ${searchDocuments.entityId} from ${searchDocuments} where ${searchDocuments.entityType} = 'need' and ${kw})` : undefined;
}

export function needWhere(f: NeedFilter): SQL | undefined {
  return and(
    f.scope,
    needKeyword(f.q),
    f.status ? eq(needs.status, f.status) : undefined,
    f.category ? eq(needs.category, f.category) : undefined,
    f.districtCode ? eq(needs.districtCode, f.districtCode) : undefined,
    f.organizationId ? eq(needs.organizationId, f.organizationId) : undefined,
    f.overdue === undefined ? undefined : f.overdue ? sql`${overdueSql(f.today)} is not null` : sql`${overdueSql(f.today)} is null`,
    f.open === undefined ? undefined : f.open ? sql`${needs.status} in (${openList})` : sql`${needs.status} not in (${openList})`,
    f.assignedPersonId !== undefined
      ? sql`exists (select 1 from need_assignments a where a.need_id = ${needs.id} and a.person_id = ${f.assignedPersonId} and a.status in ('proposed', 'accepted'))`
      : undefined,
  );
}

const needColumns = { need: needs, organizationName: organizations.name };
const flat = (r: { need: typeof needs.$inferSelect; organizationName: string }): NeedRow => ({ ...r.need, organizationName: r.organizationName });

const sortOf = (sort: 'created' | 'deadline' | 'urgency' | 'title', dir: 'asc' | 'desc') => {
  const d = dir === 'asc' ? asc : desc;
  switch (sort) {
    case 'created':
      return [d(needs.createdAt), d(needs.id)];
    case 'deadline':
      return [dir === 'asc' ? sql`coalesce(${needs.respondBy}, ${needs.resolveBy}) asc nulls last` : sql`coalesce(${needs.respondBy}, ${needs.resolveBy}) desc nulls last`, d(needs.id)];
    case 'urgency':
      return [d(sql`array_position(array['low','normal','high','urgent'], ${needs.urgency})`), desc(needs.createdAt)];
    case 'title':
      return [d(needs.title), d(needs.id)];
  }
};

export async function listNeeds(ex: Executor, f: NeedFilter, sort: 'created' | 'deadline' | 'urgency' | 'title', dir: 'asc' | 'desc', page: number, pageSize: number) {
  const where = needWhere(f);
  const rows = await ex
    .select(needColumns)
    .from(needs)
    .innerJoin(organizations, eq(organizations.id, needs.organizationId))
    .where(where)
    .orderBy(...sortOf(sort, dir))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ n }] = (await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(needs)
    .innerJoin(organizations, eq(organizations.id, needs.organizationId))
    .where(where)) as [{ n: number }];
  return { rows: rows.map(flat), total: Number(n) };
}

/** Every need of the filter, for the export (bounded). */
export async function needsForExport(ex: Executor, f: NeedFilter, limit: number) {
  const rows = await ex
    .select(needColumns)
    .from(needs)
    .innerJoin(organizations, eq(organizations.id, needs.organizationId))
    .where(needWhere(f))
    .orderBy(desc(needs.createdAt))
    .limit(limit);
  return rows.map(flat);
}

export async function findNeed(ex: Executor, id: string, scope: SQL | undefined, forUpdate = false) {
  const q = ex
    .select(needColumns)
    .from(needs)
    .innerJoin(organizations, eq(organizations.id, needs.organizationId))
    .where(and(eq(needs.id, id), scope))
    .limit(1);
  const [row] = forUpdate ? await q.for('update', { of: needs }) : await q;
  return row ? flat(row) : undefined;
}

export const insertNeed = async (ex: Executor, row: NewNeed) => (await ex.insert(needs).values(row).returning())[0]!;

export const updateNeed = async (ex: Executor, id: string, patch: Partial<NewNeed>) =>
  (await ex.update(needs).set({ ...patch, updatedAt: new Date() }).where(eq(needs.id, id)).returning())[0]!;

export async function industryNames(ex: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ex.select({ id: industries.id, name: industries.name }).from(industries).where(inArray(industries.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const addTimeline = (ex: Executor, e: typeof needTimeline.$inferInsert) => ex.insert(needTimeline).values(e);

export const timelineOf = (ex: Executor, needId: string) =>
  ex.select().from(needTimeline).where(eq(needTimeline.needId, needId)).orderBy(asc(needTimeline.at), asc(needTimeline.id));

export const assignmentsOf = (ex: Executor, needId: string) =>
  ex
    .select({
      a: needAssignments,
      personName: people.name,
      organizationName: organizations.name,
    })
    .from(needAssignments)
    .leftJoin(people, eq(people.id, needAssignments.personId))
    .leftJoin(organizations, eq(organizations.id, needAssignments.organizationId))
    .where(eq(needAssignments.needId, needId))
    .orderBy(asc(needAssignments.createdAt));

export const serviceRecordsOf = (ex: Executor, needId: string) =>
  ex.select().from(serviceRecords).where(eq(serviceRecords.needId, needId)).orderBy(asc(serviceRecords.servedOn));

export const attachmentsOf = (ex: Executor, needId: string) =>
  ex
    .select({ id: needAttachments.id, fileName: needAttachments.fileName, mediaType: needAttachments.mediaType, size: needAttachments.size, createdAt: needAttachments.createdAt })
    .from(needAttachments)
    .where(eq(needAttachments.needId, needId))
    .orderBy(asc(needAttachments.createdAt));

/** The organisation / person an account stands for (enterprise user, expert user). */
export async function linkOf(ex: Executor, userId: string | null) {
  if (!userId) return undefined;
  const [row] = await ex.select().from(accountLinks).where(eq(accountLinks.userId, userId));
  return row;
}

export async function namesOf(ex: Executor, personIds: readonly string[], organizationIds: readonly string[]) {
  const map = new Map<string, string>();
  if (personIds.length) for (const r of await ex.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, [...personIds]))) map.set(r.id, r.name);
  if (organizationIds.length)
    for (const r of await ex.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...organizationIds])))
      map.set(r.id, r.name);
  return map;
}

/** Open needs of one organisation whose title shares a word with `title` (shown while typing a new one). */
export async function similarOpenNeeds(ex: Executor, organizationId: string, terms: string[], scope: SQL | undefined) {
  if (!terms.length) return [];
  const anyTerm = sql.join(
    terms.map((t) => sql`${needs.title} ilike ${likeContains(t)}`),
    sql` or `,
  );
  const rows = await ex
    .select(needColumns)
    .from(needs)
    .innerJoin(organizations, eq(organizations.id, needs.organizationId))
    .where(and(scope, eq(needs.organizationId, organizationId), sql`${needs.status} in (${openList})`, sql`(${anyTerm})`))
    .orderBy(desc(needs.createdAt))
    .limit(5);
  return rows.map(flat);
}
