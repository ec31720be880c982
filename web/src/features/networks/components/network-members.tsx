import { App, Button, Dropdown, Empty, Popconfirm, Space, Table, Tabs, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { membershipTiers, organizationKindLabel, tierColors } from '../../directory/labels';
import type { MembershipTier } from '../../directory/types';
import { useUpdateMember, type NetworkDetail, type NetworkMember } from '../api';
import { leaveToday } from '../membership-dates';

/** Current members grouped by tier (one tab each, with counts), with tier changes and leaving. */
export function NetworkMembers({
  network,
  canEdit,
  onAdd,
}: {
  network: NetworkDetail;
  canEdit: boolean;
  onAdd: (tier?: MembershipTier) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const updateMember = useUpdateMember(network.id);
  const members = network.members ?? [];
  const tiers = membershipTiers.filter(
    (tier) => members.some((member) => member.tier === tier) || (network.declaredCounts?.[tier] ?? 0) > 0,
  );
  const [activeTier, setActiveTier] = useState<string>();
  const active = activeTier && (activeTier === 'all' || tiers.some((tier) => tier === activeTier)) ? activeTier : (tiers[0] ?? 'all');

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
            title: t('membership.tier'),
            width: 130,
            render: (_: unknown, member: NetworkMember) => <Tag color={tierColors[member.tier]}>{t(`tier.${member.tier}`)}</Tag>,
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
                    items: membershipTiers
                      .filter((tier) => tier !== member.tier)
                      .map((tier) => ({ key: tier, label: t(`tier.${tier}`) })),
                    onClick: ({ key }) =>
                      void change(
                        member,
                        { tier: key as MembershipTier },
                        t('network.tierChanged', { name: memberName(member), tier: t(`tier.${key as MembershipTier}`) }),
                      ),
                  }}
                >
                  <Button type="link" size="small">{t('network.changeTier')}</Button>
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
      scroll={{ x: 760 }}
    />
  );

  return (
    <Tabs
      activeKey={active}
      onChange={setActiveTier}
      tabBarExtraContent={
        canEdit ? (
          <Button type="primary" ghost onClick={() => onAdd(active === 'all' ? undefined : (active as MembershipTier))}>
            {t('network.addMember')}
          </Button>
        ) : null
      }
      items={[
        ...tiers.map((tier) => {
          const rows = members.filter((member) => member.tier === tier);
          return { key: tier, label: `${t(`tier.${tier}`)} ${rows.length}`, children: table(rows) };
        }),
        { key: 'all', label: t('network.allMembers', { count: members.length }), children: table(members) },
      ]}
    />
  );
}
