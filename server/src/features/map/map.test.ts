import { check } from '@placemarkio/check-geojson';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84 } from '../places/place-coordinates';
import { auditLog } from '../../db/schema';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, makePlace } from '../../test/factories';
import distance from '@turf/distance';
import type { FeatureCollection } from 'geojson';

const checked = (text: string) => check(text) as FeatureCollection;

const t = useTestApp();
const JIADING = '310114';
const MINHANG = '310112';
const jiading = [{ kind: 'district' as const, value: JIADING }];

/** a rectangle (WGS-84) of about w × h km at this corner */
const rect = (lng: number, lat: number, wKm: number, hKm: number) => {
  const dLng = wKm / (111.32 * Math.cos((lat * Math.PI) / 180));
  const dLat = hKm / 110.574;
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lng, lat],
        [lng + dLng, lat],
        [lng + dLng, lat + dLat],
        [lng, lat + dLat],
        [lng, lat],
      ],
    ],
  };
};
const metres = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) => distance([a.lng, a.lat], [b.lng, b.lat], { units: 'kilometers' }) * 1000;

describe('coordinates', () => {
  it('round-trips known Shanghai points through GCJ-02 and BD-09 within 1 m', () => {
    const known = [
      { name: '人民广场', lng: 121.4737, lat: 31.2304 },
      { name: '安亭', lng: 121.165, lat: 31.295 },
      { name: '东方明珠', lng: 121.4998, lat: 31.2397 },
      { name: '山塘村', lng: 121.14, lat: 30.79 },
    ];
    for (const p of known) {
      for (const crs of ['gcj02', 'bd09'] as const) {
        const shifted = fromWgs84(p.lng, p.lat, crs);
        // the datum shift is real (hundreds of metres), and the way back lands within a metre
        expect(metres(p, shifted), `${p.name} ${crs}`).toBeGreaterThan(100);
        expect(metres(p, toWgs84(shifted.lng, shifted.lat, crs)), `${p.name} ${crs}`).toBeLessThan(1);
      }
    }
  });

  it('stores a place entered in BD-09 (Baidu) as WGS-84', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const truth = { lng: 121.4737, lat: 31.2304 };
    const bd = fromWgs84(truth.lng, truth.lat, 'bd09');
    const res = await session.send('POST', '/api/places', { name: '人民广场（百度坐标）', kind: 'block', districtCode: '310101', ...bd, crs: 'bd09' });
    expect(res.statusCode).toBe(201);
    expect(metres(truth, res.json())).toBeLessThan(1);
  });
});

