import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { districtLabel } from '../../../lib/districts';
import { usePageParams } from '../../../lib/use-page-params';
import { DistrictSelect } from '../../directory/components/district-select';
import { ListFilters } from '../../directory/components/list-filters';
import { ListTable } from '../../directory/components/list-table';
import { pickOne, placeKindLabel, placeKindOptions, placeKinds } from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { usePlaces, type Place } from '../api';
import { PlaceFormDrawer } from '../components/place-form-drawer';
import { ExportMenu } from '../../io/components/export-menu';
import { ImportModal } from '../../io/components/import-modal';

export function PlacesPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const { page, pageSize, get, update } = usePageParams();
  const [creating, setCreating] = useState(false);
  const filters = { q: get('q'), kind: pickOne(placeKinds, get('kind')), districtCode: get('districtCode') };
  const list = usePlaces({ ...filters, page, pageSize });
  const active = Object.values(filters).some(Boolean);
  const [importing, setImporting] = useState(false);

  const columns: TableProps<Place>['columns'] = [
    {
      key: 'name',
      title: t('place.name'),
      render: (_, row) => (
        <Link to={`/directory/places/${encodeURIComponent(row.id)}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {row.name}
          </Typography.Text>
        </Link>
      ),
    },
    { key: 'kind', title: t('place.kind'), width: 120, render: (_, row) => <Tag color="green">{placeKindLabel(t, row.kind)}</Tag> },
    {
      key: 'district',
      title: t('org.district'),
      width: 110,
      render: (_, row) => districtLabel(row.districtCode, locale, row.districtName) || '—',
    },
    { key: 'address', title: t('place.address'), ellipsis: true, render: (_, row) => row.address || '—' },
    {
      key: 'coordinates',
      title: t('geo.coordinatesWgs84'),
      width: 200,
      render: (_, row) =>
        row.lng != null && row.lat != null ? (
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
            {row.lng.toFixed(5)}, {row.lat.toFixed(5)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('place.title')}
        subtitle={t('place.subtitle')}
        extra={
          <>
            {canEdit ? (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('import.button')}
              </Button>
            ) : null}
            <ExportMenu kind="places" filters={filters} />
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('place.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless">
        <ListFilters
          q={filters.q}
          placeholder={t('place.searchPlaceholder')}
          onSearch={(q) => update({ q })}
          active={active}
          onReset={() => update({ q: undefined, kind: undefined, districtCode: undefined })}
        >
          <Select
            value={filters.kind}
            options={placeKindOptions(t)}
            placeholder={t('filter.allPlaceKinds')}
            aria-label={t('place.kind')}
            allowClear
            onChange={(kind) => update({ kind })}
            style={{ width: 150 }}
          />
          <DistrictSelect
            value={filters.districtCode}
            placeholder={t('org.allDistricts')}
            aria-label={t('org.district')}
            onChange={(districtCode) => update({ districtCode })}
            style={{ width: 150 }}
          />
        </ListFilters>
        <ListTable<Place>
          list={list}
          columns={columns}
          page={page}
          pageSize={pageSize}
          onChange={(pagination) =>
              update({ page: pagination.current, pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize })
            }
          emptyText={active ? t('place.emptyFiltered') : t('place.empty')}
          totalText={(total) => t('place.total', { total })}
          scrollX={900}
        />
      </Card>
      {creating ? (
        <PlaceFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(created) => navigate(`/directory/places/${encodeURIComponent(created.id)}`)}
        />
      ) : null}
      {importing ? <ImportModal kind="places" title={t('place.importTitle')} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
