import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  EnterpriseRegistration,
  EnterpriseRegistrationBody,
  enterpriseRegistrationDecision,
  enterpriseRegistrationListQuery,
} from '../../../../common/schemas/enterprise-registrations';
import type { Db, Executor } from '../../db/client';
import { accountLinks, enterpriseRegistrations, loginThrottle, organizations } from '../../db/schema';
import { systemActor, type Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { accessCondition, changesRecords } from '../../lib/visibility';
import { findUserByUsername, insertUser } from '../accounts/accounts.repository';
import { hashPassword } from '../accounts/passwords';
import { recordAudit } from '../audit/audit.repository';
import { maskValue } from '../audit/audit-mask';

/** Registrations from one address, counted in the database like failed logins (every app process sees the same count). */
export const registrationLimit = { perWindow: 5, windowMinutes: 15 };

async function countAttempt(ex: Executor, ip: string | null) {
  if (!ip) return;
  const window = sql`now() - make_interval(mins => ${registrationLimit.windowMinutes})`;
  const [row] = await ex
    .insert(loginThrottle)
    .values({ key: `enterprise-register:${ip}`, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.lastFailureAt} < ${window} then 1 else ${loginThrottle.failures} + 1 end`,
        lastFailureAt: sql`case when ${loginThrottle.lastFailureAt} < ${window} then now() else ${loginThrottle.lastFailureAt} end`,
      },
    })
    .returning();
  if (row && row.failures > registrationLimit.perWindow)
    throw new AppError('RATE_LIMITED', { userMessage: { zh: '注册过于频繁，请稍后再试', en: 'Too many registrations from this address, try again later' } });
}

/** The registrations a coordinator decides on: those of organisations they may change (lib/visibility.ts's change rule). */
const decidable = (actor: Actor) =>
  accessCondition(actor, 'organization', 'change', { id: enterpriseRegistrations.organizationId, districtCode: organizations.districtCode });

const columns = { r: enterpriseRegistrations, organizationName: organizations.name };
type Row = { r: typeof enterpriseRegistrations.$inferSelect; organizationName: string };
const present = ({ r, organizationName }: Row): EnterpriseRegistration => ({
  id: r.id,
  uscc: r.uscc,
  organizationId: r.organizationId,
  organizationName,
  districtCode: r.districtCode,
  contactName: r.contactName,
  // personal data: shown masked, as the directory shows phones (no one needs it whole to decide)
  phone: String(maskValue('phone', r.phone)),
  username: r.username,
  displayName: r.displayName,
  status: r.status,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

export function createEnterpriseRegistrationService({ db }: { db: Db }) {
  return {
    /** Public: an enterprise names its unified social credit code; the directory's organisation with that code is the one it will be linked to. */
    async register(body: EnterpriseRegistrationBody, ip: string | null) {
      await countAttempt(db, ip);
      const [org] = await db.select().from(organizations).where(eq(organizations.uscc, body.uscc));
      if (!org)
        throw new AppError('VALIDATION', {
          fields: [{ path: 'uscc', message: '名录中没有该统一社会信用代码的单位，请联系所在区的服务站登记 / no organisation with this code in the directory: ask your district to add it' }],
        });
      if (org.kind !== 'enterprise' && org.kind !== 'soe')
        throw new AppError('VALIDATION', { fields: [{ path: 'uscc', message: '该代码对应的单位不是企业 / the organisation with this code is not an enterprise' }] });
      const passwordHash = await hashPassword(body.password);
      return db.transaction(async (tx) => {
        const taken =
          (await findUserByUsername(tx, body.username)) ||
          (await tx
            .select({ id: enterpriseRegistrations.id })
            .from(enterpriseRegistrations)
            .where(and(eq(enterpriseRegistrations.username, body.username), eq(enterpriseRegistrations.status, 'pending')))).length > 0;
        if (taken) throw new AppError('CONFLICT', { fields: [{ path: 'username', message: '用户名已存在 / username already taken' }] });
        const [row] = await tx
          .insert(enterpriseRegistrations)
          .values({
            uscc: body.uscc,
            organizationId: org.id,
            districtCode: org.districtCode,
            contactName: body.contactName,
            phone: body.phone,
            username: body.username,
            displayName: body.displayName,
            passwordHash,
          })
          .returning();
        // the applicant has no account yet: the audit names the registration's username
        await recordAudit(tx, { ...systemActor('enterprise-registration'), username: `registration:${body.username}`, ip }, {
          action: 'create',
          entity: 'enterprise_registration',
          entityId: row!.id,
          entityName: org.name,
          after: { uscc: body.uscc, username: body.username, contactName: body.contactName },
        });
        return { id: row!.id, status: row!.status, organizationName: org.name };
      });
    },

    async list(actor: Actor, q: z.infer<typeof enterpriseRegistrationListQuery>) {
      if (!changesRecords(actor)) throw forbidden();
      const rows = await db
        .select(columns)
        .from(enterpriseRegistrations)
        .innerJoin(organizations, eq(organizations.id, enterpriseRegistrations.organizationId))
        .where(and(decidable(actor), q.status ? eq(enterpriseRegistrations.status, q.status) : undefined))
        .orderBy(desc(enterpriseRegistrations.createdAt))
        .limit(500);
      return rows.map(present);
    },

    /** Approve (the account is made and linked to the organisation) or reject with a reason; one transaction with its audit entry. */
    async decide(actor: Actor, id: string, body: z.infer<typeof enterpriseRegistrationDecision>) {
      if (!changesRecords(actor)) throw forbidden();
      if (!body.approve && !body.reason) throw new AppError('VALIDATION', { fields: [{ path: 'reason', message: '请填写驳回原因 / a reason is required' }] });
      return db.transaction(async (tx) => {
        const [found] = await tx
          .select(columns)
          .from(enterpriseRegistrations)
          .innerJoin(organizations, eq(organizations.id, enterpriseRegistrations.organizationId))
          .where(and(eq(enterpriseRegistrations.id, id), decidable(actor)))
          .for('update', { of: enterpriseRegistrations });
        if (!found) throw notFound();
        if (found.r.status !== 'pending')
          throw new AppError('CONFLICT', { userMessage: { zh: '该注册申请已处理', en: 'This registration has already been decided' } });
        let userId: string | null = null;
        if (body.approve) {
          if (await findUserByUsername(tx, found.r.username))
            throw new AppError('CONFLICT', { fields: [{ path: 'username', message: '用户名已存在 / username already taken' }] });
          const user = await insertUser(tx, { username: found.r.username, displayName: found.r.displayName, passwordHash: found.r.passwordHash!, role: 'enterprise', scopes: [] });
          await tx.insert(accountLinks).values({ userId: user.id, organizationId: found.r.organizationId, personId: null });
          userId = user.id;
        }
        const [after] = await tx
          .update(enterpriseRegistrations)
          .set({ status: body.approve ? 'approved' : 'rejected', reason: body.reason ?? null, decidedBy: actor.userId, decidedAt: new Date(), userId, passwordHash: null })
          .where(eq(enterpriseRegistrations.id, id))
          .returning();
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'enterprise_registration',
          entityId: id,
          entityName: found.organizationName,
          before: { status: 'pending' },
          after: { status: after!.status, reason: after!.reason, username: after!.username, userId },
        });
        return present({ r: after!, organizationName: found.organizationName });
      });
    },
  };
}
export type EnterpriseRegistrationService = ReturnType<typeof createEnterpriseRegistrationService>;
