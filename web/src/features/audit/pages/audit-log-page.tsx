import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Form, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { auditActionLabel, auditActions, auditEntities, auditEntityLabel, type AuditAction, type AuditEntity } from '../../../../../common/audit';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { usePageParams } from '../../../lib/use-page-params';
import { pickOne } from '../../directory/labels';
import { downloadAuditLog, useAuditLog, type AuditEntry, type AuditFilters } from '../api';
import { AuditDiff } from '../components/audit-diff';
import './audit-log-page.css';

interface FilterValues {
  entity?: AuditEntity;
  action?: AuditAction;
  actor?: string;
  q?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const dateFormat = 'YYYY-MM-DD';

function parseDate(value: string | undefined): Dayjs | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = dayjs(value);
  return date.isValid() ? date : null;
}

const actionColors: Partial<Record<AuditAction, string>> = {
  create: 'green',
  update: 'blue',
  'update+password': 'blue',
  delete: 'red',
  merge: 'purple',
  export: 'gold',
  import: 'cyan',
  unmask: 'orange',
  lock: 'volcano',
};

/** Where a record of an entry is shown. */
function targetPath(target: NonNullable<AuditEntry['target']>, name: string | null): string {
  const id = encodeURIComponent(target.id);
  switch (target.type) {
    case 'organization':
      return `/directory/organizations/${id}`;
    case 'person':
      return `/directory/people/${id}`;
    case 'network':
      return `/directory/networks/${id}`;
    case 'place':
      return `/directory/places/${id}`;
    case 'industry':
      return `/directory/industries?industry=${id}`;
    case 'user':
      return `/admin/users${name ? `?q=${encodeURIComponent(name)}` : ''}`;
  }
}

/** 操作日志: who did what to which record, when and from where; filtered by dropdowns, exported as XLSX. */
export function AuditLogPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterValues>();
  const [exporting, setExporting] = useState(false);
  const { page, pageSize, get, update } = usePageParams();
  const entity = pickOne(auditEntities, get('entity'));
  const action = pickOne(auditActions, get('action'));
  const actor = get('actor');
  const q = get('q');
  const from = get('from');
  const to = get('to');

  // The URL holds whole days; the API gets the instants that bound them in the user's time zone.
  const fromDay = parseDate(from);
  const toDay = parseDate(to);
  const filters: AuditFilters = {
    entity,
    action,
    actor,
    q,
    from: fromDay?.startOf('day').toISOString(),
    to: toDay?.endOf('day').toISOString(),
  };
  const log = useAuditLog({ ...filters, page, pageSize });

  // The form mirrors the URL (back/forward, shared links).
  useEffect(() => {
    const range: FilterValues['range'] = from || to ? [parseDate(from), parseDate(to)] : null;
    form.setFieldsValue({ entity, action, actor, q, range });
  }, [form, entity, action, actor, q, from, to]);

  const onFilter = (values: FilterValues) => {
    const [start, end] = values.range ?? [null, null];
    update({
      entity: values.entity,
      action: values.action,
      actor: values.actor?.trim(),
      q: values.q?.trim(),
      from: start?.format(dateFormat),
      to: end?.format(dateFormat),
    });
  };

  const onReset = () => {
    form.resetFields();
    update({ entity: undefined, action: undefined, actor: undefined, q: undefined, from: undefined, to: undefined });
  };

  const onExport = () => {
    setExporting(true);
    downloadAuditLog(filters).then(
      (name) => void message.success(t('audit.exported', { name })),
      (error: unknown) => void message.error(errorMessage(error, t)),
    ).finally(() => setExporting(false));
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'at',
      dataIndex: 'at',
      title: t('audit.at'),
      width: 170,
      render: (value: string) => formatDateTime(value, locale),
    },
    {
      key: 'actor',
      dataIndex: 'actorUsername',
      title: t('audit.actor'),
      width: 130,
      render: (value: string | null) => value ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('audit.action'),
      width: 130,
      render: (value: string) => <Tag color={actionColors[value as AuditAction] ?? 'default'}>{auditActionLabel(value, locale)}</Tag>,
    },
    {
      key: 'entity',
      dataIndex: 'entity',
      title: t('audit.entity'),
      width: 120,
      render: (value: string) => auditEntityLabel(value, locale),
    },
    {
      key: 'record',
      title: t('audit.record'),
      width: 260,
      render: (_, entry) => {
        const name = entry.entityName ?? (entry.entityId ? `#${entry.entityId.slice(0, 8)}` : null);
        if (!name) return '—';
        // a deleted record has no page left to go to
        if (!entry.target || entry.action === 'delete') return <span title={entry.entityId ?? undefined}>{name}</span>;
        return (
          <Link to={targetPath(entry.target, entry.entityName)} title={entry.entityId ?? undefined}>
            {name}
          </Link>
        );
      },
    },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 130, render: (value: string | null) => value ?? '—' },
  ];

  const selectStyle = { width: 150 };
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
            {t('audit.export')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Form<FilterValues> form={form} layout="inline" onFinish={onFilter} className="tx-audit-filters">
          <Form.Item name="action" label={t('audit.action')}>
            <Select<AuditAction>
              allowClear
              style={selectStyle}
              placeholder={t('audit.allActions')}
              aria-label={t('audit.action')}
              data-testid="audit-action-filter"
              options={auditActions.map((value) => ({ value, label: auditActionLabel(value, locale) }))}
            />
          </Form.Item>
          <Form.Item name="entity" label={t('audit.entity')}>
            <Select<AuditEntity>
              allowClear
              style={selectStyle}
              placeholder={t('audit.allEntities')}
              aria-label={t('audit.entity')}
              data-testid="audit-entity-filter"
              options={auditEntities.map((value) => ({ value, label: auditEntityLabel(value, locale) }))}
            />
          </Form.Item>
          <Form.Item name="q" label={t('audit.record')}>
            <Input allowClear style={selectStyle} placeholder={t('audit.recordPlaceholder')} />
          </Form.Item>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear style={selectStyle} />
          </Form.Item>
          <Form.Item name="range" label={t('audit.dateRange')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('audit.startDate'), t('audit.endDate')]} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button onClick={onReset}>{t('common.reset')}</Button>
          </Form.Item>
        </Form>
        {log.isError ? (
          <QueryError error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            columns={columns}
            dataSource={log.data?.items ?? []}
            loading={log.isFetching}
            expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
            locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
            pagination={{
              current: page,
              pageSize,
              total: log.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(pagination) =>
              update({ page: pagination.current, pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize })
            }
            scroll={{ x: 990 }}
          />
        )}
      </Card>
    </>
  );
}
