import { inArray, sql } from 'drizzle-orm';
import type { SearchEntityType } from '../../../../common/domain';
import type { Db, Executor } from '../../db/client';
import { networks, places } from '../../db/schema';
import { networkSearchDoc } from '../networks/networks.presenter';
import { reindexOrganizations } from '../organizations/organization-detail.service';
import { reindexPeople } from '../people/person-detail.service';
import { syncEventSearch } from '../events/event-search';
import { syncNeedSearch } from '../needs/need-search';
import { placeSearchDoc } from '../places/places.presenter';
import { upsertSearchDocuments } from './search-index';

/**
 * Rebuilds every search document with the one builder (searchRow, through each feature's document
 * function), for databases written before the builder changed (more pinyin keys, the kind column):
 * `npm run tongxin -- reindex`. Batch by batch, each in its own transaction, in id order, so it can be
 * stopped and run again. Networks and places keep the aliases their document had (demo data gives them
 * aliases that only the document holds).
 */
export interface ReindexProgress {
  entityType: SearchEntityType;
  done: number;
  total: number;
}

const TABLES: Record<SearchEntityType, string> = { organization: 'organizations', person: 'people', network: 'networks', place: 'places', need: 'needs', event: 'events' };

type Rebuild = (ex: Executor, ids: string[]) => Promise<void>;

/** The aliases shown in a document's body (别名：A、B), for records that keep aliases only there. */
export function documentAliases(title: string, body: string | undefined): string[] {
  const prefix = `${title} 别名：`;
  if (!body?.startsWith(prefix)) return [];
  const rest = body.slice(prefix.length);
  const end = rest.search(/ 曾用名：| /);
  return (end < 0 ? rest : rest.slice(0, end)).split('、').filter((a) => a !== '');
}

async function bodies(ex: Executor, entityType: SearchEntityType, ids: string[]): Promise<Map<string, string>> {
  const res = await ex.execute(
    sql`select entity_id::text as id, body from search_documents where entity_type = ${entityType} and entity_id = any(${sql.param(ids)}::uuid[])`,
  );
  return new Map((res as unknown as { rows: { id: string; body: string }[] }).rows.map((r) => [r.id, r.body]));
}

const rebuilders: Record<SearchEntityType, Rebuild> = {
  organization: reindexOrganizations,
  person: reindexPeople,
  async network(ex, ids) {
    const rows = await ex.select().from(networks).where(inArray(networks.id, ids));
    const body = await bodies(ex, 'network', ids);
    await upsertSearchDocuments(ex, rows.map((n) => networkSearchDoc(n, documentAliases(n.name, body.get(n.id)))));
  },
  async place(ex, ids) {
    const rows = await ex.select().from(places).where(inArray(places.id, ids));
    const body = await bodies(ex, 'place', ids);
    await upsertSearchDocuments(ex, rows.map((p) => placeSearchDoc(p, documentAliases(p.name, body.get(p.id)))));
  },
  need: syncNeedSearch,
  event: syncEventSearch,
};

export async function reindexAll(db: Db, opts: { batchSize?: number; onProgress?: (p: ReindexProgress) => void } = {}) {
  const batchSize = opts.batchSize ?? 1000;
  const counts: Partial<Record<SearchEntityType, number>> = {};
  for (const entityType of Object.keys(TABLES) as SearchEntityType[]) {
    const table = sql.identifier(TABLES[entityType]);
    const total = ((await db.execute(sql`select count(*)::int as n from ${table}`)) as unknown as { rows: { n: number }[] }).rows[0].n;
    let done = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = ((await db.execute(sql`select id::text as id from ${table} where id > ${after}::uuid order by id limit ${batchSize}`)) as unknown as {
        rows: { id: string }[];
      }).rows.map((r) => r.id);
      if (!ids.length) break;
      await db.transaction((tx) => rebuilders[entityType](tx, ids));
      done += ids.length;
      after = ids[ids.length - 1];
      opts.onProgress?.({ entityType, done, total });
    }
    counts[entityType] = done;
  }
  return counts as Record<SearchEntityType, number>;
}
