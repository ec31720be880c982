import type { Db } from '../../db/client';

export function createSearchService({ db }: { db: Db }) {
  void db;
  return {};
}
export type SearchService = ReturnType<typeof createSearchService>;
