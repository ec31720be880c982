import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { membershipsOf } from '../organizations/member-of.repository';
import { upsertSearchDocuments } from '../search/search-index';
import { personSearchDoc, presentPersonDetail } from './people.presenter';
import * as repo from './people.repository';

/** The detail of a person as this actor may see it (masked contact data). */
export async function personDetail(ex: Executor, row: repo.PersonRow, actor: Actor) {
  // one after the other: inside a transaction they share one connection
  const affiliations = await repo.affiliationsOfPeople(ex, [row.id]);
  const industries = await repo.industriesOfPeople(ex, [row.id]);
  const memberships = await membershipsOf(ex, 'person', row.id);
  return presentPersonDetail(row, affiliations.get(row.id) ?? [], industries.get(row.id) ?? [], memberships, actor);
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
