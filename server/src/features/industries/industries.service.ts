import type { Db } from '../../db/client';

export function createIndustryService({ db }: { db: Db }) {
  void db;
  return {};
}
export type IndustryService = ReturnType<typeof createIndustryService>;
