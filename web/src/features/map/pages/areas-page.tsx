import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { districtLabel } from '../../../lib/districts';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useAreas, type Area } from '../api';
import { MapSectionNav } from '../components/map-section-nav';
import { formatKm2 } from '../format';
import { GeojsonImport } from '../components/geojson-import';

/** 片区: the areas (实践带, 园区, 示范区) of the actor's scope. */
export function AreasPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const areas = useAreas({ q: q || undefined, page, pageSize: 20 });
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('map.areasTitle')}
        </Typography.Title>
        <MapSectionNav current="areas" />
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('map.areaSearch')} aria-label={t('map.areaSearch')} onSearch={(v) => { setQ(v); setPage(1); }} style={{ maxWidth: 320 }} />
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/map/areas/new')}>
              {t('map.newArea')}
            </Button>
          )}
          {canEdit && <GeojsonImport />}
        </Flex>
        <Table<Area>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={areas.isLoading}
          dataSource={areas.data?.items ?? []}
          locale={{ emptyText: t('map.noAreas') }}
          pagination={{ current: page, pageSize: 20, total: areas.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('map.name'), dataIndex: 'name', render: (name: string, a) => <Link to={`/map/areas/${a.id}`}>{name}</Link> },
            { title: t('map.kind'), dataIndex: 'kind', render: (k: Area['kind']) => <Tag>{t(`areaKind.${k}`)}</Tag> },
            { title: t('map.district'), dataIndex: 'districtCode', render: (c: string | null, a) => districtLabel(c, locale, a.districtName) || '—' },
            {
              title: t('map.areaKm2'),
              dataIndex: 'areaKm2',
              align: 'right',
              render: (v: number, a) => (
                <>
                  {formatKm2(v, locale)} {a.approximate && <Tag color="orange">{t('map.approximate')}</Tag>}
                </>
              ),
            },
            { title: t('map.published'), dataIndex: 'published', render: (v: boolean) => (v ? t('map.yes') : t('map.no')) },
          ]}
        />
      </Card>
    </Flex>
  );
}
