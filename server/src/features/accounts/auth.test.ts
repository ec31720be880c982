import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema';
import { login, loginAs, makeUser, TEST_PASSWORD } from '../../test/factories';
import { useTestApp } from '../../test/build-test-app';

const t = useTestApp();
const tryLogin = (username: string, password: string, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: { 'accept-language': lang } });

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

  it('locks the account for 15 minutes after 5 failed logins, even for the right password', async () => {
    const user = await makeUser(t.app);
    for (let i = 0; i < 4; i++) expect((await tryLogin(user.username, 'nope-nope')).statusCode).toBe(401);
    const fifth = await tryLogin(user.username, 'nope-nope');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('AUTH_LOCKED');
    expect((await tryLogin(user.username, TEST_PASSWORD)).statusCode).toBe(423);
    const [row] = await t.app.services.db.select().from(users).where(eq(users.id, user.id));
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // when the lock has run out the right password works again
    await t.app.services.db.update(users).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(users.id, user.id));
    expect((await tryLogin(user.username, TEST_PASSWORD)).statusCode).toBe(200);
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
