import { Card, Descriptions, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { DetailHeader, detailFallback } from '../../../components/detail-header';
import { districtLabel } from '../../../lib/districts';
import { detailDescriptionStyles, useDirectoryTrail } from '../../directory/components/directory-breadcrumb';
import { placeKindLabel } from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useDirectoryDelete } from '../../directory/use-directory-actions';
import { useDeletePlace, usePlace } from '../api';
import { PlaceFormDrawer } from '../components/place-form-drawer';
import { PlaceRelationsCard } from '../../map/components/place-relations-card';

export function PlaceDetailPage() {
  const { id } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const trail = useDirectoryTrail('places');
  const canEdit = useCanEditDirectory();
  const place = usePlace(id);
  const remove = useDirectoryDelete('place', place.data, useDeletePlace());
  const [editing, setEditing] = useState(false);
  const record = place.data;

  if (!record) return detailFallback(place, trail, 6);

  return (
      <>
        <DetailHeader
        trail={trail}
        name={record.name}
        title={
          <>
            {record.name} <Tag color="green" style={{ verticalAlign: 'middle' }}>{placeKindLabel(t, record.kind)}</Tag>
          </>
        }
        onEdit={canEdit ? () => setEditing(true) : undefined}
        remove={remove}
      />
      <Card variant="borderless">
        <Descriptions
          bordered
          styles={detailDescriptionStyles}
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'kind', label: t('place.kind'), children: placeKindLabel(t, record.kind) },
            {
              key: 'district',
              label: t('org.district'),
              children: districtLabel(record.districtCode, locale, record.districtName) || '—',
            },
            { key: 'address', label: t('place.address'), span: 'filled', children: record.address || '—' },
            {
              key: 'coordinates',
              label: t('geo.coordinatesWgs84'),
              span: 'filled',
              children: record.lng != null && record.lat != null ? `${record.lng}, ${record.lat}` : '—',
            },
            {
              key: 'description',
              label: t('place.description'),
              span: 'filled',
              children: record.description ? (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{record.description}</Typography.Paragraph>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Card>
      <PlaceRelationsCard placeId={record.id} canEdit={canEdit} />
      {editing ? <PlaceFormDrawer place={record} onClose={() => setEditing(false)} onSaved={() => undefined} /> : null}
    </>
  );
}