describe('areas', () => {
  it('computes km², finds the places and organisations inside by geometry, within the actor’s scope', async () => {
    const inside = await makePlace(t.app, { name: '实践带内的园区', districtCode: JIADING, lng: 121.171, lat: 31.281 });
    const outside = await makePlace(t.app, { name: '实践带外的园区', districtCode: JIADING, lng: 121.2, lat: 31.3 });
    // inside the box, outside the triangle: the point-in-polygon step drops it
    const corner = await makePlace(t.app, { name: '外接框角落', districtCode: JIADING, lng: 121.1845, lat: 31.2935 });
    const otherDistrict = await makePlace(t.app, { name: '他区的点', districtCode: MINHANG, lng: 121.172, lat: 31.282 });
    const org = await makeOrganization(t.app, { name: '实践带内的企业', districtCode: JIADING });
    await t.app.services.db.execute(
      // organisations carry points too
      (await import('drizzle-orm')).sql`update organizations set lng = 121.172, lat = 31.283 where id = ${org.id}`,
    );
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: jiading });
    const triangle = {
      type: 'Polygon',
      coordinates: [
        [
          [121.16, 31.27],
          [121.19, 31.27],
          [121.16, 31.3],
          [121.16, 31.27],
        ],
      ],
    };
    const created = await session.send('POST', '/api/map/areas', { name: '测试实践带', kind: 'belt', geometry: triangle, approximate: true, note: '约略范围' });
    expect(created.statusCode).toBe(201);
    const area = created.json();
    expect(area).toMatchObject({ districtCode: JIADING, approximate: true, kind: 'belt' });
    // half of a 2.86 km × 3.32 km box
    expect(area.areaKm2).toBeGreaterThan(4.5);
    expect(area.areaKm2).toBeLessThan(5.0);
    const detail = (await session.get(`/api/map/areas/${area.id}`)).json();
    const names = detail.places.map((p: { name: string }) => p.name);
    expect(names).toContain(inside.name);
    expect(names).not.toContain(outside.name);
    expect(names).not.toContain(corner.name);
    expect(names).not.toContain(otherDistrict.name);
    expect(detail.organizations.map((o: { name: string }) => o.name)).toContain('实践带内的企业');
    const audit = await t.app.services.db.select().from(auditLog).where(and(eq(auditLog.entity, 'area'), eq(auditLog.entityId, area.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);

    // redraw: a 10 km² rectangle; the km² follows
    const moved = await session.send('PATCH', `/api/map/areas/${area.id}`, { geometry: rect(121.15, 31.27, 5, 2) });
    expect(moved.json().areaKm2).toBeCloseTo(10, 0);

    const minhang = (await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: MINHANG }] })).session;
    expect((await minhang.get(`/api/map/areas/${area.id}`)).statusCode).toBe(404);
    expect((await minhang.get('/api/map/areas?pageSize=200')).json().items.map((a: { id: string }) => a.id)).not.toContain(area.id);
    expect((await minhang.send('PATCH', `/api/map/areas/${area.id}`, { name: 'x' })).statusCode).toBe(404);
    const viewer = (await loginAs(t.app, { role: 'viewer', scopes: jiading })).session;
    expect((await viewer.send('PATCH', `/api/map/areas/${area.id}`, { name: 'x' })).statusCode).toBe(403);
  });

  it('refuses a broken polygon naming the geometry field, in Chinese or English', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [121.1, 31.2],
          [121.2, 31.3],
          [121.2, 31.2],
          [121.1, 31.3],
          [121.1, 31.2],
        ],
      ],
    };
    const zh = await session.send('POST', '/api/map/areas', { name: '自相交', kind: 'park', geometry: bowtie });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().fields[0]).toMatchObject({ path: 'geometry', message: '多边形的边自相交' });
    const en = await session.send('POST', '/api/map/areas', { name: 'open ring', kind: 'park', geometry: { type: 'Polygon', coordinates: [[[121.1, 31.2], [121.2, 31.2], [121.2, 31.3], [121.1, 31.3]]] } }, { 'accept-language': 'en' });
    expect(en.json().fields[0]).toMatchObject({ path: 'geometry', message: 'a ring must end where it starts' });
    const beijing = await session.send('POST', '/api/map/areas', { name: '北京', kind: 'park', geometry: rect(116.3, 39.9, 1, 1) });
    expect(beijing.json().fields[0].message).toMatch(/超出上海范围/);
  });
});

