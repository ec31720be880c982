import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, makeIndustry, makeMembership, makeNetwork, tagOrganization } from '../../test/factories';

const t = useTestApp();
const PUDONG = '310115';
const JINSHAN = '310116';
type Industry = { id: string; name: string; upstreamIds: string[]; downstreamIds: string[]; organizationCount: number };

describe('the industry taxonomy', () => {
  it('is edited by administrators only and read by everyone logged in', async () => {
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const bio = await admin.send('POST', '/api/industries', { name: '生物医药（测试）', description: '生物医药产业' });
    expect(bio.statusCode).toBe(201);
    const devices = await admin.send('POST', '/api/industries', { name: '高性能医疗设备（测试）', parentId: bio.json().id });
    expect(devices.json()).toMatchObject({ parentId: bio.json().id, organizationCount: 0, upstreamIds: [], downstreamIds: [] });

    const dup = await admin.send('POST', '/api/industries', { name: '生物医药（测试）' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0].path).toBe('name');
    const empty = await admin.send('POST', '/api/industries', { name: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].path).toBe('name');
    const loop = await admin.send('PATCH', `/api/industries/${bio.json().id}`, { parentId: devices.json().id });
    expect(loop.statusCode).toBe(409);
    expect(loop.json().fields[0].path).toBe('parentId');
    expect((await admin.send('DELETE', `/api/industries/${bio.json().id}`)).statusCode).toBe(409);

    const viewer = (await loginAs(t.app, { role: 'viewer', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    const list: Industry[] = (await viewer.get('/api/industries')).json();
    expect(list.map((i) => i.name)).toContain('高性能医疗设备（测试）');
    const coordinator = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await coordinator.send('POST', '/api/industries', { name: '协调员新增' })).statusCode).toBe(403);
    expect((await coordinator.send('DELETE', `/api/industries/${devices.json().id}`)).statusCode).toBe(403);

    expect((await admin.send('DELETE', `/api/industries/${devices.json().id}`)).statusCode).toBe(204);
    expect((await admin.send('PATCH', `/api/industries/${bio.json().id}`, { name: '生物医药产业（测试）' })).json().name).toBe('生物医药产业（测试）');
  });

  it('links upstream → downstream and refuses a link that would close a loop', async () => {
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const chem = await makeIndustry(t.app, { name: '现代化工（测试）' });
    const materials = await makeIndustry(t.app, { name: '新材料（测试）' });
    const cars = await makeIndustry(t.app, { name: '智能网联新能源汽车（测试）' });
    const link = (upstreamId: string, downstreamId: string) => admin.send('POST', '/api/industries/links', { upstreamId, downstreamId });
    expect((await link(chem.id, materials.id)).statusCode).toBe(201);
    expect((await link(materials.id, cars.id)).json()).toEqual({ upstreamId: materials.id, downstreamId: cars.id });

    const loop = await link(cars.id, chem.id);
    expect(loop.statusCode).toBe(409);
    expect(loop.json()).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'downstreamId' }] });
    expect(loop.json().message).toMatch(/循环/);
    expect((await link(cars.id, cars.id)).statusCode).toBe(409);
    expect((await link(chem.id, materials.id)).statusCode).toBe(409);

    const list: Industry[] = (await admin.get('/api/industries')).json();
    const m = list.find((i) => i.id === materials.id)!;
    expect(m).toMatchObject({ upstreamIds: [chem.id], downstreamIds: [cars.id] });

    const del = await admin.send('DELETE', `/api/industries/links?upstreamId=${materials.id}&downstreamId=${cars.id}`);
    expect(del.statusCode).toBe(204);
    // without that link the former loop is a plain link
    expect((await link(cars.id, chem.id)).statusCode).toBe(201);
  });

  it('shows the chain with each industry’s organisations and chain leaders, within the actor’s scope', async () => {
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const ai = await makeIndustry(t.app, { name: '人工智能（测试）' });
    const car = await makeIndustry(t.app, { name: '未来车（测试）' });
    const unrelated = await makeIndustry(t.app, { name: '文旅（测试）' });
    await admin.send('POST', '/api/industries/links', { upstreamId: ai.id, downstreamId: car.id });

    const saic = await makeOrganization(t.app, { name: '上汽大众测试', districtCode: PUDONG });
    const supplier = await makeOrganization(t.app, { name: '零部件供应商测试', districtCode: PUDONG });
    const jinshanOrg = await makeOrganization(t.app, { name: '金山车企测试', districtCode: JINSHAN });
    for (const o of [saic, supplier, jinshanOrg]) await tagOrganization(t.app, o.id, car.id);
    const community = await makeNetwork(t.app, { kind: 'cluster_community' });
    await makeMembership(t.app, { networkId: community.id, organizationId: saic.id, tier: 'chain_leader' });
    // a former chain leader is no longer one
    await makeMembership(t.app, { networkId: community.id, organizationId: supplier.id, tier: 'chain_leader', joinedOn: '2020-01-01', leftOn: '2021-01-01' });

    const chain = (await admin.get(`/api/industries/chain?industryId=${car.id}`)).json();
    expect(chain.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ai.id, car.id].sort());
    expect(chain.links).toEqual([{ source: ai.id, target: car.id }]);
    const carNode = chain.nodes.find((n: { id: string }) => n.id === car.id);
    expect(carNode.organizationCount).toBe(3);
    expect(carNode.organizations[0]).toEqual({ id: saic.id, name: '上汽大众测试' });
    expect(carNode.chainLeaders).toEqual([{ id: saic.id, name: '上汽大众测试' }]);

    const all = (await admin.get('/api/industries/chain')).json();
    expect(all.nodes.map((n: { id: string }) => n.id)).toContain(unrelated.id);

    const pudong = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    const scoped = (await pudong.get(`/api/industries/chain?industryId=${car.id}`)).json();
    const scopedCar = scoped.nodes.find((n: { id: string }) => n.id === car.id);
    expect(scopedCar.organizationCount).toBe(2);
    expect(scopedCar.organizations.map((o: { name: string }) => o.name)).not.toContain('金山车企测试');
    const counts: Industry[] = (await pudong.get('/api/industries')).json();
    expect(counts.find((i) => i.id === car.id)!.organizationCount).toBe(2);

    const missing = await admin.get('/api/industries/chain?industryId=00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0].path).toBe('industryId');
  });

  it('reorders an industry among its siblings, for administrators only', async () => {
    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const parent = await makeIndustry(t.app, { name: `排序上级${Date.now()}` });
    const [a, b, c] = await Promise.all(['甲', '乙', '丙'].map((n) => makeIndustry(t.app, { name: `${n}${parent.name}`, parentId: parent.id })));
    const order = async () =>
      ((await admin.get('/api/industries')).json() as { id: string; parentId: string | null; sort: number }[])
        .filter((i) => i.parentId === parent.id)
        .map((i) => i.id);
    const before = await order();
    expect(new Set(before)).toEqual(new Set([a!.id, b!.id, c!.id]));

    const moved = await admin.send('POST', `/api/industries/${before[2]}/move`, { direction: 'up' });
    expect(moved.statusCode).toBe(200);
    expect(await order()).toEqual([before[0], before[2], before[1]]);
    // at the top it stays
    await admin.send('POST', `/api/industries/${before[0]}/move`, { direction: 'up' });
    expect(await order()).toEqual([before[0], before[2], before[1]]);
    expect((await admin.send('POST', `/api/industries/${before[0]}/move`, { direction: 'sideways' })).statusCode).toBe(400);

    const coordinator = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await coordinator.send('POST', `/api/industries/${before[0]}/move`, { direction: 'down' })).statusCode).toBe(403);
  });
});
