import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema';
import { systemActor } from '../../lib/actor';
import { useTestApp } from '../../test/build-test-app';
import { countingDb } from '../../test/counting-db';
import { makeUser, TEST_PASSWORD } from '../../test/factories';
import { createAccountsService } from './accounts.service';

const t = useTestApp();
const sessionReads = /from "sessions"/;

/** an accounts service of "this" process whose statements are counted, and a session of a new user */
async function setup() {
  const counted = countingDb(t.database);
  const accounts = createAccountsService({ db: counted.db, idleMinutes: 30 });
  const user = await makeUser(t.app, { role: 'admin' });
  const { token } = await accounts.login(systemActor('test'), user.username, TEST_PASSWORD);
  counted.reset();
  return { counted, accounts, user, token };
}

describe('session lookups of concurrent requests', () => {
  it('share one statement: 30 requests at once, with two different sessions, read the sessions once', async () => {
    const { counted, accounts, user, token } = await setup();
    const other = await accounts.login(systemActor('test'), user.username, TEST_PASSWORD);
    counted.reset();
    const found = await Promise.all(Array.from({ length: 30 }, (_, i) => accounts.resolveSession(i % 3 ? token : other.token)));
    expect(found.every((f) => f?.user.id === user.id)).toBe(true);
    expect(new Set(found.map((f) => f!.csrfToken)).size).toBe(2);
    expect(counted.count(sessionReads)).toBe(1);
    // requests one after the other: one statement each, nothing kept between them
    await accounts.resolveSession(token);
    await accounts.resolveSession(token);
    expect(counted.count(sessionReads)).toBe(3);
  });

  it('are not a cache: a session ended by another process is refused from the next request on', async () => {
    const { accounts, user, token } = await setup();
    expect(await accounts.resolveSession(token)).toBeDefined();
    // another app process (the test app's own service, another executor) logs the session out
    await t.app.services.db.delete(sessions).where(eq(sessions.userId, user.id));
    expect(await accounts.resolveSession(token)).toBeUndefined();

    // a disabled user: every concurrent request after the change is refused
    const again = await setup();
    expect(await again.accounts.resolveSession(again.token)).toBeDefined();
    await t.app.services.accounts.updateUser({ ...systemActor('test'), userId: null }, again.user.id, { disabled: true });
    const after = await Promise.all(Array.from({ length: 5 }, () => again.accounts.resolveSession(again.token)));
    expect(after).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('refresh last_seen_at once for the requests that find it older than 30 s', async () => {
    const { counted, accounts, user, token } = await setup();
    await t.app.services.db.update(sessions).set({ lastSeenAt: sql`now() - interval '5 minutes'` }).where(eq(sessions.userId, user.id));
    await Promise.all(Array.from({ length: 10 }, () => accounts.resolveSession(token)));
    expect(counted.count(/^update "sessions"/)).toBe(1);
    const [row] = await t.app.services.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(60_000);
  });
});