describe('routes', () => {
  it('orders three places, measures each leg and the total, and refuses a place the actor cannot read', async () => {
    const a = await makePlace(t.app, { name: '线路一站', districtCode: MINHANG, lng: 121.35, lat: 31.0 });
    const b = await makePlace(t.app, { name: '线路二站', districtCode: MINHANG, lng: 121.36, lat: 31.0 });
    const c = await makePlace(t.app, { name: '线路三站', districtCode: MINHANG, lng: 121.36, lat: 31.01 });
    const hidden = await makePlace(t.app, { name: '他区一站', districtCode: JIADING, lng: 121.2, lat: 31.3 });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: MINHANG }] });
    const res = await session.send('POST', '/api/map/routes', { name: '测试智游线路', placeIds: [a.id, b.id, c.id] });
    expect(res.statusCode).toBe(201);
    const route = res.json();
    expect(route.stops.map((s: { name: string }) => s.name)).toEqual(['线路一站', '线路二站', '线路三站']);
    // 0.01° of longitude at 31° N ≈ 953 m; 0.01° of latitude ≈ 1112 m
    expect(route.legsM[0]).toBeGreaterThan(940);
    expect(route.legsM[0]).toBeLessThan(965);
    expect(route.legsM[1]).toBeGreaterThan(1100);
    expect(route.legsM[1]).toBeLessThan(1125);
    expect(route.totalM).toBe(route.legsM[0] + route.legsM[1]);

    const refused = await session.send('POST', '/api/map/routes', { name: '越权线路', placeIds: [a.id, hidden.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0]).toMatchObject({ path: 'placeIds.1', message: '第 2 站的场所不存在' });
    const tooShort = await session.send('POST', '/api/map/routes', { name: '一站', placeIds: [a.id] });
    expect(tooShort.json().fields[0]).toMatchObject({ path: 'placeIds', message: expect.stringMatching(/至少 2/) });
  });
});

describe('GeoJSON', () => {
  it('exports places, areas and routes as valid FeatureCollections, scoped like the lists', async () => {
    const own = await makePlace(t.app, { name: '导出的场所', kind: 'station', districtCode: JIADING, lng: 121.17, lat: 31.29 });
    const other = await makePlace(t.app, { name: '不该导出的场所', districtCode: MINHANG, lng: 121.37, lat: 31.02 });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: jiading });
    await session.send('POST', '/api/map/areas', { name: '导出的片区', kind: 'park', geometry: rect(121.16, 31.28, 2, 2) });
    const second = await makePlace(t.app, { name: '导出的第二站', districtCode: JIADING, lng: 121.18, lat: 31.29 });
    await session.send('POST', '/api/map/routes', { name: '导出的线路', placeIds: [own.id, second.id] });

    for (const kind of ['places', 'areas', 'routes']) {
      const res = await session.get(`/api/map/${kind}.geojson`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
      // another program's parser: throws on anything that is not RFC 7946
      const parsed = checked(res.body);
      expect(parsed.type).toBe('FeatureCollection');
      expect(parsed.features.length).toBeGreaterThan(0);
      for (const f of parsed.features) expect(f.properties).toMatchObject({ name: expect.any(String), kind: expect.any(String), district: JIADING });
    }
    const places = checked((await session.get('/api/map/places.geojson')).body);
    const names = places.features.map((f) => f.properties!.name);
    expect(names).toContain('导出的场所');
    expect(names).not.toContain(other.name);
    const stations = checked((await session.get('/api/map/places.geojson?kind=station')).body);
    expect(stations.features.every((f) => f.properties!.kind === 'station')).toBe(true);
  });

  it('imports the good features and reports each broken one without storing it', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: jiading });
    const body = {
      geojson: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [121.171, 31.291] }, properties: { name: '导入的服务站', kind: '服务站', district: '嘉定区' } },
          { type: 'Feature', geometry: rect(121.15, 31.27, 1, 1), properties: { name: '导入的园区', kind: '园区', district: JIADING } },
          {
            type: 'Feature',
            geometry: { type: 'Polygon', coordinates: [[[121.1, 31.2], [121.2, 31.3], [121.2, 31.2], [121.1, 31.3], [121.1, 31.2]]] },
            properties: { name: '坏的多边形', kind: 'park', district: JIADING },
          },
          { type: 'Feature', geometry: { type: 'Point', coordinates: [31.29, 121.17] }, properties: { name: '经纬度颠倒', kind: 'park', district: JIADING } },
          { type: 'Feature', geometry: { type: 'Point', coordinates: [121.17, 31.29] }, properties: { name: '他区的点', kind: 'park', district: '闵行区' } },
          { type: 'Feature', geometry: null, properties: { name: '没有几何' } },
        ],
      },
    };
    const check1 = (await session.send('POST', '/api/map/import', { ...body, dryRun: true })).json();
    expect(check1).toMatchObject({ total: 6, created: 0, rejected: 4 });
    expect((await session.get('/api/map/areas?q=导入的园区')).json().total).toBe(0);

    const report = (await session.send('POST', '/api/map/import', body)).json();
    expect(report).toMatchObject({ total: 6, created: 2, rejected: 4 });
    expect(report.features.map((f: { status: string }) => f.status)).toEqual(['created', 'created', 'rejected', 'rejected', 'rejected', 'rejected']);
    expect(report.features[2]).toMatchObject({ index: 3, name: '坏的多边形', entity: 'area', message: expect.stringMatching(/自相交/) });
    expect(report.features[3].message).toMatch(/上海范围/);
    expect(report.features[4].message).toMatch(/所在区/);
    expect((await session.get('/api/map/areas?q=坏的多边形')).json().total).toBe(0);
    const imported = (await session.get('/api/map/areas?q=导入的园区')).json();
    expect(imported.items[0].areaKm2).toBeCloseTo(1, 1);
    expect((await session.get(`/api/places/${report.features[0].id}`)).json()).toMatchObject({ kind: 'station', districtCode: JIADING });
  });
});

