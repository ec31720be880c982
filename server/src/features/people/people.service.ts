import type { Db } from '../../db/client';

export function createPeopleService({ db }: { db: Db }) {
  void db;
  return {};
}
export type PeopleService = ReturnType<typeof createPeopleService>;
