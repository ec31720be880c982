import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { login, loginAs, makeOrganization, type Session } from '../../test/factories';

const t = useTestApp();
const PUDONG = '310115';
const MINHANG = '310112';

let seq = 0;
async function enterprise(coord: Session, organizationId: string) {
  const username = `ent_search_${Date.now().toString(36)}${seq++}`;
  const res = await coord.send('POST', '/api/needs-accounts/enterprise', { username, displayName: '企业 测试', password: 'Invited-Passw0rd', organizationId });
  expect(res.statusCode, res.body).toBe(201);
  return login(t.app, username, 'Invited-Passw0rd');
}
const ids = (res: { json: () => { items: { id: string; type?: string }[] } }) => res.json().items.map((i) => i.id);

describe('needs and events in the search index', () => {
  it('a need is found by words, pinyin, initials and Traditional characters, in the global box and the needs list, only by who may read it', async () => {
    const coord = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    const minhang = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: MINHANG }] })).session;
    const org = await makeOrganization(t.app, { name: '金桥搜索测试企业', districtCode: PUDONG });
    const other = await makeOrganization(t.app, { name: '另一家搜索测试企业', districtCode: PUDONG });
    const ent = await enterprise(coord, org.id);
    const ent2 = await enterprise(coord, other.id);
    const created = await ent.send('POST', '/api/needs', { category: 'financing', title: '氢能重卡融资对接', description: '扩产需要银行授信', industryIds: [] });
    expect(created.statusCode, created.body).toBe(201);
    const need = created.json();

    // written in the same transaction as the need
    const doc = (await t.app.services.db.execute(sql`select title, kind, district_code from search_documents where entity_type = 'need' and entity_id = ${need.id}`)).rows;
    expect(doc).toEqual([{ title: '氢能重卡融资对接', kind: 'financing', district_code: PUDONG }]);

    // the global box: words, pinyin, initials, Traditional; the type and path of a need
    for (const q of ['重卡', 'qingneng', 'qnzk', '氫能', '授信']) {
      const res = await coord.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.filter((i: { type: string }) => i.type === 'need').map((i: { id: string }) => i.id), q).toContain(need.id);
    }
    // the enterprise finds its own need; another enterprise and another district's coordinator do not
    expect(ids(await ent.get(`/api/search?q=${encodeURIComponent('重卡')}`))).toContain(need.id);
    expect(ids(await ent2.get(`/api/search?q=${encodeURIComponent('重卡')}`))).not.toContain(need.id);
    expect(ids(await minhang.get(`/api/search?q=${encodeURIComponent('重卡')}`))).not.toContain(need.id);
    // types=need narrows the box
    const onlyNeeds = (await coord.get(`/api/search?q=${encodeURIComponent('金桥')}&types=need`)).json().items;
    expect(onlyNeeds.every((i: { type: string }) => i.type === 'need')).toBe(true);
    expect(onlyNeeds.map((i: { id: string }) => i.id)).toContain(need.id);

    // the needs list's keyword reads the same index: pinyin, initials, Traditional, the enterprise's name
    for (const q of ['qingneng', 'qnzk', '氫能', '金桥搜索测试企业']) {
      const list = await coord.get(`/api/needs?q=${encodeURIComponent(q)}`);
      expect(list.statusCode).toBe(200);
      expect(ids(list), q).toContain(need.id);
    }
    expect(ids(await coord.get(`/api/needs?q=${encodeURIComponent('光伏储能')}`))).not.toContain(need.id);
    expect(ids(await ent2.get(`/api/needs?q=qingneng`))).not.toContain(need.id);
  });

  it('an event is found by its title and venue names, follows its edits and leaves with it, within the event rule', async () => {
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const jinshan = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310116' }] })).session;
    const xuhui = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310104' }] })).session;
    const created = await admin.send('POST', '/api/events', {
      title: '枫泾专家服务日（搜索测试）',
      kind: 'service_day',
      startsAt: '2026-09-20T09:00',
      districtCode: '310116',
      venues: [{ role: 'main', name: '枫泾古镇会场', districtCode: '310116' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const ev = created.json();
    const find = async (s: Session, q: string) =>
      (await s.get(`/api/search?q=${encodeURIComponent(q)}&types=event`)).json().items.map((i: { id: string }) => i.id) as string[];
    expect(await find(jinshan, 'fengjing')).toContain(ev.id);
    expect(await find(jinshan, '古镇会场')).toContain(ev.id);
    expect(await find(xuhui, '枫泾')).not.toContain(ev.id);

    expect((await admin.send('PATCH', `/api/events/${ev.id}`, { title: '亭林专家服务日（搜索测试）' })).statusCode).toBe(200);
    expect(await find(jinshan, 'tinglin')).toContain(ev.id);
    expect(await find(jinshan, 'fengjingzhuanjia')).not.toContain(ev.id);

    expect((await admin.send('DELETE', `/api/events/${ev.id}`)).statusCode).toBeLessThan(300);
    expect(await find(admin, 'tinglin')).not.toContain(ev.id);
  });
});
