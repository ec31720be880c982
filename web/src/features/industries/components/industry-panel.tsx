import { ArrowDownOutlined, ArrowUpOutlined, CrownOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../../../lib/error-message';
import { useDeleteIndustry, useMoveIndustry } from '../api';
import { IndustryLinksEditor } from './industry-links-editor';
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
  canEdit = false,
  onEdit,
  onAddChild,
}: {
  industry: Industry | undefined;
  node: ChainNode | undefined;
  industries: readonly Industry[];
  onSelect: (id: string) => void;
  onClose: () => void;
  /** administrators edit the taxonomy and its chain links here */
  canEdit?: boolean;
  onEdit?: (industry: Industry) => void;
  onAddChild?: (industry: Industry) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const remove = useDeleteIndustry();
  const move = useMoveIndustry();
  const onMove = (target: Industry, direction: 'up' | 'down') =>
    move.mutate({ id: target.id, direction }, { onError: (error) => void message.error(errorMessage(error, t)) });
  const editing = canEdit && industry !== undefined;
  const links = (direction: 'upstream' | 'downstream') =>
    editing ? (
      <IndustryLinksEditor industry={industry} industries={industries} direction={direction} onSelect={onSelect} />
    ) : (
      neighbours(direction === 'upstream' ? industry?.upstreamIds : industry?.downstreamIds)
    );
  const onDelete = (target: Industry) =>
    remove.mutateAsync(target.id).then(
      () => {
        void message.success(t('industryAdmin.deleted', { name: target.name }));
        onClose();
      },
      (error: unknown) => void message.error(errorMessage(error, t)),
    );
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
    <Drawer
      open
      mask={false}
      size={420}
      title={name}
      onClose={onClose}
      data-testid="industry-panel"
      extra={
        editing ? (
          <Space size={4} wrap>
            <Button size="small" icon={<EditOutlined />} onClick={() => onEdit?.(industry)}>
              {t('common.edit')}
            </Button>
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={t('industryAdmin.moveUp')}
              title={t('industryAdmin.moveUp')}
              loading={move.isPending}
              onClick={() => onMove(industry, 'up')}
            />
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={t('industryAdmin.moveDown')}
              title={t('industryAdmin.moveDown')}
              loading={move.isPending}
              onClick={() => onMove(industry, 'down')}
            />
            <Button size="small" icon={<PlusOutlined />} onClick={() => onAddChild?.(industry)}>
              {t('industryAdmin.addChild')}
            </Button>
            <Popconfirm
              title={t('industryAdmin.deleteConfirm', { name: industry.name })}
              description={t('industryAdmin.deleteConfirmHint')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onDelete(industry)}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'parent', label: t('industry.parent'), children: parent ? parent.name : '—' },
          { key: 'count', label: t('industry.organizationCount'), children: count },
          { key: 'upstream', label: t('industry.upstream'), children: links('upstream') },
          { key: 'downstream', label: t('industry.downstream'), children: links('downstream') },
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
