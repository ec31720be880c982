import type { z } from 'zod';
import type {
  createNetworkBody,
  networkListQuery,
  NetworkTreeNode,
  updateNetworkBody,
} from '../../../../common/schemas/networks';
import type { Db, Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { nameNorm } from '../../lib/text';
import { canAccess, districtOutOfScope, mayPlaceNetwork } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { deleteSearchDocument, upsertSearchDocuments } from '../search/search-index';
import { networkMemberships } from './network-members.repository';
import { createNetworkMemberActions, readableMembers } from './network-members.service';
import { canEditNetworks } from './networks.policy';
import { auditNetwork, networkSearchDoc, presentNetwork, presentNetworkDetail } from './networks.presenter';
import * as repo from './networks.repository';

const parentMissing = () =>
  new AppError('VALIDATION', { fields: [{ path: 'parentId', message: '上级网络不存在或不在您的范围内 / parent network not found' }] });
const parentCycle = () =>
  new AppError('CONFLICT', {
    fields: [{ path: 'parentId', message: '不能把网络放到它自己或它的下级网络之下 / a network cannot sit under itself or its sub-networks' }],
    userMessage: { zh: '上级网络会形成循环嵌套', en: 'The parent would make networks nest in a loop' },
  });


export function createNetworkService({ db }: { db: Db }) {
  /** the network as the actor sees it, or 404 */
  async function visible(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findNetwork(ex, id, repo.networkScope(actor));
    if (!row) throw notFound();
    return row;
  }

  /** the network, visible and editable by the actor (404 out of scope, 403 read-only) */
  async function editable(ex: Executor, actor: Actor, id: string) {
    const row = await visible(ex, actor, id);
    if (!canEditNetworks(actor) || !(await canAccess(ex, actor, 'network', 'change', id))) throw forbidden();
    return row;
  }

  /** authorized before the write: the network as it will be must stay changeable by the actor */
  async function assertPlaceable(ex: Executor, actor: Actor, n: { id?: string; districtCode: string | null; parentId: string | null }) {
    if (!(await mayPlaceNetwork(ex, actor, n))) throw districtOutOfScope(actor);
  }

  async function checkParent(ex: Executor, actor: Actor, parentId: string | null | undefined, selfId?: string) {
    if (!parentId) return;
    if (selfId && (await repo.isSelfOrDescendant(ex, selfId, parentId))) throw parentCycle();
    if (!(await repo.findNetwork(ex, parentId, repo.networkScope(actor)))) throw parentMissing();
  }

  async function detail(ex: Executor, actor: Actor, row: repo.NetworkRow) {
    const scope = repo.networkScope(actor);
    const [parents, children, memberships] = await Promise.all([
      row.parentId ? repo.networkRefs(ex, [row.parentId], scope) : Promise.resolve([]),
      repo.childrenOf(ex, row.id, scope),
      networkMemberships(ex, row.id),
    ]);
    const readable = await readableMembers(ex, actor, memberships);
    return presentNetworkDetail(row, { parent: parents[0] ?? null, children, childCount: children.length, memberships, readable });
  }

  const members = createNetworkMemberActions({ db, editable });

  return {
    ...members,

    async list(actor: Actor, q: z.infer<typeof networkListQuery>) {
      const scope = repo.networkScope(actor);
      const { rows, total, totalEstimated } = await repo.listNetworks(
        db,
        actor,
        { scope, q: q.q, kind: q.kind, parentId: q.parentId, districtCode: q.districtCode },
        q.page,
        q.pageSize,
      );
      const items = rows.map((r) => presentNetwork(r.row, r));
      return { items, total, totalEstimated, page: q.page, pageSize: q.pageSize };
    },

    /** the nesting of every network the actor sees; one whose parent is out of sight is a root */
    async tree(actor: Actor): Promise<NetworkTreeNode[]> {
      const rows = await repo.visibleNetworks(db, repo.networkScope(actor));
      const nodes = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind, children: [] as NetworkTreeNode[] }]));
      const roots: NetworkTreeNode[] = [];
      for (const r of rows) {
        const parent = r.parentId ? nodes.get(r.parentId) : undefined;
        (parent ? parent.children : roots).push(nodes.get(r.id)!);
      }
      return roots;
    },

    async get(actor: Actor, id: string) {
      return detail(db, actor, await visible(db, actor, id));
    },

    async create(actor: Actor, body: z.infer<typeof createNetworkBody>) {
      if (!canEditNetworks(actor)) throw forbidden();
      return db.transaction(async (tx) => {
        await checkParent(tx, actor, body.parentId);
        await assertPlaceable(tx, actor, { districtCode: body.districtCode ?? null, parentId: body.parentId ?? null });
        const row = await repo.insertNetwork(tx, {
          name: body.name,
          nameNorm: nameNorm(body.name),
          kind: body.kind,
          parentId: body.parentId ?? null,
          districtCode: body.districtCode ?? null,
          description: body.description ?? null,
          declaredCounts: body.declaredCounts ?? {},
        });
        await upsertSearchDocuments(tx, [networkSearchDoc(row)]);
        await recordAudit(tx, actor, { action: 'create', entity: 'network', entityId: row.id, after: auditNetwork(row) });
        return detail(tx, actor, row);
      });
    },

    async update(actor: Actor, id: string, body: z.infer<typeof updateNetworkBody>) {
      return db.transaction(async (tx) => {
        const before = await editable(tx, actor, id);
        if (body.parentId !== undefined && body.parentId !== before.parentId) await checkParent(tx, actor, body.parentId, id);
        await assertPlaceable(tx, actor, {
          id,
          districtCode: body.districtCode !== undefined ? body.districtCode : before.districtCode,
          parentId: body.parentId !== undefined ? body.parentId : before.parentId,
        });
        const patch: Partial<repo.NewNetwork> = { ...body };
        if (body.name !== undefined) patch.nameNorm = nameNorm(body.name);
        const after = await repo.updateNetwork(tx, id, patch);
        await upsertSearchDocuments(tx, [networkSearchDoc(after)]);
        await recordAudit(tx, actor, { action: 'update', entity: 'network', entityId: id, before: auditNetwork(before), after: auditNetwork(after) });
        return detail(tx, actor, after);
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const before = await editable(tx, actor, id);
        if (await repo.hasChildren(tx, id)) {
          throw new AppError('CONFLICT', {
            userMessage: {
              zh: '该网络下还有下级网络，请先移走或删除下级网络',
              en: 'This network still has sub-networks: move or delete them first',
            },
          });
        }
        await repo.deleteNetwork(tx, id);
        await deleteSearchDocument(tx, 'network', id);
        await recordAudit(tx, actor, { action: 'delete', entity: 'network', entityId: id, before: auditNetwork(before) });
      });
    },
  };
}
export type NetworkService = ReturnType<typeof createNetworkService>;
