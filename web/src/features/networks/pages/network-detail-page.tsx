import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { DetailHeader, detailFallback } from '../../../components/detail-header';
import { districtLabel } from '../../../lib/districts';
import { detailDescriptionStyles, useDirectoryTrail } from '../../directory/components/directory-breadcrumb';
import { networkKindLabel } from '../../directory/labels';
import type { MemberPosition } from '../../directory/types';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { useDirectoryDelete } from '../../directory/use-directory-actions';
import { ExportMenu } from '../../io/components/export-menu';
import { useDeleteNetwork, useNetwork, useNetworkTree } from '../api';
import { AddMemberModal } from '../components/add-member-modal';
import { NetworkFormDrawer } from '../components/network-form-drawer';
import { NetworkHistory } from '../components/network-history';
import { NetworkMembers } from '../components/network-members';
import { NetworkTree } from '../components/network-tree';
import { TierStats } from '../components/tier-stats';

type Drawer = { kind: 'edit' } | { kind: 'child' } | { kind: 'member'; tier?: MemberPosition } | null;

export function NetworkDetailPage() {
  const { id } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const trail = useDirectoryTrail('networks');
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const network = useNetwork(id);
  const tree = useNetworkTree();
  const remove = useDirectoryDelete('network', network.data, useDeleteNetwork());
  const [open, setOpen] = useState<Drawer>(null);
  const record = network.data;

  if (!record) return detailFallback(network, trail);

  const currentIds = (record.members ?? []).flatMap((member) => [member.organization?.id, member.person?.id].filter((x): x is string => Boolean(x)));

  return (
    <>
      <DetailHeader
        trail={trail}
        name={record.name}
        title={
          <>
            {record.name} <Tag style={{ verticalAlign: 'middle' }}>{networkKindLabel(t, record.kind)}</Tag>
          </>
        }
        subtitle={
          record.parent ? (
            <>
              {t('network.parent')}
              {t('shell.colon')}
              <Link to={`/directory/networks/${encodeURIComponent(record.parent.id)}`}>{record.parent.name}</Link>
            </>
          ) : undefined
        }
        extra={
          <>
            <ExportMenu kind="memberships" filters={{ networkId: record.id }} />
            {canEdit ? (
              <Button icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'child' })}>
                {t('network.addChild')}
              </Button>
            ) : null}
          </>
        }
        onEdit={canEdit ? () => setOpen({ kind: 'edit' }) : undefined}
        remove={remove}
      />
      <TierStats network={record} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card id="members" variant="borderless" title={t('network.membersTitle')} style={{ marginBottom: 16 }}>
            <NetworkMembers network={record} canEdit={canEdit} onAdd={(tier) => setOpen({ kind: 'member', tier })} />
          </Card>
          <Card variant="borderless" title={t('detail.basicInfo')} style={{ marginBottom: 16 }}>
            <Descriptions
              bordered
              styles={detailDescriptionStyles}
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'kind', label: t('network.kind'), children: networkKindLabel(t, record.kind) },
                {
                  key: 'district',
                  label: t('org.district'),
                  children: districtLabel(record.districtCode, locale, record.districtName) || t('network.citywide'),
                },
                {
                  key: 'children',
                  label: t('network.children'),
                  span: 'filled',
                  children: (record.children ?? []).length ? (
                    <Space size={[4, 4]} wrap>
                      {record.children.map((child) => (
                        <Link key={child.id} to={`/directory/networks/${encodeURIComponent(child.id)}`}>
                          <Tag color="blue">{child.name}</Tag>
                        </Link>
                      ))}
                    </Space>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'description',
                  label: t('network.description'),
                  span: 'filled',
                  children: record.description ? (
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{record.description}</Typography.Paragraph>
                  ) : (
                    '—'
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card variant="borderless" title={t('network.structure')} style={{ marginBottom: 16 }}>
            {tree.data ? <NetworkTree nodes={tree.data} focusId={record.id} /> : <Skeleton active />}
          </Card>
          <Card variant="borderless" title={t('network.history')}>
            <NetworkHistory history={record.history ?? []} />
          </Card>
        </Col>
      </Row>
      {open?.kind === 'edit' ? <NetworkFormDrawer network={record} onClose={() => setOpen(null)} onSaved={() => undefined} /> : null}
      {open?.kind === 'child' ? (
        <NetworkFormDrawer
          defaultParentId={record.id}
          onClose={() => setOpen(null)}
          onSaved={(created) => navigate(`/directory/networks/${encodeURIComponent(created.id)}`)}
        />
      ) : null}
      {open?.kind === 'member' ? (
        <AddMemberModal networkId={record.id} defaultTier={open.tier} currentIds={currentIds} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}
