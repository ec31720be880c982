import type L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../../../app/i18n';
import { useDistricts, useTileSetting } from '../api';
import { prefetchDistricts } from '../points';
import { createBaseMap, districtLayer } from './base-map';
import { optionalTileLayer } from './tile-layer';

// every map page draws the districts: their download starts as soon as a map page's code is evaluated
prefetchDistricts();

declare global {
  interface Window {
    /** the map page's figures for the browser test and the benchmark */
    __tongxinMap?: { map: L.Map; t0: number; firstDrawMs?: number; dataMs?: number; sinceNavigationMs?: number };
  }
}

/**
 * A Leaflet map in a div, with the 16 districts drawn underneath (the base layer; `districtStyle`
 * colours them for a choropleth). The div gets data-districts="16" once they are drawn.
 */
export function useLeafletMap(districtStyle?: (code: string) => L.PathOptions, options?: L.MapOptions) {
  const { locale } = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map>();
  const districts = useDistricts();
  const tiles = useTileSetting();

  useEffect(() => {
    if (!ref.current) return;
    const m = createBaseMap(ref.current, locale, options);
    setMap(m);
    return () => {
      m.remove();
      setMap(undefined);
    };
    // the map is made once per mount; the locale only words its attribution
  }, []);

  useEffect(() => {
    if (!map || !districts.data) return;
    const layer = districtLayer(districts.data, locale, districtStyle).addTo(map);
    layer.bringToBack();
    map.getContainer().dataset.districts = String(districts.data.features.length);
    return () => {
      layer.remove();
    };
  }, [map, districts.data, locale, districtStyle]);

  // the deployment's optional tiles, under the districts (the tile pane lies below the overlays)
  useEffect(() => {
    const setting = tiles.data?.tiles;
    if (!map || !setting) return;
    const layer = optionalTileLayer(setting).addTo(map);
    map.getContainer().dataset.tiles = setting.crs;
    return () => {
      layer.remove();
    };
  }, [map, tiles.data]);

  return { ref, map, districtsError: districts.isError };
}
