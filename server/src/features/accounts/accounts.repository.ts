import { and, count, eq, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import type { Role, UserStatus } from '../../../../common/schemas/accounts';
import type { Executor } from '../../db/client';
import { sessions, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const findUserByUsername = async (ex: Executor, username: string) =>
  (await ex.select().from(users).where(eq(users.username, username)).limit(1))[0];

export const findUserById = async (ex: Executor, id: string) =>
  (await ex.select().from(users).where(eq(users.id, id)).limit(1))[0];

export const insertUser = async (ex: Executor, row: NewUser) => (await ex.insert(users).values(row).returning())[0]!;

export const updateUser = async (ex: Executor, id: string, patch: Partial<NewUser>) =>
  (await ex.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).returning())[0];

export const countUsers = async (ex: Executor) => (await ex.select({ n: count() }).from(users))[0]!.n;

export interface UserFilter {
  q?: string;
  role?: Role;
  /** active: neither disabled nor locked now */
  status?: UserStatus;
}

export async function listUsers(ex: Executor, f: UserFilter, page: number, pageSize: number) {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, '\\$&')}%` : undefined;
  const lockedNow = sql`${users.lockedUntil} is not null and ${users.lockedUntil} > now()`;
  const cond = and(
    like ? or(ilike(users.username, like), ilike(users.displayName, like)) : undefined,
    f.role ? eq(users.role, f.role) : undefined,
    f.status === 'disabled' ? eq(users.disabled, true) : undefined,
    f.status === 'locked' ? and(eq(users.disabled, false), lockedNow) : undefined,
    f.status === 'active' ? and(eq(users.disabled, false), sql`not (${lockedNow})`) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    ex.select().from(users).where(cond).orderBy(users.username).limit(pageSize).offset((page - 1) * pageSize),
    ex.select({ total: count() }).from(users).where(cond),
  ]);
  return { rows, total };
}

export const insertSession = (ex: Executor, row: typeof sessions.$inferInsert) => ex.insert(sessions).values(row);

/** The sessions with these ids (hashed tokens), each with its user: one statement for any number (coalesced lookups). */
export const findSessions = (ex: Executor, ids: string[]) =>
  ex
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(inArray(sessions.id, ids));

export type SessionWithUser = Awaited<ReturnType<typeof findSessions>>[number];

export const touchSession = (ex: Executor, id: string) =>
  ex.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));

export const deleteSession = (ex: Executor, id: string) => ex.delete(sessions).where(eq(sessions.id, id));

export const deleteUserSessions = (ex: Executor, userId: string) => ex.delete(sessions).where(eq(sessions.userId, userId));

export const deleteIdleSessions = (ex: Executor, idleMinutes: number) =>
  ex.delete(sessions).where(lt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`));

