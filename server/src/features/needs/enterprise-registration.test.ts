import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { usccIssue } from '../../../../common/validators';
import { useTestApp } from '../../test/build-test-app';
import { login, loginAs, makeOrganization } from '../../test/factories';
import { registrationLimit } from './enterprise-registration.service';

const t = useTestApp();
const PUDONG = '310115';
const MINHANG = '310112';

let n = 0;
/** A valid unified social credit code, unique per call. */
function uscc() {
  const body = `91310115${String(Date.now() % 1e8).padStart(8, '0')}${n++ % 10}`;
  const issue = usccIssue(`${body}0`);
  return issue?.kind === 'checkChar' ? body + issue.expected : `${body}0`;
}
const form = (code: string, username: string, ip = '203.0.113.7', phone = '13800138000') => ({
  method: 'POST' as const,
  url: '/api/public/enterprise-registrations',
  payload: { uscc: code, username, displayName: '张经理', password: 'Register-Passw0rd', contactName: '张经理', phone },
  remoteAddress: ip,
});

describe('enterprise self-registration', () => {
  it('registers with the unified social credit code; a coordinator of its district approves, and the account is linked to the organisation', async () => {
    const code = uscc();
    const org = await makeOrganization(t.app, { name: '金桥自注册测试企业', districtCode: PUDONG, uscc: code });
    const username = `selfreg_${Date.now().toString(36)}`;

    // a wrong check character and an unknown code are named on the uscc field
    const bad = await t.app.inject(form(code.slice(0, 17) + (code[17] === '0' ? '1' : '0'), username, '203.0.113.1'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ path: 'uscc', message: expect.stringContaining('校验位') });
    const unknown = await t.app.inject(form(uscc(), username, '203.0.113.1'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toBe('uscc');

    // the directory's one phone rule: a number it refuses is named on the phone field
    const badPhone = await t.app.inject(form(code, username, '203.0.113.1', '12345'));
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().fields[0].path).toBe('phone');

    // a mobile written with dashes and +86 is accepted and kept as the directory keeps phones
    const res = await t.app.inject(form(code.toLowerCase(), username, '203.0.113.2', '+86 138-0013-8000'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', organizationName: org.name });
    // the same username twice is refused while the first waits
    expect((await t.app.inject(form(code, username, '203.0.113.2'))).statusCode).toBe(409);
    // nobody logs in before the approval
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Register-Passw0rd' } })).statusCode).toBe(401);

    const pudong = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    const minhang = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: MINHANG }] })).session;
    const list = (await pudong.get('/api/enterprise-registrations?status=pending')).json();
    const mine = list.find((r: { username: string }) => r.username === username);
    expect(mine).toMatchObject({ organizationId: org.id, uscc: code, contactName: '张经理', status: 'pending' });
    // the contact phone, kept as 13800138000, is shown masked
    expect(mine.phone).not.toContain('00138000');
    expect(mine.phone).toMatch(/^138/);
    // another district's coordinator neither sees nor decides it
    expect((await minhang.get('/api/enterprise-registrations')).json().map((r: { id: string }) => r.id)).not.toContain(mine.id);
    expect((await minhang.send('POST', `/api/enterprise-registrations/${mine.id}/decision`, { approve: true })).statusCode).toBe(404);

    const approved = await pudong.send('POST', `/api/enterprise-registrations/${mine.id}/decision`, { approve: true });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect((await pudong.send('POST', `/api/enterprise-registrations/${mine.id}/decision`, { approve: false, reason: 'x' })).statusCode).toBe(409);

    // the enterprise logs in, is linked to its organisation, and submits a need for it
    const ent = await login(t.app, username, 'Register-Passw0rd');
    expect((await ent.get('/api/needs-accounts/me')).json()).toEqual({ organizationId: org.id, personId: null });
    const need = await ent.send('POST', '/api/needs', { category: 'policy', title: '自注册企业的政策咨询', description: '了解扶持政策', industryIds: [] });
    expect(need.statusCode, need.body).toBe(201);
    expect(need.json().organizationId).toBe(org.id);

    const audit = (await t.app.services.db.execute(sql`select action, actor_username from audit_log where entity = 'enterprise_registration' and entity_id = ${mine.id} order by at`)).rows;
    expect((audit as { action: string }[]).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('a rejection needs a reason and makes no account; registrations from one address are limited', async () => {
    const code = uscc();
    await makeOrganization(t.app, { name: '驳回测试企业', districtCode: PUDONG, uscc: code });
    const username = `rejected_${Date.now().toString(36)}`;
    expect((await t.app.inject(form(code, username, '203.0.113.3'))).statusCode).toBe(201);
    const pudong = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    const reg = (await pudong.get('/api/enterprise-registrations?status=pending')).json().find((r: { username: string }) => r.username === username);
    const noReason = await pudong.send('POST', `/api/enterprise-registrations/${reg.id}/decision`, { approve: false });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].path).toBe('reason');
    const rejected = await pudong.send('POST', `/api/enterprise-registrations/${reg.id}/decision`, { approve: false, reason: '联系人无法核实' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '联系人无法核实' });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Register-Passw0rd' } })).statusCode).toBe(401);

    // an enterprise account may not list or decide registrations
    const viewer = (await loginAs(t.app, { role: 'viewer' })).session;
    expect((await viewer.get('/api/enterprise-registrations')).statusCode).toBe(403);

    const ip = '203.0.113.99';
    const codes: number[] = [];
    for (let i = 0; i <= registrationLimit.perWindow; i++) codes.push((await t.app.inject(form(uscc(), `flood${i}_${Date.now().toString(36)}`, ip))).statusCode);
    expect(codes.slice(0, registrationLimit.perWindow).every((c) => c === 400)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});
