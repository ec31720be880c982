import type { z } from 'zod';
import { allowedActions } from '../../../../common/need-workflow';
import type {
  answerAssignmentBody,
  assignBody,
  createNeedBody,
  needListQuery,
  needStepBody,
  serviceRecordBody,
  similarNeedsQuery,
} from '../../../../common/schemas/needs';
import { shanghaiToday } from '../../../../common/shanghai-date';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { queryTokens } from '../../lib/text';
import { answerAssignment, assignNeed } from './need-assignments';
import { present, relationsOf, visible } from './need-access';
import { createNeed } from './need-intake';
import { recordService } from './need-service-records';
import { stepNeed } from './need-steps';
import * as repo from './needs.repository';

export { isConflicted } from './need-assignments';
export { notify } from './need-notify';

/** The needs service: reads here; intake, workflow steps, assignments and service records in their own files, each one transaction. */
export function createNeedService({ db }: { db: Db }) {
  return {
    relationsOf,
    visible,

    async list(actor: Actor, q: z.infer<typeof needListQuery>) {
      const link = q.assignedToMe === 'true' ? await repo.linkOf(db, actor.userId) : undefined;
      const { rows, total } = await repo.listNeeds(
        db,
        {
          scope: repo.needScope(actor),
          today: shanghaiToday(),
          q: q.q,
          status: q.status,
          category: q.category,
          districtCode: q.districtCode,
          organizationId: q.organizationId,
          overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
          open: q.open === undefined ? undefined : q.open === 'true',
          assignedPersonId: q.assignedToMe === 'true' ? (link?.personId ?? '00000000-0000-0000-0000-000000000000') : undefined,
        },
        q.sort,
        q.dir,
        q.page,
        q.pageSize,
      );
      return { items: await present(db, rows), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const need = await visible(db, actor, id);
      const [presented] = await present(db, [need]);
      const relations = await relationsOf(db, actor, need);
      const link = await repo.linkOf(db, actor.userId);
      const assignments = await repo.assignmentsOf(db, id);
      const records = await repo.serviceRecordsOf(db, id);
      const names = await repo.namesOf(
        db,
        records.flatMap((r) => r.providerPersonIds),
        records.flatMap((r) => r.providerOrganizationIds),
      );
      const acceptedMine = assignments.some(
        (a) => a.a.status === 'accepted' && ((link?.personId && a.a.personId === link.personId) || (link?.organizationId && a.a.organizationId === link.organizationId)),
      );
      return {
        ...presented!,
        timeline: (await repo.timelineOf(db, id)).map((t) => ({ at: t.at.toISOString(), actorName: t.actorName, action: t.action, fromStatus: t.fromStatus, toStatus: t.toStatus, note: t.note })),
        assignments: assignments.map(({ a, personName, organizationName }) => ({
          id: a.id,
          personId: a.personId,
          organizationId: a.organizationId,
          name: personName ?? organizationName ?? '',
          status: a.status,
          reason: a.reason,
          score: a.score,
          createdAt: a.createdAt.toISOString(),
          mine: a.status === 'proposed' && !!link && ((!!link.personId && a.personId === link.personId) || (!!link.organizationId && a.organizationId === link.organizationId && actor.role !== 'enterprise')),
        })),
        serviceRecords: records.map((r) => ({
          id: r.id,
          servedOn: r.servedOn,
          kind: r.kind,
          providers: [...r.providerPersonIds, ...r.providerOrganizationIds].map((x) => names.get(x) ?? ''),
          hours: r.hours,
          peopleServed: r.peopleServed,
          outcome: r.outcome,
        })),
        attachments: (await repo.attachmentsOf(db, id)).map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
        allowedActions: allowedActions(need.status, relations).filter((a) => a !== 'start' && a !== 'decline'),
        canRecordService:
          (need.status === 'in_service' || need.status === 'resolved') && (relations.includes('coordinator') || relations.includes('admin') || acceptedMine),
      };
    },

    async similar(actor: Actor, q: z.infer<typeof similarNeedsQuery>) {
      const organizationId = q.organizationId ?? (await repo.linkOf(db, actor.userId))?.organizationId ?? undefined;
      if (!organizationId) return [];
      const terms = queryTokens(q.title).filter((t) => t.length >= 2);
      return present(db, await repo.similarOpenNeeds(db, organizationId, terms, repo.needScope(actor)));
    },

    create: (actor: Actor, body: z.infer<typeof createNeedBody>) => createNeed(db, actor, body),
    /** accept, reject, resolve, confirm, reopen, withdraw: the state machine decides, one transaction writes. */
    step: (actor: Actor, id: string, body: z.infer<typeof needStepBody>, outer?: Tx) => stepNeed(db, actor, id, body, outer),
    assign: (actor: Actor, id: string, body: z.infer<typeof assignBody>) => assignNeed(db, actor, id, body),
    answer: (actor: Actor, id: string, assignmentId: string, body: z.infer<typeof answerAssignmentBody>) => answerAssignment(db, actor, id, assignmentId, body),
    recordService: (actor: Actor, id: string, body: z.infer<typeof serviceRecordBody>) => recordService(db, actor, id, body),
  };
}

export type NeedService = ReturnType<typeof createNeedService>;
