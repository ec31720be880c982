import { CrownOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import type { ChainNode, Industry } from '../api';

/** The side panel of one industry: its chain neighbours, its 链长 and its organisations. */
export function IndustryPanel({
  industry,
  node,
  industries,
  onSelect,
  onClose,
}: {
  industry: Industry | undefined;
  node: ChainNode | undefined;
  industries: readonly Industry[];
  onSelect: (id: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const name = industry?.name ?? node?.name ?? '';
  const byId = new Map(industries.map((item) => [item.id, item]));
  const neighbours = (ids: readonly string[] | undefined) =>
    ids && ids.length > 0 ? (
      <Space size={[4, 4]} wrap>
        {ids.map((id) => (
          <Tag key={id} color="blue" style={{ cursor: 'pointer' }} onClick={() => onSelect(id)}>
            {byId.get(id)?.name ?? id}
          </Tag>
        ))}
      </Space>
    ) : (
      '—'
    );
  const parent = industry?.parentId ? byId.get(industry.parentId) : undefined;
  const organizations = node?.organizations ?? [];
  const leaders = node?.chainLeaders ?? [];
  const count = node?.organizationCount ?? industry?.organizationCount ?? 0;

  return (
    <Drawer open mask={false} size={420} title={name} onClose={onClose} data-testid="industry-panel">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'parent', label: t('industry.parent'), children: parent ? parent.name : '—' },
          { key: 'count', label: t('industry.organizationCount'), children: count },
          { key: 'upstream', label: t('industry.upstream'), children: neighbours(industry?.upstreamIds) },
          { key: 'downstream', label: t('industry.downstream'), children: neighbours(industry?.downstreamIds) },
          ...(industry?.description ? [{ key: 'description', label: t('industry.description'), children: industry.description }] : []),
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 15, marginTop: 16 }}>
        <CrownOutlined style={{ color: '#c8102e' }} /> {t('industry.chainLeaders', { count: leaders.length })}
      </Typography.Title>
      {leaders.length > 0 ? (
        <ul className="tx-plain-list">
          {leaders.map((leader) => (
            <li key={leader.id}>
              <Link to={`/directory/organizations/${encodeURIComponent(leader.id)}`}>{leader.name}</Link>
              <Tag color="gold">{t('tier.chain_leader')}</Tag>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('industry.noChainLeader')} />
      )}
      <Typography.Title level={2} style={{ fontSize: 15, marginTop: 16 }}>
        {t('industry.organizations', { count })}
      </Typography.Title>
      {organizations.length > 0 ? (
        <ul className="tx-plain-list">
          {organizations.map((organization) => (
            <li key={organization.id}>
              <Link to={`/directory/organizations/${encodeURIComponent(organization.id)}`}>{organization.name}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('industry.noOrganizations')} />
      )}
      {industry ? (
        <Link to={`/directory/organizations?industryId=${encodeURIComponent(industry.id)}`}>
          <Button type="link" style={{ paddingInline: 0, marginTop: 8 }}>
            {t('industry.viewAll')}
          </Button>
        </Link>
      ) : null}
    </Drawer>
  );
}
