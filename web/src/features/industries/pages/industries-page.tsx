import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Space, Tree, Typography } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useCurrentUser } from '../../../app/auth/require-auth';
import { useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { usePageParams } from '../../../lib/use-page-params';
import { industryTree, useIndustries, useIndustryChain, type Industry, type IndustryTreeNode } from '../api';
import { IndustryFormModal } from '../components/industry-form-modal';
import { IndustryPanel } from '../components/industry-panel';

type Editing = { industry?: Industry; parentId?: string } | null;

// ECharts lives in this chunk only: the rest of the app never loads it.
const IndustryChainGraph = lazy(async () => ({
  default: (await import('../components/industry-chain-graph')).IndustryChainGraph,
}));

function toTreeData(nodes: readonly IndustryTreeNode[]): { key: string; title: string; count: number; children: ReturnType<typeof toTreeData> }[] {
  return nodes.map((node) => ({ key: node.key, title: node.title, count: node.count, children: toTreeData(node.children) }));
}

export function IndustriesPage() {
  const t = useT();
  const { get, update } = usePageParams();
  const isAdmin = useCurrentUser().role === 'admin';
  const [editing, setEditing] = useState<Editing>(null);
  const selectedId = get('industry');
  const chainOf = get('chain');
  const industries = useIndustries();
  const chain = useIndustryChain(chainOf);
  const treeData = useMemo(() => toTreeData(industryTree(industries.data ?? [])), [industries.data]);
  const select = useCallback((id: string | undefined) => update({ industry: id }), [update]);
  const tooltip = useCallback(
    (name: string, organizations: number, leaders: number) =>
      t('industry.tooltip', { name, organizations, leaders }),
    [t],
  );

  const selectedIndustry = industries.data?.find((industry) => industry.id === selectedId);
  const selectedNode = chain.data?.nodes.find((node) => node.id === selectedId);

  return (
    <>
      <PageHeader title={t('industry.title')} subtitle={t('industry.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} lg={7}>
          <Card
            variant="borderless"
            title={t('industry.taxonomy')}
            style={{ marginBottom: 16 }}
            extra={
              isAdmin ? (
                <Button size="small" type="primary" ghost icon={<PlusOutlined />} onClick={() => setEditing({})}>
                  {t('industryAdmin.create')}
                </Button>
              ) : null
            }
          >
            {industries.isPending ? (
              <Skeleton active />
            ) : industries.isError ? (
              <QueryError error={industries.error} onRetry={() => void industries.refetch()} />
            ) : treeData.length === 0 ? (
              <Empty description={t('industry.empty')} />
            ) : (
              <Tree
                blockNode
                defaultExpandAll
                showLine
                treeData={treeData}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => select(keys[0] === undefined ? undefined : String(keys[0]))}
                titleRender={(node) => (
                  <Flex justify="space-between" gap={8}>
                    <span>{node.title}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {node.count}
                    </Typography.Text>
                  </Flex>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          <Card
            variant="borderless"
            title={t('industry.chainTitle')}
            extra={
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                value={chainOf}
                placeholder={t('industry.chainFilter')}
                aria-label={t('industry.chainFilter')}
                style={{ width: 220 }}
                options={(industries.data ?? []).map((industry) => ({ value: industry.id, label: industry.name }))}
                onChange={(value) => update({ chain: value })}
              />
            }
          >
            <Space size={16} style={{ marginBottom: 8 }} wrap>
              <Typography.Text type="secondary">{t('industry.legendArrow')}</Typography.Text>
              <span>
                <span className="tx-swatch" style={{ background: '#2d6bd4' }} aria-hidden />
                <Typography.Text type="secondary">{t('industry.legendNode')}</Typography.Text>
              </span>
              <span>
                <span className="tx-swatch" style={{ background: '#c8102e' }} aria-hidden />
                <Typography.Text type="secondary">{t('industry.legendLeader')}</Typography.Text>
              </span>
            </Space>
            {chain.isPending ? (
              <Skeleton active paragraph={{ rows: 10 }} />
            ) : chain.isError ? (
              <QueryError error={chain.error} onRetry={() => void chain.refetch()} />
            ) : chain.data.nodes.length === 0 ? (
              <Empty description={t('industry.chainEmpty')} />
            ) : (
              <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
                <IndustryChainGraph
                  chain={chain.data}
                  selectedId={selectedId}
                  onSelect={select}
                  label={t('industry.chainTitle')}
                  tooltip={tooltip}
                />
              </Suspense>
            )}
          </Card>
        </Col>
      </Row>
      {selectedId && (selectedIndustry || selectedNode) ? (
        <IndustryPanel
          industry={selectedIndustry}
          node={selectedNode}
          industries={industries.data ?? []}
          onSelect={select}
          onClose={() => select(undefined)}
          canEdit={isAdmin}
          onEdit={(industry) => setEditing({ industry })}
          onAddChild={(industry) => setEditing({ parentId: industry.id })}
        />
      ) : null}
      {editing ? (
        <IndustryFormModal
          industry={editing.industry}
          defaultParentId={editing.parentId}
          industries={industries.data ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
