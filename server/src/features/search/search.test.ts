import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../../common/schemas/search';
import { memberships, networks, organizations } from '../../db/schema';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, type Session } from '../../test/factories';
import { upsertSearchDocuments, type SearchDoc } from './search-index';
import { BROAD_DISTRICT_SHARE, readDistrictShares } from './search-district-share';

const PUDONG = '310115';
const JINSHAN = '310116';
const industry = { car: randomUUID(), bio: randomUUID() };

const ids = {
  zhangFeng: randomUUID(),
  zhangFengTech: randomUUID(),
  sinoFrench: randomUUID(),
  guoyao: randomUUID(),
  thinkTank: randomUUID(),
  sjtu: randomUUID(),
  sjtuMedical: randomUUID(),
  sjtuProfessor: randomUUID(),
  jinshanPark: randomUUID(),
  jinshanZhang: randomUUID(),
  bioCompany: randomUUID(),
  jinqiao: randomUUID(),
};

const docs: SearchDoc[] = [
  { entityType: 'person', entityId: ids.zhangFeng, title: '张峰', subtitle: '浦东新区区委常委、区委统战部部长', texts: ['中共上海市浦东新区委员会区委常委', '浦东新区区委统战部部长'], districtCode: PUDONG },
  { entityType: 'organization', entityId: ids.zhangFengTech, title: '上海张峰科技有限公司', districtCode: PUDONG, industryIds: [industry.car] },
  { entityType: 'organization', entityId: ids.sinoFrench, title: '中法合作研究中心', districtCode: PUDONG },
  { entityType: 'organization', entityId: ids.guoyao, title: '国药控股股份有限公司', texts: ['国药控股'], districtCode: PUDONG, industryIds: [industry.bio] },
  { entityType: 'network', entityId: ids.thinkTank, title: '浦东新区“未来车”产业智库', subtitle: '智库', texts: ['“未来车”产业智库', '首批专家55人'], districtCode: PUDONG, industryIds: [industry.car] },
  { entityType: 'organization', entityId: ids.sjtu, title: '上海交通大学', districtCode: '310104' },
  { entityType: 'organization', entityId: ids.sjtuMedical, title: '上海交通大学医学院', districtCode: '310101' },
  { entityType: 'person', entityId: ids.sjtuProfessor, title: '王教授', subtitle: '上海交通大学教授', texts: ['上海交通大学教授', '智能网联汽车'], districtCode: '310104' },
  { entityType: 'place', entityId: ids.jinshanPark, title: '金山生物医药产业园', districtCode: JINSHAN, industryIds: [industry.bio] },
  { entityType: 'person', entityId: ids.jinshanZhang, title: '张伟', subtitle: '金山区生物医药企业家', texts: ['生物医药'], districtCode: JINSHAN },
  { entityType: 'organization', entityId: ids.bioCompany, title: '上海华谊生物医药科技有限公司', districtCode: PUDONG, industryIds: [industry.bio] },
  { entityType: 'organization', entityId: ids.jinqiao, title: '上海金桥（集团）有限公司', aliases: ['金桥集团', '金桥'], texts: ['浦东新区新金桥路'], districtCode: PUDONG },
];

