import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../../demo/load-demo';
import { systemActor } from '../../lib/actor';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';

const t = useTestApp();
type Named = { id: string; name: string };

describe('the demo dataset loads the directory', () => {
  it('yields 18 industries with their chain, 17 networks with declared counts and nesting, and 22 places', async () => {
    const counts = await loadDemoData(t.app.services.db, systemActor());
    expect(counts).toMatchObject({ industry: 18, network: 17, place: 22 });
    const { session } = await loginAs(t.app, { role: 'admin' });

    const industries: (Named & { parentId: string | null; upstreamIds: string[] })[] = (await session.get('/api/industries')).json();
    expect(industries).toHaveLength(18);
    const byName = (n: string) => industries.find((i) => i.name === n)!;
    expect(byName('高性能医疗设备及精准医疗').parentId).toBe(byName('生物医药').id);
    expect(byName('智能网联新能源汽车').upstreamIds).toEqual(expect.arrayContaining([byName('新材料').id, byName('人工智能').id]));
    const chain = (await session.get(`/api/industries/chain?industryId=${byName('新材料').id}`)).json();
    expect(chain.nodes.map((n: Named) => n.name).sort()).toEqual(['新材料', '智能网联新能源汽车', '现代化工'].sort());

    const networks = (await session.get('/api/networks?pageSize=200')).json();
    expect(networks.total).toBe(17);
    const alliance = networks.items.find((n: Named) => n.name === '央企外滩党建联盟');
    expect(alliance).toMatchObject({ kind: 'alliance', districtCode: '310101', districtName: '黄浦区', childCount: 1 });
    expect(alliance.declaredCounts).toEqual({ founding: 13, joint_meeting: 22, member: 30 });
    expect(alliance.memberCounts.total).toBe(0); // the article names none of the 65 units

    const tree: (Named & { children: Named[] })[] = (await session.get('/api/networks/tree')).json();
    const system = tree.find((n) => n.name === '浦东新区新联会“1+36+N”组织体系')!;
    expect(system.children.map((c) => c.name)).toEqual(expect.arrayContaining(['浦东新区“未来车”产业智库']));
    const thinkTank = networks.items.find((n: Named) => n.name === '浦东新区“未来车”产业智库');
    expect(thinkTank.declaredCounts).toEqual({ expert: 55 });
    // its four founding units are named in the article (members whose organisation is not loaded are skipped)
    expect(thinkTank.memberCounts.founding).toBe(counts.organization > 0 ? 4 : 0);

    const places = (await session.get('/api/places?pageSize=200')).json();
    expect(places.total).toBe(22);
    expect(places.items.find((p: Named) => p.name === '金桥')).toMatchObject({ kind: 'park', lng: 121.6, lat: 31.26, districtName: '浦东新区' });
  });
});
