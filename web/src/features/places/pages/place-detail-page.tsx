import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { districtLabel } from '../../../lib/districts';
import { errorMessage } from '../../../lib/error-message';
import { DirectoryBreadcrumb, detailDescriptionStyles } from '../../directory/components/directory-breadcrumb';
import { placeKindLabel } from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useDeletePlace, usePlace } from '../api';
import { PlaceFormDrawer } from '../components/place-form-drawer';

export function PlaceDetailPage() {
  const { id } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const place = usePlace(id);
  const remove = useDeletePlace();
  const [editing, setEditing] = useState(false);
  const record = place.data;

  if (place.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (place.isError || !record) {
    return (
      <>
        <DirectoryBreadcrumb section="places" />
        <QueryError error={place.error} onRetry={() => void place.refetch()} />
      </>
    );
  }

  const onDelete = () =>
    remove.mutateAsync(record.id).then(
      () => {
        void message.success(t('place.deleted', { name: record.name }));
        void navigate('/directory/places', { replace: true });
      },
      (error: unknown) => void message.error(errorMessage(error, t)),
    );

  return (
    <>
      <DirectoryBreadcrumb section="places" current={record.name} />
      <PageHeader
        title={
          <>
            {record.name} <Tag color="green" style={{ verticalAlign: 'middle' }}>{placeKindLabel(t, record.kind)}</Tag>
          </>
        }
        extra={
          canEdit ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('place.deleteConfirm', { name: record.name })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={onDelete}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          ) : null
        }
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
      {editing ? <PlaceFormDrawer place={record} onClose={() => setEditing(false)} onSaved={() => undefined} /> : null}
    </>
  );
}
