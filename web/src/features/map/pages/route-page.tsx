import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import L from 'leaflet';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { districtLabel } from '../../../lib/districts';
import { placeKindLabel } from '../../directory/labels';
import { useRoute, useRouteEvents, type MapPlace } from '../api';
import { placeKindColors } from '../components/base-map';
import { MapSectionNav } from '../components/map-section-nav';
import { useLeafletMap } from '../components/use-leaflet';
import { formatMetres } from '../format';
import '../components/map.css';
import { LinkedEvents } from '../components/linked-lists';

/** A route and its printable sheet: the stops in order, each leg's length and the total. */
export function RoutePage() {
  const { id } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const route = useRoute(id);
  const events = useRouteEvents(id);
  const { ref, map } = useLeafletMap();
  const r = route.data;

  useEffect(() => {
    if (!map || !r) return;
    const points = r.stops.filter((s) => s.lat !== null && s.lng !== null).map((s) => L.latLng(s.lat!, s.lng!));
    const group = L.layerGroup([
      L.polyline(points, { color: '#d4380d', weight: 3 }),
      ...r.stops
        .filter((s) => s.lat !== null && s.lng !== null)
        .map((s) =>
          L.circleMarker([s.lat!, s.lng!], { radius: 8, color: '#fff', weight: 2, fillColor: placeKindColors[s.kind], fillOpacity: 1 }).bindTooltip(
            `${r.stops.indexOf(s) + 1}. ${s.name}`,
            { permanent: true, direction: 'right' },
          ),
        ),
    ]).addTo(map);
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 15 });
    return () => {
      group.remove();
    };
  }, [map, r]);

  if (route.isError) return <Alert type="error" showIcon message={t('map.routeMissing')} />;
  const rows = (r?.stops ?? []).map((s, i) => ({ ...s, n: i + 1, leg: i === 0 ? null : (r?.legsM[i - 1] ?? null) }));

  return (
    <Flex vertical gap={16} className="tx-route-sheet">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {r?.name}
        </Typography.Title>
        <Flex gap={8} wrap className="tx-no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('map.printSheet')}
          </Button>
          <MapSectionNav current="routes" />
        </Flex>
      </Flex>
      {r && (
        <Typography.Text>
          {t('map.routeSummary', { stops: r.stops.length, total: formatMetres(r.totalM, locale) })}
          {r.districtCode && ` · ${districtLabel(r.districtCode, locale, r.districtName)}`}
        </Typography.Text>
      )}
      {r?.note && <Typography.Paragraph type="secondary">{r.note}</Typography.Paragraph>}
      <div className="tx-map" style={{ height: 'min(50vh, 420px)', minHeight: 260 }}>
        <div ref={ref} data-testid="map" style={{ position: 'absolute', inset: 0 }} />
      </div>
      <Card size="small" title={t('map.routeSheet')}>
        <Table<MapPlace & { n: number; leg: number | null }>
          rowKey="n"
          size="small"
          pagination={false}
          loading={route.isLoading}
          dataSource={rows}
          data-testid="route-stops"
          summary={() =>
            r ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <strong>{t('map.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong data-testid="route-total">{formatMetres(r.totalM, locale)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
          columns={[
            { title: '#', dataIndex: 'n', width: 40 },
            { title: t('map.stop'), dataIndex: 'name', render: (name: string, s) => <Link to={`/directory/places/${s.id}`}>{name}</Link> },
            { title: t('map.kind'), dataIndex: 'kind', render: (k: MapPlace['kind']) => <Tag color={placeKindColors[k]}>{placeKindLabel(t, k)}</Tag> },
            { title: t('map.leg'), dataIndex: 'leg', align: 'right', render: (m: number | null, s) => (s.n === 1 ? t('map.start') : formatMetres(m, locale)) },
          ]}
        />
      </Card>
      <Card size="small" title={t('map.routeEvents')} className="tx-no-print">
        <LinkedEvents items={events.data ?? []} testId="route-events" />
      </Card>
    </Flex>
  );
}
