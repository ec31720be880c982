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
import * as throttle from './login-throttle';
import { burnVerify, hashPassword, verifyPassword } from './passwords';
import { createSessionLookup } from './session-lookup';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const tooSoon = (seconds: number) =>
  new AppError('RATE_LIMITED', {
    userMessage: { zh: `登录尝试过于频繁，请 ${seconds} 秒后再试`, en: `Too many login attempts: try again in ${seconds} s` },
    details: { retryAfter: seconds },
  });

export function createAccountsService({ db, idleMinutes, maxHours = 12 }: { db: Db; idleMinutes: number; maxHours?: number }) {
  const sessionLookup = createSessionLookup(db);
  /**
   * Unknown user, wrong password and disabled account all answer 401 AUTH_INVALID after the same work;
   * too many tries answer 429 with the seconds to wait, by username tried and by address, whether the user exists or not.
   */
  async function login(actor: Actor, username: string, password: string) {
    const wait = await throttle.loginWait(db, username, actor.ip ?? 'unknown');
    if (wait > 0) throw tooSoon(wait);
    const user = await repo.findUserByUsername(db, username);
    const ok = user ? !user.disabled && (await verifyPassword(user.passwordHash, password)) : (await burnVerify(password), false);
    if (!user || !ok) {
      await db.transaction(async (tx) => {
        const failures = await throttle.registerFailure(tx, username, actor.ip ?? 'unknown');
        if (user && failures === throttle.throttlePolicy.accountFreeFailures) {
          await recordAudit(tx, actor, { action: 'throttle', entity: 'user', entityId: user.id, after: { failures } });
        }
      });
      throw new AppError('AUTH_INVALID');
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const me = { ...actor, userId: user.id, username: user.username };
    await db.transaction(async (tx) => {
      await throttle.clearAccount(tx, username);
      await repo.insertSession(tx, { id: sha256(token), userId: user.id, csrfToken });
      await recordAudit(tx, me, { action: 'login', entity: 'user', entityId: user.id });
    });
    return { token, csrfToken, user: presentUser(user) };
  }

  /** An administrator lets a throttled user try again at once. */
  async function unlockUser(actor: Actor, id: string) {
    if (!canManageUsers(actor)) throw forbidden();
    return db.transaction(async (tx) => {
      const user = await repo.findUserById(tx, id);
      if (!user) throw notFound();
      await throttle.clearAccount(tx, user.username);
      await recordAudit(tx, actor, { action: 'unlock', entity: 'user', entityId: id });
      return presentUser(user);
    });
  }

  /** The session behind a cookie token, or undefined when it is unknown, idle too long, too old or its user is disabled. */
  async function resolveSession(token: string) {
    const id = sha256(token);
    const found = await sessionLookup.find(id);
    if (!found) return undefined;
    const idleMs = Date.now() - found.session.lastSeenAt.getTime();
    const ageMs = Date.now() - found.session.createdAt.getTime();
    if (idleMs > idleMinutes * 60_000 || ageMs > maxHours * 3_600_000 || found.user.disabled) {
      await repo.deleteSession(db, id);
      return undefined;
    }
    // refresh at most every 30 s: one write per request would double the cost of every read
    if (idleMs > 30_000) await sessionLookup.touch(id);
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
    const waiting = await throttle.accountsWaiting(db, rows.map((r) => r.username));
    return { items: rows.map((r) => presentUser(r, waiting.get(r.username))), total, page: q.page, pageSize: q.pageSize };
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
      if (passwordHash) await throttle.clearAccount(tx, before.username);
      const after = (await repo.updateUser(tx, id, {
        ...rest,
        ...(passwordHash ? { passwordHash } : {}),
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

  return { login, logout, resolveSession, me, listUsers, createUser, updateUser, unlockUser, bootstrapAdmin };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
