import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../../demo/load-demo';
import { readDemoMap } from '../../demo/load-map';
import { systemActor } from '../../lib/actor';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';
import { readFileSync } from 'node:fs';

const t = useTestApp();
const seed = (file: string) => readFileSync(new URL(`../../../../../shared/seeds/${file}`, import.meta.url), 'utf8');

describe('the map demo data', () => {
  it('draws the 安驰路 belt as an approximate 10 km² area in 安亭 and the 马桥 智游线路, and puts the service points on the map', async () => {
    const counts = await loadDemoData(t.app.services.db, systemActor());
    expect(counts).toMatchObject({ area: 1, route: 1 });
    const { session } = await loginAs(t.app, { role: 'admin' });

    const areas = (await session.get('/api/map/areas')).json();
    const belt = areas.items.find((a: { name: string }) => a.name.includes('安驰路'));
    expect(belt).toMatchObject({ kind: 'belt', districtCode: '310114', approximate: true, published: true });
    expect(belt.areaKm2).toBeGreaterThan(9.8);
    expect(belt.areaKm2).toBeLessThan(10.2);
    expect(belt.note).toMatch(/约略/);
    const inside = (await session.get(`/api/map/areas/${belt.id}`)).json();
    expect(inside.places.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['安驰路产城融合实践带', '汽车创新港']));

    const route = (await session.get('/api/map/routes')).json().items[0];
    expect(route).toMatchObject({ name: '马桥人工智能试验区“智游线路”', districtCode: '310112' });
    expect(route.stops.map((s: { name: string }) => s.name)).toEqual(['马桥人工智能试验区']);
    expect(route.note).toMatch(/未列出/);

    // the five 服务点位 of the 2024 service day, with points (approximate ones say so in demo/map.json)
    const points = (await session.get('/api/map/places.geojson')).body;
    for (const name of ['上海御风未来航空科技有限公司', '上海天承化学有限公司', '张江金山园', '上海乐高乐园度假区建设指挥部', '山塘村'])
      expect(points, name).toContain(`"name":"${name}"`);
    // the 合作基地 of the mentor team is one of its network's places; the 同心荟 station has no district, so no point
    const base = (await session.get(`/api/search?q=${encodeURIComponent('金桥智能网联汽车产业园')}&types=place`)).json().items[0];
    const card = (await session.get(`/api/map/places/${base.id}/card`)).json();
    expect(card.parent.name).toBe('金桥');
    expect(card.networks.length).toBe(1);
  });

  it('says only what the articles say: each area and route quotes its source', () => {
    const map = readDemoMap();
    expect(seed('003_111e690303f93caf.txt')).toMatch(/10平方公里/);
    expect(map.areas[0]!.sources).toEqual(['003_111e690303f93caf.txt']);
    expect(seed('002_fda4e5a990aaeddb.txt')).toContain('智游线路');
    expect(map.routes[0]!.sources).toEqual(['002_fda4e5a990aaeddb.txt']);
    for (const c of map.placeCoordinates) expect(c.coordNote).toMatch(/约略|示意/);
  });
});
