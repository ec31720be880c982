import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginThrottle } from '../../db/schema';

/**
 * How hard logins are throttled. An account's failures only ever delay the next try (doubling from 5 s to
 * at most a minute), so nobody can lock an owner out by guessing; an address that keeps failing (any
 * usernames) is refused for a quarter of an hour, which stops one guesser without touching anybody else.
 * The keys do not depend on whether the user exists, so unknown, wrong and throttled look the same for both.
 */
export const throttlePolicy = {
  /** failures of one username before each try has to wait */
  accountFreeFailures: 3,
  accountFirstDelaySeconds: 5,
  accountMaxDelaySeconds: 60,
  /** failures from one address within the window before it is refused */
  addressMaxFailures: 20,
  windowMinutes: 15,
};

export const accountKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `addr:${ip}`;

interface Row {
  key: string;
  failures: number;
  lastFailureAt: Date;
}

/** Seconds until the next try is allowed for this account (progressive delay). */
export function accountWait(row: Row | undefined, now = Date.now()): number {
  if (!row || row.failures < throttlePolicy.accountFreeFailures) return 0;
  const doublings = Math.min(row.failures - throttlePolicy.accountFreeFailures, 16);
  const delay = Math.min(throttlePolicy.accountFirstDelaySeconds * 2 ** doublings, throttlePolicy.accountMaxDelaySeconds);
  return Math.max(0, Math.ceil((row.lastFailureAt.getTime() + delay * 1000 - now) / 1000));
}

/** Seconds until this address may try again. */
export function addressWait(row: Row | undefined, now = Date.now()): number {
  if (!row || row.failures < throttlePolicy.addressMaxFailures) return 0;
  return Math.max(0, Math.ceil((row.lastFailureAt.getTime() + throttlePolicy.windowMinutes * 60_000 - now) / 1000));
}

/** Seconds the caller has to wait before trying this username from this address (0 = go ahead). */
export async function loginWait(ex: Executor, username: string, ip: string): Promise<number> {
  const rows = await ex.select().from(loginThrottle).where(inArray(loginThrottle.key, [accountKey(username), addressKey(ip)]));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return Math.max(accountWait(byKey.get(accountKey(username))), addressWait(byKey.get(addressKey(ip))));
}

/** Count a failure for the username and the address; counts older than the window start again. Returns the account's count. */
export async function registerFailure(ex: Executor, username: string, ip: string): Promise<number> {
  const window = sql`now() - make_interval(mins => ${throttlePolicy.windowMinutes})`;
  const rows = await ex
    .insert(loginThrottle)
    .values([
      { key: accountKey(username), failures: 1 },
      { key: addressKey(ip), failures: 1 },
    ])
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.lastFailureAt} < ${window} then 1 else ${loginThrottle.failures} + 1 end`,
        lastFailureAt: sql`now()`,
      },
    })
    .returning();
  return rows.find((r) => r.key === accountKey(username))?.failures ?? 1;
}

/** A successful login (or an administrator's unlock) clears the account's failures; the address keeps its count. */
export const clearAccount = (ex: Executor, username: string) => ex.delete(loginThrottle).where(inArray(loginThrottle.key, [accountKey(username)]));

/** When each of these usernames may try again (only the ones that have to wait). */
export async function accountsWaiting(ex: Executor, usernames: string[]): Promise<Map<string, Date>> {
  if (usernames.length === 0) return new Map();
  const rows = await ex.select().from(loginThrottle).where(inArray(loginThrottle.key, usernames.map(accountKey)));
  const out = new Map<string, Date>();
  const now = Date.now();
  for (const name of usernames) {
    const row = rows.find((r) => r.key === accountKey(name));
    const wait = accountWait(row, now);
    if (wait > 0) out.set(name, new Date(now + wait * 1000));
  }
  return out;
}
