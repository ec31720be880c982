import { Card, Empty, Flex, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { districtLabel, districtOptions } from '../../../lib/districts';
import { usePageParams } from '../../../lib/use-page-params';
import {
  organizationKinds,
  organizationSorts,
  useOrganizations,
  type OrganizationKind,
  type OrganizationListItem,
  type OrganizationSort,
} from '../api';

const kindColors: Record<OrganizationKind, string> = {
  enterprise: 'blue',
  soe: 'red',
  university: 'purple',
  institute: 'geekblue',
  bank: 'gold',
  association: 'cyan',
  government: 'volcano',
  party_org: 'magenta',
  park_operator: 'green',
  other: 'default',
};

function isKind(value: string | undefined): value is OrganizationKind {
  return organizationKinds.some((kind) => kind === value);
}

function isSort(value: string | undefined): value is OrganizationSort {
  return organizationSorts.some((sort) => sort === value);
}

export function OrganizationsPage() {
  const t = useT();
  const { locale } = useLocale();
  const { page, pageSize, get, update } = usePageParams();
  const q = get('q');
  const rawKind = get('kind');
  const kind = isKind(rawKind) ? rawKind : undefined;
  const districtCode = get('districtCode');
  const rawSort = get('sort');
  const sort: OrganizationSort = isSort(rawSort) ? rawSort : 'name';

  const list = useOrganizations({ q, kind, districtCode, page, pageSize, sort });

  const kindOptions = useMemo(
    () => organizationKinds.map((value) => ({ value, label: t(`orgKind.${value}`) })),
    [t],
  );

  const columns: TableProps<OrganizationListItem>['columns'] = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('org.name'),
      sorter: true,
      // the list is always sorted: a third click goes back to ascending instead of "unsorted"
      sortDirections: ['ascend', 'descend', 'ascend'],
      sortOrder: sort === 'name' ? 'ascend' : sort === '-name' ? 'descend' : null,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('org.kind'),
      width: 160,
      render: (value: OrganizationKind) => (
        <Tag color={kindColors[value] ?? 'default'}>{isKind(value) ? t(`orgKind.${value}`) : value}</Tag>
      ),
    },
    {
      key: 'district',
      title: t('org.district'),
      width: 140,
      render: (_, row) => districtLabel(row.districtCode, locale, row.districtName) || '—',
    },
    {
      key: 'uscc',
      dataIndex: 'uscc',
      title: t('org.uscc'),
      width: 220,
      render: (uscc: string | null) =>
        uscc ? <Typography.Text code copyable={{ text: uscc }}>{uscc}</Typography.Text> : '—',
    },
  ];

  const onTableChange: TableProps<OrganizationListItem>['onChange'] = (pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const nextSort = single?.order === 'descend' ? '-name' : 'name';
    const sortChanged = nextSort !== sort;
    update({
      page: sortChanged ? 1 : pagination.current,
      pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize,
      sort: nextSort === 'name' ? undefined : nextSort,
    });
  };

  return (
    <>
      <PageHeader title={t('org.title')} />
      <Card variant="borderless">
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            key={q ?? ''}
            defaultValue={q}
            placeholder={t('org.searchPlaceholder')}
            aria-label={t('org.searchPlaceholder')}
            enterButton={t('common.search')}
            allowClear
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 360, maxWidth: '100%' }}
          />
          <Select<OrganizationKind>
            value={kind}
            options={kindOptions}
            placeholder={t('org.allKinds')}
            aria-label={t('org.kind')}
            allowClear
            onChange={(value) => update({ kind: value })}
            style={{ width: 180 }}
          />
          <Select<string>
            value={districtCode}
            options={districtOptions(locale)}
            placeholder={t('org.allDistricts')}
            aria-label={t('org.district')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(value) => update({ districtCode: value })}
            style={{ width: 180 }}
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<OrganizationListItem>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            locale={{ emptyText: <Empty description={t('org.empty')} /> }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('org.total', { total }),
            }}
            scroll={{ x: 720 }}
          />
        )}
      </Card>
    </>
  );
}
