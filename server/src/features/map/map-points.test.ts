import { gunzipSync } from 'node:zlib';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { MapPoints } from '../../../../common/map-points';
import { auditLog } from '../../db/schema';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makePlace } from '../../test/factories';

const t = useTestApp();
const JIADING = '310114';
const MINHANG = '310112';

describe('GET /api/map/points', () => {
  it('gives the places in scope as parallel arrays, gzip when asked, without an export entry in the audit log', async () => {
    const own = await makePlace(t.app, { name: '点位甲', kind: 'station', districtCode: JIADING, lng: 121.171234, lat: 31.291234 });
    const noPoint = await makePlace(t.app, { name: '没有坐标的点位', districtCode: JIADING });
    const other = await makePlace(t.app, { name: '他区点位', districtCode: MINHANG, lng: 121.37, lat: 31.02 });
    const { session, user } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: JIADING }] });

    const entries = async () => (await t.app.services.db.select({ n: count() }).from(auditLog).where(eq(auditLog.actorId, user.id)))[0]!.n;
    const before = await entries();
    const res = await session.get('/api/map/points', { 'accept-encoding': 'gzip, br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const p = JSON.parse(gunzipSync(res.rawPayload).toString('utf8')) as MapPoints;
    expect(p.ids).toContain(own.id);
    expect(p.ids).not.toContain(other.id);
    expect(p.ids).not.toContain(noPoint.id);
    for (const key of ['ids', 'names', 'kinds', 'districts', 'lng', 'lat'] as const) expect(p[key]).toHaveLength(p.count);
    const i = p.ids.indexOf(own.id);
    expect({ name: p.names[i], kind: p.kinds[i], district: p.districts[i] }).toEqual({ name: '点位甲', kind: 'station', district: JIADING });
    // 1e-6°: about 0.1 m
    expect(p.lng[i]! / 1e6).toBeCloseTo(121.171234, 6);
    expect(p.lat[i]! / 1e6).toBeCloseTo(31.291234, 6);

    const plain = await session.get('/api/map/points?kind=park');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.json() as MapPoints).kinds.every((k) => k === 'park')).toBe(true);

    expect(await entries()).toBe(before);
  });

  it('is empty arrays, not nulls, when nothing is in scope', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: '310151' }] });
    const p = (await session.get('/api/map/points')).json() as MapPoints;
    expect(p).toEqual({ count: 0, ids: [], names: [], kinds: [], districts: [], lng: [], lat: [] });
  });
});
