import { App, Button, Dropdown, Empty, Popconfirm, Space, Table, Tabs, Tag, type TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { memberPositions, organizationKindLabel, positionOptions, tierColors, tierLabel } from '../../directory/labels';
import type { MemberPosition } from '../../directory/types';
import { useUpdateMember, type NetworkDetail, type NetworkMember } from '../api';
import { leaveToday } from '../membership-dates';

/** The URL of a network's members of one tier or role (or all): the tabs below read it, tier cards and list tags link to it. */
export const networkMembersPath = (networkId: string, tier: MemberPosition | 'all') =>
  `/directory/networks/${encodeURIComponent(networkId)}?tier=${tier}`;

/**
 * Current members grouped by tier or person role (one tab each, with counts; the tab is `?tier=` in the
 * URL, so that it can be linked and shared), with tier or role changes and leaving.
 */
export function NetworkMembers({
  network,
  canEdit,
  onAdd,
}: {
  network: NetworkDetail;
  canEdit: boolean;
  onAdd: (tier?: MemberPosition) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const updateMember = useUpdateMember(network.id);
  const members = network.members ?? [];
  const tiers = memberPositions.filter(
    (tier) => members.some((member) => member.tier === tier) || (network.declaredCounts?.[tier] ?? 0) > 0,
  );
  const [params, setParams] = useSearchParams();
  const activeTier = params.get('tier');
  const active = activeTier && (activeTier === 'all' || tiers.some((tier) => tier === activeTier)) ? activeTier : (tiers[0] ?? 'all');
  const setActiveTier = (tier: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('tier', tier);
        return next;
      },
      { replace: true },
    );

  const change = (member: NetworkMember, changes: Parameters<typeof updateMember.mutateAsync>[0]['changes'], done: string) =>
    updateMember.mutateAsync({ membershipId: member.id, changes }).then(
      () => void message.success(done),
      (error: unknown) => void message.error(errorMessage(error, t)),
    );

  const memberName = (member: NetworkMember) => member.organization?.name ?? member.person?.name ?? member.outside?.name ?? '—';

  const columns: TableProps<NetworkMember>['columns'] = [
    {
      key: 'name',
      title: t('network.memberName'),
      // a fixed share of the row: without it the other columns' widths squeeze the name to two characters
      width: 220,
      render: (_, member) =>
        member.organization ? (
          <Link to={`/directory/organizations/${encodeURIComponent(member.organization.id)}`}>{member.organization.name}</Link>
        ) : member.person ? (
          <Link to={`/directory/people/${encodeURIComponent(member.person.id)}`}>{member.person.name}</Link>
        ) : (
          // outside the viewer's scope: the name only, unlinked and read-only (docs/ACCESS.md)
          memberName(member)
        ),
    },
    {
      key: 'type',
      title: t('network.memberType'),
      width: 110,
      render: (_, member) =>
        member.organization ? organizationKindLabel(t, member.organization.kind) : member.person ? t('network.personMember') : '—',
    },
    ...(active === 'all'
      ? [
          {
            key: 'tier',
            title: t('membership.position'),
            width: 130,
            render: (_: unknown, member: NetworkMember) => <Tag color={tierColors[member.tier]}>{tierLabel(t, member.tier)}</Tag>,
          },
        ]
      : []),
    { key: 'role', title: t('membership.role'), width: 160, render: (_, member) => member.role || '—' },
    { key: 'joinedOn', title: t('membership.joinedOn'), width: 120, render: (_, member) => member.joinedOn ?? '—' },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 190,
            fixed: 'right' as const,
            render: (_: unknown, member: NetworkMember) =>
              member.outside ? null : (
              <Space size={0}>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: positionOptions(t, member.person ? 'person' : 'organization')
                      .filter((option) => option.value !== member.tier)
                      .map((option) => ({ key: option.value, label: option.label })),
                    onClick: ({ key }) =>
                      void change(
                        member,
                        { tier: key as MemberPosition },
                        t('network.tierChanged', { name: memberName(member), tier: tierLabel(t, key) }),
                      ),
                  }}
                >
                  <Button type="link" size="small">{member.person ? t('network.changeRole') : t('network.changeTier')}</Button>
                </Dropdown>
                <Popconfirm
                  title={t('network.leaveConfirm', { name: memberName(member) })}
                  description={t('network.leaveConfirmHint')}
                  okText={t('network.markLeft')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    change(member, leaveToday(), t('network.markedLeft', { name: memberName(member) }))
                  }
                >
                  <Button type="link" size="small" danger>
                    {t('network.markLeft')}
                  </Button>
                </Popconfirm>
              </Space>
              ),
          },
        ]
      : []),
  ];

  const table = (rows: NetworkMember[]) => (
    <Table<NetworkMember>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('network.noMembersInTier')} /> }}
      tableLayout="fixed"
      scroll={{ x: columns.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 0), 0) }}
    />
  );

  return (
    <Tabs
      activeKey={active}
      onChange={setActiveTier}
      tabBarExtraContent={
        canEdit ? (
          <Button type="primary" ghost onClick={() => onAdd(active === 'all' ? undefined : (active as MemberPosition))}>
            {t('network.addMember')}
          </Button>
        ) : null
      }
      items={[
        ...tiers.map((tier) => {
          const rows = members.filter((member) => member.tier === tier);
          return { key: tier, label: `${tierLabel(t, tier)} ${rows.length}`, children: table(rows) };
        }),
        { key: 'all', label: t('network.allMembers', { count: members.length }), children: table(members) },
      ]}
    />
  );
}
