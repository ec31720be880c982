import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { searchDocuments } from '../../db/schema';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makePlace } from '../../test/factories';

const t = useTestApp();
const PUDONG = '310115';
const JINSHAN = '310116';

describe('places', () => {
  it('stores GCJ-02 input converted to WGS-84, and WGS-84 input as given', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    // 上海乐高乐园度假区 as an AMap (GCJ-02) pick
    const gcj = { lng: 121.0251, lat: 30.8779 };
    const res = await session.send('POST', '/api/places', { name: '上海乐高乐园度假区（测试）', kind: 'scenic', districtCode: JINSHAN, ...gcj, crs: 'gcj02' });
    expect(res.statusCode).toBe(201);
    const place = res.json();
    const dLng = Math.abs(place.lng - gcj.lng);
    const dLat = Math.abs(place.lat - gcj.lat);
    expect(dLng).toBeGreaterThan(0.002);
    expect(dLng).toBeLessThan(0.006);
    expect(dLat).toBeGreaterThan(0.001);
    expect(dLat).toBeLessThan(0.006);
    // in Shanghai GCJ-02 is shifted east and slightly south of WGS-84
    expect(place.lng).toBeLessThan(gcj.lng);
    expect(place.lat).toBeGreaterThan(gcj.lat);
    expect((await session.get(`/api/places/${place.id}`)).json()).toMatchObject({ lng: place.lng, lat: place.lat, districtName: '金山区' });

    const wgs = await session.send('POST', '/api/places', { name: '绿地外滩中心（测试）', kind: 'venue', districtCode: '310101', lng: 121.499, lat: 31.224 });
    expect(wgs.json()).toMatchObject({ lng: 121.499, lat: 31.224 });
    const moved = await session.send('PATCH', `/api/places/${wgs.json().id}`, { lng: 121.5, lat: 31.23, crs: 'gcj02' });
    expect(moved.json().lng).toBeCloseTo(121.4955, 3);
    const cleared = await session.send('PATCH', `/api/places/${wgs.json().id}`, { lng: null, lat: null });
    expect(cleared.json()).toMatchObject({ lng: null, lat: null });
  });

  it('names the field of a bad coordinate, kind or district, in Chinese', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const outside = await session.send('POST', '/api/places', { name: '北京某地', kind: 'park', lng: 116.4, lat: 39.9 });
    expect(outside.statusCode).toBe(400);
    const paths = outside.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['lng', 'lat']));
    expect(outside.json().fields.find((f: { path: string }) => f.path === 'lng').message).toMatch(/经度应在上海范围内/);
    // swapped lng/lat is caught too
    expect((await session.send('POST', '/api/places', { name: '颠倒', kind: 'park', lng: 31.2, lat: 121.5 })).statusCode).toBe(400);
    const alone = await session.send('POST', '/api/places', { name: '只有经度', kind: 'park', lng: 121.5 });
    expect(alone.json().fields[0]).toMatchObject({ path: 'lat', message: expect.stringMatching(/纬度/) });
    const badKind = await session.send('POST', '/api/places', { name: '错误类型', kind: 'mall' });
    expect(badKind.json().fields[0].path).toBe('kind');
    const badCrs = await session.send('POST', '/api/places', { name: '火星坐标', kind: 'park', lng: 121.5, lat: 31.2, crs: 'mars' });
    expect(badCrs.json().fields[0].path).toBe('crs');
    const badDistrict = await session.send('POST', '/api/places', { name: '错误区划', kind: 'park', districtCode: '999999' });
    expect(badDistrict.json().fields[0].path).toBe('districtCode');
  });

  it('a coordinator of 浦东新区 cannot read or write a 金山区 place', async () => {
    const pudong = await makePlace(t.app, { name: '金桥智能网联汽车产业园（测试）', districtCode: PUDONG });
    const jinshan = await makePlace(t.app, { name: '山塘村（测试）', kind: 'community', districtCode: JINSHAN });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const list = (await session.get('/api/places?pageSize=200')).json();
    const ids = list.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(pudong.id);
    expect(ids).not.toContain(jinshan.id);
    expect((await session.get(`/api/places/${jinshan.id}`)).statusCode).toBe(404);
    expect((await session.get(`/api/places?districtCode=${JINSHAN}`)).json().total).toBe(0);
    expect((await session.send('PATCH', `/api/places/${jinshan.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await session.send('DELETE', `/api/places/${jinshan.id}`)).statusCode).toBe(404);
    expect((await session.send('POST', '/api/places', { name: '金山新点位', kind: 'service_point', districtCode: JINSHAN })).statusCode).toBe(403);
    expect((await session.send('PATCH', `/api/places/${pudong.id}`, { districtCode: JINSHAN })).statusCode).toBe(403);
    expect((await session.send('PATCH', `/api/places/${pudong.id}`, { address: '浦东新区金桥' })).json().address).toBe('浦东新区金桥');
    const viewer = (await loginAs(t.app, { role: 'viewer', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await viewer.get(`/api/places/${pudong.id}`)).statusCode).toBe(200);
    expect((await viewer.send('PATCH', `/api/places/${pudong.id}`, { name: '改名' })).statusCode).toBe(403);
  });

  it('keeps the search index in step and filters by kind and text', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const res = await session.send('POST', '/api/places', { name: '同心荟服务站（测试）', kind: 'station', districtCode: PUDONG, address: '张江路100号', description: '专家驻站服务' });
    const id = res.json().id;
    const doc = async () =>
      (await t.app.services.db.select().from(searchDocuments).where(and(eq(searchDocuments.entityType, 'place'), eq(searchDocuments.entityId, id))))[0];
    expect(await doc()).toMatchObject({ title: '同心荟服务站（测试）', districtCode: PUDONG, body: expect.stringContaining('张江路100号') });
    const found = (await session.get(`/api/places?kind=station&q=${encodeURIComponent('张江路')}`)).json();
    expect(found.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await session.send('DELETE', `/api/places/${id}`)).statusCode).toBe(204);
    expect(await doc()).toBeUndefined();
    expect((await session.get(`/api/places/${id}`)).statusCode).toBe(404);
  });
});
