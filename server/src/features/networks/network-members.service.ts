import type { z } from 'zod';
import type { addMemberBody, updateMemberBody } from '../../../../common/schemas/networks';
import { memberPositionProblem, positionOf } from '../../../../common/domain';
import type { Db, Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, notFound } from '../../lib/errors';
import { accessibleIds, canAccess } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import * as repo from './network-members.repository';
import { auditMembership, presentMembership, termStart } from './networks.presenter';
import type { NetworkRow } from './networks.repository';
import { shanghaiToday } from '../../../../common/shanghai-date';

const fieldError = (code: 'VALIDATION' | 'CONFLICT', path: string, message: string) => new AppError(code, { fields: [{ path, message }] });
const notInFuture = (path: string, date: string | null | undefined) => {
  if (date && date > shanghaiToday()) throw fieldError('VALIDATION', path, '日期不能晚于今天 / the date cannot be in the future');
};

/** Which members the actor may read (the others are shown by name only, read-only). */
export async function readableMembers(ex: Executor, actor: Actor, rows: { organizationId: string | null; personId: string | null }[]) {
  const orgs = await accessibleIds(ex, actor, 'organization', 'read', rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])));
  const people = await accessibleIds(ex, actor, 'person', 'read', rows.flatMap((r) => (r.personId ? [r.personId] : [])));
  return (m: { organizationId: string | null; personId: string | null }) => (m.organizationId ? orgs.has(m.organizationId) : !!m.personId && people.has(m.personId));
}

interface Deps {
  db: Db;
  editable(ex: Executor, actor: Actor, id: string): Promise<NetworkRow>;
}

/**
 * Members of a network: organisations or people, each with tier, role and term. Memberships are
 * never deleted: leaving sets leftOn, and a change of tier closes the current term and opens a new
 * one (unless the term began today, which is then corrected in place), so the history stays true.
 */
export function createNetworkMemberActions({ db, editable }: Deps) {
  async function presentById(ex: Executor, networkId: string, id: string) {
    return presentMembership((await repo.findMembership(ex, networkId, id))!);
  }

  /** linking needs the right to see the member: one the actor may not see is refused as if it did not exist */
  async function readableMember(ex: Executor, actor: Actor, member: { organizationId: string | null; personId: string | null }) {
    const entity = member.organizationId ? 'organization' : 'person';
    const id = member.organizationId ?? member.personId!;
    if (!(await canAccess(ex, actor, entity, 'read', id))) return undefined;
    return entity === 'organization' ? repo.findOrganizationRef(ex, id) : repo.findPersonRef(ex, id);
  }

  return {
    async addMember(actor: Actor, networkId: string, body: z.infer<typeof addMemberBody>) {
      return db.transaction(async (tx) => {
        await editable(tx, actor, networkId);
        const member = { organizationId: body.organizationId ?? null, personId: body.personId ?? null };
        const path = member.organizationId ? 'organizationId' : 'personId';
        const exists = await readableMember(tx, actor, member);
        if (!exists) throw fieldError('VALIDATION', path, member.organizationId ? '单位不存在 / organisation not found' : '人员不存在 / person not found');
        notInFuture('joinedOn', body.joinedOn);
        if (await repo.findCurrentMembership(tx, networkId, member)) {
          throw fieldError('CONFLICT', path, `${exists.name} 已是该网络的现任成员 / already a current member`);
        }
        const row = await repo.insertMembership(tx, { networkId, ...member, tier: body.tier, role: body.role ?? null, joinedOn: body.joinedOn ?? null });
        await recordAudit(tx, actor, { action: 'create', entity: 'membership', entityId: row.id, entityName: exists.name, after: auditMembership(row) });
        return presentById(tx, networkId, row.id);
      });
    },

    /** Change tier or role, or leave (leftOn). Returns the membership now in effect: a new one when the tier change opened a new term. */
    async updateMember(actor: Actor, networkId: string, membershipId: string, body: z.infer<typeof updateMemberBody>) {
      return db.transaction(async (tx) => {
        await editable(tx, actor, networkId);
        const m = await repo.findMembership(tx, networkId, membershipId);
        // a member outside the actor's scope is read-only to them: no tier change, no leaving
        if (!m || !(await readableMember(tx, actor, m))) throw notFound();
        if (body.tier !== undefined) {
          const problem = memberPositionProblem(m.personId ? 'person' : 'organization', body.tier);
          if (problem) throw fieldError('VALIDATION', 'tier', `${problem.zh} / ${problem.en}`);
        }
        const memberName = m.organizationName ?? m.personName ?? null;
        const today = shanghaiToday();
        const start = termStart(m);

        if (body.leftOn !== undefined) {
          if (body.leftOn !== null) {
            notInFuture('leftOn', body.leftOn);
            if (body.leftOn < start) throw fieldError('VALIDATION', 'leftOn', `离开日期不能早于加入日期 ${start} / cannot leave before joining`);
          } else if (m.leftOn !== null && (await repo.findCurrentMembership(tx, networkId, m, m.id))) {
            throw fieldError('CONFLICT', 'leftOn', '该成员已有另一条现任记录 / the member already has a current membership');
          }
        }
        const tierChanges = body.tier !== undefined && body.tier !== positionOf(m.personId ? 'person' : 'organization', m.tier);
        // a new tier from today on: close this term and open the next, so that the history shows both
        if (tierChanges && body.leftOn === undefined && m.leftOn === null && start < today) {
          await repo.updateMembership(tx, m.id, { leftOn: today });
          const next = await repo.insertMembership(tx, {
            networkId,
            organizationId: m.organizationId,
            personId: m.personId,
            tier: body.tier!,
            role: body.role !== undefined ? body.role : m.role,
            joinedOn: today,
          });
          await recordAudit(tx, actor, {
            action: 'change-tier',
            entity: 'membership',
            entityId: next.id,
            entityName: memberName,
            before: { membershipId: m.id, ...auditMembership(m) },
            after: auditMembership(next),
          });
          return presentById(tx, networkId, next.id);
        }
        const patch = {
          ...(body.tier !== undefined ? { tier: body.tier } : {}),
          ...(body.role !== undefined ? { role: body.role } : {}),
          ...(body.leftOn !== undefined ? { leftOn: body.leftOn } : {}),
        };
        await repo.updateMembership(tx, m.id, patch);
        const action = body.leftOn ? 'leave' : 'update';
        await recordAudit(tx, actor, { action, entity: 'membership', entityId: m.id, entityName: memberName, before: auditMembership(m), after: auditMembership({ ...m, ...patch }) });
        return presentById(tx, networkId, m.id);
      });
    },
  };
}
