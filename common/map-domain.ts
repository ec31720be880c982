/** The map's enumerations (zod-free): area kinds and the coordinate systems accepted as input. */
export const areaKinds = ['belt', 'park', 'demo_zone'] as const;
export type AreaKind = (typeof areaKinds)[number];

export const areaKindLabels: Record<AreaKind, { zh: string; en: string }> = {
  belt: { zh: '实践带', en: 'Practice belt' },
  park: { zh: '园区', en: 'Park' },
  demo_zone: { zh: '示范区', en: 'Demonstration zone' },
};

/** WGS-84 (GPS, OSM, Tianditu ≈ CGCS2000), GCJ-02 (AMap, Tencent), BD-09 (Baidu); stored as WGS-84 */
export const coordinateSystems = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordinateSystem = (typeof coordinateSystems)[number];

/** The attribution every map drawn from the district boundaries shows (shared/data/NOTICE.md). */
export const districtAttribution = {
  zh: '边界数据 © OpenStreetMap 贡献者（ODbL）· geoBoundaries',
  en: '© OpenStreetMap contributors (ODbL) · geoBoundaries',
} as const;
