import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organizations } from '../../db/schema';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

export interface OrganizationFilter {
  /** 'all' or the district codes the actor may see */
  districts: 'all' | string[];
  q?: string;
  kind?: OrganizationRow['kind'];
  districtCode?: string;
}

export function organizationScope(f: OrganizationFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.districts !== 'all') where.push(f.districts.length ? inArray(organizations.districtCode, f.districts) : sql`false`);
  if (f.q) where.push(ilike(organizations.name, `%${f.q.replace(/[%_\\]/g, '\\$&')}%`));
  if (f.kind) where.push(eq(organizations.kind, f.kind));
  if (f.districtCode) where.push(eq(organizations.districtCode, f.districtCode));
  return where.length ? and(...where) : undefined;
}

const orderings = {
  name: asc(organizations.name),
  '-name': desc(organizations.name),
  createdAt: asc(organizations.createdAt),
  '-createdAt': desc(organizations.createdAt),
};

export async function listOrganizations(
  ex: Executor,
  f: OrganizationFilter,
  sort: keyof typeof orderings,
  page: number,
  pageSize: number,
) {
  const cond = organizationScope(f);
  const [rows, [{ total }]] = await Promise.all([
    ex
      .select()
      .from(organizations)
      .where(cond)
      .orderBy(orderings[sort], asc(organizations.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ex.select({ total: count() }).from(organizations).where(cond),
  ]);
  return { rows, total };
}

export const countOrganizations = async (ex: Executor, f: OrganizationFilter) =>
  (await ex.select({ n: count() }).from(organizations).where(organizationScope(f)))[0]!.n;

export const findOrganization = async (ex: Executor, id: string) =>
  (await ex.select().from(organizations).where(eq(organizations.id, id)).limit(1))[0];

export const findOrganizationByUscc = async (ex: Executor, uscc: string) =>
  (await ex.select().from(organizations).where(eq(organizations.uscc, uscc)).limit(1))[0];

export const insertOrganization = async (ex: Executor, row: NewOrganization) =>
  (await ex.insert(organizations).values(row).returning())[0]!;

export const updateOrganization = async (ex: Executor, id: string, patch: Partial<NewOrganization>) =>
  (await ex.update(organizations).set({ ...patch, updatedAt: new Date() }).where(eq(organizations.id, id)).returning())[0]!;
