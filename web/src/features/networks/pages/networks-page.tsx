import { Segmented, Skeleton, Space, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { ListActions, ListPage, useListParams, useRowEditing } from '../../../components/list-page';
import { QueryError } from '../../../components/query-error';
import { districtLabel } from '../../../lib/districts';
import { DistrictFilter, EnumFilter, NetworkFilter } from '../../directory/components/list-filter-controls';
import { memberPositions, networkKindLabel, networkKindOptions, networkKinds, pickOne, tierColors, tierLabel } from '../../directory/labels';
import { networkMembersPath } from '../components/network-members';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useDirectoryRowActions } from '../../directory/use-directory-actions';
import { ExportMenu } from '../../io/components/export-menu';
import { ImportModal } from '../../io/components/import-modal';
import { useDeleteNetwork, useNetwork, useNetworks, useNetworkTree, type NetworkListItem } from '../api';
import { NetworkFormDrawer } from '../components/network-form-drawer';
import { NetworkTree } from '../components/network-tree';

const filterKeys = ['q', 'kind', 'districtCode', 'parentId'] as const;

export function NetworksPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const params = useListParams({ filterKeys });
  const { page, pageSize, get, update } = params;
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const editing = useRowEditing(useNetwork);
  const rowActions = useDirectoryRowActions<NetworkListItem>('network', editing.start, useDeleteNetwork());
  const view = get('view') === 'tree' ? 'tree' : 'list';

  const filters = {
    q: get('q'),
    kind: pickOne(networkKinds, get('kind')),
    districtCode: get('districtCode'),
    parentId: get('parentId'),
  };
  const list = useNetworks({ ...filters, page, pageSize });
  const tree = useNetworkTree();

  const columns: NonNullable<TableProps<NetworkListItem>['columns']> = [
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
    <ListPage<NetworkListItem>
      title={t('network.title')}
      subtitle={t('network.subtitle')}
      actions={
        <ListActions
          onImport={canEdit ? () => setImporting(true) : undefined}
          importLabel={t('network.importMembers')}
          exportMenu={<ExportMenu kind="memberships" filters={{ districtCode: filters.districtCode }} />}
          onCreate={canEdit ? () => setCreating(true) : undefined}
          createLabel={t('network.create')}
        />
      }
      params={params}
      above={
        <Segmented
          value={view}
          onChange={(value) => update({ view: value === 'tree' ? 'tree' : undefined })}
          options={[
            { value: 'list', label: t('network.viewList') },
            { value: 'tree', label: t('network.viewTree') },
          ]}
          style={{ marginBottom: 16 }}
        />
      }
      alternate={
        view !== 'tree' ? undefined : tree.isPending ? (
          <Skeleton active />
        ) : tree.isError ? (
          <QueryError error={tree.error} onRetry={() => void tree.refetch()} />
        ) : (
          <NetworkTree nodes={tree.data} />
        )
      }
      search={{ placeholder: t('network.searchPlaceholder') }}
      filters={
        <>
          <EnumFilter
            params={params}
            width={170}
            name="kind"
            value={filters.kind}
            options={networkKindOptions(t)}
            placeholder={t('filter.allNetworkKinds')}
            label={t('network.kind')}
          />
          <DistrictFilter params={params} width={140} />
          <NetworkFilter params={params} width={240} name="parentId" />
        </>
      }
      list={list}
      columns={columns}
      rowActions={rowActions}
      emptyText={{ empty: t('network.empty'), filtered: t('network.emptyFiltered') }}
      totalText={(total) => t('network.totalCount', { total })}
      scrollX={1140}
    >
      {creating ? (
        <NetworkFormDrawer
          defaultParentId={filters.parentId}
          onClose={() => setCreating(false)}
          onSaved={(created) => navigate(`/directory/networks/${encodeURIComponent(created.id)}`)}
        />
      ) : null}
      {editing.record ? <NetworkFormDrawer network={editing.record} onClose={editing.close} onSaved={() => undefined} /> : null}
      {importing ? (
        <ImportModal kind="memberships" title={t('network.importMembersTitle')} onClose={() => setImporting(false)} />
      ) : null}
    </ListPage>
  );
}
