import { Select, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { ListActions, ListPage, useListParams, useRowEditing } from '../../../components/list-page';
import { districtLabel } from '../../../lib/districts';
import { DistrictSelect } from '../../directory/components/district-select';
import { pickOne, placeKindLabel, placeKindOptions, placeKinds } from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useDeletePlace, usePlace, usePlaces, type Place } from '../api';
import { PlaceFormDrawer } from '../components/place-form-drawer';

const filterKeys = ['q', 'kind', 'districtCode'] as const;

export function PlacesPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const params = useListParams({ filterKeys });
  const { page, pageSize, get, update } = params;
  const [creating, setCreating] = useState(false);
  const editing = useRowEditing(usePlace);
  const remove = useDeletePlace();
  const filters = { q: get('q'), kind: pickOne(placeKinds, get('kind')), districtCode: get('districtCode') };
  const list = usePlaces({ ...filters, page, pageSize });

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
      actions={<ListActions onCreate={canEdit ? () => setCreating(true) : undefined} createLabel={t('place.create')} />}
      params={params}
      search={{ placeholder: t('place.searchPlaceholder') }}
      filters={
        <>
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
        </>
      }
      list={list}
      columns={columns}
      rowActions={
        canEdit
          ? {
              onEdit: editing.start,
              remove: {
                confirm: (row) => t('place.deleteConfirm', { name: row.name }),
                run: (row) => remove.mutateAsync(row.id),
                done: (row) => t('place.deleted', { name: row.name }),
              },
            }
          : undefined
      }
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
    </ListPage>
  );
}
