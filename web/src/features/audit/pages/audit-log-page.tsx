import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Input, Tag, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { auditActionLabel, auditActions, auditEntities, auditEntityLabel, type AuditAction } from '../../../../../common/audit';
import { useLocale, useT } from '../../../app/i18n';
import { ListPage, useListParams } from '../../../components/list-page';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { EnumFilter } from '../../directory/components/list-filter-controls';
import { pickOne } from '../../directory/labels';
import { downloadAuditLog, useAuditLog, type AuditEntry, type AuditFilters } from '../api';
import { AuditDiff } from '../components/audit-diff';
import './audit-log-page.css';

const filterKeys = ['q', 'action', 'entity', 'actor', 'from', 'to'] as const;

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
  const [exporting, setExporting] = useState(false);
  const params = useListParams({ filterKeys });
  const { page, pageSize, get, update } = params;
  const entity = pickOne(auditEntities, get('entity'));
  const action = pickOne(auditActions, get('action'));
  const actor = get('actor');
  const from = get('from');
  const to = get('to');

  // The URL holds whole days; the API gets the instants that bound them in the user's time zone.
  const fromDay = parseDate(from);
  const toDay = parseDate(to);
  const filters: AuditFilters = {
    entity,
    action,
    actor,
    q: get('q'),
    from: fromDay?.startOf('day').toISOString(),
    to: toDay?.endOf('day').toISOString(),
  };
  const log = useAuditLog({ ...filters, page, pageSize });

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

  return (
    <ListPage<AuditEntry>
      title={t('audit.title')}
      actions={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
          {t('audit.export')}
        </Button>
      }
      params={params}
      search={{ placeholder: t('audit.recordPlaceholder'), label: t('audit.record') }}
      filters={
        <>
          <EnumFilter
            params={params}
            width={150}
            name="action"
            value={action}
            options={auditActions.map((value) => ({ value, label: auditActionLabel(value, locale) }))}
            placeholder={t('audit.allActions')}
            label={t('audit.action')}
          />
          <EnumFilter
            params={params}
            width={150}
            name="entity"
            value={entity}
            options={auditEntities.map((value) => ({ value, label: auditEntityLabel(value, locale) }))}
            placeholder={t('audit.allEntities')}
            label={t('audit.entity')}
          />
          <Input.Search
            key={actor ?? ''}
            defaultValue={actor}
            allowClear
            placeholder={t('audit.actor')}
            aria-label={t('audit.actor')}
            onSearch={(value) => update({ actor: value.trim() })}
            style={{ width: 160, maxWidth: '100%' }}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            aria-label={t('audit.dateRange')}
            value={from || to ? [fromDay, toDay] : null}
            placeholder={[t('audit.startDate'), t('audit.endDate')]}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              update({ from: range?.[0]?.format(dateFormat), to: range?.[1]?.format(dateFormat) })
            }
            style={{ maxWidth: '100%' }}
          />
        </>
      }
      list={log}
      columns={columns}
      expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
      emptyText={{ empty: t('audit.empty'), filtered: t('audit.empty') }}
      totalText={(total) => t('common.total', { total })}
      scrollX={990}
    />
  );
}
