import { Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { ListActions, ListPage, useListParams, useRowEditing } from '../../../components/list-page';
import { districtLabel } from '../../../lib/districts';
import { DistrictFilter, EnumFilter } from '../../directory/components/list-filter-controls';
import { pickOne, placeKindLabel, placeKindOptions, placeKinds } from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useDirectoryRowActions } from '../../directory/use-directory-actions';
import { useDeletePlace, usePlace, usePlaces, type Place } from '../api';
import { PlaceFormDrawer } from '../components/place-form-drawer';
import { ExportMenu } from '../../io/components/export-menu';
import { ImportModal } from '../../io/components/import-modal';

const filterKeys = ['q', 'kind', 'districtCode'] as const;

export function PlacesPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const params = useListParams({ filterKeys });
  const { page, pageSize, get } = params;
  const [creating, setCreating] = useState(false);
  const editing = useRowEditing(usePlace);
  const rowActions = useDirectoryRowActions<Place>('place', editing.start, useDeletePlace());
  const filters = { q: get('q'), kind: pickOne(placeKinds, get('kind')), districtCode: get('districtCode') };
  const list = usePlaces({ ...filters, page, pageSize });
  const [importing, setImporting] = useState(false);

  const columns: NonNullable<TableProps<Place>['columns']> = [
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
    <ListPage<Place>
      title={t('place.title')}
      subtitle={t('place.subtitle')}
      actions={
        <ListActions
          onImport={canEdit ? () => setImporting(true) : undefined}
          exportMenu={<ExportMenu kind="places" filters={filters} />}
          onCreate={canEdit ? () => setCreating(true) : undefined}
          createLabel={t('place.create')}
        />
      }
      params={params}
      search={{ placeholder: t('place.searchPlaceholder') }}
      filters={
        <>
          <EnumFilter
            params={params}
            width={150}
            name="kind"
            value={filters.kind}
            options={placeKindOptions(t)}
            placeholder={t('filter.allPlaceKinds')}
            label={t('place.kind')}
          />
          <DistrictFilter params={params} width={150} />
        </>
      }
      list={list}
      columns={columns}
      rowActions={rowActions}
      emptyText={{ empty: t('place.empty'), filtered: t('place.emptyFiltered') }}
      totalText={(total) => t('place.total', { total })}
      scrollX={1040}
    >
      {creating ? (
        <PlaceFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(created) => navigate(`/directory/places/${encodeURIComponent(created.id)}`)}
        />
      ) : null}
      {editing.record ? <PlaceFormDrawer place={editing.record} onClose={editing.close} onSaved={() => undefined} /> : null}
      {importing ? <ImportModal kind="places" title={t('place.importTitle')} onClose={() => setImporting(false)} /> : null}
    </ListPage>
  );
}
