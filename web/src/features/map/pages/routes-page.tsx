import { Alert, App, Button, Card, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { api, isApiError, type Page } from '../../../lib/api';
import { districtLabel } from '../../../lib/districts';
import { DistrictSelect } from '../../directory/components/district-select';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import type { Place } from '../../places/api';
import { useRoutes, useSaveRoute, type Route } from '../api';
import { MapSectionNav } from '../components/map-section-nav';
import { formatMetres } from '../format';

interface Picked {
  value: string;
  label: string;
}

/** Places found by name as you type (the places list's keyword search), for the route's stops. */
function PlacePicker({ value, onChange }: { value?: Picked[]; onChange?: (v: Picked[]) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Picked[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<Page<Place>>('/api/places', { query: { q: q.trim() || undefined, pageSize: 20 }, signal: controller.signal })
        .then((r) => setOptions(r.items.map((p) => ({ value: p.id, label: p.name }))))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return (
    <Select<Picked[]>
      mode="multiple"
      labelInValue
      filterOption={false}
      showSearch={{ onSearch: setQ, filterOption: false }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      placeholder={t('map.stopsPlaceholder')}
      aria-label={t('map.stops')}
    />
  );
}

/** 线路: the routes of the actor's scope, and a new route from places in order. */
export function RoutesPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const routes = useRoutes({ q: q || undefined, page, pageSize: 20 });
  const save = useSaveRoute();
  const [form] = Form.useForm<{ name: string; stops: Picked[]; districtCode?: string; note?: string }>();
  const [error, setError] = useState<string>();

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('map.routesTitle')}
        </Typography.Title>
        <MapSectionNav current="routes" />
      </Flex>
      {canEdit && (
        <Card size="small" title={t('map.newRoute')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={async (v) => {
              setError(undefined);
              try {
                const saved = await save.mutateAsync({
                  input: { name: v.name, placeIds: (v.stops ?? []).map((s) => s.value), districtCode: v.districtCode ?? undefined, note: v.note || null },
                });
                message.success(t('map.saved'));
                void navigate(`/map/routes/${saved.id}`);
              } catch (e) {
                if (isApiError(e)) setError(e.fields.map((f) => f.message).join('；') || e.message);
              }
            }}
          >
            <Form.Item name="name" label={t('map.name')} rules={[{ required: true, whitespace: true, message: t('map.nameRequired') }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="stops"
              label={t('map.stops')}
              extra={t('map.stopsHint')}
              rules={[{ validator: (_, v?: Picked[]) => ((v?.length ?? 0) >= 2 ? Promise.resolve() : Promise.reject(new Error(t('map.twoStops')))) }]}
            >
              <PlacePicker />
            </Form.Item>
            <Form.Item name="districtCode" label={t('map.district')}>
              <DistrictSelect />
            </Form.Item>
            <Form.Item name="note" label={t('map.note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('map.saveRoute')}
            </Button>
          </Form>
        </Card>
      )}
      <Card size="small">
        <Input.Search allowClear placeholder={t('map.routeSearch')} aria-label={t('map.routeSearch')} onSearch={(v) => { setQ(v); setPage(1); }} style={{ maxWidth: 320, marginBottom: 12 }} />
        <Table<Route>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={routes.isLoading}
          dataSource={routes.data?.items ?? []}
          locale={{ emptyText: t('map.noRoutes') }}
          pagination={{ current: page, pageSize: 20, total: routes.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('map.name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/map/routes/${r.id}`}>{name}</Link> },
            { title: t('map.stopCount'), key: 'stops', render: (_, r) => r.stops.length },
            { title: t('map.total'), dataIndex: 'totalM', align: 'right', render: (m: number) => formatMetres(m, locale) },
            { title: t('map.district'), dataIndex: 'districtCode', render: (c: string | null, r) => districtLabel(c, locale, r.districtName) || '—' },
          ]}
        />
      </Card>
    </Flex>
  );
}
