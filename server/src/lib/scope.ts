import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './actor';

/**
 * The rows an actor may see. Admins see everything; everybody else sees what lies in one of their
 * scopes: a district scope (GB/T 2260 code) covers records with that districtCode; a network scope
 * covers the network, its sub-networks (networks nest: "1+36+N") and their current members.
 * Returns undefined for "no restriction", or a condition to AND into the query.
 */
export function scopeCondition(
  actor: Actor,
  entity: 'organization' | 'person' | 'network' | 'place',
  cols: { id: AnyPgColumn; districtCode: AnyPgColumn },
): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  const districts = actor.scopes.filter((s) => s.kind === 'district').map((s) => s.value);
  const networkIds = actor.scopes.filter((s) => s.kind === 'network').map((s) => s.value);
  const parts: SQL[] = [];
  if (districts.length) parts.push(sql`${cols.districtCode} in ${districts}`);
  if (networkIds.length) {
    const tree = sql`(with recursive tree(id) as (
        select id from networks where id::text in ${networkIds}
        union select n.id from networks n join tree on n.parent_id = tree.id
      ) select id from tree)`;
    if (entity === 'network') parts.push(sql`${cols.id} in ${tree}`);
    if (entity === 'organization' || entity === 'person') {
      const col = entity === 'organization' ? sql`organization_id` : sql`person_id`;
      parts.push(sql`${cols.id} in (select ${col} from memberships where left_on is null and network_id in ${tree})`);
    }
  }
  if (!parts.length) return sql`false`;
  return parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` or `)})`;
}

