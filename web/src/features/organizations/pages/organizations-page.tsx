import { Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { ListActions, ListPage, useListParams, useRowEditing } from '../../../components/list-page';
import { districtLabel } from '../../../lib/districts';
import { formatDateTime } from '../../../lib/format';
import { DistrictFilter, EnumFilter, IndustryFilter, NetworkFilter } from '../../directory/components/list-filter-controls';
import {
  membershipTiers,
  organizationKindColors,
  organizationKindLabel,
  organizationKindOptions,
  organizationKinds,
  pickOne,
  tierOptions,
} from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useDirectoryRowActions } from '../../directory/use-directory-actions';
import { ExportMenu } from '../../io/components/export-menu';
import { ImportModal } from '../../io/components/import-modal';
import {
  organizationSorts,
  useDeleteOrganization,
  useOrganization,
  useOrganizations,
  type OrganizationListItem,
} from '../api';
import { OrganizationFormDrawer } from '../components/organization-form-drawer';

const filterKeys = ['q', 'kind', 'districtCode', 'industryId', 'networkId', 'tier'] as const;

export function OrganizationsPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const params = useListParams({ filterKeys, sorts: organizationSorts, defaultSort: 'name' });
  const { page, pageSize, get, sortable } = params;
  const sort = params.sort ?? 'name';
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const editing = useRowEditing(useOrganization);
  const rowActions = useDirectoryRowActions<OrganizationListItem>('org', editing.start, useDeleteOrganization());

  const filters = {
    q: get('q'),
    kind: pickOne(organizationKinds, get('kind')),
    districtCode: get('districtCode'),
    industryId: get('industryId'),
    networkId: get('networkId'),
    tier: pickOne(membershipTiers, get('tier')),
  };
  const list = useOrganizations({ ...filters, page, pageSize, sort });

  const columns: NonNullable<TableProps<OrganizationListItem>['columns']> = [
    {
      key: 'name',
      title: t('org.name'),
      ...sortable('name'),
      render: (_, row) => (
        <div>
          <Link to={`/directory/organizations/${encodeURIComponent(row.id)}`}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {row.name}
            </Typography.Text>
          </Link>
          {row.aliases?.length ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('org.aliasesInline', { aliases: row.aliases.join('、') })}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('org.kind'),
      width: 130,
      render: (_, row) => <Tag color={organizationKindColors[row.kind] ?? 'default'}>{organizationKindLabel(t, row.kind)}</Tag>,
    },
    {
      key: 'districtCode',
      title: t('org.district'),
      width: 120,
      ...sortable('districtCode'),
      render: (_, row) => districtLabel(row.districtCode, locale, row.districtName) || '—',
    },
    {
      key: 'industries',
      title: t('org.industries'),
      width: 240,
      render: (_, row) =>
        row.industries?.length ? (
          <Space size={[4, 4]} wrap>
            {row.industries.slice(0, 3).map((industry) => (
              <Tag key={industry.id} color="geekblue">
                {industry.name}
              </Tag>
            ))}
            {row.industries.length > 3 ? <Tag>+{row.industries.length - 3}</Tag> : null}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      key: 'uscc',
      title: t('org.uscc'),
      width: 210,
      render: (_, row) => (row.uscc ? <Typography.Text code>{row.uscc}</Typography.Text> : '—'),
    },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      width: 170,
      ...sortable('createdAt'),
      render: (_, row) => formatDateTime(row.createdAt, locale).slice(0, 16),
    },
  ];

  return (
    <ListPage<OrganizationListItem>
      title={t('org.title')}
      subtitle={t('org.subtitle')}
      actions={
        <ListActions
          onImport={canEdit ? () => setImporting(true) : undefined}
          exportMenu={<ExportMenu kind="organizations" filters={{ ...filters, sort }} />}
          onCreate={canEdit ? () => setCreating(true) : undefined}
          createLabel={t('org.create')}
        />
      }
      params={params}
      search={{ placeholder: t('org.searchPlaceholder') }}
      filters={
        <>
          <EnumFilter
            params={params}
            width={150}
            name="kind"
            value={filters.kind}
            options={organizationKindOptions(t)}
            placeholder={t('org.allKinds')}
            label={t('org.kind')}
          />
          <DistrictFilter params={params} width={150} />
          <IndustryFilter params={params} width={180} />
          <NetworkFilter params={params} width={220} />
          <EnumFilter
            params={params}
            width={150}
            name="tier"
            value={filters.tier}
            options={tierOptions(t)}
            placeholder={t('filter.allTiers')}
            label={t('membership.tier')}
          />
        </>
      }
      list={list}
      columns={columns}
      rowActions={rowActions}
      emptyText={{ empty: t('org.empty'), filtered: t('org.emptyFiltered') }}
      totalText={(total) => t('org.total', { total })}
      scrollX={1240}
    >
      {creating ? (
        <OrganizationFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(created) => navigate(`/directory/organizations/${encodeURIComponent(created.id)}`)}
        />
      ) : null}
      {editing.record ? (
        <OrganizationFormDrawer organization={editing.record} onClose={editing.close} onSaved={() => undefined} />
      ) : null}
      {importing ? <ImportModal kind="organizations" title={t('org.importTitle')} onClose={() => setImporting(false)} /> : null}
    </ListPage>
  );
}
