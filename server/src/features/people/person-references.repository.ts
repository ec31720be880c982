import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';

/**
 * What the other features store about a person, pointed at another one (a merge keeps the person it merges into
 * and deletes the duplicate: without this, the duplicate's expert account, need assignments and places in topic
 * groups went with it by their cascades, and the events, service records and report sources that named it lost
 * it). Affiliations, memberships and industries move in their own repositories. The one list of these references:
 * a table that points at people is added here.
 */
export async function movePersonReferences(ex: Executor, sourceId: string, keepId: string) {
  const move = (table: string, column: string) =>
    ex.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${keepId} where ${sql.identifier(column)} = ${sourceId}`);
  await move('account_links', 'person_id');
  await move('need_assignments', 'person_id');
  await move('event_people', 'person_id');
  // an expert of a topic group once
  await ex.execute(sql`
    delete from event_group_experts s where s.person_id = ${sourceId}
      and exists (select 1 from event_group_experts k where k.group_id = s.group_id and k.person_id = ${keepId})`);
  await move('event_group_experts', 'person_id');
  await ex.execute(sql`
    update service_records set provider_person_ids = array(select distinct unnest(array_replace(provider_person_ids, ${sourceId}::uuid, ${keepId}::uuid)))
    where ${sourceId}::uuid = any(provider_person_ids)`);
  // a report that is the source of both keeps one link
  await ex.execute(sql`
    delete from report_sources s where s.entity_type = 'person' and s.entity_id = ${sourceId}
      and exists (select 1 from report_sources k where k.report_id = s.report_id and k.entity_type = 'person' and k.entity_id = ${keepId})`);
  await ex.execute(sql`update report_sources set entity_id = ${keepId} where entity_type = 'person' and entity_id = ${sourceId}`);
}
