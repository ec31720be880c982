import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import { districtAttribution } from '../../../../../common/map-domain';
import type { PlaceKind } from '../../directory/types';

/** Shanghai's districts fill this box (WGS-84). */
export const shanghaiBox = L.latLngBounds([30.67, 120.85], [31.88, 122.0]);

/** One colour per place kind: the layers, the legend and the card use them. */
export const placeKindColors: Record<PlaceKind, string> = {
  park: '#1677ff',
  community: '#52c41a',
  block: '#13c2c2',
  exhibition: '#722ed1',
  scenic: '#eb2f96',
  station: '#fa541c',
  service_point: '#fa8c16',
  base: '#a0d911',
  venue: '#2f54eb',
};

/**
 * A Leaflet map on a canvas renderer (points, polygons and lines all on one canvas: no DOM node per
 * feature), with no tile layer (offline first) and the district boundaries' attribution.
 */
export function createBaseMap(el: HTMLElement, locale: 'zh-CN' | 'en', options: L.MapOptions = {}) {
  const map = L.map(el, {
    preferCanvas: true,
    renderer: L.canvas({ padding: 0.3 }),
    zoomSnap: 0.25,
    minZoom: 8,
    maxZoom: 18,
    attributionControl: false,
    ...options,
  });
  L.control
    .attribution({ prefix: false })
    .addAttribution(locale === 'en' ? districtAttribution.en : districtAttribution.zh)
    .addTo(map);
  map.fitBounds(shanghaiBox);
  return map;
}

/** The 16 districts as the base layer, with their names as tooltips. */
export function districtLayer(data: FeatureCollection, locale: 'zh-CN' | 'en', style?: (code: string) => L.PathOptions) {
  return L.geoJSON(data, {
    style: (f) => ({
      color: '#5b6b7b',
      weight: 1,
      fillColor: '#f3f6f9',
      fillOpacity: 0.7,
      ...(style ? style(String(f?.properties?.code ?? '')) : {}),
    }),
    onEachFeature: (f, layer) => {
      const p = f.properties as { name?: string; name_en?: string };
      layer.bindTooltip(String((locale === 'en' ? p.name_en : p.name) ?? ''), { sticky: true });
    },
  });
}
