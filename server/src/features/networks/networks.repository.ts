import { positionOf } from '../../../../common/domain';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ref } from '../../../../common/schemas/networks';
import type { Executor } from '../../db/client';
import { networks } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { readCondition } from '../../lib/visibility';
import { districtCondition, keywordCondition, kindCondition, listPage, pinyinOrder } from '../search/list-query';

export type NetworkRow = typeof networks.$inferSelect;
export type NewNetwork = typeof networks.$inferInsert;

/** The networks the actor may see: their districts, and their network scopes with every sub-network. */
export const networkScope = (actor: Actor) => readCondition(actor, 'network', { id: networks.id, districtCode: networks.districtCode });

export interface NetworkFilter {
  scope: SQL | undefined;
  /** the search box's keyword (words, pinyin, initials), through the search documents */
  q?: string;
  kind?: NetworkRow['kind'];
  parentId?: string;
  districtCode?: string;
}

function networkWhere(f: NetworkFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [f.scope];
  where.push(keywordCondition(f.q));
  if (f.kind) where.push(kindCondition(f.kind));
  if (f.parentId) where.push(eq(networks.parentId, f.parentId));
  if (f.districtCode) where.push(districtCondition(f.districtCode));
  return and(...where);
}

/**
 * A page of networks in pinyin order of their names, with its total (see pageTotal), and what each
 * row shows beside its name read in the same query: its parent (when the actor reads it), its
 * current members per tier and person/organisation, and how many sub-networks the actor reads.
 */
export async function listNetworks(ex: Executor, actor: Actor, f: NetworkFilter, page: number, pageSize: number) {
  const as = (alias: string) => readCondition(actor, 'network', { id: sql.raw(`${alias}.id`), districtCode: sql.raw(`${alias}.district_code`) }) ?? sql`true`;
  const { rows, ...total } = await listPage(ex, networks, 'network', networkWhere(f), pinyinOrder('asc'), { page, pageSize }, {
    extra: {
      listedParent: sql<Ref | null>`(select json_build_object('id', p.id, 'name', p.name) from networks p where p.id = ${networks.parentId} and ${as('p')})`,
      listedTiers: sql<{ tier: string; isPerson: boolean; n: number }[] | null>`(select json_agg(json_build_object('tier', t.tier, 'isPerson', t.is_person, 'n', t.n)) from (
        select m.tier, m.person_id is not null as is_person, count(*)::int as n from memberships m
        where m.network_id = ${networks.id} and m.left_on is null group by 1, 2) t)`,
      listedChildren: sql<number>`(select count(*)::int from networks c where c.parent_id = ${networks.id} and ${as('c')})`,
    },
  });
  return {
    ...total,
    rows: rows.map(({ listedParent, listedTiers, listedChildren, ...row }) => ({
      row: row as NetworkRow,
      parent: listedParent,
      byTier: tierCounts(listedTiers ?? []),
      childCount: Number(listedChildren),
    })),
  };
}

/** current members per position (an organisation's tier or a person's role, read by positionOf) */
function tierCounts(rows: { tier: string; isPerson: boolean; n: number }[]) {
  const m: Record<string, number> = {};
  for (const r of rows) {
    const position = positionOf(r.isPerson ? 'person' : 'organization', r.tier);
    m[position] = (m[position] ?? 0) + r.n;
  }
  return m;
}

export const findNetwork = async (ex: Executor, id: string, scope: SQL | undefined) =>
  (await ex.select().from(networks).where(and(eq(networks.id, id), scope)).limit(1))[0];

/** id and name of the given networks that lie within the scope */
export async function networkRefs(ex: Executor, ids: string[], scope: SQL | undefined) {
  if (!ids.length) return [];
  return ex
    .select({ id: networks.id, name: networks.name })
    .from(networks)
    .where(and(inArray(networks.id, ids), scope));
}

/** id, name, kind and parent of every network within the scope (for the tree) */
export const visibleNetworks = (ex: Executor, scope: SQL | undefined) =>
  ex
    .select({ id: networks.id, name: networks.name, kind: networks.kind, parentId: networks.parentId })
    .from(networks)
    .where(scope)
    .orderBy(asc(networks.name), asc(networks.id));

export const childrenOf = (ex: Executor, id: string, scope: SQL | undefined) =>
  ex
    .select({ id: networks.id, name: networks.name })
    .from(networks)
    .where(and(eq(networks.parentId, id), scope))
    .orderBy(asc(networks.name), asc(networks.id));

/** Would making `parentId` the parent of `id` close a loop? True when parentId is id itself or one of its sub-networks. */
export async function isSelfOrDescendant(ex: Executor, id: string, parentId: string) {
  const rows = await ex.execute(sql`
    with recursive sub(id) as (
      select ${id}::uuid
      union select n.id from networks n join sub on n.parent_id = sub.id
    ) select exists(select 1 from sub where id = ${parentId}::uuid) as hit`);
  return rowsOf<{ hit: boolean }>(rows)[0]?.hit === true;
}

export const hasChildren = async (ex: Executor, id: string) =>
  (await ex.select({ id: networks.id }).from(networks).where(eq(networks.parentId, id)).limit(1)).length > 0;

export const insertNetwork = async (ex: Executor, row: NewNetwork) => (await ex.insert(networks).values(row).returning())[0]!;

export const updateNetwork = async (ex: Executor, id: string, patch: Partial<NewNetwork>) =>
  (await ex.update(networks).set({ ...patch, updatedAt: new Date() }).where(eq(networks.id, id)).returning())[0]!;

export const deleteNetwork = async (ex: Executor, id: string) => {
  await ex.delete(networks).where(eq(networks.id, id));
};

/** the rows of `execute()`, the same on node-postgres and PGlite */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
