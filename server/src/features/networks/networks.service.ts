import type { Db } from '../../db/client';

export function createNetworkService({ db }: { db: Db }) {
  void db;
  return {};
}
export type NetworkService = ReturnType<typeof createNetworkService>;
