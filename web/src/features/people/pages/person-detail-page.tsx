import { Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { DetailHeader, detailFallback } from '../../../components/detail-header';
import { districtLabel } from '../../../lib/districts';
import { detailDescriptionStyles, useDirectoryTrail } from '../../directory/components/directory-breadcrumb';
import { MembershipsTable } from '../../directory/components/memberships-table';
import { MergeModal } from '../../directory/components/merge-modal';
import { TagList } from '../../directory/components/tag-list';
import { personRoleColors, personRoleLabel } from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useDirectoryDelete } from '../../directory/use-directory-actions';
import {
  fetchPerson,
  useDeletePerson,
  useMergePerson,
  usePerson,
  usePersonDuplicates,
  type Affiliation,
  type PersonDetail,
  type UnmaskedContact,
} from '../api';
import { PoliticalAffiliation, UnmaskButton } from '../components/contact-details';
import { PersonFormDrawer } from '../components/person-form-drawer';
import { PersonSummary } from '../components/person-summary';
import { ReportSources } from '../../ingest/components/report-sources';

export function PersonDetailPage() {
  const { id } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const trail = useDirectoryTrail('people');
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const person = usePerson(id);
  const remove = useDirectoryDelete('person', person.data, useDeletePerson());
  const merge = useMergePerson();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [clear, setClear] = useState<{ id: string; contact: UnmaskedContact }>();
  const record = person.data;
  const duplicates = usePersonDuplicates({
    name: canEdit && merging ? (record?.name ?? '') : '',
    organizationIds: record?.affiliations.flatMap((row) => (row.organizationId ? [row.organizationId] : [])),
    excludeId: record?.id,
  });

  if (!record) return detailFallback(person, trail);

  const unmasked = clear?.id === record.id ? clear.contact : undefined;

  const affiliationColumns = [
    {
      key: 'organization',
      title: t('affiliation.organization'),
      render: (_: unknown, row: Affiliation) =>
        row.organizationId ? (
          <Link to={`/directory/organizations/${encodeURIComponent(row.organizationId)}`}>{row.organizationName}</Link>
        ) : (
          row.organizationName
        ),
    },
    { key: 'position', title: t('affiliation.position'), render: (_: unknown, row: Affiliation) => row.position || '—' },
    {
      key: 'period',
      title: t('affiliation.period'),
      width: 220,
      render: (_: unknown, row: Affiliation) =>
        row.startOn || row.endOn ? `${row.startOn ?? '…'} ~ ${row.endOn ?? t('affiliation.now')}` : '—',
    },
    {
      key: 'contact',
      title: t('affiliation.isContact'),
      width: 110,
      render: (_: unknown, row: Affiliation) => (row.isContact ? <Tag color="blue">{t('affiliation.contact')}</Tag> : null),
    },
  ];

  return (
    <>
      <DetailHeader
        trail={trail}
        name={record.name}
        title={
          <Space size={8} wrap>
            {record.name}
            {(record.roles ?? []).map((role) => (
              <Tag key={role} color={personRoleColors[role]} style={{ verticalAlign: 'middle' }}>
                {personRoleLabel(t, role)}
              </Tag>
            ))}
          </Space>
        }
        subtitle={record.titles || undefined}
        onEdit={canEdit ? () => setEditing(true) : undefined}
        onMerge={canEdit ? () => setMerging(true) : undefined}
        remove={remove}
      />
      <Card
        variant="borderless"
        title={t('detail.basicInfo')}
        style={{ marginBottom: 16 }}
        extra={canEdit && !unmasked ? <UnmaskButton person={record} onUnmasked={(contact) => setClear({ id: record.id, contact })} /> : null}
      >
        <Descriptions
          bordered
          styles={detailDescriptionStyles}
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'name', label: t('person.name'), children: record.name },
            {
              key: 'district',
              label: t('org.district'),
              children: districtLabel(record.districtCode, locale, record.districtName) || '—',
            },
            {
              key: 'phone',
              label: t('person.phone'),
              children: (
                <span data-testid="person-phone">
                  {(unmasked ? unmasked.phone : record.phone) ?? '—'}
                  {unmasked ? <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('person.unmasked')}</Tag> : null}
                </span>
              ),
            },
            {
              key: 'email',
              label: t('person.email'),
              children: <span data-testid="person-email">{(unmasked ? unmasked.email : record.email) ?? '—'}</span>,
            },
            {
              key: 'political',
              label: t('person.political'),
              children: (
                <PoliticalAffiliation
                  value={unmasked?.politicalAffiliation ?? record.politicalAffiliation}
                  hidden={record.politicalHidden}
                />
              ),
            },
            { key: 'titles', label: t('person.titles'), children: record.titles || '—' },
            { key: 'expertise', label: t('person.expertise'), children: <TagList values={record.expertise} color="cyan" /> },
            {
              key: 'industries',
              label: t('person.industries'),
              children: <TagList values={(record.industries ?? []).map((industry) => industry.name)} color="geekblue" />,
            },
            {
              key: 'bio',
              label: t('person.bio'),
              span: 'filled',
              children: record.bio ? (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{record.bio}</Typography.Paragraph>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Card>
      <Card
        variant="borderless"
        title={t('person.affiliationsTitle', { count: (record.affiliations ?? []).length })}
        style={{ marginBottom: 16 }}
      >
        <Table<Affiliation>
          rowKey="id"
          size="small"
          columns={affiliationColumns}
          dataSource={record.affiliations ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.noAffiliations')} /> }}
        />
      </Card>
      <Card variant="borderless" title={t('org.membershipsTitle', { count: (record.memberships ?? []).length })}>
        <MembershipsTable memberships={record.memberships ?? []} />
      </Card>
      <ReportSources entityType="person" entityId={record.id} />
      {editing ? <PersonFormDrawer person={record} onClose={() => setEditing(false)} onSaved={() => undefined} /> : null}
      {merging ? (
        <MergeModal<PersonDetail>
          type="person"
          current={record}
          suggestions={duplicates.data?.candidates ?? []}
          queryKey="people"
          loadDetail={fetchPerson}
          renderSummary={(personRecord) => <PersonSummary person={personRecord} />}
          merge={(ids) => merge.mutateAsync(ids)}
          onClose={() => setMerging(false)}
          onMerged={(kept) => {
            setMerging(false);
            if (kept.id !== record.id) void navigate(`/directory/people/${encodeURIComponent(kept.id)}`, { replace: true });
          }}
        />
      ) : null}
    </>
  );
}
