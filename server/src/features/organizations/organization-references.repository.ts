import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';

/**
 * What the other features store about an organisation, pointed at another one (a merge keeps the record it merges
 * into and deletes the duplicate: without this, the duplicate's needs, enterprise accounts, assignments and
 * registrations went with it by their cascades, and its service records, event hosts, agreement parties, place
 * operators and report sources lost it). Memberships, affiliations and industries move in their own repositories.
 * The one list of these references: a table that points at organisations is added here.
 * Returns the needs that moved (their search documents show the organisation's name).
 */
export async function moveOrganizationReferences(ex: Executor, sourceId: string, keepId: string) {
  const move = (table: string, column: string) =>
    ex.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${keepId} where ${sql.identifier(column)} = ${sourceId}`);
  const moved = await ex.execute(sql`update needs set organization_id = ${keepId} where organization_id = ${sourceId} returning id`);
  const needs = (moved as unknown as { rows: { id: string }[] }).rows;
  await move('account_links', 'organization_id');
  await move('need_assignments', 'organization_id');
  await move('service_records', 'organization_id');
  await ex.execute(sql`
    update service_records set provider_organization_ids = array(select distinct unnest(array_replace(provider_organization_ids, ${sourceId}::uuid, ${keepId}::uuid)))
    where ${sourceId}::uuid = any(provider_organization_ids)`);
  await move('enterprise_registrations', 'organization_id');
  await move('event_hosts', 'organization_id');
  await move('agreement_parties', 'organization_id');
  await move('place_relations', 'operator_organization_id');
  // a report that is the source of both keeps one link
  await ex.execute(sql`
    delete from report_sources s where s.entity_type = 'organization' and s.entity_id = ${sourceId}
      and exists (select 1 from report_sources k where k.report_id = s.report_id and k.entity_type = 'organization' and k.entity_id = ${keepId})`);
  await ex.execute(sql`update report_sources set entity_id = ${keepId} where entity_type = 'organization' and entity_id = ${sourceId}`);
  return needs.map((n) => n.id);
}
