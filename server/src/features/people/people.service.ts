import type {
  AffiliationInput,
  CreatePersonBody,
  PersonDuplicatesBody,
  PersonListQuery,
  UpdatePersonBody,
} from '../../../../common/schemas/people';
import type { Db, Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { accessibleIds, assertCanChange, districtForNewRecord, districtOutOfScope } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { DuplicateError } from '../organizations/duplicate-error';
import { canEditDirectory, canPlaceInDistrict } from '../organizations/organizations.policy';
import { existingIndustryIds, nameNorm } from '../organizations/organizations.repository';
import { deleteSearchDocument } from '../search/search-index';
import { personDetail, reindexPerson } from './person-detail.service';
import { blocksCreation, findPersonDuplicates } from './person-duplicates.repository';
import { createPersonMerge } from './person-merge.service';
import { industryRefs, LISTED_INDUSTRIES } from '../search/list-query';
import { canReadPolitical, canUnmask, hasPoliticalPermission } from './people.policy';
import { auditPerson, presentPerson } from './people.presenter';
import * as repo from './people.repository';

const invalid = (path: string, message: string) => new AppError('VALIDATION', { fields: [{ path, message }] });

async function checkIndustries(ex: Executor, ids: string[] | undefined) {
  if (!ids?.length) return;
  const found = await existingIndustryIds(ex, ids);
  const i = ids.findIndex((id) => !found.has(id));
  if (i >= 0) throw invalid(`industryIds.${i}`, '产业不存在 / no such industry');
}

/**
 * Checks affiliations against the directory; returns rows to store and the district of the first
 * organisation that has one. Linking needs the right to see the organisation: one the actor may not
 * read is refused exactly like one that does not exist. A link the person already had to an
 * organisation the actor may not read (shown to them by name only) is kept when the same name comes back.
 */
async function resolveAffiliations(ex: Executor, actor: Actor, list: AffiliationInput[], previous: repo.AffiliationRow[] = []) {
  const readable = await accessibleIds(ex, actor, 'organization', 'read', list.flatMap((a) => (a.organizationId ? [a.organizationId] : [])));
  const previousIds = await accessibleIds(ex, actor, 'organization', 'read', previous.flatMap((a) => (a.organizationId ? [a.organizationId] : [])));
  const hiddenByName = new Map(previous.filter((a) => a.organizationId && !previousIds.has(a.organizationId)).map((a) => [a.organizationName, a.organizationId!]));
  const linked = list.map((a) => a.organizationId ?? (a.organizationName ? hiddenByName.get(a.organizationName) : undefined));
  const orgs = await repo.organizationsByIds(ex, linked.flatMap((id) => (id ? [id] : [])));
  const rows: repo.NewAffiliation[] = list.map((a, i) => {
    const org = linked[i] ? orgs.get(linked[i]) : undefined;
    if (a.organizationId && (!org || !readable.has(a.organizationId))) throw invalid(`affiliations.${i}.organizationId`, '单位不存在 / no such organisation');
    const organizationName = a.organizationName || org?.name;
    if (!organizationName) throw invalid(`affiliations.${i}.organizationName`, '请填写单位名称 / organisation name is required');
    if (a.startOn && a.endOn && a.endOn < a.startOn) {
      throw invalid(`affiliations.${i}.endOn`, '结束日期不能早于开始日期 / ends before it starts');
    }
    return {
      organizationId: org?.id ?? null,
      organizationName,
      position: a.position ?? null,
      startOn: a.startOn ?? null,
      endOn: a.endOn ?? null,
      isContact: a.isContact ?? false,
    };
  });
  const districtCode = rows.map((r) => (r.organizationId ? orgs.get(r.organizationId)?.districtCode : null)).find((d) => !!d) ?? null;
  return { rows, districtCode };
}

/**
 * Political affiliation is written only by actors with the 'political' permission. Others get it
 * as null in every response and may send back what they were shown (forms do: a null affiliation,
 * the current consent): that is ignored, not written.
 */
function politicalPatch(
  actor: Actor,
  body: Pick<UpdatePersonBody, 'politicalAffiliation' | 'politicalConsent'>,
  before?: { politicalConsent: boolean },
) {
  if (hasPoliticalPermission(actor)) {
    return {
      ...(body.politicalAffiliation !== undefined ? { politicalAffiliation: body.politicalAffiliation } : {}),
      ...(body.politicalConsent !== undefined ? { politicalConsent: body.politicalConsent } : {}),
    };
  }
  const consentChanged = body.politicalConsent !== undefined && body.politicalConsent !== (before?.politicalConsent ?? false);
  const path = body.politicalAffiliation ? 'politicalAffiliation' : consentChanged ? 'politicalConsent' : null;
  if (path) {
    throw new AppError('FORBIDDEN', { fields: [{ path, message: '需要“政治面貌”权限 / needs the political permission' }] });
  }
  return {};
}

export function createPeopleService({ db }: { db: Db }) {
  const merge = createPersonMerge({ db });

  async function list(actor: Actor, q: PersonListQuery) {
    const { rows, total, totalEstimated } = await repo.listPeople(db, actor, q);
    // the titles' affiliations and the industry ids come with the page (one query), the names from the cached taxonomy
    const industries = await industryRefs(db, rows.map((r) => r[LISTED_INDUSTRIES]));
    const items = rows.map((r, i) => presentPerson(r, r.listedAffiliations ?? [], industries[i]!, actor));
    return { items, total, totalEstimated, page: q.page, pageSize: q.pageSize };
  }

  async function get(actor: Actor, id: string) {
    // out of scope looks the same as absent
    const row = await repo.findVisiblePerson(db, actor, id);
    if (!row) throw notFound();
    return personDetail(db, row, actor);
  }

  async function duplicates(actor: Actor, body: PersonDuplicatesBody) {
    return { candidates: await findPersonDuplicates(db, actor, body) };
  }

  async function create(actor: Actor, body: CreatePersonBody) {
    if (!canEditDirectory(actor)) throw forbidden();
    const political = politicalPatch(actor, body);
    return db.transaction(async (tx) => {
      await checkIndustries(tx, body.industryIds);
      const affs = await resolveAffiliations(tx, actor, body.affiliations ?? []);
      // authorized before anything is written: the person goes to a district the coordinator looks after
      const districtCode = districtForNewRecord(actor, body.districtCode ?? affs.districtCode);
      if (!body.force) {
        const organizationIds = affs.rows.flatMap((a) => (a.organizationId ? [a.organizationId] : []));
        const organizationNames = affs.rows.flatMap((a) => (a.organizationId ? [] : [a.organizationName]));
        const candidates = await findPersonDuplicates(tx, actor, { name: body.name, organizationIds, organizationNames, phone: body.phone });
        if (candidates.some(blocksCreation)) throw new DuplicateError(candidates);
      }
      const row = await repo.insertPerson(tx, {
        name: body.name,
        nameNorm: nameNorm(body.name),
        roles: body.roles ?? [],
        expertise: body.expertise ?? [],
        bio: body.bio ?? null,
        phone: body.phone ?? null,
        email: body.email ?? null,
        ...political,
        districtCode,
      });
      await repo.setAffiliations(tx, row.id, affs.rows);
      if (body.industryIds?.length) await repo.setPersonIndustries(tx, row.id, body.industryIds);
      const indexed = await reindexPerson(tx, row);
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'person',
        entityId: row.id,
        after: auditPerson(row, indexed.affiliations, indexed.industryIds),
      });
      return personDetail(tx, row, actor);
    });
  }

  async function update(actor: Actor, id: string, body: UpdatePersonBody) {
    return db.transaction(async (tx) => {
      const before = await repo.findVisiblePerson(tx, actor, id);
      if (!before) throw notFound();
      if (!canEditDirectory(actor)) throw forbidden();
      // seeing a person through an affiliation or a network does not make them editable
      await assertCanChange(tx, actor, 'person', id);
      const political = politicalPatch(actor, body, before);
      await checkIndustries(tx, body.industryIds);
      const beforeAffs = await repo.affiliationsOfPeople(tx, [id]);
      const beforeIndustries = await repo.industriesOfPeople(tx, [id]);
      const affs = body.affiliations ? await resolveAffiliations(tx, actor, body.affiliations, beforeAffs.get(id)) : undefined;

      const { affiliations: _a, industryIds, politicalAffiliation: _p, politicalConsent: _c, ...fields } = body;
      const patch: Partial<repo.NewPerson> = { ...political };
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
      if (body.name !== undefined) patch.nameNorm = nameNorm(body.name);
      if (body.districtCode === undefined && !before.districtCode && affs?.districtCode) patch.districtCode = affs.districtCode;
      // nobody moves a person out of their own scope: checked before the write
      const districtAfter = patch.districtCode !== undefined ? patch.districtCode : before.districtCode;
      if (districtAfter !== before.districtCode && !canPlaceInDistrict(actor, districtAfter ?? null)) throw districtOutOfScope(actor);

      const after = await repo.updatePerson(tx, id, patch);
      if (affs) await repo.setAffiliations(tx, id, affs.rows);
      if (industryIds !== undefined) await repo.setPersonIndustries(tx, id, industryIds);
      const indexed = await reindexPerson(tx, after);
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'person',
        entityId: id,
        before: auditPerson(before, beforeAffs.get(id), beforeIndustries.get(id)!.map((i) => i.id)),
        after: auditPerson(after, indexed.affiliations, indexed.industryIds),
      });
      return personDetail(tx, after, actor);
    });
  }

  async function remove(actor: Actor, id: string) {
    await db.transaction(async (tx) => {
      const before = await repo.findVisiblePerson(tx, actor, id);
      if (!before) throw notFound();
      if (!canEditDirectory(actor)) throw forbidden();
      await assertCanChange(tx, actor, 'person', id);
      const affs = await repo.affiliationsOfPeople(tx, [id]);
      await repo.deletePerson(tx, id);
      await deleteSearchDocument(tx, 'person', id);
      await recordAudit(tx, actor, { action: 'delete', entity: 'person', entityId: id, before: auditPerson(before, affs.get(id)) });
    });
  }

  /** Clear contact data (and political affiliation where allowed); every call is audited. */
  async function unmask(actor: Actor, id: string) {
    return db.transaction(async (tx) => {
      const row = await repo.findVisiblePerson(tx, actor, id);
      if (!row) throw notFound();
      if (!canUnmask(actor)) throw forbidden();
      // contact data is cleared only for the people the actor looks after (docs/ACCESS.md)
      await assertCanChange(tx, actor, 'person', id);
      const political = canReadPolitical(actor, row);
      const revealed = {
        phone: row.phone,
        email: row.email,
        politicalAffiliation: political ? row.politicalAffiliation : null,
      };
      await recordAudit(tx, actor, {
        action: 'unmask',
        entity: 'person',
        entityId: id,
        after: { phone: revealed.phone, email: revealed.email, ...(political ? { politicalAffiliation: revealed.politicalAffiliation } : {}) },
      });
      return revealed;
    });
  }

  return { list, get, duplicates, create, update, remove, unmask, merge };
}
export type PeopleService = ReturnType<typeof createPeopleService>;