describe('place card, hierarchy and the public embed', () => {
  it('shows the parent, operator, networks and areas of a place; refuses a cycle', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const park = await makePlace(t.app, { name: '父园区', districtCode: JIADING, lng: 121.3, lat: 31.35 });
    const hall = await makePlace(t.app, { name: '园内展厅', kind: 'exhibition', districtCode: JIADING, lng: 121.301, lat: 31.351 });
    const operator = await makeOrganization(t.app, { name: '展厅运营公司', districtCode: JIADING });
    expect((await session.send('PUT', `/api/map/places/${hall.id}/relations`, { parentPlaceId: park.id, operatorOrganizationId: operator.id })).statusCode).toBe(200);
    const cycle = await session.send('PUT', `/api/map/places/${park.id}/relations`, { parentPlaceId: hall.id });
    expect(cycle.json().fields[0]).toMatchObject({ path: 'parentPlaceId', message: expect.stringMatching(/不能位于本场所之内/) });
    await session.send('POST', '/api/map/areas', { name: '展厅所在片区', kind: 'demo_zone', districtCode: JIADING, geometry: rect(121.29, 31.34, 2, 2) });
    const card = (await session.get(`/api/map/places/${hall.id}/card`)).json();
    expect(card).toMatchObject({ parent: { name: '父园区' }, operator: { name: '展厅运营公司' }, areas: [{ name: '展厅所在片区' }] });
    expect(card.organizations.map((o: { name: string }) => o.name)).toEqual(['展厅运营公司']);
    expect((await session.get(`/api/map/places/${park.id}/card`)).json().children.map((c: { name: string }) => c.name)).toEqual(['园内展厅']);
  });

  it('serves a published area without a session, and nothing of an unpublished one', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const p = await makePlace(t.app, { name: '公开片区内的点', districtCode: JIADING, lng: 121.41, lat: 31.41 });
    const area = (await session.send('POST', '/api/map/areas', { name: '未公开片区', kind: 'park', districtCode: JIADING, geometry: rect(121.4, 31.4, 2, 2) })).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/public/map/areas/${area.id}` })).statusCode).toBe(404);
    await session.send('PATCH', `/api/map/areas/${area.id}`, { published: true });
    const res = await t.app.inject({ method: 'GET', url: `/api/public/map/areas/${area.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().places.map((x: { name: string }) => x.name)).toContain(p.name);
    expect(res.json().area).not.toHaveProperty('published');
    const page = await t.app.inject({ method: 'GET', url: `/embed/areas/${area.id}` });
    expect(page.headers['x-frame-options']).toBeUndefined();
    expect(String(page.headers['content-security-policy'])).toMatch(/frame-ancestors \*/);
    expect((await t.app.inject({ method: 'GET', url: '/map' })).headers['x-frame-options']).toBe('DENY');
  });
});
