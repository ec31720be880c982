import { describe, expect, it } from 'vitest';
import { loginAs, makeOrganization } from '../../test/factories';
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
  });

  it('audits a change with before and after', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const org = await makeOrganization(t.app, { name: '旧名称单位' });
    await session.send('PATCH', `/api/organizations/${org.id}`, { name: '新名称单位' });
    const audit = await session.get(`/api/audit?entity=organization&entityId=${org.id}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'update', before: { name: '旧名称单位' }, after: { name: '新名称单位' } });
  });
});
