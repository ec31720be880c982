import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { auditLog, loginThrottle, sessions } from '../../db/schema';
import { insecureCookieWarning } from '../../lib/auth';
import { login, loginAs, makeUser, TEST_PASSWORD } from '../../test/factories';
import { testEnv, useTestApp } from '../../test/build-test-app';

const t = useTestApp();
const tryLogin = (username: string, password: string, lang = 'zh-CN', remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: { 'accept-language': lang }, remoteAddress });

describe('login, session, logout', () => {
  it('sets an httpOnly session cookie and a CSRF cookie, and /me answers with the user', async () => {
    const user = await makeUser(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310115' }] });
    const res = await tryLogin(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookies = res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[];
    expect(cookies.find((c) => c.name === 'tx_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookies.find((c) => c.name === 'tx_csrf')?.httpOnly).toBeFalsy();
    expect(res.json().user).toMatchObject({ username: user.username, role: 'coordinator' });
    expect(res.json().user.passwordHash).toBeUndefined();

    const s = await login(t.app, user.username);
    const me = await s.get('/api/auth/me');
    expect(me.json().user.scopes).toEqual([{ kind: 'district', value: '310115' }]);
    expect((await s.send('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('answers a wrong password in Chinese by default and in English when asked, without saying which part was wrong', async () => {
    const user = await makeUser(t.app);
    const zh = await tryLogin(user.username, 'wrong-password');
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ code: 'AUTH_INVALID', message: '用户名或密码错误' });
    const unknown = await tryLogin('nobody-here', 'wrong-password', 'en');
    expect(unknown.json()).toMatchObject({ code: 'AUTH_INVALID', message: 'Wrong username or password' });
  });

  it('answers unknown, wrong and throttled alike, and makes further tries wait progressively, whoever the user is', async () => {
    const user = await makeUser(t.app);
    const ghost = `ghost_${user.username}`;
    const ip = '203.0.113.7';
    const seen = { real: [] as string[], ghost: [] as string[] };
    for (let i = 0; i < 5; i++) {
      for (const [who, name] of [['real', user.username], ['ghost', ghost]] as const) {
        const res = await tryLogin(name, 'nope-nope', 'zh-CN', ip);
        seen[who].push(`${res.statusCode} ${res.json().code} ${res.json().message.replace(/\d+/, 'N')}`);
      }
    }
    expect(seen.real).toEqual(seen.ghost);
    expect(seen.real.slice(0, 3)).toEqual(Array(3).fill('401 AUTH_INVALID 用户名或密码错误'));
    expect(seen.real[3]).toBe('429 RATE_LIMITED 登录尝试过于频繁，请 N 秒后再试');
    // a throttled try is refused before the password is looked at, for the right password too
    const early = await tryLogin(user.username, TEST_PASSWORD, 'en', ip);
    expect(early.statusCode).toBe(429);
    expect(early.headers['retry-after']).toMatch(/^\d+$/);
    expect(early.json().message).toMatch(/^Too many login attempts: try again in \d+ s$/);
    // the wait doubles with each failure and never exceeds a minute
    await t.app.services.db.update(loginThrottle).set({ failures: 40, lastFailureAt: new Date() }).where(eq(loginThrottle.key, `user:${user.username}`));
    const capped = await tryLogin(user.username, TEST_PASSWORD, 'zh-CN', '198.51.100.1');
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(capped.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('does not let a guesser lock the owner out: the owner gets in after the short wait, the guessing address is refused', async () => {
    const owner = await makeUser(t.app, { role: 'admin' });
    const attacker = '192.0.2.66';
    // the attacker guesses as fast as answers come, against many accounts
    for (let i = 0; i < 36; i++) await tryLogin(i % 3 === 0 ? owner.username : `victim${i}_${owner.username}`, `guess-${i}`, 'zh-CN', attacker);
    // the account's delay has run out (at most a minute): the owner, from their own address, gets in
    await t.app.services.db
      .update(loginThrottle)
      .set({ lastFailureAt: sql`now() - interval '61 seconds'` })
      .where(eq(loginThrottle.key, `user:${owner.username}`));
    expect((await tryLogin(owner.username, TEST_PASSWORD, 'zh-CN', '198.51.100.20')).statusCode).toBe(200);
    // the attacker's address has failed 20 times within 15 minutes: refused whatever it tries, for the quarter hour
    const [addr] = await t.app.services.db.select().from(loginThrottle).where(eq(loginThrottle.key, `addr:${attacker}`));
    expect(addr!.failures).toBeGreaterThanOrEqual(20);
    const blocked = await tryLogin(`fresh_${owner.username}`, 'whatever-1', 'zh-CN', attacker);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
  });

  it('keeps the throttle in the database, so another app process on the same database sees it', async () => {
    const user = await makeUser(t.app);
    for (let i = 0; i < 3; i++) await tryLogin(user.username, 'nope-nope', 'zh-CN', '203.0.113.50');
    const second = await buildApp(t.database, testEnv, false);
    try {
      const res = await second.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD }, remoteAddress: '203.0.113.51' });
      expect(res.statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('lets an administrator unlock a throttled user, and only an administrator', async () => {
    const user = await makeUser(t.app);
    for (let i = 0; i < 3; i++) await tryLogin(user.username, 'nope-nope', 'zh-CN', '203.0.113.90');
    // many failures, the last just now: a minute to wait
    await t.app.services.db.update(loginThrottle).set({ failures: 10, lastFailureAt: new Date() }).where(eq(loginThrottle.key, `user:${user.username}`));
    const { session: admin } = await loginAs(t.app, { role: 'admin' });
    const listed = await admin.get(`/api/admin/users?q=${user.username}`);
    expect(listed.json().items[0].lockedUntil).not.toBeNull();
    const { session: coordinator } = await loginAs(t.app, { role: 'coordinator' });
    expect((await coordinator.send('POST', `/api/admin/users/${user.id}/unlock`)).statusCode).toBe(403);
    const unlocked = await admin.send('POST', `/api/admin/users/${user.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().user.lockedUntil).toBeNull();
    expect((await tryLogin(user.username, TEST_PASSWORD, 'zh-CN', '203.0.113.90')).statusCode).toBe(200);
    const [entry] = await t.app.services.db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'unlock')));
    expect(entry).toBeDefined();
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const { user, session } = await loginAs(t.app);
    await t.app.services.db
      .update(sessions)
      .set({ createdAt: sql`now() - interval '12 hours 1 minute'`, lastSeenAt: sql`now()` })
      .where(eq(sessions.userId, user.id));
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('warns at start-up when cookies are not Secure and the server listens beyond loopback', () => {
    expect(insecureCookieWarning({ HOST: '0.0.0.0', TONGXIN_SECURE_COOKIES: false })).toMatch(/TONGXIN_SECURE_COOKIES/);
    expect(insecureCookieWarning({ HOST: '192.168.1.5', TONGXIN_SECURE_COOKIES: false })).toBeDefined();
    expect(insecureCookieWarning({ HOST: '0.0.0.0', TONGXIN_SECURE_COOKIES: true })).toBeUndefined();
    for (const host of ['127.0.0.1', '::1', 'localhost', '[::1]']) expect(insecureCookieWarning({ HOST: host, TONGXIN_SECURE_COOKIES: false })).toBeUndefined();
  });

  it('ends a session after 30 idle minutes', async () => {
    const { user, session } = await loginAs(t.app);
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    await t.app.services.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where(eq(sessions.userId, user.id));
    const res = await session.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_REQUIRED');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      payload: { name: '无令牌单位', kind: 'enterprise' },
      headers: { cookie: session.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    const ok = await session.send('POST', '/api/organizations', { name: '有令牌单位', kind: 'enterprise' });
    expect(ok.statusCode).toBe(201);
  });

  it('requires a session on every API route but health, login and the API description', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/stats/overview' })).statusCode).toBe(401);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
    const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(openapi.json().openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.json().paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/organizations']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/html/);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
