import { Alert, Flex, Typography } from 'antd';
import L from 'leaflet';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { usePublicArea } from '../api';
import { placeKindColors } from '../components/base-map';
import { useLeafletMap } from '../components/use-leaflet';
import { formatKm2 } from '../format';
import { placeKindLabel } from '../../directory/labels';
import '../components/map.css';

/** The public, embeddable, read-only map of a published area (an iframe at /embed/areas/:id; no session). */
export function EmbedAreaPage() {
  const { id } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const data = usePublicArea(id);
  const { ref, map } = useLeafletMap();
  const d = data.data;

  useEffect(() => {
    if (!map || !d) return;
    const area = L.geoJSON(d.area.geometry, { style: { color: '#d4380d', weight: 2, fillColor: '#fa8c16', fillOpacity: 0.15 } });
    const places = d.places
      .filter((p) => p.lat !== null && p.lng !== null)
      .map((p) =>
        L.circleMarker([p.lat!, p.lng!], { radius: 7, color: '#fff', weight: 1.5, fillColor: placeKindColors[p.kind], fillOpacity: 0.95 }).bindTooltip(
          `${p.name}（${placeKindLabel(t, p.kind)}）`,
        ),
      );
    const routes = d.routes.map((r) =>
      L.polyline(
        r.stops.filter((s) => s.lat !== null && s.lng !== null).map((s) => [s.lat!, s.lng!] as [number, number]),
        { color: '#722ed1', weight: 3 },
      ).bindTooltip(r.name),
    );
    const group = L.layerGroup([area, ...routes, ...places]).addTo(map);
    map.fitBounds(area.getBounds().pad(0.2));
    return () => {
      group.remove();
    };
  }, [map, d, t]);

  return (
    <Flex vertical style={{ height: '100vh' }}>
      <Flex justify="space-between" align="center" style={{ padding: '6px 10px' }} wrap>
        <Typography.Text strong>{d?.area.name ?? ''}</Typography.Text>
        {d && (
          <Typography.Text type="secondary">
            {formatKm2(d.area.areaKm2, locale)}
            {d.area.approximate ? ` · ${t('map.approximate')}` : ''} · {t('map.placesInside', { count: d.places.length })}
          </Typography.Text>
        )}
      </Flex>
      {data.isError && <Alert type="warning" showIcon message={t('map.embedMissing')} />}
      <div className="tx-map" style={{ flex: 1, borderRadius: 0 }}>
        <div ref={ref} data-testid="map" style={{ position: 'absolute', inset: 0 }} />
      </div>
    </Flex>
  );
}
