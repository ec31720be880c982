import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { industries, organizations, searchDocuments } from '../../db/schema';
import { addMember, loginAs, makeNetwork, makeOrg, makeOrganization, makeUscc } from '../../test/factories';
import { useTestApp } from '../../test/build-test-app';

const t = useTestApp();
const PUDONG = '310115';
const JINSHAN = '310116';

describe('organisations are scoped to what the actor may see', () => {
  it('a coordinator scoped to 浦东新区 cannot read data of 金山区', async () => {
    const pudong = await makeOrganization(t.app, { name: '金桥集团测试', districtCode: PUDONG });
    const jinshan = await makeOrganization(t.app, { name: '上海天承化学测试', districtCode: JINSHAN });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });

    const list = await session.get('/api/organizations?pageSize=200');
    const ids = list.json().items.map((o: { id: string }) => o.id);
    expect(ids).toContain(pudong.id);
    expect(ids).not.toContain(jinshan.id);
    expect(list.json().items.every((o: { districtCode: string }) => o.districtCode === PUDONG)).toBe(true);

    expect((await session.get(`/api/organizations/${pudong.id}`)).statusCode).toBe(200);
    expect((await session.get(`/api/organizations/${jinshan.id}`)).statusCode).toBe(404);
    expect((await session.get(`/api/organizations?districtCode=${JINSHAN}`)).json().total).toBe(0);
    const edit = await session.send('PATCH', `/api/organizations/${jinshan.id}`, { name: '改名' });
    expect(edit.statusCode).toBe(404);
    const create = await session.send('POST', '/api/organizations', { name: '金山新单位', kind: 'enterprise', districtCode: JINSHAN });
    expect(create.statusCode).toBe(403);
    const overview = await session.get('/api/stats/overview');
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const all = await admin.get('/api/stats/overview');
    expect(overview.json().counts.organizations).toBeLessThan(all.json().counts.organizations);
  });

  it('a coordinator cannot move an organisation out of their scope', async () => {
    const org = await makeOrganization(t.app, { districtCode: PUDONG });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const res = await session.send('PATCH', `/api/organizations/${org.id}`, { districtCode: JINSHAN });
    expect(res.statusCode).toBe(403);
  });

  it('rejects a wrong unified social credit code on the field and a reused one as a duplicate', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const bad = await session.send('POST', '/api/organizations', { name: '校验位错误', kind: 'enterprise', uscc: '91310115MA1H7XKQ1X' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ path: 'uscc' });
    expect(bad.json().fields[0].message).toMatch(/校验|字符|长度/);

    // a valid code already used by another organisation: a duplicate naming that organisation
    const code = makeUscc();
    const first = await session.send('POST', '/api/organizations', { name: `信用代码原单位${code.slice(-6)}`, kind: 'enterprise', uscc: code });
    expect(first.statusCode).toBe(201);
    const reused = await session.send('POST', '/api/organizations', { name: `信用代码另一单位${code.slice(-6)}`, kind: 'enterprise', uscc: code });
    expect(reused.statusCode).toBe(409);
    expect(JSON.stringify(reused.json())).toContain(first.json().id);
    const ours = await session.get(`/api/organizations?q=${code}`);
    expect(ours.json().items.map((o: { id: string }) => o.id)).toEqual([first.json().id]);
  });

  it('audits a change with before and after', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const org = await makeOrganization(t.app, { name: '旧名称单位' });
    await session.send('PATCH', `/api/organizations/${org.id}`, { name: '新名称单位' });
    const audit = await session.get(`/api/audit?entity=organization&entityId=${org.id}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'update', before: { name: '旧名称单位' }, after: { name: '新名称单位' } });
  });
});

describe('organisation records', () => {
  it('creates a full record, finds it by alias, indexes it for search and deletes it', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const k = randomBytes(3).toString('hex');
    const [industry] = await t.app.services.db.insert(industries).values({ name: `智能网联汽车${k}` }).returning();
    const created = await session.send('POST', '/api/organizations', {
      name: `中国国际金融${k}股份有限公司`,
      kind: 'bank',
      districtCode: PUDONG,
      aliases: [`中金公司${k}`, ' ', `中金公司${k}`],
      formerNames: ['中国国际金融有限公司'],
      address: '浦东新区世纪大道8号',
      lng: 121.5,
      lat: 31.23,
      industryIds: [industry!.id],
      size: 'large',
      website: 'www.cicc.com',
      description: '投资银行',
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({
      aliases: [`中金公司${k}`],
      formerNames: ['中国国际金融有限公司'],
      districtName: '浦东新区',
      industries: [{ id: industry!.id, name: industry!.name }],
      lng: 121.5,
      lat: 31.23,
      website: 'www.cicc.com',
      contacts: [],
      people: [],
      memberships: [],
    });

    const byAlias = await session.get(`/api/organizations?q=${encodeURIComponent(`中金公司${k}`)}`);
    expect(byAlias.json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
    const byIndustry = await session.get(`/api/organizations?industryId=${industry!.id}`);
    expect(byIndustry.json().items).toEqual([expect.objectContaining({ id: org.id, aliases: [`中金公司${k}`], size: 'large' })]);

    const doc = await findSearchDoc(org.id);
    expect(doc).toMatchObject({ title: org.name, subtitle: '银行 · 浦东新区', districtCode: PUDONG, industryIds: [industry!.id] });
    expect(doc!.body).toContain(`中金公司${k}`);
    expect(doc!.body).toContain('世纪大道');

    const renamed = await session.send('PATCH', `/api/organizations/${org.id}`, { name: `中金${k}`, industryIds: [] });
    expect(renamed.json()).toMatchObject({ name: `中金${k}`, industries: [] });
    expect(await findSearchDoc(org.id)).toMatchObject({ title: `中金${k}`, industryIds: [] });

    const del = await session.send('DELETE', `/api/organizations/${org.id}`);
    expect(del.statusCode).toBe(204);
    expect((await session.get(`/api/organizations/${org.id}`)).statusCode).toBe(404);
    expect(await findSearchDoc(org.id)).toBeUndefined();
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const audit = await admin.get(`/api/audit?entity=organization&entityId=${org.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
  });

  it('names the field of a bad value', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const lonely = await session.send('POST', '/api/organizations', { name: '只有经度', kind: 'enterprise', lng: 121.5 });
    expect(lonely.statusCode).toBe(400);
    expect(lonely.json().fields[0].path).toBe('lat');
    const industry = await session.send('POST', '/api/organizations', {
      name: '产业不存在',
      kind: 'enterprise',
      industryIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(industry.json().fields[0]).toMatchObject({ path: 'industryIds.0' });
    const kind = await session.send('POST', '/api/organizations', { name: '类型错误', kind: 'company' });
    expect(kind.json().fields[0].path).toBe('kind');
    const district = await session.send('POST', '/api/organizations', { name: '区划错误', kind: 'enterprise', districtCode: '110101' });
    expect(district.json().fields[0]).toMatchObject({ path: 'districtCode', message: expect.stringMatching(/上海/) });
  });

  it('lets a network-scoped coordinator see the network’s current members only, without changing them', async () => {
    const network = await makeNetwork(t.app, { districtCode: JINSHAN });
    const member = await makeOrg(t.app, { districtCode: JINSHAN });
    const former = await makeOrg(t.app, { districtCode: JINSHAN });
    await addMember(t.app, network.id, { organizationId: member.id, tier: 'member' });
    await addMember(t.app, network.id, { organizationId: former.id, tier: 'member', leftOn: '2024-01-01' });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'network', value: network.id }] });
    const list = await session.get('/api/organizations?pageSize=200');
    expect(list.json().items.map((o: { id: string }) => o.id)).toEqual([member.id]);
    // membership of a network in one's scope never widens what one may change
    expect((await session.send('PATCH', `/api/organizations/${member.id}`, { description: '成员单位' })).statusCode).toBe(403);
    expect((await session.send('DELETE', `/api/organizations/${member.id}`)).statusCode).toBe(403);
    expect((await session.get(`/api/organizations/${former.id}`)).statusCode).toBe(404);

    const expert = (await loginAs(t.app, { role: 'expert', scopes: [{ kind: 'network', value: network.id }] })).session;
    expect((await expert.send('DELETE', `/api/organizations/${member.id}`)).statusCode).toBe(403);
    expect((await expert.send('PATCH', `/api/organizations/${member.id}`, { description: 'x' })).statusCode).toBe(403);
  });

  it('a coordinator cannot delete an organisation of another district', async () => {
    const jinshan = await makeOrg(t.app, { districtCode: JINSHAN });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    expect((await session.send('DELETE', `/api/organizations/${jinshan.id}`)).statusCode).toBe(404);
    expect((await t.app.services.db.select().from(organizations).where(eq(organizations.id, jinshan.id))).length).toBe(1);
  });
});

async function findSearchDoc(id: string) {
  return (
    await t.app.services.db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.entityType, 'organization'), eq(searchDocuments.entityId, id)))
  )[0];
}
