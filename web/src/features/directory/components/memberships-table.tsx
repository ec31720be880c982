import { Empty, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { networkKindLabel, tierColors, tierLabel } from '../labels';
import type { MemberMembership } from '../types';

/** The networks an organisation or person belongs to (current and past), each linking to its network. */
export function MembershipsTable({ memberships }: { memberships: readonly MemberMembership[] }) {
  const t = useT();
  const columns: TableProps<MemberMembership>['columns'] = [
    {
      key: 'network',
      title: t('membership.network'),
      // a steady width: with the others fixed, a free column was squeezed to a character a line on a phone
      width: 240,
      render: (_, row) => (
        <Link to={`/directory/networks/${encodeURIComponent(row.network.id)}`}>{row.network.name}</Link>
      ),
    },
    {
      key: 'kind',
      title: t('network.kind'),
      width: 140,
      render: (_, row) => networkKindLabel(t, row.network.kind),
    },
    {
      key: 'tier',
      title: t('membership.tier'),
      width: 140,
      render: (_, row) => <Tag color={tierColors[row.tier]}>{tierLabel(t, row.tier)}</Tag>,
    },
    { key: 'role', title: t('membership.role'), width: 180, render: (_, row) => row.role || '—' },
    { key: 'joinedOn', title: t('membership.joinedOn'), width: 120, render: (_, row) => row.joinedOn ?? '—' },
    {
      key: 'status',
      title: t('membership.status'),
      width: 140,
      render: (_, row) =>
        row.leftOn ? (
          <Typography.Text type="secondary">{t('membership.leftOn', { date: row.leftOn })}</Typography.Text>
        ) : (
          <Tag color="success">{t('membership.current')}</Tag>
        ),
    },
  ];
  return (
    <Table<MemberMembership>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...memberships]}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('membership.empty')} /> }}
      scroll={{ x: 900 }}
    />
  );
}
