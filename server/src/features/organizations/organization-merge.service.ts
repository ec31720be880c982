import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { assertCanChange } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { deleteSearchDocument } from '../search/search-index';
import { moveMemberships } from './member-of.repository';
import { moveOrganizationReferences } from './organization-references.repository';
import { organizationDetail, reindexOrganization, relinkOrganization } from './organization-detail.service';
import { canMerge } from './organizations.policy';
import { auditOrganization } from './organizations.presenter';
import * as repo from './organizations.repository';

const union = (...lists: string[][]) => [...new Set(lists.flat())];

/**
 * Merging a duplicate (source) into the record kept: memberships (one per network), affiliations,
 * industries, aliases and what other features store about it (needs, accounts, service records, hosts …: see
 * organization-references.repository.ts) move over, the source's name becomes an alias, the kept record's empty fields
 * take the source's values, the source is deleted with its search document: all in one transaction,
 * audited as 'merge' on both records (the kept one with before = both, after = the result).
 */
export function createOrganizationMerge({ db }: { db: Db }) {
  return async function merge(actor: Actor, keepId: string, sourceId: string) {
    if (keepId === sourceId) {
      throw new AppError('VALIDATION', { fields: [{ path: 'sourceId', message: '不能与自身合并 / cannot merge a record into itself' }] });
    }
    return db.transaction(async (tx) => {
      const keep = await repo.findVisibleOrganization(tx, actor, keepId);
      const source = keep && (await repo.findVisibleOrganization(tx, actor, sourceId));
      if (!keep || !source) throw notFound();
      if (!canMerge(actor)) throw forbidden();
      await assertCanChange(tx, actor, 'organization', keepId, sourceId);

      const industries = await repo.industriesOfOrganizations(tx, [keepId, sourceId]);
      const keepIndustries = industries.get(keepId)!.map((i) => i.id);
      const sourceIndustries = industries.get(sourceId)!.map((i) => i.id);

      const memberships = await moveMemberships(tx, 'organization', sourceId, keepId);
      const affiliations = await repo.moveAffiliations(tx, sourceId, keepId);
      const needs = await moveOrganizationReferences(tx, sourceId, keepId);
      await repo.setOrganizationIndustries(tx, keepId, union(keepIndustries, sourceIndustries));

      const keepNorm = repo.nameNorm(keep.name);
      const aliases = union(keep.aliases, [source.name], source.aliases).filter((a) => repo.nameNorm(a) !== keepNorm);
      const hasPlace = keep.lng != null && keep.lat != null;
      // the credit code is unique: free it on the source before the kept record takes it
      if (!keep.uscc && source.uscc) await repo.updateOrganization(tx, sourceId, { uscc: null });
      await repo.deleteOrganization(tx, sourceId);
      await deleteSearchDocument(tx, 'organization', sourceId);

      const after = await repo.updateOrganization(tx, keepId, {
        aliases,
        formerNames: union(keep.formerNames, source.formerNames).filter((n) => repo.nameNorm(n) !== keepNorm),
        uscc: keep.uscc ?? source.uscc,
        districtCode: keep.districtCode ?? source.districtCode,
        address: keep.address ?? source.address,
        lng: hasPlace ? keep.lng : source.lng,
        lat: hasPlace ? keep.lat : source.lat,
        size: keep.size ?? source.size,
        website: keep.website ?? source.website,
        description: keep.description ?? source.description,
      });
      const afterIndustries = await reindexOrganization(tx, after);
      // the moved affiliations show the kept name, and those people's search documents say so
      await relinkOrganization(tx, keepId, after.name);

      await recordAudit(tx, actor, {
        action: 'merge',
        entity: 'organization',
        entityId: keepId,
        before: { kept: { id: keepId, ...auditOrganization(keep, keepIndustries) }, source: { id: sourceId, ...auditOrganization(source, sourceIndustries) } },
        after: { id: keepId, ...auditOrganization(after, afterIndustries), mergedFrom: sourceId, moved: { ...memberships, affiliations, needs: needs.length } },
      });
      await recordAudit(tx, actor, {
        action: 'merge',
        entity: 'organization',
        entityId: sourceId,
        before: auditOrganization(source, sourceIndustries),
        after: { mergedInto: keepId },
      });
      return organizationDetail(tx, after, actor);
    });
  };
}
