import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../../demo/load-demo';
import { systemActor } from '../../lib/actor';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';

const t = useTestApp();
type Named = { id: string; name: string };

describe('the demo dataset loads the directory', () => {
  it('yields 18 industries with their chain, 16 networks with declared counts, nesting and named members, and 22 places', async () => {
    const counts = await loadDemoData(t.app.services.db, systemActor());
    expect(counts).toMatchObject({ organization: 69, person: 21, industry: 18, network: 16, place: 22 });
    const { session } = await loginAs(t.app, { role: 'admin' });

    const industries: (Named & { parentId: string | null; upstreamIds: string[] })[] = (await session.get('/api/industries')).json();
    expect(industries).toHaveLength(18);
    const byName = (n: string) => industries.find((i) => i.name === n)!;
    expect(byName('高性能医疗设备及精准医疗').parentId).toBe(byName('生物医药').id);
    expect(byName('智能网联新能源汽车').upstreamIds).toEqual(expect.arrayContaining([byName('新材料').id, byName('人工智能').id]));
    const chain = (await session.get(`/api/industries/chain?industryId=${byName('新材料').id}`)).json();
    expect(chain.nodes.map((n: Named) => n.name).sort()).toEqual(['新材料', '智能网联新能源汽车', '现代化工'].sort());

    const networks = (await session.get('/api/networks?pageSize=200')).json();
    expect(networks.total).toBe(16);
    const named = (name: string) => networks.items.find((n: Named) => n.name === name);
    const alliance = named('央企外滩党建联盟');
    expect(alliance).toMatchObject({ kind: 'alliance', districtCode: '310101', districtName: '黄浦区', childCount: 1 });
    expect(alliance.declaredCounts).toEqual({ founding: 13, joint_meeting: 22, member: 30 });
    expect(alliance.memberCounts.total).toBe(0); // the article names none of the 65 units

    // the think tank: 55 experts declared; the 统战部 built it with related bodies, which are not members,
    // and the article does not put it under the 新联会's "1+36+N" system
    const thinkTank = named('浦东新区“未来车”产业智库');
    expect(thinkTank.declaredCounts).toEqual({ expert: 55 });
    expect(thinkTank.memberCounts.total).toBe(0);
    expect(thinkTank.parent).toBeNull();
    const tree: (Named & { children: Named[] })[] = (await session.get('/api/networks/tree')).json();
    expect(tree.find((n) => n.name === '浦东新区新联会“1+36+N”组织体系')?.children).toEqual([]);
    expect(tree.find((n) => n.name === '央企外滩党建联盟')?.children.map((c) => c.name)).toEqual(['央企外滩科技创新联盟']);

    // members the articles name, with their tier
    type Member = { tier: string; organization: Named | null; person: Named | null };
    const membersOf = async (name: string) =>
      ((await session.get(`/api/networks/${named(name).id}`)).json().members as Member[])
        .map((m) => `${m.tier}:${m.organization?.name ?? m.person?.name}`)
        .sort();
    expect(await membersOf('汽车“新四化”产业集群党建共同体')).toEqual(
      ['convening:上汽大众', 'convening:沃尔沃', 'convening:国际汽车城集团', 'convening:同济大学汽车学院'].sort(),
    );
    expect(await membersOf('闵行“美好推荐官”')).toEqual(['individual_member:吴显鏖', 'individual_member:段祺华', 'individual_member:刘瀛', 'individual_member:朱春'].sort());

    const places = (await session.get('/api/places?pageSize=200')).json();
    expect(places.total).toBe(22);
    expect(places.items.find((p: Named) => p.name === '金桥')).toMatchObject({ kind: 'park', lng: 121.6, lat: 31.26, districtName: '浦东新区' });
  });
});
