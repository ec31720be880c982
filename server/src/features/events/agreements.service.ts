import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { shanghaiDate } from '../../../../common/shanghai-date';
import type { agreementInput, agreementListQuery, agreementReviewBody } from '../../../../common/schemas/events';
import type { Db, Tx } from '../../db/client';
import { agreementCommitments, agreementParties, agreements } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { accessibleIds, canAccess } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { scheduleAgreementReminders } from './agreement-reminders';
import { changeableEvent as changeable, fieldError } from './event-access';
import { presentAgreement } from './events.presenter';
import * as repo from './events.repository';

type AgreementInput = z.output<typeof agreementInput>;

/** Agreements (and plans) in the caller's transaction, at an event or on their own (demo data, ingestion), each with its audit entry. */
export async function insertAgreements(tx: Tx, actor: Actor, eventId: string | null, districtCode: string | null, list: AgreementInput[]) {
  const out: string[] = [];
  for (const a of list) {
    const reviewDueOn = a.signedOn ? addMonths(a.signedOn, 6) : null;
    const [row] = await tx
      .insert(agreements)
      .values({
        eventId,
        title: a.title,
        kind: a.kind,
        signedOn: a.signedOn ?? null,
        termYears: a.termYears ?? null,
        description: a.description ?? null,
        districtCode,
        reviewDueOn,
        note: a.note ?? null,
      })
      .returning();
    if (a.parties.length)
      await tx.insert(agreementParties).values(
        a.parties.map((p, i) => ({ agreementId: row!.id, organizationId: p.organizationId ?? null, name: p.name, role: p.role ?? null, signatory: p.signatory ?? null, sort: i })),
      );
    const commitments = a.commitments.length
      ? await tx
          .insert(agreementCommitments)
          .values(a.commitments.map((c, i) => ({ agreementId: row!.id, text: c.text, owner: c.owner ?? null, dueOn: c.dueOn ?? null, progress: c.progress, sort: i })))
          .returning({ id: agreementCommitments.id, dueOn: agreementCommitments.dueOn, progress: agreementCommitments.progress })
      : [];
    // reminders for commitments coming due and for the six-month review: durable jobs, in this transaction
    await scheduleAgreementReminders(tx, row!.id, reviewDueOn, commitments.filter((c) => c.progress < 100));
    await recordAudit(tx, actor, { action: 'create', entity: 'agreement', entityId: row!.id, after: { name: a.title, kind: a.kind, signedOn: a.signedOn ?? null, parties: a.parties.map((p) => p.name) } });
    out.push(row!.id);
  }
  return out;
}

/** The agreements register, agreements signed at an event, and the six-month review. */
export function createAgreementService({ db }: { db: Db }) {
  return {
    async addAgreement(actor: Actor, eventId: string, input: AgreementInput) {
      return db.transaction(async (tx) => {
        const ev = await changeable(tx, actor, eventId);
        const orgIds = input.parties.map((p) => p.organizationId).filter((x): x is string => !!x);
        const ok = await accessibleIds(tx, actor, 'organization', 'read', orgIds);
        const bad = input.parties.findIndex((p) => p.organizationId && !ok.has(p.organizationId));
        if (bad >= 0) throw fieldError('VALIDATION', `parties.${bad}.organizationId`, '所选单位不存在', 'no such organisation', 400);
        const [id] = await insertAgreements(tx, actor, eventId, ev.districtCode, [{ ...input, signedOn: input.signedOn ?? (ev.startsAt ? shanghaiDate(ev.startsAt) : null) }]);
        const [row] = await tx.select().from(agreements).where(eq(agreements.id, id!));
        const [parties, commitments] = await repo.agreementChildren(tx, [id!]);
        return presentAgreement(row!, parties, commitments);
      });
    },

    /** The agreements register: agreements and plans with their parties, commitments and due dates. */
    async listAgreements(actor: Actor, q: z.infer<typeof agreementListQuery>) {
      const { rows, total } = await repo.listAgreements(db, { scope: repo.agreementScope(actor), q: q.q, kind: q.kind, review: q.review }, q.page, q.pageSize);
      const [parties, commitments] = await repo.agreementChildren(db, rows.map((r) => r.a.id));
      return { items: rows.map((r) => ({ ...presentAgreement(r.a, parties, commitments), eventTitle: r.eventTitle })), total, page: q.page, pageSize: q.pageSize };
    },

    /** The six-month follow-up review of an agreement (an outcome statistic). */
    async setAgreementReview(actor: Actor, id: string, review: z.infer<typeof agreementReviewBody>['review']) {
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(agreements).where(and(eq(agreements.id, id), repo.agreementScope(actor)));
        if (!before) throw notFound();
        if (!(await canAccess(tx, actor, 'agreement', 'change', id))) throw forbidden();
        const [after] = await tx.update(agreements).set({ review, updatedAt: new Date() }).where(eq(agreements.id, id)).returning();
        await recordAudit(tx, actor, { action: 'update', entity: 'agreement', entityId: id, entityName: before.title, before: { review: before.review }, after: { review } });
        const [parties, commitments] = await repo.agreementChildren(tx, [id]);
        return presentAgreement(after!, parties, commitments);
      });
    },
  };
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, d));
  return t.toISOString().slice(0, 10);
}