describe('GET /api/search', () => {
  const t = useTestApp();
  let admin: Session;
  const search = async (session: Session, query: string) => {
    const res = await session.get(`/api/search?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SearchResponse;
  };
  const titles = (r: SearchResponse) => r.items.map((i) => i.title);

  beforeAll(async () => {
    await upsertSearchDocuments(t.app.services.db, docs);
    // statistics make 浦东新区 (most of the fixtures) a broad district: filtered row by row, not by its index
    await t.app.services.db.execute(sql`analyze search_documents`);
    admin = (await loginAs(t.app, { role: 'admin' })).session;
  });

  it('finds a person by one character of the name', async () => {
    const r = await search(admin, `q=${encodeURIComponent('张')}`);
    expect(titles(r)).toContain('张峰');
    expect(titles(r)).toContain('张伟');
    expect(r.capped).toBe(false);
    expect(r.total).toBe(r.items.length);
  });

  it('finds 张峰 first by pinyin initials and by full pinyin', async () => {
    for (const q of ['zf', 'zhangfeng', 'ZhangFeng', 'zhang feng']) {
      const r = await search(admin, `q=${encodeURIComponent(q)}`);
      expect(r.items[0], q).toMatchObject({ type: 'person', id: ids.zhangFeng, matchedBy: 'pinyin' });
      expect(r.items[0].highlight).toEqual([{ text: '张峰', hit: true }]);
    }
    // the organisation whose initials merely start with zf comes later
    expect(titles(await search(admin, 'q=zf'))).toContain('中法合作研究中心');
    // a pinyin prefix marks the leading characters it covers
    const partial = await search(admin, 'q=zhangf');
    expect(partial.items[0].highlight).toEqual([{ text: '张峰', hit: true }]);
  });

  it('finds Simplified records from Traditional input and shows the hit', async () => {
    const r = await search(admin, `q=${encodeURIComponent('國藥控股')}`);
    expect(r.items[0]).toMatchObject({ id: ids.guoyao, title: '国药控股股份有限公司', matchedBy: 'name', districtName: '浦东新区' });
    expect(r.items[0].highlight).toEqual([
      { text: '国药控股', hit: true },
      { text: '股份有限公司', hit: false },
    ]);
  });

  it('finds a network by a word inside its name', async () => {
    const r = await search(admin, `q=${encodeURIComponent('未来车')}`);
    expect(r.items[0]).toMatchObject({ type: 'network', id: ids.thinkTank, title: '浦东新区“未来车”产业智库' });
    expect(r.items[0].highlight).toEqual([
      { text: '浦东新区“', hit: false },
      { text: '未来车', hit: true },
      { text: '”产业智库', hit: false },
    ]);
  });

  it('puts the exact name first, then names starting with it, then other text', async () => {
    const r = await search(admin, `q=${encodeURIComponent('上海交通大学')}`);
    expect(titles(r)).toEqual(['上海交通大学', '上海交通大学医学院', '王教授']);
    expect(r.items.map((i) => i.matchedBy)).toEqual(['name', 'name', 'text']);
    // the person was found through their title: the snippet shows where
    expect(r.items[2].snippet).toContainEqual({ text: '上海交通大学', hit: true });
  });

  it('filters by type, district and industry', async () => {
    const q = `q=${encodeURIComponent('生物医药')}`;
    expect(titles(await search(admin, q)).sort()).toEqual(['上海华谊生物医药科技有限公司', '张伟', '金山生物医药产业园'].sort());
    expect(titles(await search(admin, `${q}&types=place`))).toEqual(['金山生物医药产业园']);
    expect(titles(await search(admin, `${q}&types=organization,person`)).sort()).toEqual(['上海华谊生物医药科技有限公司', '张伟'].sort());
    expect(titles(await search(admin, `${q}&districtCode=${JINSHAN}`)).sort()).toEqual(['张伟', '金山生物医药产业园'].sort());
    expect(titles(await search(admin, `q=${encodeURIComponent('上海')}&industryId=${industry.bio}`))).toEqual(['上海华谊生物医药科技有限公司']);
    const bad = await admin.get('/api/search?q=x&types=company');
    expect(bad.statusCode).toBe(400);
  });

  it('keeps a district coordinator to their district', async () => {
    expect((await readDistrictShares(t.app.services.db)).get(PUDONG)).toBeGreaterThan(BROAD_DISTRICT_SHARE);
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const r = await search(session, `q=${encodeURIComponent('张')}`);
    expect(titles(r)).toContain('张峰');
    expect(titles(r)).not.toContain('张伟');
    const bio = await search(session, `q=${encodeURIComponent('生物医药')}`);
    expect(titles(bio)).toEqual(['上海华谊生物医药科技有限公司']);
    // a small district goes through its index: same answer
    const jinshan = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JINSHAN }] });
    expect(titles(await search(jinshan.session, `q=${encodeURIComponent('生物医药')}`)).sort()).toEqual(['张伟', '金山生物医药产业园'].sort());
    const none = await loginAs(t.app, { role: 'viewer', scopes: [] });
    expect((await search(none.session, `q=${encodeURIComponent('张')}`)).items).toEqual([]);
  });

  it('lets a network scope see the network, its sub-networks and their current members only', async () => {
    const db = t.app.services.db;
    const [parent] = await db.insert(networks).values({ name: '测试联盟', kind: 'alliance', districtCode: JINSHAN }).returning();
    const [child] = await db.insert(networks).values({ name: '测试联盟专委会', kind: 'committee', parentId: parent.id, districtCode: JINSHAN }).returning();
    const [member, former] = await db
      .insert(organizations)
      .values([
        { name: '测试成员单位', kind: 'enterprise', districtCode: JINSHAN },
        { name: '测试退出单位', kind: 'enterprise', districtCode: JINSHAN },
      ])
      .returning();
    await db.insert(memberships).values([
      { networkId: child.id, organizationId: member.id, tier: 'member' },
      { networkId: child.id, organizationId: former.id, tier: 'member', leftOn: '2024-01-01' },
    ]);
    await upsertSearchDocuments(db, [
      { entityType: 'network', entityId: parent.id, title: parent.name, districtCode: JINSHAN },
      { entityType: 'network', entityId: child.id, title: child.name, districtCode: JINSHAN },
      { entityType: 'organization', entityId: member.id, title: member.name, districtCode: JINSHAN },
      { entityType: 'organization', entityId: former.id, title: former.name, districtCode: JINSHAN },
    ]);
    const { session } = await loginAs(t.app, { role: 'expert', scopes: [{ kind: 'network', value: parent.id }] });
    const r = await search(session, `q=${encodeURIComponent('测试')}`);
    expect(titles(r).sort()).toEqual(['测试联盟', '测试联盟专委会', '测试成员单位'].sort());
  });

  it('finds pinyin inside a name and marks the characters it matched', async () => {
    for (const q of ['jinqiao', 'jq', 'jqjt']) {
      const r = await search(admin, `q=${q}`);
      const hit = r.items.find((i) => i.id === ids.jinqiao);
      expect(hit, q).toBeDefined();
    }
    const hit = (await search(admin, 'q=jinqiao')).items.find((i) => i.id === ids.jinqiao)!;
    expect(hit.highlight.filter((s) => s.hit).map((s) => s.text).join('')).toBe('金桥');
  });

  it('shows aliases separated, under their label, in the snippet', async () => {
    const hit = (await search(admin, `q=${encodeURIComponent('金桥集团')}`)).items.find((i) => i.id === ids.jinqiao)!;
    expect(hit.snippet.map((s) => s.text).join('')).toContain('别名：金桥集团、金桥');
  });

  it('asks for a query', async () => {
    const res = await admin.get('/api/search?q=%20');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION' });
  });
});
