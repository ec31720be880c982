import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, List, Popconfirm, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import L from 'leaflet';
import type { Polygon } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { areaKm2 } from '../../../../../common/geometry';
import { areaKinds, type AreaKind } from '../../../../../common/map-domain';
import { useLocale, useT } from '../../../app/i18n';
import { isApiError } from '../../../lib/api';
import { districtLabel } from '../../../lib/districts';
import { DistrictSelect } from '../../directory/components/district-select';
import { placeKindLabel } from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useArea, useDeleteArea, useSaveArea } from '../api';
import { placeKindColors } from '../components/base-map';
import { MapSectionNav } from '../components/map-section-nav';
import { PolygonEditor } from '../components/polygon-editor';
import { useLeafletMap } from '../components/use-leaflet';
import { formatKm2 } from '../format';
import '../components/map.css';
import { LinkedEvents, LinkedNeeds, LinkedPlans } from '../components/linked-lists';

interface AreaForm {
  name: string;
  kind: AreaKind;
  districtCode?: string | null;
  approximate: boolean;
  note?: string;
  published: boolean;
}

/** An area: its polygon (drawn and edited here), its km², and the places and organisations inside it. */
export function AreaPage() {
  const { id } = useParams();
  const isNew = !id;
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const canEdit = useCanEditDirectory();
  const area = useArea(id);
  const save = useSaveArea();
  const remove = useDeleteArea();
  const [form] = Form.useForm<AreaForm>();
  const { ref, map } = useLeafletMap();
  const editor = useRef<PolygonEditor>(undefined);
  const [polygon, setPolygon] = useState<Polygon | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [editing, setEditing] = useState(isNew);
  const [geometryError, setGeometryError] = useState<string>();

  useEffect(() => {
    if (!map) return;
    const e = new PolygonEditor(map, (p, d) => {
      setPolygon(p);
      setDrawing(d);
    });
    editor.current = e;
    const lng = Number(params.get('lng'));
    const lat = Number(params.get('lat'));
    if (isNew && lng && lat) map.setView([lat, lng], Number(params.get('zoom')) || 13);
    return () => e.remove();
  }, [map, isNew, params]);

  const record = area.data;
  useEffect(() => {
    if (!map || !record || !editor.current) return;
    const outer: Polygon = record.geometry.type === 'Polygon' ? record.geometry : { type: 'Polygon', coordinates: record.geometry.coordinates[0]! };
    editor.current.load(outer);
    const b = editor.current.bounds();
    if (b) map.fitBounds(b.pad(0.3));
    form.setFieldsValue({ name: record.name, kind: record.kind, districtCode: record.districtCode, approximate: record.approximate, note: record.note ?? undefined, published: record.published });
    const markers = L.layerGroup(
      record.places.filter((p) => p.lat !== null && p.lng !== null).map((p) =>
        L.circleMarker([p.lat!, p.lng!], { radius: 6, color: '#fff', weight: 1.5, fillColor: placeKindColors[p.kind], fillOpacity: 0.95 }).bindTooltip(p.name),
      ),
    ).addTo(map);
    return () => {
      markers.remove();
    };
  }, [map, record, form]);

  const km2 = polygon ? areaKm2(polygon) : record?.areaKm2;

  const submit = async (values: AreaForm) => {
    setGeometryError(undefined);
    if (!polygon) return setGeometryError(t('map.drawFirst'));
    try {
      const saved = await save.mutateAsync({ id, input: { ...values, note: values.note || null, geometry: polygon } });
      message.success(t('map.saved'));
      setEditing(false);
      if (isNew) void navigate(`/map/areas/${saved.id}`, { replace: true });
    } catch (error) {
      if (isApiError(error)) {
        const geometry = error.fields.find((f) => f.path.startsWith('geometry'));
        if (geometry) setGeometryError(geometry.message);
        form.setFields(error.fields.filter((f) => !f.path.startsWith('geometry')).map((f) => ({ name: f.path as keyof AreaForm, errors: [f.message] })));
        if (!error.fields.length) message.error(error.message);
      }
    }
  };

  if (!isNew && area.isError) return <Alert type="error" showIcon message={t('map.areaMissing')} />;
  const embedUrl = record ? `${window.location.origin}/embed/areas/${record.id}` : '';

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {isNew ? t('map.newArea') : record?.name}
          {record?.approximate && <Tag color="orange" style={{ marginLeft: 8, verticalAlign: 'middle' }}>{t('map.approximate')}</Tag>}
        </Typography.Title>
        <MapSectionNav current="areas" />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" styles={{ body: { padding: 8 } }}>
            {editing && (
              <Flex wrap gap={8} style={{ marginBottom: 8 }} className="tx-no-print">
                <Button type={drawing ? 'default' : 'primary'} onClick={() => editor.current?.startDrawing()}>
                  {polygon ? t('map.redraw') : t('map.drawPolygon')}
                </Button>
                <Button disabled={!drawing} onClick={() => editor.current?.undo()}>
                  {t('map.undoVertex')}
                </Button>
                <Button disabled={!drawing} type="primary" onClick={() => editor.current?.finish() || message.warning(t('map.threeVertices'))}>
                  {t('map.finishPolygon')}
                </Button>
                <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
                  {drawing ? t('map.drawHint') : polygon ? t('map.editHint') : ''}
                </Typography.Text>
              </Flex>
            )}
            <div className="tx-map" style={{ height: 'min(60vh, 520px)', minHeight: 300 }}>
              <div ref={ref} data-testid="map" style={{ position: 'absolute', inset: 0 }} />
            </div>
            {geometryError && <Alert style={{ marginTop: 8 }} type="error" showIcon message={geometryError} />}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small">
            <Statistic title={t('map.areaKm2')} value={km2 === undefined ? '—' : formatKm2(km2, locale)} data-testid="area-km2" />
            {record?.approximate && record.note && <Typography.Paragraph type="secondary">{record.note}</Typography.Paragraph>}
          </Card>
          {editing ? (
            <Card size="small" style={{ marginTop: 16 }}>
              <Form<AreaForm> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'belt', approximate: false, published: false }}>
                <Form.Item name="name" label={t('map.name')} rules={[{ required: true, whitespace: true, message: t('map.nameRequired') }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="kind" label={t('map.kind')} rules={[{ required: true }]}>
                  <Select options={areaKinds.map((k) => ({ value: k, label: t(`areaKind.${k}`) }))} />
                </Form.Item>
                <Form.Item name="districtCode" label={t('map.district')}>
                  <DistrictSelect />
                </Form.Item>
                <Form.Item name="note" label={t('map.note')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Form.Item name="approximate" valuePropName="checked" style={{ marginBottom: 4 }}>
                  <Checkbox>{t('map.approximateCheck')}</Checkbox>
                </Form.Item>
                <Form.Item name="published" valuePropName="checked">
                  <Checkbox>{t('map.publishedCheck')}</Checkbox>
                </Form.Item>
                <Space wrap>
                  <Button type="primary" htmlType="submit" loading={save.isPending}>
                    {t('map.saveArea')}
                  </Button>
                  {!isNew && <Button onClick={() => setEditing(false)}>{t('map.cancel')}</Button>}
                </Space>
              </Form>
            </Card>
          ) : (
            record && (
              <Card size="small" style={{ marginTop: 16 }}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text>
                    {t(`areaKind.${record.kind}`)} · {districtLabel(record.districtCode, locale, record.districtName) || '—'}
                  </Typography.Text>
                  {canEdit && (
                    <Space wrap className="tx-no-print">
                      <Button onClick={() => setEditing(true)}>{t('map.editArea')}</Button>
                      <Popconfirm
                        title={t('map.deleteAreaConfirm', { name: record.name })}
                        okText={t('map.delete')}
                        cancelText={t('map.cancel')}
                        onConfirm={async () => {
                          await remove.mutateAsync(record.id);
                          void navigate('/map/areas');
                        }}
                      >
                        <Button danger>{t('map.delete')}</Button>
                      </Popconfirm>
                    </Space>
                  )}
                  {record.published && (
                    <>
                      <Typography.Text strong>{t('map.embedCode')}</Typography.Text>
                      <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
                        {`<iframe src="${embedUrl}" width="600" height="450" style="border:0" loading="lazy"></iframe>`}
                      </Typography.Paragraph>
                    </>
                  )}
                </Space>
              </Card>
            )
          )}
        </Col>
      </Row>
      {record && (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Card size="small" title={t('map.placesInside', { count: record.places.length })} data-testid="area-places">
              <List
                size="small"
                dataSource={record.places}
                locale={{ emptyText: t('map.noPlacesInside') }}
                renderItem={(p) => (
                  <List.Item>
                    <Link to={`/directory/places/${p.id}`}>{p.name}</Link>
                    <Tag color={placeKindColors[p.kind]}>{placeKindLabel(t, p.kind)}</Tag>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('map.organizationsInside', { count: record.organizations.length })}>
              <List
                size="small"
                dataSource={record.organizations}
                locale={{ emptyText: t('map.noOrganizationsInside') }}
                renderItem={(o) => (
                  <List.Item>
                    <Link to={`/directory/organizations/${o.id}`}>{o.name}</Link>
                  </List.Item>
                )}
              />
            </Card>
            <Card size="small" title={t('map.routesThrough')} style={{ marginTop: 16 }}>
              <List
                size="small"
                dataSource={record.routes}
                locale={{ emptyText: t('map.noRoutes') }}
                renderItem={(r) => (
                  <List.Item>
                    <Link to={`/map/routes/${r.id}`}>{r.name}</Link>
                  </List.Item>
                )}
              />
            </Card>
            <Card size="small" title={t('map.eventsHere', { count: record.events.length })} style={{ marginTop: 16 }}>
              <LinkedEvents items={record.events} testId="area-events" />
            </Card>
            <Card size="small" title={t('map.openNeedsHere', { count: record.openNeeds.length })} style={{ marginTop: 16 }}>
              <LinkedNeeds items={record.openNeeds} testId="area-needs" />
            </Card>
            <Card size="small" title={t('map.plansHere', { count: record.plans.length })} style={{ marginTop: 16 }}>
              <LinkedPlans items={record.plans} testId="area-plans" />
            </Card>
          </Col>
        </Row>
      )}
    </Flex>
  );
}
