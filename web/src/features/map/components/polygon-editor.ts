import L from 'leaflet';
import type { Polygon, Position } from 'geojson';
import { closedRing } from '../../../../../common/geometry';

/**
 * Drawing and editing one polygon on a Leaflet map, small and dependency-free: in draw mode each
 * click adds a vertex (a dashed line shows the ring so far) and `finish()` closes it; afterwards
 * every vertex is a draggable handle. `onChange` receives the closed polygon (WGS-84) or null.
 */
export class PolygonEditor {
  private vertices: L.LatLng[] = [];
  private shape: L.Polyline<GeoJSON.Geometry> | undefined;
  private handles = L.layerGroup();
  private drawing = false;
  private readonly onClick = (e: L.LeafletMouseEvent) => {
    if (!this.drawing) return;
    this.vertices.push(e.latlng);
    this.render();
  };

  constructor(
    private readonly map: L.Map,
    private readonly onChange: (polygon: Polygon | null, drawing: boolean) => void,
  ) {
    this.handles.addTo(map);
    map.on('click', this.onClick);
  }

  /** Shows an existing polygon (its outer ring) for editing. */
  load(polygon: Polygon | null) {
    this.vertices = polygon ? polygon.coordinates[0]!.slice(0, -1).map(([lng, lat]) => L.latLng(lat!, lng!)) : [];
    this.drawing = false;
    this.render();
  }

  startDrawing() {
    this.vertices = [];
    this.drawing = true;
    this.map.getContainer().style.cursor = 'crosshair';
    this.render();
  }

  /** Closes the ring (three vertices at least). */
  finish() {
    if (this.vertices.length < 3) return false;
    this.drawing = false;
    this.map.getContainer().style.cursor = '';
    this.render();
    return true;
  }

  undo() {
    this.vertices.pop();
    this.render();
  }

  get isDrawing() {
    return this.drawing;
  }

  polygon(): Polygon | null {
    if (this.vertices.length < 3 || this.drawing) return null;
    const ring: Position[] = this.vertices.map((v) => [round(v.lng), round(v.lat)]);
    return { type: 'Polygon', coordinates: [closedRing(ring)] };
  }

  bounds() {
    return this.vertices.length ? L.latLngBounds(this.vertices) : undefined;
  }

  private render() {
    this.shape?.remove();
    this.handles.clearLayers();
    const style = { color: '#d4380d', weight: 2, fillColor: '#fa8c16', fillOpacity: 0.2 };
    if (this.vertices.length) {
      const shape: L.Polyline<GeoJSON.Geometry> = this.drawing ? L.polyline(this.vertices, { ...style, dashArray: '6 4' }) : L.polygon(this.vertices, style);
      this.shape = shape.addTo(this.map);
    }
    this.vertices.forEach((v, i) => {
      const handle = L.marker(v, {
        draggable: !this.drawing,
        icon: L.divIcon({ className: 'tx-vertex', iconSize: [12, 12] }),
        keyboard: false,
      });
      handle.on('drag', (e) => {
        this.vertices[i] = (e.target as L.Marker).getLatLng();
        this.shape?.setLatLngs(this.vertices);
      });
      handle.on('dragend', () => this.onChange(this.polygon(), this.drawing));
      this.handles.addLayer(handle);
    });
    this.onChange(this.polygon(), this.drawing);
  }

  remove() {
    this.map.off('click', this.onClick);
    this.shape?.remove();
    this.handles.remove();
  }
}

const round = (v: number) => Math.round(v * 1e7) / 1e7;
