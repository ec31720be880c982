import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, makePlace } from '../../test/factories';

const t = useTestApp();
const MINHANG = '310112';
const JIADING = '310114';
const minhang = [{ kind: 'district' as const, value: MINHANG }];

const siteVisit = (title: string, districtCode: string, placeId?: string) => ({
  title,
  kind: 'site_visit',
  startsAt: '2025-05-20T09:00',
  endsAt: '2025-05-20T11:30',
  districtCode,
  venues: [{ role: 'main', name: '集合点', districtCode, ...(placeId ? { placeId } : {}) }],
});

describe('events along a route', () => {
  it('points a site visit at a route: the event shows the route, the route lists the event, audited', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: minhang });
    const a = await makePlace(t.app, { name: '线路起点（测试）', districtCode: MINHANG, lng: 121.35, lat: 31.0 });
    const b = await makePlace(t.app, { name: '线路终点（测试）', districtCode: MINHANG, lng: 121.36, lat: 31.0 });
    const route = (await session.send('POST', '/api/map/routes', { name: '考察线路（测试）', placeIds: [a.id, b.id] })).json();
    const created = await session.send('POST', '/api/events', siteVisit('实地考察（测试）', MINHANG));
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json();

    expect((await session.get(`/api/events/${event.id}/route`)).json()).toEqual({ route: null });
    const set = await session.send('PUT', `/api/events/${event.id}/route`, { routeId: route.id });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().route).toMatchObject({ id: route.id, name: '考察线路（测试）', stops: 2 });
    expect((await session.get(`/api/events/${event.id}/route`)).json().route.id).toBe(route.id);
    const listed = (await session.get(`/api/map/routes/${route.id}/events`)).json();
    expect(listed.map((e: { title: string }) => e.title)).toEqual(['实地考察（测试）']);

    const { session: admin } = await loginAs(t.app, { role: 'admin' });
    const audit = (await admin.get(`/api/audit?entity=event&action=update&entityId=${event.id}`)).json();
    expect(audit.items[0]).toMatchObject({ entityName: '实地考察（测试）', before: { routeName: null }, after: { routeName: '考察线路（测试）' } });

    const cleared = await session.send('PUT', `/api/events/${event.id}/route`, { routeId: null });
    expect(cleared.json()).toEqual({ route: null });
    expect((await session.get(`/api/map/routes/${route.id}/events`)).json()).toEqual([]);
  });

  it('refuses a route the actor cannot read and an event the actor cannot change, naming the field', async () => {
    const { session: admin } = await loginAs(t.app, { role: 'admin' });
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: minhang });
    const x = await makePlace(t.app, { districtCode: JIADING, lng: 121.17, lat: 31.29 });
    const y = await makePlace(t.app, { districtCode: JIADING, lng: 121.18, lat: 31.29 });
    const hiddenRoute = (await admin.send('POST', '/api/map/routes', { name: '嘉定线路（测试）', districtCode: JIADING, placeIds: [x.id, y.id] })).json();
    const own = (await session.send('POST', '/api/events', siteVisit('闵行考察（测试）', MINHANG))).json();
    const refused = await session.send('PUT', `/api/events/${own.id}/route`, { routeId: hiddenRoute.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0]).toMatchObject({ path: 'routeId', message: expect.stringMatching(/该线路不存在/) });

    const other = (await admin.send('POST', '/api/events', siteVisit('嘉定考察（测试）', JIADING))).json();
    expect((await session.send('PUT', `/api/events/${other.id}/route`, { routeId: null })).statusCode).toBe(404);
    expect((await session.get(`/api/map/routes/${hiddenRoute.id}/events`)).statusCode).toBe(404);
    // a reader reads but does not change
    const { session: reader } = await loginAs(t.app, { role: 'viewer', scopes: minhang });
    expect((await reader.get(`/api/events/${own.id}/route`)).statusCode).toBe(200);
    expect((await reader.send('PUT', `/api/events/${own.id}/route`, { routeId: null })).statusCode).toBe(403);
  });
});

describe('events and open needs on the map', () => {
  it('shows a place’s events and its organisations’ open needs on the card, and an area’s on the area page', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: minhang });
    const place = await makePlace(t.app, { name: '卡片场所（测试）', districtCode: MINHANG, lng: 121.401, lat: 31.101 });
    const org = await makeOrganization(t.app, { name: '园区运营单位（测试）', districtCode: MINHANG });
    expect((await session.send('PUT', `/api/map/places/${place.id}/relations`, { operatorOrganizationId: org.id })).statusCode).toBe(200);
    const event = (await session.send('POST', '/api/events', siteVisit('场所里的活动（测试）', MINHANG, place.id))).json();
    const need = await session.send('POST', '/api/needs', { organizationId: org.id, category: 'technology', title: '园区需要技术对接（测试）' });
    expect(need.statusCode, need.body).toBe(201);

    const card = (await session.get(`/api/map/places/${place.id}/card`)).json();
    expect(card.events.map((e: { id: string }) => e.id)).toEqual([event.id]);
    expect(card.openNeeds).toMatchObject([{ title: '园区需要技术对接（测试）', organizationName: '园区运营单位（测试）' }]);

    // an area around the place: its events by the place inside; its needs by the organisations inside (by their point)
    await t.app.services.db.execute(`update organizations set lng = 121.402, lat = 31.102 where id = '${org.id}'`);
    const square = [[[121.39, 31.09], [121.41, 31.09], [121.41, 31.11], [121.39, 31.11], [121.39, 31.09]]];
    const area = (await session.send('POST', '/api/map/areas', { name: '卡片片区（测试）', kind: 'park', geometry: { type: 'Polygon', coordinates: square } })).json();
    const detail = (await session.get(`/api/map/areas/${area.id}`)).json();
    expect(detail.events.map((e: { id: string }) => e.id)).toContain(event.id);
    expect(detail.openNeeds.map((n: { title: string }) => n.title)).toContain('园区需要技术对接（测试）');
    // its plans: a plan published at its event, not an agreement of another kind, nor a plan elsewhere
    const plan = await session.send('POST', `/api/events/${event.id}/agreements`, { title: '片区五年规划（测试）', kind: 'plan', termYears: 5 });
    expect(plan.statusCode, plan.body).toBe(201);
    expect((await session.send('POST', `/api/events/${event.id}/agreements`, { title: '片区共建协议（测试）', kind: 'co_construction' })).statusCode).toBe(201);
    const elsewhere = (await session.send('POST', '/api/events', siteVisit('别处的活动（测试）', MINHANG))).json();
    expect((await session.send('POST', `/api/events/${elsewhere.id}/agreements`, { title: '别处的规划（测试）', kind: 'plan' })).statusCode).toBe(201);
    const withPlans = (await session.get(`/api/map/areas/${area.id}`)).json();
    expect(withPlans.plans).toEqual([expect.objectContaining({ title: '片区五年规划（测试）', termYears: 5, eventId: event.id, eventTitle: '场所里的活动（测试）' })]);

    // a reader of another district sees neither
    const { session: jiading } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JIADING }] });
    expect((await jiading.get(`/api/map/places/${place.id}/card`)).statusCode).toBe(404);
  });
});
