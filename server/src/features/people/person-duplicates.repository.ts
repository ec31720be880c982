import { and, ne, or, sql } from 'drizzle-orm';
import type { PersonDuplicateCandidate } from '../../../../common/schemas/people';
import { normalizePhone } from '../../../../common/schemas/people';
import type { Executor } from '../../db/client';
import { people } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { nameNorm } from '../organizations/organizations.repository';
import { titlesOf } from './people.presenter';
import { affiliationsOfPeople, personVisibility } from './people.repository';

export interface PersonDuplicateQuery {
  name: string;
  organizationIds?: string[];
  phone?: string | null;
  excludeId?: string;
}

/**
 * People (within the actor's scope) that the given one may duplicate, best first: the same normalized
 * name at one of the same organisations (1), the same phone (0.9), or only the same name (0.5: common
 * Chinese names are shared by many people, so a bare name match never blocks a creation).
 */
export async function findPersonDuplicates(
  ex: Executor,
  actor: Actor,
  q: PersonDuplicateQuery,
  limit = 10,
): Promise<PersonDuplicateCandidate[]> {
  const norm = nameNorm(q.name);
  const phone = q.phone ? normalizePhone(q.phone) : null;
  const orgIds = [...new Set(q.organizationIds ?? [])];
  if (!norm && !phone) return [];
  const nameHit = sql`${people.nameNorm} = ${norm}`;
  const phoneHit = phone ? sql`coalesce(${people.phone} = ${phone}, false)` : sql`false`;
  const orgHit = orgIds.length
    ? sql`exists (select 1 from affiliations a where a.person_id = ${people.id} and a.organization_id = any(${sql.param(orgIds)}::uuid[]))`
    : sql`false`;
  const rows = await ex
    .select({
      id: people.id,
      name: people.name,
      nameHit: sql<boolean>`${nameHit}`,
      phoneHit: sql<boolean>`${phoneHit}`,
      orgHit: sql<boolean>`${orgHit}`,
    })
    .from(people)
    .where(and(personVisibility(actor), q.excludeId ? ne(people.id, q.excludeId) : undefined, or(nameHit, phoneHit)))
    .limit(50);
  const affiliations = await affiliationsOfPeople(ex, rows.map((r) => r.id));
  return rows
    .map((r): PersonDuplicateCandidate => {
      const [reason, score]: [PersonDuplicateCandidate['reason'], number] =
        r.nameHit && r.orgHit ? ['name+organization', 1] : r.phoneHit ? ['phone', 0.9] : ['name', 0.5];
      return { id: r.id, name: r.name, titles: titlesOf(affiliations.get(r.id) ?? []), reason, score };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit);
}

/** Candidates strong enough to stop a creation (unless forced). */
export const blocksCreation = (c: PersonDuplicateCandidate) => c.reason !== 'name';
