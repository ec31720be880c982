import L from 'leaflet';
import Supercluster from 'supercluster';
import type { PlacesCollection, PlaceProps } from '../api';
import { placeKindColors } from './base-map';

/**
 * The places as clusters on the canvas: supercluster indexes the points once; on every move the
 * clusters in view (a few hundred at most) are drawn as circle markers on the map's canvas renderer.
 * While panning the canvas is translated, not redrawn, so panning stays smooth with 10,000 places.
 */
export class PointsLayer {
  private index = new Supercluster<PlaceProps>({ radius: 48, maxZoom: 16 });
  private group = L.layerGroup();
  private frame = 0;
  private readonly redraw = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  };
  /** how many places the last draw showed (clusters counted by their size) */
  shown = 0;

  constructor(
    private readonly map: L.Map,
    private readonly onPick: (p: PlaceProps) => void,
  ) {
    this.group.addTo(map);
    map.on('moveend zoomend', this.redraw);
  }

  setData(data: PlacesCollection) {
    this.index = new Supercluster<PlaceProps>({ radius: 48, maxZoom: 16 });
    this.index.load(data.features);
    this.draw();
  }

  draw() {
    const b = this.map.getBounds().pad(0.2);
    const zoom = Math.round(this.map.getZoom());
    const clusters = this.index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
    this.group.clearLayers();
    let shown = 0;
    for (const c of clusters) {
      const [lng, lat] = c.geometry.coordinates as [number, number];
      const props = c.properties as PlaceProps & { cluster?: boolean; point_count?: number; cluster_id?: number };
      if (props.cluster) {
        const n = props.point_count ?? 0;
        shown += n;
        const marker = L.circleMarker([lat, lng], {
          radius: Math.min(28, 10 + Math.log2(n) * 2.5),
          color: '#fff',
          weight: 2,
          fillColor: '#1d4ed8',
          fillOpacity: 0.8,
        }).bindTooltip(String(n), { permanent: true, direction: 'center', className: 'tx-cluster-label' });
        marker.on('click', () => this.map.flyTo([lat, lng], Math.min(this.index.getClusterExpansionZoom(props.cluster_id!), 18)));
        this.group.addLayer(marker);
      } else {
        shown += 1;
        const marker = L.circleMarker([lat, lng], { radius: 7, color: '#fff', weight: 1.5, fillColor: placeKindColors[props.kind], fillOpacity: 0.95 });
        marker.bindTooltip(props.name);
        marker.on('click', () => this.onPick(props));
        this.group.addLayer(marker);
      }
    }
    this.shown = shown;
    this.map.getContainer().dataset.shownPlaces = String(shown);
  }

  remove() {
    cancelAnimationFrame(this.frame);
    this.map.off('moveend zoomend', this.redraw);
    this.group.remove();
  }
}

/** The naive way, for the benchmark only: one DOM marker per place, no clustering. */
export class NaivePointsLayer {
  private group = L.layerGroup();
  shown = 0;
  constructor(
    private readonly map: L.Map,
    private readonly onPick: (p: PlaceProps) => void,
  ) {
    this.group.addTo(map);
  }
  setData(data: PlacesCollection) {
    this.group.clearLayers();
    for (const f of data.features) {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      const icon = L.divIcon({ className: 'tx-naive-marker', html: '', iconSize: [10, 10] });
      this.group.addLayer(L.marker([lat, lng], { icon, title: f.properties.name }).on('click', () => this.onPick(f.properties)));
    }
    this.shown = data.features.length;
    this.map.getContainer().dataset.shownPlaces = String(this.shown);
  }
  draw() {}
  remove() {
    this.group.remove();
  }
}
