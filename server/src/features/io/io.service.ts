import type { Db } from '../../db/client';

export function createIoService({ db }: { db: Db }) {
  void db;
  return {};
}
export type IoService = ReturnType<typeof createIoService>;
