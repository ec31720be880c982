import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { searchDocuments } from '../../db/schema';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, makeMembership, makeNetwork } from '../../test/factories';

const t = useTestApp();
const PUDONG = '310115';
const HUANGPU = '310101';
type Node = { id: string; name: string; children: Node[] };

describe('networks nest ("1+36+N")', () => {
  it('builds a tree, refuses a parent that would make a loop, and keeps a network with sub-networks', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const create = async (name: string, parentId?: string) => {
      const res = await session.send('POST', '/api/networks', { name, kind: 'association', districtCode: PUDONG, parentId });
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    const top = await create('浦东新联会“1+36+N”组织体系（测试）');
    const mid = await create('金桥分会（测试）', top.id);
    const leaf = await create('金桥青年小组（测试）', mid.id);
    expect(mid.parent).toEqual({ id: top.id, name: top.name });

    const detail = (await session.get(`/api/networks/${top.id}`)).json();
    expect(detail.children).toEqual([{ id: mid.id, name: mid.name }]);
    expect(detail.childCount).toBe(1);
    const tree: Node[] = (await session.get('/api/networks/tree')).json();
    const root = tree.find((n) => n.id === top.id)!;
    expect(root.children[0]).toMatchObject({ id: mid.id, children: [{ id: leaf.id, children: [] }] });
    expect((await session.get(`/api/networks?parentId=${mid.id}`)).json().items.map((n: Node) => n.id)).toEqual([leaf.id]);

    for (const parentId of [leaf.id, top.id]) {
      const loop = await session.send('PATCH', `/api/networks/${top.id}`, { parentId });
      expect(loop.statusCode).toBe(409);
      expect(loop.json()).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'parentId' }] });
    }
    // moving a branch elsewhere is fine
    const other = await create('另一个体系（测试）');
    const moved = await session.send('PATCH', `/api/networks/${mid.id}`, { parentId: other.id });
    expect(moved.json().parent).toEqual({ id: other.id, name: other.name });

    const blocked = await session.send('DELETE', `/api/networks/${other.id}`);
    expect(blocked.statusCode).toBe(409);
    expect((await session.send('DELETE', `/api/networks/${leaf.id}`)).statusCode).toBe(204);
    expect((await session.get(`/api/networks/${leaf.id}`)).statusCode).toBe(404);
  });

  it('names the field of a bad value', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const badDistrict = await session.send('POST', '/api/networks', { name: '错误区划', kind: 'alliance', districtCode: '110101' });
    expect(badDistrict.statusCode).toBe(400);
    expect(badDistrict.json().fields[0]).toMatchObject({ path: 'districtCode', message: expect.stringMatching(/行政区划代码/) });
    const badKind = await session.send('POST', '/api/networks', { name: '错误类型', kind: 'club' });
    expect(badKind.json().fields[0].path).toBe('kind');
    const noParent = await session.send('POST', '/api/networks', { name: '无上级', kind: 'alliance', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.json().fields[0].path).toBe('parentId');
    const badCount = await session.send('POST', '/api/networks', { name: '错误数字', kind: 'alliance', declaredCounts: { founding: -1 } });
    expect(badCount.json().fields[0].path).toBe('declaredCounts.founding');
  });

  it('indexes a network for search and removes it with the network', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const res = await session.send('POST', '/api/networks', { name: '央企外滩科技创新联盟（测试）', kind: 'alliance', districtCode: HUANGPU, description: '七家央企科技创新' });
    const id = res.json().id;
    const doc = async () =>
      (await t.app.services.db.select().from(searchDocuments).where(and(eq(searchDocuments.entityType, 'network'), eq(searchDocuments.entityId, id))))[0];
    expect(await doc()).toMatchObject({ title: '央企外滩科技创新联盟（测试）', districtCode: HUANGPU, body: expect.stringContaining('联盟') });
    await session.send('PATCH', `/api/networks/${id}`, { name: '央企外滩科创联盟（测试）' });
    expect((await doc())!.title).toBe('央企外滩科创联盟（测试）');
    await session.send('DELETE', `/api/networks/${id}`);
    expect(await doc()).toBeUndefined();
  });
});

