import type { FeatureCollection } from 'geojson';
import districtsUrl from 'virtual:shanghai-districts';
import { pointScale, type MapPoints } from '../../../../common/map-points';
import { queryClient } from '../../app/query-client';
import { api } from '../../lib/api';
import type { MapFilters, PlacesCollection } from './api';

/**
 * The map's two big downloads, started as early as possible: when a map page's module is evaluated
 * (before React mounts it and before Leaflet makes the map), so they run while the page renders.
 */
export const pointsKey = (filters: MapFilters) => ['map', 'points', filters] as const;
export const districtsKey = ['map', 'districts'] as const;

/** GET /api/map/points (parallel arrays, gzip) as the GeoJSON points the layers take. */
export async function fetchMapPoints(filters: MapFilters, signal?: AbortSignal): Promise<PlacesCollection> {
  const p = await api.get<MapPoints>('/api/map/points', { query: { ...filters }, signal });
  const features: PlacesCollection['features'] = new Array(p.count);
  for (let i = 0; i < p.count; i++)
    features[i] = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lng[i]! / pointScale, p.lat[i]! / pointScale] },
      properties: { id: p.ids[i]!, name: p.names[i]!, kind: p.kinds[i]!, district: p.districts[i] ?? null },
    };
  return { type: 'FeatureCollection', features };
}

/** The 16 district boundaries (ODbL), simplified at build and cached as immutable: no network beyond the app. */
export async function fetchDistricts(signal?: AbortSignal): Promise<FeatureCollection> {
  const response = await fetch(districtsUrl, { signal });
  if (!response.ok) throw new Error(`districts: HTTP ${response.status}`);
  return (await response.json()) as FeatureCollection;
}

/** The map page's filters as its URL holds them (district, industry, network). */
export const filtersOf = (params: URLSearchParams): MapFilters => ({
  districtCode: params.get('district') ?? undefined,
  industryId: params.get('industry') ?? undefined,
  networkId: params.get('network') ?? undefined,
});

export function prefetchDistricts() {
  void queryClient.prefetchQuery({ queryKey: districtsKey, queryFn: ({ signal }) => fetchDistricts(signal), staleTime: Infinity });
}

export function prefetchPoints(filters: MapFilters) {
  void queryClient.prefetchQuery({ queryKey: pointsKey(filters), queryFn: ({ signal }) => fetchMapPoints(filters, signal) });
}
