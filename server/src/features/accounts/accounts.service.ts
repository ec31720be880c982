import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { createUserBody, updateUserBody } from '../../../../common/schemas/accounts';
import type { Db } from '../../db/client';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../audit/audit.repository';
import { canManageUsers } from './accounts.policy';
import { auditUser, presentUser } from './accounts.presenter';
import * as repo from './accounts.repository';
import { burnVerify, hashPassword, verifyPassword } from './passwords';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function createAccountsService({ db, idleMinutes }: { db: Db; idleMinutes: number }) {
  async function login(actor: Actor, username: string, password: string) {
    const user = await repo.findUserByUsername(db, username);
    if (!user) {
      await burnVerify(password);
      throw new AppError('AUTH_INVALID');
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) throw new AppError('AUTH_LOCKED');
    if (user.lockedUntil) await repo.updateUser(db, user.id, { failedLogins: 0, lockedUntil: null }); // the lock ran out
    const ok = !user.disabled && (await verifyPassword(user.passwordHash, password));
    if (!ok) {
      const after = await db.transaction(async (tx) => {
        const row = await repo.registerFailedLogin(tx, user.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
        if (row.lockedUntil && row.lockedUntil > new Date() && row.failedLogins === LOCK_AFTER_FAILURES) {
          await recordAudit(tx, actor, { action: 'lock', entity: 'user', entityId: user.id, after: { failedLogins: row.failedLogins } });
        }
        return row;
      });
      throw new AppError(after.lockedUntil && after.lockedUntil > new Date() ? 'AUTH_LOCKED' : 'AUTH_INVALID');
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const me = { ...actor, userId: user.id, username: user.username };
    await db.transaction(async (tx) => {
      await repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
      await repo.insertSession(tx, { id: sha256(token), userId: user.id, csrfToken });
      await recordAudit(tx, me, { action: 'login', entity: 'user', entityId: user.id });
    });
    return { token, csrfToken, user: presentUser({ ...user, failedLogins: 0, lockedUntil: null }) };
  }

  /** The session behind a cookie token, or undefined when it is unknown, idle too long or its user is disabled. */
  async function resolveSession(token: string) {
    const id = sha256(token);
    const found = await repo.findSession(db, id);
    if (!found) return undefined;
    const idleMs = Date.now() - found.session.lastSeenAt.getTime();
    if (idleMs > idleMinutes * 60_000 || found.user.disabled) {
      await repo.deleteSession(db, id);
      return undefined;
    }
    // refresh at most every 30 s: one write per request would double the cost of every read
    if (idleMs > 30_000) await repo.touchSession(db, id);
    return { sessionId: id, csrfToken: found.session.csrfToken, user: found.user };
  }

  async function logout(actor: Actor, token: string) {
    await db.transaction(async (tx) => {
      await repo.deleteSession(tx, sha256(token));
      await recordAudit(tx, actor, { action: 'logout', entity: 'user', entityId: actor.userId });
    });
  }

  async function me(actor: Actor) {
    const user = actor.userId ? await repo.findUserById(db, actor.userId) : undefined;
    if (!user) throw new AppError('AUTH_REQUIRED');
    return presentUser(user);
  }

  async function listUsers(actor: Actor, q: repo.UserFilter & { page: number; pageSize: number }) {
    if (!canManageUsers(actor)) throw forbidden();
    const { rows, total } = await repo.listUsers(db, { q: q.q, role: q.role, status: q.status }, q.page, q.pageSize);
    return { items: rows.map(presentUser), total, page: q.page, pageSize: q.pageSize };
  }

  async function createUser(actor: Actor, body: z.infer<typeof createUserBody>) {
    if (!canManageUsers(actor)) throw forbidden();
    const passwordHash = await hashPassword(body.password);
    return db.transaction(async (tx) => {
      if (await repo.findUserByUsername(tx, body.username)) {
        throw new AppError('CONFLICT', {
          fields: [{ path: 'username', message: '用户名已存在 / username already taken' }],
        });
      }
      const row = await repo.insertUser(tx, {
        username: body.username,
        displayName: body.displayName,
        passwordHash,
        role: body.role,
        scopes: body.scopes,
        permissions: body.permissions,
      });
      await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: row.id, after: auditUser(row) });
      return presentUser(row);
    });
  }

  async function updateUser(actor: Actor, id: string, body: z.infer<typeof updateUserBody>) {
    if (!canManageUsers(actor)) throw forbidden();
    if (id === actor.userId && (body.disabled === true || (body.role && body.role !== 'admin'))) {
      throw new AppError('CONFLICT', {
        userMessage: { zh: '不能停用自己或取消自己的管理员角色', en: 'You cannot disable yourself or drop your own admin role' },
      });
    }
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    return db.transaction(async (tx) => {
      const before = await repo.findUserById(tx, id);
      if (!before) throw notFound();
      const { password: _pw, ...rest } = body;
      const after = (await repo.updateUser(tx, id, {
        ...rest,
        ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
      }))!;
      // a changed password, role, scope or a disabled account ends the user's sessions
      if (passwordHash || body.disabled || body.role || body.scopes || body.permissions) await repo.deleteUserSessions(tx, id);
      await recordAudit(tx, actor, {
        action: passwordHash ? 'update+password' : 'update',
        entity: 'user',
        entityId: id,
        before: auditUser(before),
        after: auditUser(after),
      });
      return presentUser(after);
    });
  }

  /** On an empty database: create `admin`, with a generated password when none was given. */
  async function bootstrapAdmin(actor: Actor, password: string | undefined, generate: () => string) {
    if ((await repo.countUsers(db)) > 0) return { created: false as const };
    const pw = password ?? generate();
    const passwordHash = await hashPassword(pw);
    await db.transaction(async (tx) => {
      const row = await repo.insertUser(tx, { username: 'admin', displayName: '系统管理员', passwordHash, role: 'admin', scopes: [] });
      await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: row.id, after: auditUser(row) });
    });
    return { created: true as const, generatedPassword: password ? undefined : pw };
  }

  return { login, logout, resolveSession, me, listUsers, createUser, updateUser, bootstrapAdmin };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
