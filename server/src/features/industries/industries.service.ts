import type { z } from 'zod';
import type { createIndustryBody, industryLinkBody, updateIndustryBody } from '../../../../common/schemas/industries';
import type { Db, Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { scopeKey, ttlCache } from '../../lib/ttl-cache';
import { directoryVersion } from '../search/search-index';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.repository';
import { canEditTaxonomy } from './industries.policy';
import { auditIndustry, presentIndustry } from './industries.presenter';
import * as repo from './industries.repository';
import { industryChain } from './industry-chain.service';

const field = (code: 'VALIDATION' | 'CONFLICT' | 'DUPLICATE', path: string, message: string, userMessage?: { zh: string; en: string }) =>
  new AppError(code, { fields: [{ path, message }], userMessage });

/** How long the organisation counts per industry are kept (per scope; dropped on this process's directory writes). */
export const INDUSTRY_COUNTS_TTL_MS = 30_000;

export function createIndustryService({ db }: { db: Db }) {
  // counting every tagged organisation (a million at city scale) for each list page's industry filter is the
  // costly part of /api/industries: kept per scope, see ttl-cache.ts and directoryVersion
  const countCache = ttlCache<Map<string, number>>(INDUSTRY_COUNTS_TTL_MS);
  const organizationCounts = (actor: Actor) =>
    countCache.get(`${directoryVersion()}|${scopeKey(actor)}`, () => repo.organizationCounts(db, repo.organizationScope(actor)));

  async function present(ex: Executor, actor: Actor, row: repo.IndustryRow) {
    const [links, counts] = await Promise.all([repo.allLinks(ex), repo.organizationCounts(ex, repo.organizationScope(actor))]);
    return presentIndustry(row, links, counts.get(row.id) ?? 0);
  }

  async function checkName(ex: Executor, name: string, exceptId?: string) {
    if (await repo.findIndustryByName(ex, name, exceptId)) throw field('DUPLICATE', 'name', `已有名为“${name}”的产业 / an industry with this name exists`);
  }

  async function checkParent(ex: Executor, parentId: string | null | undefined, selfId?: string) {
    if (!parentId) return;
    if (!(await repo.findIndustry(ex, parentId))) throw field('VALIDATION', 'parentId', '上级产业不存在 / parent industry not found');
    if (selfId && (await repo.isSelfOrSubIndustry(ex, selfId, parentId))) {
      throw field('CONFLICT', 'parentId', '不能把产业放到它自己或它的下级产业之下 / an industry cannot sit under itself or its sub-industries');
    }
  }

  /** admin only: everyone else is refused before anything is read */
  function authorize(actor: Actor) {
    if (!canEditTaxonomy(actor)) throw forbidden();
  }

  return {
    /** the whole taxonomy (small), with organisation counts within the actor's scope */
    async list(actor: Actor) {
      const [rows, links, counts] = await Promise.all([
        repo.allIndustries(db),
        repo.allLinks(db),
        organizationCounts(actor),
      ]);
      return rows.map((r) => presentIndustry(r, links, counts.get(r.id) ?? 0));
    },

    chain: (actor: Actor, industryId?: string) => industryChain(db, actor, industryId),

    async create(actor: Actor, body: z.infer<typeof createIndustryBody>) {
      authorize(actor);
      return db.transaction(async (tx) => {
        await checkName(tx, body.name);
        await checkParent(tx, body.parentId);
        const row = await repo.insertIndustry(tx, { name: body.name, parentId: body.parentId ?? null, description: body.description ?? null });
        await recordAudit(tx, actor, { action: 'create', entity: 'industry', entityId: row.id, after: auditIndustry(row) });
        return present(tx, actor, row);
      });
    },

    async update(actor: Actor, id: string, body: z.infer<typeof updateIndustryBody>) {
      authorize(actor);
      return db.transaction(async (tx) => {
        const before = await repo.findIndustry(tx, id);
        if (!before) throw notFound();
        if (body.name !== undefined) await checkName(tx, body.name, id);
        if (body.parentId !== undefined && body.parentId !== before.parentId) await checkParent(tx, body.parentId, id);
        const after = await repo.updateIndustry(tx, id, body);
        await recordAudit(tx, actor, { action: 'update', entity: 'industry', entityId: id, before: auditIndustry(before), after: auditIndustry(after) });
        return present(tx, actor, after);
      });
    },

    async remove(actor: Actor, id: string) {
      authorize(actor);
      await db.transaction(async (tx) => {
        const before = await repo.findIndustry(tx, id);
        if (!before) throw notFound();
        if (await repo.hasSubIndustries(tx, id)) {
          throw new AppError('CONFLICT', {
            userMessage: { zh: '该产业下还有下级产业，请先移走或删除下级产业', en: 'This industry still has sub-industries: move or delete them first' },
          });
        }
        await repo.deleteIndustry(tx, id);
        await recordAudit(tx, actor, { action: 'delete', entity: 'industry', entityId: id, before: auditIndustry(before) });
      });
    },

    /**
     * One place up or down among its siblings: the siblings are numbered in their current order and the
     * industry swaps with its neighbour, in one transaction. At either end it stays where it is.
     */
    async move(actor: Actor, id: string, direction: 'up' | 'down') {
      authorize(actor);
      return db.transaction(async (tx) => {
        const row = await repo.findIndustry(tx, id);
        if (!row) throw notFound();
        const siblings = await repo.siblingIndustries(tx, row.parentId);
        const at = siblings.findIndex((s) => s.id === id);
        const to = direction === 'up' ? at - 1 : at + 1;
        if (to >= 0 && to < siblings.length) {
          [siblings[at], siblings[to]] = [siblings[to]!, siblings[at]!];
          for (const [index, s] of siblings.entries()) if (s.sort !== index) await repo.updateIndustry(tx, s.id, { sort: index });
          await recordAudit(tx, actor, { action: 'update', entity: 'industry', entityId: id, before: { sortOrder: at }, after: { sortOrder: to }, entityName: row.name });
        }
        return present(tx, actor, (await repo.findIndustry(tx, id))!);
      });
    },

    /** upstream → downstream; refused when the downstream industry already supplies the upstream one (a loop) */
    async addLink(actor: Actor, body: z.infer<typeof industryLinkBody>) {
      authorize(actor);
      const { upstreamId, downstreamId } = body;
      return db.transaction(async (tx) => {
        const [up, down] = await Promise.all([repo.findIndustry(tx, upstreamId), repo.findIndustry(tx, downstreamId)]);
        if (!up) throw field('VALIDATION', 'upstreamId', '上游产业不存在 / upstream industry not found');
        if (!down) throw field('VALIDATION', 'downstreamId', '下游产业不存在 / downstream industry not found');
        if (await repo.findLink(tx, upstreamId, downstreamId)) {
          throw field('CONFLICT', 'downstreamId', `“${up.name}”已是“${down.name}”的上游 / this link exists`);
        }
        if (await repo.reachesDownstream(tx, downstreamId, upstreamId)) {
          throw field('CONFLICT', 'downstreamId', `“${down.name}”已在“${up.name}”的上游，不能再作其下游 / the link would make a loop`, {
            zh: '产业链上下游不能形成循环',
            en: 'Industry links cannot form a loop',
          });
        }
        await repo.insertLink(tx, upstreamId, downstreamId);
        await recordAudit(tx, actor, { action: 'create', entity: 'industry_link', entityId: upstreamId, after: { upstream: up.name, downstream: down.name, upstreamId, downstreamId } });
        return { upstreamId, downstreamId };
      });
    },

    async removeLink(actor: Actor, body: z.infer<typeof industryLinkBody>) {
      authorize(actor);
      await db.transaction(async (tx) => {
        if (!(await repo.findLink(tx, body.upstreamId, body.downstreamId))) throw notFound();
        await repo.deleteLink(tx, body.upstreamId, body.downstreamId);
        await recordAudit(tx, actor, { action: 'delete', entity: 'industry_link', entityId: body.upstreamId, before: body });
      });
    },
  };
}
export type IndustryService = ReturnType<typeof createIndustryService>;
