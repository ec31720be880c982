import type {
  CreateOrganizationBody,
  DuplicateCandidate,
  OrganizationDuplicatesBody,
  OrganizationListQuery,
  UpdateOrganizationBody,
} from '../../../../common/schemas/organizations';
import type { Db, Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { assertCanChange, districtForNewRecord, districtOutOfScope } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { industryRefs, LISTED_INDUSTRIES } from '../search/list-query';
import { deleteSearchDocument } from '../search/search-index';
import { DuplicateError } from './duplicate-error';
import { organizationDetail, reindexOrganization, relinkOrganization } from './organization-detail.service';
import { findOrganizationDuplicates } from './organization-duplicates.repository';
import { createOrganizationMerge } from './organization-merge.service';
import { canEditDirectory, canPlaceInDistrict } from './organizations.policy';
import { auditOrganization, districtNameOf, presentOrganization } from './organizations.presenter';
import * as repo from './organizations.repository';

const invalid = (path: string, message: string) => new AppError('VALIDATION', { fields: [{ path, message }] });

async function checkIndustries(ex: Executor, ids: string[] | undefined) {
  if (!ids?.length) return;
  const found = await repo.existingIndustryIds(ex, ids);
  const i = ids.findIndex((id) => !found.has(id));
  if (i >= 0) throw invalid(`industryIds.${i}`, '产业不存在 / no such industry');
}

/** The same credit code is refused always; the other record is named only when the actor may see it. */
async function checkUscc(ex: Executor, actor: Actor, uscc: string | null | undefined, selfId?: string) {
  if (!uscc) return;
  const other = await repo.findOrganizationByUscc(ex, uscc);
  if (!other || other.id === selfId) return;
  const visible = await repo.findVisibleOrganization(ex, actor, other.id);
  const candidates: DuplicateCandidate[] = visible
    ? [{ id: visible.id, name: visible.name, districtName: districtNameOf(visible.districtCode), uscc, reason: 'uscc', score: 1 }]
    : [];
  throw new DuplicateError(candidates, {
    fields: [{ path: 'uscc', message: '该统一社会信用代码已被其他单位使用 / credit code already used' }],
  });
}

function checkCoordinates(lng: number | null | undefined, lat: number | null | undefined) {
  if ((lng == null) !== (lat == null)) throw invalid(lng == null ? 'lng' : 'lat', '经度和纬度需同时填写 / give both longitude and latitude');
}

/** Aliases without the name itself and without repeats. */
const cleanAliases = (name: string, aliases: string[]) => [...new Set(aliases)].filter((a) => repo.nameNorm(a) !== repo.nameNorm(name));

export function createOrganizationService({ db }: { db: Db }) {
  const merge = createOrganizationMerge({ db });

  async function list(actor: Actor, q: OrganizationListQuery) {
    const { rows, total, totalEstimated } = await repo.listOrganizations(db, actor, q);
    const industries = await industryRefs(db, rows.map((r) => r[LISTED_INDUSTRIES]));
    return {
      items: rows.map((r, i) => presentOrganization(r, industries[i]!)),
      total,
      totalEstimated,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async function get(actor: Actor, id: string) {
    // out of scope looks the same as absent: do not confirm that the record exists
    const row = await repo.findVisibleOrganization(db, actor, id);
    if (!row) throw notFound();
    return organizationDetail(db, row, actor);
  }

  async function duplicates(actor: Actor, body: OrganizationDuplicatesBody) {
    // in a transaction: the lookup sets a transaction-local trigram threshold
    return db.transaction(async (tx) => ({ candidates: await findOrganizationDuplicates(tx, actor, body) }));
  }

  async function create(actor: Actor, body: CreateOrganizationBody) {
    if (!canEditDirectory(actor)) throw forbidden();
    // authorized before anything is written: a coordinator's record goes to one of their districts
    const districtCode = districtForNewRecord(actor, body.districtCode);
    checkCoordinates(body.lng, body.lat);
    return db.transaction(async (tx) => {
      await checkUscc(tx, actor, body.uscc);
      await checkIndustries(tx, body.industryIds);
      const aliases = cleanAliases(body.name, body.aliases ?? []);
      if (!body.force) {
        const candidates = await findOrganizationDuplicates(tx, actor, { name: body.name, aliases });
        if (candidates.length) throw new DuplicateError(candidates);
      }
      const row = await repo.insertOrganization(tx, {
        name: body.name,
        nameNorm: repo.nameNorm(body.name),
        kind: body.kind,
        districtCode,
        uscc: body.uscc ?? null,
        aliases,
        formerNames: body.formerNames ?? [],
        address: body.address ?? null,
        lng: body.lng ?? null,
        lat: body.lat ?? null,
        size: body.size ?? null,
        website: body.website ?? null,
        description: body.description ?? null,
      });
      if (body.industryIds?.length) await repo.setOrganizationIndustries(tx, row.id, body.industryIds);
      const industryIds = await reindexOrganization(tx, row);
      await recordAudit(tx, actor, { action: 'create', entity: 'organization', entityId: row.id, after: auditOrganization(row, industryIds) });
      return organizationDetail(tx, row, actor);
    });
  }

  async function update(actor: Actor, id: string, body: UpdateOrganizationBody) {
    return db.transaction(async (tx) => {
      const before = await repo.findVisibleOrganization(tx, actor, id);
      if (!before) throw notFound();
      if (!canEditDirectory(actor)) throw forbidden();
      await assertCanChange(tx, actor, 'organization', id);
      if (body.districtCode !== undefined && (body.districtCode ?? null) !== before.districtCode) {
        if (!canPlaceInDistrict(actor, body.districtCode ?? null)) throw districtOutOfScope(actor);
      }
      checkCoordinates(body.lng === undefined ? before.lng : body.lng, body.lat === undefined ? before.lat : body.lat);
      if (body.uscc && body.uscc !== before.uscc) await checkUscc(tx, actor, body.uscc, id);
      await checkIndustries(tx, body.industryIds);
      const beforeIndustries = (await repo.industriesOfOrganizations(tx, [id])).get(id)!.map((i) => i.id);

      // a rename runs the duplicate check again (the same finder as a creation), unless forced
      const renamed = body.name !== undefined && repo.nameNorm(body.name) !== before.nameNorm;
      if (renamed && !body.force) {
        const candidates = await findOrganizationDuplicates(tx, actor, { name: body.name!, aliases: body.aliases ?? before.aliases, excludeId: id });
        if (candidates.length) throw new DuplicateError(candidates);
      }
      const { industryIds, force: _force, ...fields } = body;
      const patch: Partial<repo.NewOrganization> = {};
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
      const name = body.name ?? before.name;
      if (body.name !== undefined) patch.nameNorm = repo.nameNorm(body.name);
      if (body.aliases !== undefined || body.name !== undefined) patch.aliases = cleanAliases(name, body.aliases ?? before.aliases);

      const after = await repo.updateOrganization(tx, id, patch);
      if (industryIds !== undefined) await repo.setOrganizationIndustries(tx, id, industryIds);
      const afterIndustries = await reindexOrganization(tx, after);
      if (after.name !== before.name) await relinkOrganization(tx, id, after.name);
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'organization',
        entityId: id,
        before: auditOrganization(before, beforeIndustries),
        after: auditOrganization(after, afterIndustries),
      });
      return organizationDetail(tx, after, actor);
    });
  }

  async function remove(actor: Actor, id: string) {
    await db.transaction(async (tx) => {
      const before = await repo.findVisibleOrganization(tx, actor, id);
      if (!before) throw notFound();
      if (!canEditDirectory(actor)) throw forbidden();
      await assertCanChange(tx, actor, 'organization', id);
      const industryIds = (await repo.industriesOfOrganizations(tx, [id])).get(id)!.map((i) => i.id);
      await repo.deleteOrganization(tx, id);
      await deleteSearchDocument(tx, 'organization', id);
      await recordAudit(tx, actor, { action: 'delete', entity: 'organization', entityId: id, before: auditOrganization(before, industryIds) });
    });
  }

  return { list, get, duplicates, create, update, remove, merge };
}
export type OrganizationService = ReturnType<typeof createOrganizationService>;
