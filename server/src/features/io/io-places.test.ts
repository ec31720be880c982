import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs } from '../../test/factories';
import { csvText, uploadFile } from '../../test/factories-io';

const t = useTestApp();
const PUDONG = '310115';
const tag = () => randomBytes(3).toString('hex');
const count = async (x: string) =>
  ((await t.app.services.db.execute(sql`select count(*)::int as n from places where name like ${`%${x}`}`)) as unknown as { rows: { n: number }[] }).rows[0].n;

describe('place import and export', () => {
  it('imports places with the form rules, scoped like the list, exports them and re-imports the export without duplicates', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const x = tag();
    const header = ['名称', '类型', '所在区', '地址', '经度', '纬度', '坐标系', '简介'];
    const rows = [
      [`张江人工智能岛${x}`, '园区', '浦东新区', '海趣路58号', '121.6', '31.2', 'GCJ-02', ''],
      [`金桥服务点${x}`, '点位', '浦东', '', '', '', '', ''],
      [`金山会场${x}`, '会场', '金山区', '', '', '', '', ''],
      [`外地园区${x}`, '园区', '浦东新区', '', '116.4', '39.9', '', ''],
      [`无类型${x}`, '公园', '浦东新区', '', '121.5', '', '', ''],
    ];
    const check = await uploadFile(session, '/api/io/import/places/check', 'places.csv', Buffer.from(csvText(header, rows)));
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ total: 5, valid: 2 });
    const errors = check.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(errors).toEqual(expect.arrayContaining(['4:所在区', '5:经度', '5:纬度', '6:类型', '6:纬度']));

    const res = await uploadFile(session, '/api/io/import/places?mode=valid', 'places.csv', Buffer.from(csvText(header, rows)));
    expect(res.json()).toMatchObject({ imported: 2, total: 5 });
    const place = ((await t.app.services.db.execute(sql`select lng, lat from places where name = ${`张江人工智能岛${x}`}`)) as unknown as { rows: { lng: number; lat: number }[] }).rows[0];
    // GCJ-02 stored as WGS-84: shifted a few hundred metres
    expect(place.lng).not.toBe(121.6);
    expect(Math.abs(place.lng - 121.6)).toBeLessThan(0.01);
    const found = await session.get(`/api/search?q=${encodeURIComponent(`金桥服务点${x}`)}`);
    expect(JSON.stringify(found.json())).toContain(`金桥服务点${x}`);

    const exported = await session.get(`/api/io/export/places.csv?q=${x}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain(`张江人工智能岛${x}`);
    expect(exported.body).not.toContain(`金山会场${x}`);
    const again = await uploadFile(session, '/api/io/import/places?mode=valid', 'export.csv', exported.rawPayload);
    expect(again.json()).toMatchObject({ imported: 0, skipped: 2 });
    expect(await count(x)).toBe(2);

    const template = await session.get('/api/io/templates/places');
    expect(template.statusCode).toBe(200);
  });
});
