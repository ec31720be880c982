import type { Executor } from '../../db/client';
import { networks } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { accessibleIds, readCondition } from '../../lib/visibility';
import { membershipsOf } from '../organizations/member-of.repository';
import { upsertSearchDocuments } from '../search/search-index';
import { personSearchDoc, presentPersonDetail } from './people.presenter';
import * as repo from './people.repository';

/**
 * The detail of a person as this actor may see it (masked contact data). An affiliation with an
 * organisation the actor may not read keeps its name (the person's own record) without the link; the
 * networks the actor may not read are left out (docs/ACCESS.md).
 */
export async function personDetail(ex: Executor, row: repo.PersonRow, actor: Actor) {
  // one after the other: inside a transaction they share one connection
  const affiliations = await unlinkUnreadable(ex, actor, affiliations0(await repo.affiliationsOfPeople(ex, [row.id]), row.id));
  const industries = await repo.industriesOfPeople(ex, [row.id]);
  const memberships = await membershipsOf(ex, 'person', row.id, readCondition(actor, 'network', { id: networks.id, districtCode: networks.districtCode }));
  return presentPersonDetail(row, affiliations, industries.get(row.id) ?? [], memberships, actor);
}

const affiliations0 = (m: Map<string, repo.AffiliationRow[]>, id: string) => m.get(id) ?? [];

/** Affiliations as the actor may see them: the link to an organisation they may not read removed. */
export async function unlinkUnreadable(ex: Executor, actor: Actor, list: repo.AffiliationRow[]) {
  const readable = await accessibleIds(ex, actor, 'organization', 'read', list.flatMap((a) => (a.organizationId ? [a.organizationId] : [])));
  return list.map((a) => (a.organizationId && !readable.has(a.organizationId) ? { ...a, organizationId: null } : a));
}

/** Rewrites the search document of a person; call it in the transaction of the write. */
export async function reindexPerson(ex: Executor, row: repo.PersonRow) {
  const affiliations = await repo.affiliationsOfPeople(ex, [row.id]);
  const industries = await repo.industriesOfPeople(ex, [row.id]);
  const affs = affiliations.get(row.id) ?? [];
  const industryIds = (industries.get(row.id) ?? []).map((i) => i.id);
  await upsertSearchDocuments(ex, [personSearchDoc(row, affs, industryIds)]);
  return { affiliations: affs, industryIds };
}

/** Rewrites the search documents of people (their organisation was renamed or merged): the one builder, one statement. */
export async function reindexPeople(ex: Executor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const rows = await repo.findPeople(ex, unique);
  const affiliations = await repo.affiliationsOfPeople(ex, unique);
  const industries = await repo.industriesOfPeople(ex, unique);
  await upsertSearchDocuments(
    ex,
    rows.map((r) => personSearchDoc(r, affiliations.get(r.id) ?? [], (industries.get(r.id) ?? []).map((i) => i.id))),
  );
}
