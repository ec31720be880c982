import type { Executor } from '../../db/client';
import { networks, people } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { readCondition } from '../../lib/visibility';
import { syncNeedSearchOfOrganization } from '../needs/need-search';
import { reindexPeople } from '../people/person-detail.service';
import { upsertSearchDocuments } from '../search/search-index';
import { membershipsOf } from './member-of.repository';
import { organizationSearchDoc, presentOrganizationDetail } from './organizations.presenter';
import * as repo from './organizations.repository';

/**
 * The detail of an organisation as the API shows it to this actor: the people and networks linked to it
 * that the actor may not read are left out (docs/ACCESS.md).
 */
export async function organizationDetail(ex: Executor, row: repo.OrganizationRow, actor: Actor) {
  // one after the other: inside a transaction they share one connection
  const industries = await repo.industriesOfOrganizations(ex, [row.id]);
  const linkedPeople = await repo.peopleOfOrganization(ex, row.id, readCondition(actor, 'person', { id: people.id, districtCode: people.districtCode }));
  const memberships = await membershipsOf(ex, 'organization', row.id, readCondition(actor, 'network', { id: networks.id, districtCode: networks.districtCode }));
  return presentOrganizationDetail(row, industries.get(row.id) ?? [], linkedPeople, memberships);
}

/** Rewrites the search document of an organisation; call it in the transaction of the write. Returns its industry ids. */
export async function reindexOrganization(ex: Executor, row: repo.OrganizationRow) {
  const industries = (await repo.industriesOfOrganizations(ex, [row.id])).get(row.id) ?? [];
  const industryIds = industries.map((i) => i.id);
  await upsertSearchDocuments(ex, [organizationSearchDoc(row, industryIds)]);
  return industryIds;
}

/** Rewrites the search documents of organisations (an import's updates, a merge): the one builder, one statement. */
export async function reindexOrganizations(ex: Executor, ids: string[]) {
  if (!ids.length) return;
  const rows = await repo.findOrganizations(ex, ids);
  const industries = await repo.industriesOfOrganizations(ex, ids);
  await upsertSearchDocuments(
    ex,
    rows.map((r) => organizationSearchDoc(r, (industries.get(r.id) ?? []).map((i) => i.id))),
  );
}

/**
 * What points at an organisation follows its name (after a rename or a merge): linked affiliations show
 * it, and the search documents of those people (their titles) and of its needs are rebuilt. Call it in the
 * write's transaction.
 */
export async function relinkOrganization(ex: Executor, organizationId: string, name: string) {
  await reindexPeople(ex, await repo.renameAffiliations(ex, organizationId, name));
  await syncNeedSearchOfOrganization(ex, organizationId);
}
