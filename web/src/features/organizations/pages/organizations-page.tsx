import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { districtLabel } from '../../../lib/districts';
import { formatDateTime } from '../../../lib/format';
import { sortFromSorter, sortOrderOf } from '../../../lib/table-sort';
import { usePageParams } from '../../../lib/use-page-params';
import { DistrictSelect } from '../../directory/components/district-select';
import { IndustrySelect } from '../../directory/components/industry-select';
import { ListFilters } from '../../directory/components/list-filters';
import { ListTable } from '../../directory/components/list-table';
import { NetworkSelect } from '../../directory/components/network-select';
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
import { ExportMenu } from '../../io/components/export-menu';
import { ImportModal } from '../../io/components/import-modal';
import { organizationSorts, useOrganizations, type OrganizationListItem, type OrganizationSort } from '../api';
import { OrganizationFormDrawer } from '../components/organization-form-drawer';

export function OrganizationsPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const { page, pageSize, get, update } = usePageParams();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const filters = {
    q: get('q'),
    kind: pickOne(organizationKinds, get('kind')),
    districtCode: get('districtCode'),
    industryId: get('industryId'),
    networkId: get('networkId'),
    tier: pickOne(membershipTiers, get('tier')),
  };
  const sort: OrganizationSort = pickOne(organizationSorts, get('sort')) ?? 'name';
  const list = useOrganizations({ ...filters, page, pageSize, sort });
  const active = Object.values(filters).some(Boolean);

  const columns: TableProps<OrganizationListItem>['columns'] = [
    {
      key: 'name',
      title: t('org.name'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
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
      sorter: true,
      sortOrder: sortOrderOf(sort, 'districtCode'),
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
      sorter: true,
      sortOrder: sortOrderOf(sort, 'createdAt'),
      render: (_, row) => formatDateTime(row.createdAt, locale).slice(0, 16),
    },
  ];

  const onTableChange: TableProps<OrganizationListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const next = sortFromSorter(sorter, 'name');
      update({ sort: next === 'name' ? undefined : next });
      return;
    }
    update({ page: pagination.current, pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize });
  };

  return (
    <>
      <PageHeader
        title={t('org.title')}
        subtitle={t('org.subtitle')}
        extra={
          <>
            {canEdit ? (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('import.button')}
              </Button>
            ) : null}
            <ExportMenu kind="organizations" filters={{ ...filters, sort }} />
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('org.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless">
        <ListFilters
          q={filters.q}
          placeholder={t('org.searchPlaceholder')}
          onSearch={(q) => update({ q })}
          active={active}
          onReset={() =>
            update({ q: undefined, kind: undefined, districtCode: undefined, industryId: undefined, networkId: undefined, tier: undefined })
          }
        >
          <Select
            value={filters.kind}
            options={organizationKindOptions(t)}
            placeholder={t('org.allKinds')}
            aria-label={t('org.kind')}
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
          <IndustrySelect
            value={filters.industryId}
            placeholder={t('filter.allIndustries')}
            aria-label={t('org.industries')}
            onChange={(industryId) => update({ industryId: typeof industryId === 'string' ? industryId : undefined })}
            style={{ width: 180 }}
          />
          <NetworkSelect
            value={filters.networkId}
            placeholder={t('filter.allNetworks')}
            aria-label={t('membership.network')}
            onChange={(networkId) => update({ networkId })}
            style={{ width: 220 }}
          />
          <Select
            value={filters.tier}
            options={tierOptions(t)}
            placeholder={t('filter.allTiers')}
            aria-label={t('membership.tier')}
            allowClear
            onChange={(tier) => update({ tier })}
            style={{ width: 150 }}
          />
        </ListFilters>
        <ListTable<OrganizationListItem>
          list={list}
          columns={columns}
          page={page}
          pageSize={pageSize}
          onChange={onTableChange}
          emptyText={active ? t('org.emptyFiltered') : t('org.empty')}
          totalText={(total) => t('org.total', { total })}
          scrollX={1100}
        />
      </Card>
      {creating ? (
        <OrganizationFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(created) => navigate(`/directory/organizations/${encodeURIComponent(created.id)}`)}
        />
      ) : null}
      {importing ? <ImportModal kind="organizations" title={t('org.importTitle')} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
