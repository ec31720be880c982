import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { places } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { readCondition } from '../../lib/visibility';
import { likeContains } from '../../lib/text';

export type PlaceRow = typeof places.$inferSelect;
export type NewPlace = typeof places.$inferInsert;

export const placeScope = (actor: Actor) => readCondition(actor, 'place', { id: places.id, districtCode: places.districtCode });

export interface PlaceFilter {
  scope: SQL | undefined;
  q?: string;
  kind?: PlaceRow['kind'];
  districtCode?: string;
}

const like = likeContains;

function placeWhere(f: PlaceFilter) {
  return and(
    f.scope,
    f.q ? or(ilike(places.name, like(f.q)), ilike(places.address, like(f.q))) : undefined,
    f.kind ? eq(places.kind, f.kind) : undefined,
    f.districtCode ? eq(places.districtCode, f.districtCode) : undefined,
  );
}

export async function listPlaces(ex: Executor, f: PlaceFilter, page: number, pageSize: number) {
  const cond = placeWhere(f);
  const [rows, [{ total }]] = await Promise.all([
    ex
      .select()
      .from(places)
      .where(cond)
      .orderBy(asc(places.name), asc(places.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ex.select({ total: count() }).from(places).where(cond),
  ]);
  return { rows, total };
}

export const findPlace = async (ex: Executor, id: string, scope: SQL | undefined) =>
  (await ex.select().from(places).where(and(eq(places.id, id), scope)).limit(1))[0];

export const insertPlace = async (ex: Executor, row: NewPlace) => (await ex.insert(places).values(row).returning())[0]!;

export const updatePlace = async (ex: Executor, id: string, patch: Partial<NewPlace>) =>
  (await ex.update(places).set({ ...patch, updatedAt: new Date() }).where(eq(places.id, id)).returning())[0]!;

export const deletePlace = async (ex: Executor, id: string) => {
  await ex.delete(places).where(eq(places.id, id));
};
