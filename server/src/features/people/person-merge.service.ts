import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { assertCanChange } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { moveMemberships } from '../organizations/member-of.repository';
import { movePersonReferences } from './person-references.repository';
import { canMerge } from '../organizations/organizations.policy';
import { deleteSearchDocument } from '../search/search-index';
import { personDetail, reindexPerson } from './person-detail.service';
import { auditPerson } from './people.presenter';
import * as repo from './people.repository';

const union = <T>(...lists: T[][]) => [...new Set(lists.flat())];
const affiliationKey = (a: { organizationId: string | null; organizationName: string; position: string | null }) =>
  `${a.organizationId ?? a.organizationName}\u0000${a.position ?? ''}`;

/**
 * Merging a duplicate person (source) into the one kept, in one transaction: affiliations (the same
 * title at the same organisation once), memberships (one per network, the better tier), industries,
 * roles, expertise and what other features store about the person (account, assignments, topic groups …: see
 * person-references.repository.ts) move over; the kept person's empty fields take the source's values (political
 * affiliation only together with its consent); the source is deleted with its search document; audited
 * as 'merge' with both records before and the result after.
 */
export function createPersonMerge({ db }: { db: Db }) {
  return async function merge(actor: Actor, keepId: string, sourceId: string) {
    if (keepId === sourceId) {
      throw new AppError('VALIDATION', { fields: [{ path: 'sourceId', message: '不能与自身合并 / cannot merge a record into itself' }] });
    }
    return db.transaction(async (tx) => {
      const keep = await repo.findVisiblePerson(tx, actor, keepId);
      const source = keep && (await repo.findVisiblePerson(tx, actor, sourceId));
      if (!keep || !source) throw notFound();
      if (!canMerge(actor)) throw forbidden();
      await assertCanChange(tx, actor, 'person', keepId, sourceId);

      const affs = await repo.affiliationsOfPeople(tx, [keepId, sourceId]);
      const industries = await repo.industriesOfPeople(tx, [keepId, sourceId]);
      const keepAffs = affs.get(keepId)!;
      const seen = new Set(keepAffs.map(affiliationKey));
      const added = affs.get(sourceId)!.filter((a) => !seen.has(affiliationKey(a)) && seen.add(affiliationKey(a)));
      const strip = ({ id: _id, personId: _p, sort: _s, ...a }: repo.AffiliationRow) => a;
      await repo.setAffiliations(tx, keepId, [...keepAffs, ...added].map(strip));
      const memberships = await moveMemberships(tx, 'person', sourceId, keepId);
      const keepIndustries = industries.get(keepId)!.map((i) => i.id);
      const sourceIndustries = industries.get(sourceId)!.map((i) => i.id);
      await repo.setPersonIndustries(tx, keepId, union(keepIndustries, sourceIndustries));

      await movePersonReferences(tx, sourceId, keepId);
      await repo.deletePerson(tx, sourceId);
      await deleteSearchDocument(tx, 'person', sourceId);
      const takePolitical = keep.politicalAffiliation == null && source.politicalAffiliation != null;
      const after = await repo.updatePerson(tx, keepId, {
        roles: union(keep.roles, source.roles),
        expertise: union(keep.expertise, source.expertise),
        bio: keep.bio ?? source.bio,
        phone: keep.phone ?? source.phone,
        email: keep.email ?? source.email,
        districtCode: keep.districtCode ?? source.districtCode,
        ...(takePolitical ? { politicalAffiliation: source.politicalAffiliation, politicalConsent: source.politicalConsent } : {}),
      });
      const indexed = await reindexPerson(tx, after);

      await recordAudit(tx, actor, {
        action: 'merge',
        entity: 'person',
        entityId: keepId,
        before: {
          kept: { id: keepId, ...auditPerson(keep, keepAffs, keepIndustries) },
          source: { id: sourceId, ...auditPerson(source, affs.get(sourceId), sourceIndustries) },
        },
        after: {
          id: keepId,
          ...auditPerson(after, indexed.affiliations, indexed.industryIds),
          mergedFrom: sourceId,
          moved: { ...memberships, affiliations: added.length },
        },
      });
      await recordAudit(tx, actor, {
        action: 'merge',
        entity: 'person',
        entityId: sourceId,
        before: auditPerson(source, affs.get(sourceId), sourceIndustries),
        after: { mergedInto: keepId },
      });
      return personDetail(tx, after, actor);
    });
  };
}
