import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Select, Skeleton, Space, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { districtLabel } from '../../../lib/districts';
import { usePageParams } from '../../../lib/use-page-params';
import { DistrictSelect } from '../../directory/components/district-select';
import { ListFilters } from '../../directory/components/list-filters';
import { ListTable } from '../../directory/components/list-table';
import { NetworkSelect } from '../../directory/components/network-select';
import { memberPositions, networkKindLabel, networkKindOptions, networkKinds, pickOne, tierColors, tierLabel } from '../../directory/labels';
import { networkMembersPath } from '../components/network-members';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { ExportMenu } from '../../io/components/export-menu';
import { ImportModal } from '../../io/components/import-modal';
import { useNetworks, useNetworkTree, type NetworkListItem } from '../api';
import { NetworkFormDrawer } from '../components/network-form-drawer';
import { NetworkTree } from '../components/network-tree';

export function NetworksPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const { page, pageSize, get, update } = usePageParams();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const view = get('view') === 'tree' ? 'tree' : 'list';

  const filters = {
    q: get('q'),
    kind: pickOne(networkKinds, get('kind')),
    districtCode: get('districtCode'),
    parentId: get('parentId'),
  };
  const list = useNetworks({ ...filters, page, pageSize });
  const tree = useNetworkTree();
  const active = Object.values(filters).some(Boolean);

  const columns: TableProps<NetworkListItem>['columns'] = [
    {
      key: 'name',
      title: t('network.name'),
      render: (_, row) => (
        <div>
          <Link to={`/directory/networks/${encodeURIComponent(row.id)}`}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {row.name}
            </Typography.Text>
          </Link>
          {row.parent ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('network.parentInline', { name: row.parent.name })}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('network.kind'),
      width: 130,
      render: (_, row) => <Tag>{networkKindLabel(t, row.kind)}</Tag>,
    },
    {
      key: 'district',
      title: t('org.district'),
      width: 110,
      render: (_, row) => districtLabel(row.districtCode, locale, row.districtName) || t('network.citywide'),
    },
    {
      key: 'tiers',
      title: t('network.membersByTier'),
      width: 320,
      render: (_, row) => {
        const tiers = memberPositions.filter((tier) => (row.memberCounts?.[tier] ?? 0) > 0 || (row.declaredCounts?.[tier] ?? 0) > 0);
        if (tiers.length === 0) return <Typography.Text type="secondary">{t('network.noMembers')}</Typography.Text>;
        return (
          <Space size={[4, 4]} wrap>
            {tiers.map((tier) => {
              const declared = row.declaredCounts?.[tier];
              return (
                <Tooltip key={tier} title={declared ? t('network.declaredVsRecorded', { declared, recorded: row.memberCounts[tier] }) : undefined}>
                  <Link to={networkMembersPath(row.id, tier)} aria-label={t('network.showMembersOf', { tier: tierLabel(t, tier) })}>
                    <Tag color={tierColors[tier]} style={{ cursor: 'pointer' }}>
                      {tierLabel(t, tier)} {row.memberCounts?.[tier] ?? 0}
                      {declared ? `/${declared}` : ''}
                    </Tag>
                  </Link>
                </Tooltip>
              );
            })}
          </Space>
        );
      },
    },
    {
      key: 'total',
      title: t('network.total'),
      width: 80,
      align: 'right',
      render: (_, row) => (
        <Link to={networkMembersPath(row.id, 'all')} aria-label={t('network.showAllMembers')}>
          {row.memberCounts?.total ?? 0}
        </Link>
      ),
    },
    { key: 'children', title: t('network.children'), width: 90, align: 'right', render: (_, row) => row.childCount ?? 0 },
  ];

  return (
    <>
      <PageHeader
        title={t('network.title')}
        subtitle={t('network.subtitle')}
        extra={
          <>
            {canEdit ? (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('network.importMembers')}
              </Button>
            ) : null}
            <ExportMenu kind="memberships" filters={{ districtCode: filters.districtCode }} />
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('network.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless">
        <Segmented
          value={view}
          onChange={(value) => update({ view: value === 'tree' ? 'tree' : undefined })}
          options={[
            { value: 'list', label: t('network.viewList') },
            { value: 'tree', label: t('network.viewTree') },
          ]}
          style={{ marginBottom: 16 }}
        />
        {view === 'tree' ? (
          tree.isPending ? (
            <Skeleton active />
          ) : tree.isError ? (
            <QueryError error={tree.error} onRetry={() => void tree.refetch()} />
          ) : (
            <NetworkTree nodes={tree.data} />
          )
        ) : (
          <>
            <ListFilters
              q={filters.q}
              placeholder={t('network.searchPlaceholder')}
              onSearch={(q) => update({ q })}
              active={active}
              onReset={() => update({ q: undefined, kind: undefined, districtCode: undefined, parentId: undefined })}
            >
              <Select
                value={filters.kind}
                options={networkKindOptions(t)}
                placeholder={t('filter.allNetworkKinds')}
                aria-label={t('network.kind')}
                allowClear
                onChange={(kind) => update({ kind })}
                style={{ width: 170 }}
              />
              <DistrictSelect
                value={filters.districtCode}
                placeholder={t('org.allDistricts')}
                aria-label={t('org.district')}
                onChange={(districtCode) => update({ districtCode })}
                style={{ width: 140 }}
              />
              <NetworkSelect
                value={filters.parentId}
                placeholder={t('filter.parentNetwork')}
                aria-label={t('network.parent')}
                onChange={(parentId) => update({ parentId })}
                style={{ width: 240 }}
              />
            </ListFilters>
            <ListTable<NetworkListItem>
              list={list}
              columns={columns}
              page={page}
              pageSize={pageSize}
              onChange={(pagination) =>
                  update({ page: pagination.current, pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize })
                }
              emptyText={active ? t('network.emptyFiltered') : t('network.empty')}
              totalText={(total) => t('network.totalCount', { total })}
              scrollX={1000}
            />
          </>
        )}
      </Card>
      {creating ? (
        <NetworkFormDrawer
          defaultParentId={filters.parentId}
          onClose={() => setCreating(false)}
          onSaved={(created) => navigate(`/directory/networks/${encodeURIComponent(created.id)}`)}
        />
      ) : null}
      {importing ? (
        <ImportModal kind="memberships" title={t('network.importMembersTitle')} onClose={() => setImporting(false)} />
      ) : null}
    </>
  );
}
