import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { roles } from '../../../../common/schemas/accounts';
import { searchDocuments } from '../../db/schema';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, loginWithPermissions, makeOrg, makePerson } from '../../test/factories';

const t = useTestApp();
const PUDONG = '310115';
const JINSHAN = '310116';
const u = () => randomBytes(3).toString('hex');
const pudongCoordinator = async () => (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
const admin = async () => (await loginAs(t.app, { role: 'admin' })).session;
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

const personDoc = async (id: string) =>
  (await t.app.services.db.select().from(searchDocuments).where(and(eq(searchDocuments.entityType, 'person'), eq(searchDocuments.entityId, id))))[0];

describe('people are scoped to what the actor may see', () => {
  it('a coordinator of 浦东新区 cannot list, read, change or unmask people of 金山区', async () => {
    const pudong = await makePerson(t.app, { districtCode: PUDONG, phone: '13800001111' });
    const jinshan = await makePerson(t.app, { districtCode: JINSHAN, phone: '13800002222' });
    const pudongOrg = await makeOrg(t.app, { districtCode: PUDONG });
    // no district of their own, but working at an organisation of 浦东新区
    const affiliated = await makePerson(t.app, { districtCode: null, affiliations: [{ organizationId: pudongOrg.id, organizationName: pudongOrg.name, position: '总经理' }] });
    const s = await pudongCoordinator();

    const list = await s.get('/api/people?pageSize=200');
    expect(ids(list)).toEqual(expect.arrayContaining([pudong.id, affiliated.id]));
    expect(ids(list)).not.toContain(jinshan.id);
    expect((await s.get(`/api/people?districtCode=${JINSHAN}`)).json().total).toBe(0);
    expect((await s.get(`/api/people/${affiliated.id}`)).statusCode).toBe(200);
    expect((await s.get(`/api/people/${jinshan.id}`)).statusCode).toBe(404);
    expect((await s.send('PATCH', `/api/people/${jinshan.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await s.send('POST', `/api/people/${jinshan.id}/unmask`)).statusCode).toBe(404);
    expect((await s.send('DELETE', `/api/people/${jinshan.id}`)).statusCode).toBe(404);
    // nor create one there, nor move one there
    expect((await s.send('POST', '/api/people', { name: `金山专家${u()}`, districtCode: JINSHAN })).statusCode).toBe(403);
    expect((await s.send('PATCH', `/api/people/${pudong.id}`, { districtCode: JINSHAN })).statusCode).toBe(403);
    expect((await (await admin()).get(`/api/people/${pudong.id}`)).json().districtCode).toBe(PUDONG);
  });
});

describe('personal data', () => {
  it('masks phone and e-mail in lists and details for every role, admins included', async () => {
    const p = await makePerson(t.app, { phone: '13812345678', email: 'zhang@sjtu.edu.cn' });
    for (const role of roles) {
      const s = (await loginAs(t.app, { role, scopes: role === 'admin' ? [] : [{ kind: 'district', value: PUDONG }] })).session;
      const list = await s.get('/api/people?pageSize=200');
      const detail = await s.get(`/api/people/${p.id}`);
      // whatever a role may see of this person, never the full phone or e-mail
      for (const body of [list.body, detail.body]) {
        expect(body, role).not.toContain('13812345678');
        expect(body, role).not.toContain('zhang@sjtu.edu.cn');
      }
      if (detail.statusCode === 200) expect(detail.json(), role).toMatchObject({ phone: '138****5678', email: 'z***@sjtu.edu.cn' });
      const item = list.statusCode === 200 ? list.json().items.find((i: { id: string }) => i.id === p.id) : undefined;
      if (item) expect(item, role).toMatchObject({ phone: '138****5678', email: 'z***@sjtu.edu.cn' });
      // those who work with the directory do see the person, masked
      if (role === 'admin' || role === 'coordinator') {
        expect(detail.statusCode, role).toBe(200);
        expect(item, role).toBeDefined();
      }
    }
  });

  it('unmasks for admins and coordinators in scope, audit-logged with masked values', async () => {
    const p = await makePerson(t.app, { phone: '13812345678', email: 'zhang@sjtu.edu.cn', politicalAffiliation: '九三学社', politicalConsent: true });
    const s = await pudongCoordinator();
    const res = await s.send('POST', `/api/people/${p.id}/unmask`);
    expect(res.statusCode).toBe(200);
    // without the 'political' permission the political affiliation stays hidden
    expect(res.json()).toEqual({ phone: '13812345678', email: 'zhang@sjtu.edu.cn', politicalAffiliation: null });

    const audit = (await (await admin()).get(`/api/audit?entity=person&entityId=${p.id}&action=unmask`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].after).toEqual({ phone: '138****5678', email: 'z***@sjtu.edu.cn' });
    expect(JSON.stringify(audit.items[0])).not.toContain('13812345678');

    const expert = (await loginAs(t.app, { role: 'expert', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await expert.get(`/api/people/${p.id}`)).statusCode).toBe(200);
    expect((await expert.send('POST', `/api/people/${p.id}/unmask`)).statusCode).toBe(403);
  });

  it('shows political affiliation only with the permission and the person’s consent', async () => {
    const consented = await makePerson(t.app, { politicalAffiliation: '无党派人士', politicalConsent: true });
    const withheld = await makePerson(t.app, { politicalAffiliation: '农工党', politicalConsent: false });
    const none = await makePerson(t.app);
    const plainAdmin = await admin();
    const permitted = (await loginWithPermissions(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }], permissions: ['political'] })).session;

    expect((await plainAdmin.get(`/api/people/${consented.id}`)).json()).toMatchObject({ politicalAffiliation: null, politicalHidden: true });
    expect((await permitted.get(`/api/people/${consented.id}`)).json()).toMatchObject({ politicalAffiliation: '无党派人士', politicalHidden: false });
    expect((await permitted.get(`/api/people/${withheld.id}`)).json()).toMatchObject({ politicalAffiliation: null, politicalHidden: true });
    expect((await permitted.get(`/api/people/${none.id}`)).json()).toMatchObject({ politicalAffiliation: null, politicalHidden: false });
    const listed = (await permitted.get('/api/people?pageSize=200')).json().items.find((i: { id: string }) => i.id === consented.id);
    expect(listed.politicalAffiliation).toBe('无党派人士');
    expect((await permitted.send('POST', `/api/people/${consented.id}/unmask`)).json().politicalAffiliation).toBe('无党派人士');

    // only a permitted actor may write it; a form sending back the null it was shown changes nothing
    const denied = await plainAdmin.send('PATCH', `/api/people/${none.id}`, { politicalAffiliation: '民盟' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().fields[0].path).toBe('politicalAffiliation');
    const echoed = await plainAdmin.send('PATCH', `/api/people/${consented.id}`, { politicalAffiliation: null, politicalConsent: true, bio: '简介' });
    expect(echoed.statusCode).toBe(200);
    expect((await plainAdmin.send('PATCH', `/api/people/${consented.id}`, { politicalConsent: false })).statusCode).toBe(403);
    expect((await permitted.get(`/api/people/${consented.id}`)).json()).toMatchObject({ politicalAffiliation: '无党派人士', bio: '简介' });
  });
});

describe('people records', () => {
  it('keeps several titles, expertise and a search document without personal data', async () => {
    const sjtu = await makeOrg(t.app, { name: `上海交通大学${u()}`, kind: 'university', districtCode: '310112' });
    const union = await makeOrg(t.app, { name: `${sjtu.name}知联会`, kind: 'association', districtCode: '310112' });
    const s = (await loginWithPermissions(t.app, { role: 'admin', permissions: ['political'] })).session;
    const res = await s.send('POST', '/api/people', {
      name: `张兆国${u()}`,
      roles: ['expert', 'representative'],
      expertise: ['现代化工', '新材料'],
      phone: '+86 137 1234 5678',
      email: 'Zhang@SJTU.edu.cn',
      politicalAffiliation: '无党派人士',
      politicalConsent: true,
      affiliations: [
        { organizationId: sjtu.id, position: '副校长' },
        { organizationId: union.id, organizationName: union.name, position: '会长', isContact: true },
      ],
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      titles: `${sjtu.name}副校长、${union.name}会长`,
      districtCode: '310112',
      districtName: '闵行区',
      phone: '137****5678',
      email: 'z***@sjtu.edu.cn',
      politicalAffiliation: '无党派人士',
      affiliations: [
        { organizationId: sjtu.id, organizationName: sjtu.name, position: '副校长', isContact: false },
        { organizationId: union.id, position: '会长', isContact: true },
      ],
    });
    expect((await s.send('POST', `/api/people/${p.id}/unmask`)).json()).toMatchObject({ phone: '13712345678', email: 'zhang@sjtu.edu.cn' });
    const orgDetail = (await s.get(`/api/organizations/${union.id}`)).json();
    expect(orgDetail.contacts).toEqual([{ personId: p.id, name: p.name, position: '会长' }]);

    const doc = await personDoc(p.id);
    expect(doc).toMatchObject({ title: p.name, subtitle: p.titles });
    expect(doc!.body).toContain('副校长');
    expect(doc!.body).toContain('新材料');
    expect(doc!.body).not.toMatch(/1371234|sjtu\.edu|无党派/);

    expect(ids(await s.get(`/api/people?organizationId=${sjtu.id}`))).toEqual([p.id]);
    expect(ids(await s.get(`/api/people?q=${encodeURIComponent('现代化工')}&role=representative`))).toContain(p.id);

    expect((await s.send('DELETE', `/api/people/${p.id}`)).statusCode).toBe(204);
    expect((await s.get(`/api/people/${p.id}`)).statusCode).toBe(404);
    expect(await personDoc(p.id)).toBeUndefined();
    expect((await s.get(`/api/organizations/${union.id}`)).json().contacts).toEqual([]);
  });

  it('names the field of a bad value', async () => {
    const s = await admin();
    const phone = await s.send('POST', '/api/people', { name: '电话错误', phone: '12345' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().fields[0]).toMatchObject({ path: 'phone', message: expect.stringMatching(/电话/) });
    const email = await s.send('POST', '/api/people', { name: '邮箱错误', email: 'not-an-email' });
    expect(email.json().fields[0]).toMatchObject({ path: 'email', message: expect.stringMatching(/邮箱/) });
    const org = await s.send('POST', '/api/people', { name: '单位错误', affiliations: [{ organizationId: '00000000-0000-4000-8000-000000000000' }] });
    expect(org.json().fields[0].path).toBe('affiliations.0.organizationId');
    const landline = await s.send('POST', '/api/people', { name: `座机${u()}`, phone: '021-64281234' });
    expect(landline.statusCode).toBe(201);
    expect(landline.json().phone).toBe('021****1234');
  });

  it('answers a likely duplicate with 409 and candidates, and creates it when forced', async () => {
    const s = await admin();
    const org = await makeOrg(t.app);
    const name = `张英${u()}`;
    const existing = await makePerson(t.app, { name, phone: '13900001234', affiliations: [{ organizationId: org.id, organizationName: org.name, position: '主任' }] });
    const body = { name, affiliations: [{ organizationId: org.id, position: '教授' }] };
    const dup = await s.send('POST', '/api/people', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', candidates: [{ id: existing.id, reason: 'name+organization', titles: `${org.name}主任` }] });
    const byPhone = await s.send('POST', '/api/people/duplicates', { name: '别的名字', phone: '139 0000 1234' });
    expect(byPhone.json().candidates).toEqual([expect.objectContaining({ id: existing.id, reason: 'phone' })]);
    // a bare name match is shown but does not stop a creation
    const sameName = await s.send('POST', '/api/people/duplicates', { name });
    expect(sameName.json().candidates).toEqual([expect.objectContaining({ id: existing.id, reason: 'name' })]);
    expect((await s.send('POST', '/api/people', { ...body, force: true })).statusCode).toBe(201);
  });
});
