import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { login, loginAs, makeUser } from '../../test/factories';
import { eq, sql } from 'drizzle-orm';
import { useTestApp } from '../../test/build-test-app';

const t = useTestApp();

describe('user administration', () => {
  it('lets an admin create a scoped coordinator who can then log in, and audits it without the password', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const username = `coord_${Date.now()}`;
    const res = await session.send('POST', '/api/admin/users', {
      username,
      displayName: '浦东协调员',
      password: 'Pudong-2024-pass',
      role: 'coordinator',
      scopes: [{ kind: 'district', value: '310115' }],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json().user;
    const me = await (await login(t.app, username, 'Pudong-2024-pass')).get('/api/auth/me');
    expect(me.json().user).toMatchObject({ displayName: '浦东协调员', scopes: [{ kind: 'district', value: '310115' }] });

    const audit = await session.get(`/api/audit?entity=user&entityId=${created.id}`);
    const entry = audit.json().items.find((e: { action: string }) => e.action === 'create');
    expect(entry.after).toMatchObject({ username, role: 'coordinator' });
    expect(JSON.stringify(audit.json())).not.toContain('Pudong-2024-pass');
    expect(entry.actorUsername).toBeTruthy();
    expect(entry.requestId).toBeTruthy();
  });

  it('names the wrong field, in the user language', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const body = { username: 'x', displayName: '张三', password: 'short', role: 'coordinator' };
    const zh = await session.send('POST', '/api/admin/users', body);
    expect(zh.statusCode).toBe(400);
    const fields = zh.json().fields.map((f: { path: string }) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password']));
    expect(zh.json().fields.find((f: { path: string }) => f.path === 'password').message).toMatch(/[\u4e00-\u9fff]/);
    const en = await session.send('POST', '/api/admin/users', body, { 'accept-language': 'en' });
    expect(en.json().fields.find((f: { path: string }) => f.path === 'password').message).toBe('at least 10 characters');
  });

  it('keeps non-admins out of user administration and the audit log', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310115' }] });
    expect((await session.get('/api/admin/users')).statusCode).toBe(403);
    expect((await session.get('/api/audit')).statusCode).toBe(403);
    const res = await session.send('POST', '/api/admin/users', {
      username: 'sneaky',
      displayName: 'x',
      password: 'long-enough-pass',
      role: 'admin',
    });
    expect(res.statusCode).toBe(403);
  });

  it('ends the sessions of a user who is disabled', async () => {
    const { session: admin } = await loginAs(t.app, { role: 'admin' });
    const { user, session } = await loginAs(t.app, { role: 'viewer' });
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    expect((await admin.send('PATCH', `/api/admin/users/${user.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('filters the list by role and by status (active, disabled, locked)', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const tag = `flt${Date.now().toString(36)}`;
    const viewer = await makeUser(t.app, { role: 'viewer', username: `${tag}_viewer` });
    const disabled = await makeUser(t.app, { role: 'coordinator', username: `${tag}_disabled` });
    const locked = await makeUser(t.app, { role: 'coordinator', username: `${tag}_locked` });
    const db = t.app.services.db;
    await db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    await db.update(users).set({ lockedUntil: sql`now() + interval '10 minutes'` }).where(eq(users.id, locked.id));
    const names = async (query: string) =>
      ((await session.get(`/api/admin/users?q=${tag}&${query}`)).json().items as { username: string }[]).map((u) => u.username).sort();

    expect(await names('role=viewer')).toEqual([viewer.username]);
    expect(await names('role=coordinator')).toEqual([disabled.username, locked.username]);
    expect(await names('status=active')).toEqual([viewer.username]);
    expect(await names('status=disabled')).toEqual([disabled.username]);
    expect(await names('status=locked')).toEqual([locked.username]);
    expect(await names('role=coordinator&status=active')).toEqual([]);
    expect((await session.get('/api/admin/users?status=gone')).statusCode).toBe(400);
  });
});
