import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { places } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { readCondition } from '../../lib/visibility';
import { districtCondition, keywordCondition, kindCondition, listPage, pinyinOrder } from '../search/list-query';

export type PlaceRow = typeof places.$inferSelect;
export type NewPlace = typeof places.$inferInsert;

export const placeScope = (actor: Actor) => readCondition(actor, 'place', { id: places.id, districtCode: places.districtCode });

export interface PlaceFilter {
  scope: SQL | undefined;
  q?: string;
  kind?: PlaceRow['kind'];
  districtCode?: string;
}

function placeWhere(f: PlaceFilter) {
  return and(
    f.scope,
    keywordCondition(f.q),
    f.kind ? kindCondition(f.kind) : undefined,
    f.districtCode ? districtCondition(f.districtCode) : undefined,
  );
}

/** A page of places in pinyin order of their names, with its total (see pageTotal). */
export async function listPlaces(ex: Executor, f: PlaceFilter, page: number, pageSize: number) {
  return listPage(ex, places, 'place', placeWhere(f), pinyinOrder('asc'), { page, pageSize });
}

export const findPlace = async (ex: Executor, id: string, scope: SQL | undefined) =>
  (await ex.select().from(places).where(and(eq(places.id, id), scope)).limit(1))[0];

export const insertPlace = async (ex: Executor, row: NewPlace) => (await ex.insert(places).values(row).returning())[0]!;

export const updatePlace = async (ex: Executor, id: string, patch: Partial<NewPlace>) =>
  (await ex.update(places).set({ ...patch, updatedAt: new Date() }).where(eq(places.id, id)).returning())[0]!;

export const deletePlace = async (ex: Executor, id: string) => {
  await ex.delete(places).where(eq(places.id, id));
};
