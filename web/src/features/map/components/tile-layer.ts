import L from 'leaflet';
import { toTileDatum, type TileSetting } from '../../../../../common/map-tiles';

type GridInternals = {
  _setZoomTransform(level: unknown, center: L.LatLng, zoom: number): void;
  _getTiledPixelBounds(center: L.LatLng): L.Bounds;
};

/**
 * The deployment's optional tiles (common/map-tiles.ts) under the districts. Tianditu and plain XYZ
 * tiles are WGS-84 like everything else; a GCJ-02 (AMap) or BD-09-datum tile set is shown shifted: the
 * tiles are chosen and placed for the view's centre converted into their datum, so that what the
 * imagery shows at a point lines up with the WGS-84 places, areas and routes drawn over it.
 */
export function optionalTileLayer(setting: TileSetting): L.TileLayer {
  const options: L.TileLayerOptions = { subdomains: setting.subdomains, attribution: setting.attribution, maxZoom: setting.maxZoom };
  if (setting.crs === 'wgs84') return L.tileLayer(setting.url, options);
  const base = L.TileLayer.prototype as unknown as GridInternals;
  const shift = (c: L.LatLng) => {
    const p = toTileDatum(c.lng, c.lat, setting.crs);
    return L.latLng(p.lat, p.lng);
  };
  const Shifted = L.TileLayer.extend({
    _setZoomTransform(this: GridInternals, level: unknown, center: L.LatLng, zoom: number) {
      base._setZoomTransform.call(this, level, shift(center), zoom);
    },
    _getTiledPixelBounds(this: GridInternals, center: L.LatLng) {
      return base._getTiledPixelBounds.call(this, shift(center));
    },
  }) as unknown as new (url: string, options: L.TileLayerOptions) => L.TileLayer;
  return new Shifted(setting.url, options);
}
