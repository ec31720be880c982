import type { Db } from '../../db/client';

export function createPlaceService({ db }: { db: Db }) {
  void db;
  return {};
}
export type PlaceService = ReturnType<typeof createPlaceService>;
