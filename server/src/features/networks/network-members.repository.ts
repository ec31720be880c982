import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { memberships, organizations, people } from '../../db/schema';

export type MembershipRecord = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;

const withNames = {
  id: memberships.id,
  networkId: memberships.networkId,
  organizationId: memberships.organizationId,
  personId: memberships.personId,
  tier: memberships.tier,
  role: memberships.role,
  joinedOn: memberships.joinedOn,
  leftOn: memberships.leftOn,
  createdAt: memberships.createdAt,
  organizationName: organizations.name,
  organizationKind: organizations.kind,
  personName: people.name,
};

/** every membership of the network, current and past, with the member's name */
export const networkMemberships = (ex: Executor, networkId: string) =>
  ex
    .select(withNames)
    .from(memberships)
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .leftJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.networkId, networkId))
    .orderBy(sql`coalesce(${organizations.name}, ${people.name})`, memberships.createdAt);

export type MembershipRow = Awaited<ReturnType<typeof networkMemberships>>[number];

export const findMembership = async (ex: Executor, networkId: string, id: string) =>
  (
    await ex
      .select(withNames)
      .from(memberships)
      .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
      .leftJoin(people, eq(people.id, memberships.personId))
      .where(and(eq(memberships.id, id), eq(memberships.networkId, networkId)))
      .limit(1)
  )[0];

/** the member's current (not left) membership of the network, other than `exceptId` */
export async function findCurrentMembership(
  ex: Executor,
  networkId: string,
  member: { organizationId: string | null; personId: string | null },
  exceptId?: string,
) {
  const who = member.organizationId ? eq(memberships.organizationId, member.organizationId) : eq(memberships.personId, member.personId!);
  const rows = await ex
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.networkId, networkId), who, isNull(memberships.leftOn), exceptId ? sql`${memberships.id} <> ${exceptId}` : undefined))
    .limit(1);
  return rows[0];
}

export const findOrganizationRef = async (ex: Executor, id: string) =>
  (await ex.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, id)).limit(1))[0];

export const findPersonRef = async (ex: Executor, id: string) =>
  (await ex.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, id)).limit(1))[0];

export const insertMembership = async (ex: Executor, row: NewMembership) => (await ex.insert(memberships).values(row).returning())[0]!;

export const updateMembership = async (ex: Executor, id: string, patch: Partial<NewMembership>) => {
  if (Object.values(patch).every((v) => v === undefined)) return; // `{}` changes nothing (Drizzle refuses an empty SET)
  await ex.update(memberships).set(patch).where(eq(memberships.id, id));
};
