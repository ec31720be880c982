import { describe, expect, it } from 'vitest';
import { parseTileSetting, tileImageSource, toTileDatum } from './map-tiles';

describe('optional map tiles', () => {
  it('is off unless set, takes a bare template or JSON, and names what is wrong', () => {
    expect(parseTileSetting(undefined)).toBeNull();
    expect(parseTileSetting('  ')).toBeNull();
    expect(parseTileSetting('http://127.0.0.1:9/tiles/{z}/{x}/{y}.png')).toMatchObject({ url: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png', crs: 'wgs84' });
    expect(parseTileSetting('{"url":"/t/{z}/{x}/{y}.png","crs":"gcj02","attribution":"© 高德"}')).toMatchObject({ crs: 'gcj02', attribution: '© 高德' });
    expect(() => parseTileSetting('{"url":"/t/{z}/{x}.png"}')).toThrow(/\{y\}/);
    expect(() => parseTileSetting('{"url":"/t/{z}/{x}/{y}.png","crs":"mars"}')).toThrow(/crs/);
    // the image source the CSP needs: none for the app's own tiles
    expect(tileImageSource(parseTileSetting('/t/{z}/{x}/{y}.png'))).toBe('');
    expect(tileImageSource(parseTileSetting('https://t{s}.tianditu.gov.cn/img_w/wmts?x={x}&y={y}&l={z}'))).toBe('https://*.tianditu.gov.cn');
  });

  it('shifts a WGS-84 point into the GCJ-02 and BD-09 datums by a few hundred metres, and not for Tianditu', () => {
    const p = { lng: 121.4737, lat: 31.2304 }; // 人民广场
    expect(toTileDatum(p.lng, p.lat, 'wgs84')).toEqual(p);
    const gcj = toTileDatum(p.lng, p.lat, 'gcj02');
    // the known GCJ-02 offset at 人民广场: about +0.0045° longitude, −0.0020° latitude
    expect(gcj.lng - p.lng).toBeCloseTo(0.0045, 3);
    expect(gcj.lat - p.lat).toBeCloseTo(-0.002, 3);
    const bd = toTileDatum(p.lng, p.lat, 'bd09');
    expect(bd.lng - gcj.lng).toBeGreaterThan(0.005);
  });
});