describe('networks are scoped', () => {
  it('a coordinator with a network scope sees that network and its sub-networks, not others', async () => {
    const scoped = await makeNetwork(t.app, { name: '嘉定汽车产业集群党建共同体（测试）', districtCode: '310114' });
    const sub = await makeNetwork(t.app, { name: '融委会（测试）', parentId: scoped.id, districtCode: '310114' });
    const subsub = await makeNetwork(t.app, { name: '汽车城街区理事会（测试）', parentId: sub.id, districtCode: '310114' });
    const other = await makeNetwork(t.app, { name: '嘉定互联网联盟（测试）', districtCode: '310114' });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'network', value: scoped.id }] });

    const ids = (await session.get('/api/networks?pageSize=200')).json().items.map((n: Node) => n.id);
    expect(ids.sort()).toEqual([scoped.id, sub.id, subsub.id].sort());
    expect((await session.get(`/api/networks/${subsub.id}`)).statusCode).toBe(200);
    expect((await session.get(`/api/networks/${other.id}`)).statusCode).toBe(404);
    const tree: Node[] = (await session.get('/api/networks/tree')).json();
    expect(tree.map((n) => n.id)).toEqual([scoped.id]);

    // writes inside the scope, none outside; only members they can see are linked
    const org = await makeOrganization(t.app, { districtCode: '310114' });
    const unseen = await session.send('POST', `/api/networks/${sub.id}/members`, { organizationId: org.id, tier: 'convening' });
    expect(unseen.statusCode).toBe(400);
    expect(unseen.body).not.toContain(org.name);
    await makeMembership(t.app, { networkId: scoped.id, organizationId: org.id, tier: 'member' });
    expect((await session.send('POST', `/api/networks/${sub.id}/members`, { organizationId: org.id, tier: 'convening' })).statusCode).toBe(201);
    expect((await session.send('POST', `/api/networks/${other.id}/members`, { organizationId: org.id, tier: 'member' })).statusCode).toBe(404);
    expect((await session.send('PATCH', `/api/networks/${other.id}`, { name: '改名' })).statusCode).toBe(404);
    const child = await session.send('POST', '/api/networks', { name: '新专委会（测试）', kind: 'committee', parentId: sub.id });
    expect(child.statusCode).toBe(201);
    // a network outside every scope of theirs cannot be made, nor can one be moved out of reach
    expect((await session.send('POST', '/api/networks', { name: '无归属网络', kind: 'committee' })).statusCode).toBe(403);
    expect((await session.send('PATCH', `/api/networks/${sub.id}`, { parentId: other.id })).statusCode).toBe(400);
    expect((await session.send('PATCH', `/api/networks/${sub.id}`, { parentId: null })).statusCode).toBe(403);
  });

  it('a coordinator of 浦东新区 sees 浦东 networks only, and read-only roles cannot write', async () => {
    const pudong = await makeNetwork(t.app, { districtCode: PUDONG });
    const huangpu = await makeNetwork(t.app, { districtCode: HUANGPU });
    const org = await makeOrganization(t.app);
    await makeMembership(t.app, { networkId: pudong.id, organizationId: org.id, tier: 'founding' });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const list = (await session.get('/api/networks?pageSize=200')).json();
    expect(list.items.every((n: { districtCode: string }) => n.districtCode === PUDONG)).toBe(true);
    expect(list.items.find((n: Node) => n.id === pudong.id).memberCounts.founding).toBe(1);
    expect((await session.get(`/api/networks/${huangpu.id}`)).statusCode).toBe(404);
    expect((await session.send('POST', '/api/networks', { name: '黄浦新网络', kind: 'alliance', districtCode: HUANGPU })).statusCode).toBe(403);

    const viewer = (await loginAs(t.app, { role: 'expert', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await viewer.get(`/api/networks/${pudong.id}`)).statusCode).toBe(200);
    expect((await viewer.send('PATCH', `/api/networks/${pudong.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await viewer.send('POST', `/api/networks/${pudong.id}/members`, { organizationId: org.id, tier: 'member' })).statusCode).toBe(403);
  });
});
