import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { districtLabel } from '../../../lib/districts';
import { sortFromSorter, sortOrderOf } from '../../../lib/table-sort';
import { usePageParams } from '../../../lib/use-page-params';
import { DistrictSelect } from '../../directory/components/district-select';
import { IndustrySelect } from '../../directory/components/industry-select';
import { ListFilters } from '../../directory/components/list-filters';
import { ListTable } from '../../directory/components/list-table';
import { NetworkSelect } from '../../directory/components/network-select';
import { RecordSelect } from '../../directory/components/record-select';
import { personRoleColors, personRoleLabel, personRoleOptions, personRoles, pickOne } from '../../directory/labels';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { ExportMenu } from '../../io/components/export-menu';
import { ImportModal } from '../../io/components/import-modal';
import { useOrganization } from '../../organizations/api';
import { personSorts, usePeople, type PersonListItem, type PersonSort } from '../api';
import { PersonFormDrawer } from '../components/person-form-drawer';

export function PeoplePage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const { page, pageSize, get, update } = usePageParams();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const filters = {
    q: get('q'),
    role: pickOne(personRoles, get('role')),
    districtCode: get('districtCode'),
    industryId: get('industryId'),
    networkId: get('networkId'),
    organizationId: get('organizationId'),
  };
  const sort: PersonSort = pickOne(personSorts, get('sort')) ?? 'name';
  const list = usePeople({ ...filters, page, pageSize, sort });
  // the organisation filter shows a name, also when the page is opened from a link
  const filterOrganization = useOrganization(filters.organizationId);
  const active = Object.values(filters).some(Boolean);

  const columns: TableProps<PersonListItem>['columns'] = [
    {
      key: 'name',
      title: t('person.name'),
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (_, row) => (
        <Link to={`/directory/people/${encodeURIComponent(row.id)}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {row.name}
          </Typography.Text>
        </Link>
      ),
    },
    {
      key: 'roles',
      title: t('person.roles'),
      width: 170,
      render: (_, row) => (
        <Space size={[4, 4]} wrap>
          {(row.roles ?? []).map((role) => (
            <Tag key={role} color={personRoleColors[role]}>
              {personRoleLabel(t, role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'titles',
      title: t('person.titles'),
      ellipsis: { showTitle: true },
      render: (_, row) => row.titles || '—',
    },
    {
      key: 'district',
      title: t('org.district'),
      width: 110,
      render: (_, row) => districtLabel(row.districtCode, locale, row.districtName) || '—',
    },
    { key: 'phone', title: t('person.phone'), width: 140, render: (_, row) => row.phone ?? '—' },
    { key: 'email', title: t('person.email'), width: 190, ellipsis: true, render: (_, row) => row.email ?? '—' },
  ];

  const onTableChange: TableProps<PersonListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
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
        title={t('person.title')}
        subtitle={t('person.subtitle')}
        extra={
          <>
            {canEdit ? (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('import.button')}
              </Button>
            ) : null}
            <ExportMenu kind="people" filters={{ ...filters, sort }} unmaskable />
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('person.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless">
        <ListFilters
          q={filters.q}
          placeholder={t('person.searchPlaceholder')}
          onSearch={(q) => update({ q })}
          active={active}
          onReset={() =>
            update({
              q: undefined,
              role: undefined,
              districtCode: undefined,
              industryId: undefined,
              networkId: undefined,
              organizationId: undefined,
            })
          }
        >
          <Select
            value={filters.role}
            options={personRoleOptions(t)}
            placeholder={t('filter.allRoles')}
            aria-label={t('person.roles')}
            allowClear
            onChange={(role) => update({ role })}
            style={{ width: 130 }}
          />
          <DistrictSelect
            value={filters.districtCode}
            placeholder={t('org.allDistricts')}
            aria-label={t('org.district')}
            onChange={(districtCode) => update({ districtCode })}
            style={{ width: 140 }}
          />
          <IndustrySelect
            value={filters.industryId}
            placeholder={t('filter.allIndustries')}
            aria-label={t('org.industries')}
            onChange={(industryId) => update({ industryId: typeof industryId === 'string' ? industryId : undefined })}
            style={{ width: 170 }}
          />
          <NetworkSelect
            value={filters.networkId}
            placeholder={t('filter.allNetworks')}
            aria-label={t('membership.network')}
            onChange={(networkId) => update({ networkId })}
            style={{ width: 200 }}
          />
          <RecordSelect
            type="organization"
            value={filters.organizationId}
            known={filterOrganization.data ? [{ id: filterOrganization.data.id, name: filterOrganization.data.name }] : []}
            placeholder={t('filter.organization')}
            aria-label={t('filter.organization')}
            onChange={(organizationId) => update({ organizationId })}
            style={{ width: 200 }}
          />
        </ListFilters>
        <ListTable<PersonListItem>
          list={list}
          columns={columns}
          page={page}
          pageSize={pageSize}
          onChange={onTableChange}
          emptyText={active ? t('person.emptyFiltered') : t('person.empty')}
          totalText={(total) => t('person.total', { total })}
          scrollX={1000}
        />
      </Card>
      {creating ? (
        <PersonFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(created) => navigate(`/directory/people/${encodeURIComponent(created.id)}`)}
        />
      ) : null}
      {importing ? <ImportModal kind="people" title={t('person.importTitle')} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
