import { z } from 'zod';
import { placeKinds } from '../domain';
import { isShanghaiDistrictCode } from '../validators';
import { pageQuery } from './common';
import { coordinateSystems } from '../map-domain';

export { placeKinds, type PlaceKind } from '../domain';

/** A generous box around Shanghai: coordinates outside it are typing mistakes (swapped lng/lat, another city). */
export const shanghaiBounds = { minLng: 120.8, maxLng: 122.2, minLat: 30.6, maxLat: 31.9 } as const;

const districtCode = z
  .string()
  .refine(isShanghaiDistrictCode, { message: '不是上海市的区级行政区划代码 (GB/T 2260) / not a Shanghai district code' });

const lng = z
  .number()
  .refine((v) => v >= shanghaiBounds.minLng && v <= shanghaiBounds.maxLng, {
    message: `经度应在上海范围内（${shanghaiBounds.minLng}–${shanghaiBounds.maxLng}）/ longitude outside Shanghai`,
  });
const lat = z
  .number()
  .refine((v) => v >= shanghaiBounds.minLat && v <= shanghaiBounds.maxLat, {
    message: `纬度应在上海范围内（${shanghaiBounds.minLat}–${shanghaiBounds.maxLat}）/ latitude outside Shanghai`,
  });

export const placeSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(placeKinds),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  address: z.string().nullable(),
  /** WGS-84 */
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  description: z.string().nullable(),
});
export type Place = z.infer<typeof placeSchema>;

export const placeListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(placeKinds).optional(),
  districtCode: z.string().max(6).optional(),
});

const placeFields = z.object({
  name: z.string().trim().min(1, { message: '请填写名称 / name is required' }).max(200),
  kind: z.enum(placeKinds),
  districtCode: districtCode.nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  lng: lng.nullable().optional(),
  lat: lat.nullable().optional(),
  /** the datum of lng/lat as entered: WGS-84 (GPS, OpenStreetMap), GCJ-02 (AMap, Tencent) or BD-09 (Baidu); stored as WGS-84 */
  crs: z.enum(coordinateSystems).default('wgs84'),
  description: z.string().trim().max(5000).nullable().optional(),
});

/** lng and lat come together (both numbers, or both null to clear) */
const pairCheck = (b: { lng?: number | null; lat?: number | null }, ctx: z.RefinementCtx) => {
  const given = (v: unknown) => v !== undefined && v !== null;
  if (given(b.lng) === given(b.lat) && (b.lng === undefined) === (b.lat === undefined)) return;
  const missing = given(b.lng) || (b.lat === undefined && b.lng !== undefined) ? 'lat' : 'lng';
  ctx.addIssue({
    code: 'custom',
    path: [missing],
    message: missing === 'lat' ? '请同时填写纬度 / latitude goes with longitude' : '请同时填写经度 / longitude goes with latitude',
  });
};

export const createPlaceBody = placeFields.superRefine(pairCheck);
export const updatePlaceBody = placeFields.partial().extend({ crs: z.enum(coordinateSystems).default('wgs84') }).superRefine(pairCheck);
