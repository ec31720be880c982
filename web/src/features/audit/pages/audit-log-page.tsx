import { Button, Card, DatePicker, Empty, Form, Input, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { usePageParams } from '../../../lib/use-page-params';
import { useAuditLog, type AuditEntry } from '../api';
import { AuditDiff } from '../components/audit-diff';
import './audit-log-page.css';

interface FilterValues {
  entity?: string;
  action?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const dateFormat = 'YYYY-MM-DD';

function parseDate(value: string | undefined): Dayjs | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = dayjs(value);
  return date.isValid() ? date : null;
}

export function AuditLogPage() {
  const t = useT();
  const { locale } = useLocale();
  const [form] = Form.useForm<FilterValues>();
  const { page, pageSize, get, update } = usePageParams();
  const entity = get('entity');
  const action = get('action');
  const actor = get('actor');
  const from = get('from');
  const to = get('to');

  // The URL holds whole days; the API gets the instants that bound them in the user's time zone.
  const fromDay = parseDate(from);
  const toDay = parseDate(to);
  const log = useAuditLog({
    entity,
    action,
    actor,
    from: fromDay?.startOf('day').toISOString(),
    to: toDay?.endOf('day').toISOString(),
    page,
    pageSize,
  });

  // The form mirrors the URL (back/forward, shared links).
  useEffect(() => {
    const range: FilterValues['range'] = from || to ? [parseDate(from), parseDate(to)] : null;
    form.setFieldsValue({ entity, action, actor, range });
  }, [form, entity, action, actor, from, to]);

  const onFilter = (values: FilterValues) => {
    const [start, end] = values.range ?? [null, null];
    update({
      entity: values.entity?.trim(),
      action: values.action?.trim(),
      actor: values.actor?.trim(),
      from: start?.format(dateFormat),
      to: end?.format(dateFormat),
    });
  };

  const onReset = () => {
    form.resetFields();
    update({ entity: undefined, action: undefined, actor: undefined, from: undefined, to: undefined });
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'at',
      dataIndex: 'at',
      title: t('audit.at'),
      width: 190,
      render: (value: string) => formatDateTime(value, locale),
    },
    {
      key: 'actor',
      dataIndex: 'actorUsername',
      title: t('audit.actor'),
      width: 140,
      render: (value: string | null) => value ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('audit.action'),
      width: 180,
      render: (value: string) => <Tag color="blue">{value}</Tag>,
    },
    { key: 'entity', dataIndex: 'entity', title: t('audit.entity'), width: 140 },
    {
      key: 'entityId',
      dataIndex: 'entityId',
      title: t('audit.entityId'),
      ellipsis: true,
      render: (value: string | null) => (value ? <Typography.Text code>{value}</Typography.Text> : '—'),
    },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 140, render: (value: string | null) => value ?? '—' },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card variant="borderless">
        <Form<FilterValues> form={form} layout="inline" onFinish={onFilter} className="tx-audit-filters">
          <Form.Item name="entity" label={t('audit.entity')}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="range" label={t('audit.dateRange')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={[t('audit.startDate'), t('audit.endDate')]}
            />
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
            scroll={{ x: 960 }}
          />
        )}
      </Card>
    </>
  );
}
