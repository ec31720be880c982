import { Alert, Button, Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { DetailHeader, detailFallback } from '../../../components/detail-header';
import { districtLabel } from '../../../lib/districts';
import { formatDateTime } from '../../../lib/format';
import { detailDescriptionStyles, useDirectoryTrail } from '../../directory/components/directory-breadcrumb';
import { MembershipsTable } from '../../directory/components/memberships-table';
import { MergeModal } from '../../directory/components/merge-modal';
import { TagList } from '../../directory/components/tag-list';
import { organizationKindColors, organizationKindLabel, organizationSizeLabel } from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useDirectoryDelete } from '../../directory/use-directory-actions';
import {
  fetchOrganization,
  useDeleteOrganization,
  useMergeOrganization,
  useOrganization,
  useOrganizationDuplicates,
  type OrganizationDetail,
} from '../api';
import { OrganizationFormDrawer } from '../components/organization-form-drawer';
import { OrganizationSummary } from '../components/organization-summary';
import { ReportSources } from '../../ingest/components/report-sources';

type PersonRow = OrganizationDetail['people'][number];

export function OrganizationDetailPage() {
  const { id } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const trail = useDirectoryTrail('organizations');
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const organization = useOrganization(id);
  const remove = useDirectoryDelete('org', organization.data, useDeleteOrganization());
  const merge = useMergeOrganization();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const record = organization.data;
  const duplicates = useOrganizationDuplicates({
    name: canEdit ? (record?.name ?? '') : '',
    uscc: record?.uscc ?? undefined,
    aliases: record?.aliases,
    excludeId: record?.id,
  });
  const candidates = duplicates.data?.candidates ?? [];

  if (!record) return detailFallback(organization, trail);

  const peopleColumns = [
    {
      key: 'name',
      title: t('person.name'),
      render: (_: unknown, row: PersonRow) => (
        <Link to={`/directory/people/${encodeURIComponent(row.personId)}`}>{row.name}</Link>
      ),
    },
    { key: 'position', title: t('affiliation.position'), render: (_: unknown, row: PersonRow) => row.position || '—' },
    {
      key: 'contact',
      title: t('affiliation.isContact'),
      width: 120,
      render: (_: unknown, row: PersonRow) => (row.isContact ? <Tag color="blue">{t('affiliation.contact')}</Tag> : null),
    },
  ];
  // contacts not among the affiliated people still deserve a row
  const people: PersonRow[] = [
    ...(record.people ?? []),
    ...(record.contacts ?? [])
      .filter((contact) => !(record.people ?? []).some((person) => person.personId === contact.personId))
      .map((contact) => ({ ...contact, isContact: true })),
  ];

  return (
    <>
      <DetailHeader
        trail={trail}
        name={record.name}
        title={
          <>
            {record.name}{' '}
            <Tag color={organizationKindColors[record.kind]} style={{ verticalAlign: 'middle' }}>
              {organizationKindLabel(t, record.kind)}
            </Tag>
          </>
        }
        subtitle={record.aliases?.length ? t('org.aliasesInline', { aliases: record.aliases.join('、') }) : undefined}
        onEdit={canEdit ? () => setEditing(true) : undefined}
        onMerge={canEdit ? () => setMerging(true) : undefined}
        remove={remove}
      />
      {canEdit && candidates.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('org.duplicatesFound', { count: candidates.length })}
          description={candidates.map((candidate) => candidate.name).join('、')}
          action={
            <Button size="small" onClick={() => setMerging(true)}>
              {t('merge.button')}
            </Button>
          }
        />
      ) : null}
      <Card variant="borderless" title={t('detail.basicInfo')} style={{ marginBottom: 16 }}>
        <Descriptions
          bordered
          styles={detailDescriptionStyles}
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'name', label: t('org.name'), children: record.name },
            { key: 'kind', label: t('org.kind'), children: organizationKindLabel(t, record.kind) },
            {
              key: 'district',
              label: t('org.district'),
              children: districtLabel(record.districtCode, locale, record.districtName) || '—',
            },
            {
              key: 'uscc',
              label: t('org.uscc'),
              children: record.uscc ? <Typography.Text copyable>{record.uscc}</Typography.Text> : '—',
            },
            { key: 'size', label: t('org.size'), children: record.size ? organizationSizeLabel(t, record.size) : '—' },
            {
              key: 'website',
              label: t('org.website'),
              children: record.website ? (
                <a href={record.website} target="_blank" rel="noopener noreferrer">
                  {record.website}
                </a>
              ) : (
                '—'
              ),
            },
            { key: 'aliases', label: t('org.aliases'), children: <TagList values={record.aliases} /> },
            { key: 'formerNames', label: t('org.formerNames'), children: <TagList values={record.formerNames} /> },
            {
              key: 'industries',
              label: t('org.industries'),
              span: 'filled',
              children: <TagList values={(record.industries ?? []).map((industry) => industry.name)} color="geekblue" />,
            },
            { key: 'address', label: t('org.address'), children: record.address ?? '—' },
            {
              key: 'coordinates',
              label: t('geo.coordinates'),
              children: record.lng != null && record.lat != null ? `${record.lng}, ${record.lat}` : '—',
            },
            {
              key: 'description',
              label: t('org.description'),
              span: 'filled',
              children: record.description ? (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{record.description}</Typography.Paragraph>
              ) : (
                '—'
              ),
            },
            { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(record.createdAt, locale) },
            { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(record.updatedAt, locale) },
          ]}
        />
      </Card>
      <Card variant="borderless" title={t('org.peopleTitle', { count: people.length })} style={{ marginBottom: 16 }}>
        <Table<PersonRow>
          rowKey="personId"
          size="small"
          columns={peopleColumns}
          dataSource={people}
          pagination={people.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noPeople')} /> }}
        />
      </Card>
      <Card variant="borderless" title={t('org.membershipsTitle', { count: (record.memberships ?? []).length })}>
        <MembershipsTable memberships={record.memberships ?? []} />
      </Card>
      <ReportSources entityType="organization" entityId={record.id} />
      {editing ? (
        <OrganizationFormDrawer organization={record} onClose={() => setEditing(false)} onSaved={() => undefined} />
      ) : null}
      {merging ? (
        <MergeModal<OrganizationDetail>
          type="organization"
          current={record}
          suggestions={candidates}
          queryKey="organizations"
          loadDetail={fetchOrganization}
          renderSummary={(organizationRecord) => <OrganizationSummary organization={organizationRecord} />}
          merge={(ids) => merge.mutateAsync(ids)}
          onClose={() => setMerging(false)}
          onMerged={(kept) => {
            setMerging(false);
            if (kept.id !== record.id) void navigate(`/directory/organizations/${encodeURIComponent(kept.id)}`, { replace: true });
          }}
        />
      ) : null}
    </>
  );
}
