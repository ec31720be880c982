import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';

// a local tile template (no internet): the setting this deployment would give
process.env.TONGXIN_MAP_TILES = JSON.stringify({ url: 'https://t{s}.tiles.test/{z}/{x}/{y}.png', crs: 'gcj02', attribution: '测试瓦片' });
const t = useTestApp();

describe('optional tiles', () => {
  it('gives the deployment’s tile setting without a session', async () => {
    const res = await t.app.inject({ url: '/api/public/map/tiles' });
    expect(res.statusCode).toBe(200);
    expect(res.json().tiles).toMatchObject({ url: 'https://t{s}.tiles.test/{z}/{x}/{y}.png', crs: 'gcj02', attribution: '测试瓦片' });
  });
});
