import L from 'leaflet';
import Supercluster from 'supercluster';
import type { PlacesCollection, PlaceProps } from '../api';
import { placeKindColors } from './base-map';

interface Drawn {
  x: number;
  y: number;
  r: number;
  lat: number;
  lng: number;
  props: PlaceProps | undefined;
  clusterId: number | undefined;
}

/** how far beyond the view the canvas reaches (of its size, each side), so that a drag shows drawn points */
const pad = 0.3;

/**
 * The places as clusters on a canvas of their own: supercluster indexes the points once; after every
 * move the clusters in view (a few hundred at most) are painted as circles with their counts, in one
 * pass, with no Leaflet layer or DOM node per point. While dragging the canvas moves with the map and
 * while zooming it is scaled by CSS, like Leaflet's own renderers; clicks and hovers are hit-tested
 * against what was painted.
 */
export class PointsLayer {
  private index = new Supercluster<PlaceProps>({ radius: 48, maxZoom: 16 });
  private readonly canvas: HTMLCanvasElement;
  private drawn: Drawn[] = [];
  private origin = L.latLng(0, 0);
  private drawnZoom = 0;
  private frame = 0;
  private readonly tip = L.tooltip({ direction: 'top', offset: [0, -6] });
  private readonly redraw = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  };
  private readonly onZoomAnim = (e: L.ZoomAnimEvent) => {
    const scale = this.map.getZoomScale(e.zoom, this.drawnZoom);
    const offset = (this.map as unknown as { _latLngToNewLayerPoint(l: L.LatLng, z: number, c: L.LatLng): L.Point })._latLngToNewLayerPoint(
      this.origin,
      e.zoom,
      e.center,
    );
    L.DomUtil.setTransform(this.canvas, offset, scale);
  };
  private readonly onClick = (e: L.LeafletMouseEvent) => {
    const hit = this.hit(e.containerPoint);
    if (!hit) return;
    if (hit.props) this.onPick(hit.props);
    else if (hit.clusterId !== undefined)
      this.map.flyTo([hit.lat, hit.lng], Math.min(this.index.getClusterExpansionZoom(hit.clusterId), 18), { duration: 0.5 });
  };
  private hovered: Drawn | undefined;
  private readonly onHover = (e: L.LeafletMouseEvent) => {
    const hit = this.hit(e.containerPoint);
    if (hit === this.hovered) return;
    this.hovered = hit;
    this.map.getContainer().style.cursor = hit ? 'pointer' : '';
    if (hit?.props) this.map.openTooltip(this.tip.setLatLng([hit.lat, hit.lng]).setContent(hit.props.name));
    else this.map.closeTooltip(this.tip);
  };
  /** how many places the last draw showed (clusters counted by their size) */
  shown = 0;

  constructor(
    private readonly map: L.Map,
    private readonly onPick: (p: PlaceProps) => void,
  ) {
    const pane = map.getPane('txPoints') ?? map.createPane('txPoints');
    pane.style.zIndex = '450'; // above the districts, areas and routes (400), below tooltips and popups
    pane.style.pointerEvents = 'none';
    this.canvas = L.DomUtil.create('canvas', 'leaflet-zoom-animated', pane);
    this.canvas.dataset.testid = 'map-points';
    map.on('moveend resize viewreset', this.redraw);
    map.on('zoomanim', this.onZoomAnim);
    map.on('click', this.onClick);
    map.on('mousemove', this.onHover);
  }

  setData(data: PlacesCollection) {
    this.index = new Supercluster<PlaceProps>({ radius: 48, maxZoom: 16 });
    this.index.load(data.features);
    this.draw();
  }

  draw() {
    const map = this.map;
    const size = map.getSize();
    const min = L.point(-size.x * pad, -size.y * pad).round();
    const max = L.point(size.x * (1 + pad), size.y * (1 + pad)).round();
    const width = max.x - min.x;
    const height = max.y - min.y;
    const ratio = window.devicePixelRatio || 1;
    const canvas = this.canvas;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    // the canvas's top-left corner, in layer coordinates now and as a point on the earth for the zoom animation
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint(min));
    this.origin = map.containerPointToLatLng(min);
    this.drawnZoom = map.getZoom();

    const sw = map.containerPointToLatLng([min.x, max.y]);
    const ne = map.containerPointToLatLng([max.x, min.y]);
    const clusters = this.index.getClusters([sw.lng, sw.lat, ne.lng, ne.lat], Math.round(map.getZoom()));
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, -min.x * ratio, -min.y * ratio);
    ctx.clearRect(min.x, min.y, width, height);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = '600 11px system-ui, sans-serif';
    const drawn: Drawn[] = [];
    let shown = 0;
    // points first, clusters over them
    for (const pass of [false, true])
      for (const c of clusters) {
        const props = c.properties as PlaceProps & { cluster?: boolean; point_count?: number; cluster_id?: number };
        if (Boolean(props.cluster) !== pass) continue;
        const [lng, lat] = c.geometry.coordinates as [number, number];
        const p = map.latLngToContainerPoint([lat, lng]);
        ctx.beginPath();
        if (pass) {
          const n = props.point_count ?? 0;
          const r = Math.min(28, 10 + Math.log2(n) * 2.5);
          shown += n;
          ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
          ctx.fillStyle = 'rgba(29, 78, 216, 0.85)';
          ctx.fill();
          ctx.lineWidth = 2;
          ctx.strokeStyle = '#fff';
          ctx.stroke();
          ctx.fillStyle = '#fff';
          ctx.fillText(String(n), p.x, p.y);
          drawn.push({ x: p.x, y: p.y, r, lat, lng, props: undefined, clusterId: props.cluster_id });
        } else {
          shown += 1;
          ctx.arc(p.x, p.y, 7, 0, Math.PI * 2);
          ctx.fillStyle = placeKindColors[props.kind];
          ctx.fill();
          ctx.lineWidth = 1.5;
          ctx.strokeStyle = '#fff';
          ctx.stroke();
          drawn.push({ x: p.x, y: p.y, r: 7, lat, lng, props, clusterId: undefined });
        }
      }
    this.drawn = drawn;
    this.hovered = undefined;
    this.shown = shown;
    map.getContainer().dataset.shownPlaces = String(shown);
  }

  /** the topmost painted circle under a point of the map's container (clusters were painted last) */
  private hit(at: L.Point): Drawn | undefined {
    for (let i = this.drawn.length - 1; i >= 0; i--) {
      const d = this.drawn[i]!;
      if ((d.x - at.x) ** 2 + (d.y - at.y) ** 2 <= (d.r + 3) ** 2) return d;
    }
    return undefined;
  }

  remove() {
    cancelAnimationFrame(this.frame);
    this.map.off('moveend resize viewreset', this.redraw);
    this.map.off('zoomanim', this.onZoomAnim);
    this.map.off('click', this.onClick);
    this.map.off('mousemove', this.onHover);
    this.map.closeTooltip(this.tip);
    this.canvas.remove();
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
