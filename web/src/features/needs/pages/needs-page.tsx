import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Segmented, Select, Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/auth/require-auth';
import { ListPage, useListParams } from '../../../components/list-page';
import { districtLabel } from '../../../lib/districts';
import { errorMessage } from '../../../lib/error-message';
import { shanghaiToday } from '../../../../../common/shanghai-date';
import { DistrictFilter } from '../../directory/components/list-filter-controls';
import { exportNeeds, useNeeds, type Need, type NeedFilters } from '../api';
import { NeedFormDrawer } from '../components/need-form-drawer';
import { statusColor, useNeedLabels } from '../labels';
import { needCategories, needStatuses, type NeedStatus } from '../../../../../common/need-workflow';

const filterKeys = ['q', 'status', 'category', 'districtCode', 'overdue'] as const;
const sorts = ['-created', 'created', 'deadline', '-deadline', '-urgency', 'title'] as const;
const pick = <T extends string>(all: readonly T[], v: string | undefined) => all.find((x) => x === v);

/** The deadline cell: red when past, orange when due today. */
export function DeadlineTag({ need }: { need: Need }) {
  const t = useT();
  const today = shanghaiToday();
  const day = need.status === 'submitted' ? need.respondBy : need.resolveBy;
  if (need.overdue) return <Tag color="red">{t(need.overdue === 'respond' ? 'needs.overdue.respond' : 'needs.overdue.resolve')} · {day}</Tag>;
  if (!day || ['rejected', 'resolved', 'confirmed', 'withdrawn'].includes(need.status)) return <>—</>;
  if (day === today) return <Tag color="orange">{t('needs.dueToday')}</Tag>;
  return <Typography.Text type="secondary">{day}</Typography.Text>;
}

export function NeedsPage() {
  const t = useT();
  const { locale } = useLocale();
  const labels = useNeedLabels();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const params = useListParams({ filterKeys, sorts, defaultSort: '-created' });
  const { page, pageSize, get, sort } = params;
  const [creating, setCreating] = useState(false);
  const [view, setView] = useState<'list' | 'board'>('list');
  const sortKey = (sort ?? '-created').replace(/^-/, '') as NonNullable<NeedFilters['sort']>;
  const filters: NeedFilters = {
    q: get('q'),
    status: pick(needStatuses, get('status')),
    category: pick(needCategories, get('category')),
    districtCode: get('districtCode'),
    overdue: get('overdue') === 'true' ? 'true' : undefined,
    assignedToMe: user.role === 'expert' ? 'true' : undefined,
    sort: sortKey,
    dir: (sort ?? '-created').startsWith('-') ? 'desc' : 'asc',
  };
  const list = useNeeds({ ...filters, page, pageSize: view === 'board' ? 200 : pageSize });
  const canCreate = user.role === 'enterprise' || user.role === 'coordinator' || user.role === 'admin';
  const title = user.role === 'enterprise' ? t('needs.mine') : user.role === 'expert' ? t('needs.myAssignments') : t('needs.title');

  const columns: NonNullable<TableProps<Need>['columns']> = [
    {
      key: 'title',
      title: t('needs.field.title'),
      ...params.sortable('title'),
      render: (_, n) => (
        <Space direction="vertical" size={0}>
          <Link to={`/needs/${n.id}`}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {n.title}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.organizationName}
            {n.demo ? <Tag style={{ marginInlineStart: 6 }}>{t('needs.demo')}</Tag> : null}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'category', title: t('needs.field.category'), width: 120, render: (_, n) => labels.category(n.category) },
    { key: 'status', title: t('needs.field.status'), width: 100, render: (_, n) => <Tag color={statusColor[n.status]}>{labels.status(n.status)}</Tag> },
    { key: 'urgency', title: t('needs.field.urgency'), width: 90, ...params.sortable('urgency'), render: (_, n) => labels.urgency(n.urgency) },
    { key: 'district', title: t('needs.field.district'), width: 100, render: (_, n) => districtLabel(n.districtCode, locale, n.districtName) || '—' },
    { key: 'deadline', title: t('needs.field.deadline'), width: 170, ...params.sortable('deadline'), render: (_, n) => <DeadlineTag need={n} /> },
    { key: 'created', title: t('needs.field.createdAt'), width: 110, ...params.sortable('created'), render: (_, n) => n.createdAt.slice(0, 10) },
  ];

  const board = (
    <Row gutter={[12, 12]} wrap={false} style={{ overflowX: 'auto', paddingBottom: 8 }}>
      {(['submitted', 'accepted', 'matched', 'in_service', 'resolved', 'reopened'] as NeedStatus[]).map((s) => (
        <Col key={s} flex="0 0 240px">
          <Card size="small" title={<Tag color={statusColor[s]}>{labels.status(s)}</Tag>}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {(list.data?.items ?? [])
                .filter((n) => n.status === s)
                .map((n) => (
                  <Card key={n.id} size="small" hoverable onClick={() => void navigate(`/needs/${n.id}`)}>
                    <Typography.Text strong>{n.title}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {n.organizationName} · {labels.category(n.category)}
                      </Typography.Text>
                    </div>
                    <DeadlineTag need={n} />
                  </Card>
                ))}
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );

  return (
    <ListPage<Need>
      title={title}
      subtitle={t('needs.subtitle')}
      actions={
        <Space wrap>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'list' | 'board')}
            options={[
              { value: 'list', label: t('needs.view.list') },
              { value: 'board', label: t('needs.view.board') },
            ]}
          />
          <Button icon={<DownloadOutlined />} onClick={() => void exportNeeds(filters).catch((e: unknown) => void message.error(errorMessage(e, t)))}>
            {t('needs.export')}
          </Button>
          {canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {user.role === 'enterprise' ? t('needs.create') : t('needs.createFor')}
            </Button>
          ) : null}
        </Space>
      }
      params={params}
      search={{ placeholder: t('needs.searchPlaceholder') }}
      filters={
        <>
          <Select
            allowClear
            style={{ width: 130 }}
            aria-label={t('needs.field.status')}
            placeholder={t('needs.allStatuses')}
            value={filters.status}
            options={labels.statusOptions}
            onChange={(status?: string) => params.update({ status })}
          />
          <Select
            allowClear
            style={{ width: 150 }}
            aria-label={t('needs.field.category')}
            placeholder={t('needs.allCategories')}
            value={filters.category}
            options={labels.categoryOptions}
            onChange={(category?: string) => params.update({ category })}
          />
          {user.role === 'coordinator' || user.role === 'admin' || user.role === 'viewer' ? <DistrictFilter params={params} width={140} /> : null}
          <Select
            allowClear
            style={{ width: 120 }}
            aria-label={t('needs.overdueOnly')}
            placeholder={t('needs.overdueOnly')}
            value={filters.overdue}
            options={[{ value: 'true', label: t('needs.overdueOnly') }]}
            onChange={(overdue?: string) => params.update({ overdue })}
          />
        </>
      }
      alternate={view === 'board' ? board : undefined}
      list={list}
      columns={columns}
      emptyText={{ empty: t('needs.empty'), filtered: t('needs.emptyFiltered') }}
      totalText={(total) => t('needs.total', { total })}
      scrollX={900}
    >
      {creating ? <NeedFormDrawer onClose={() => setCreating(false)} onSaved={(n) => void navigate(`/needs/${n.id}`)} /> : null}
    </ListPage>
  );
}
