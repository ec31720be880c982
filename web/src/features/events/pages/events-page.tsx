import { CalendarOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Select, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { ListActions, ListPage, useListParams } from '../../../components/list-page';
import { withQuery } from '../../../lib/api';
import { districtLabel } from '../../../lib/districts';
import { DistrictFilter } from '../../directory/components/list-filter-controls';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { eventKindLabels, eventKinds, eventStatusLabels, eventStatuses, optionsOf, shanghaiText, useEvents, useWords, type EventSummary } from '../api';
import { EventFormDrawer } from '../components/event-form-drawer';

const filterKeys = ['q', 'kind', 'status', 'districtCode', 'from', 'to'] as const;
const sorts = ['startsAt', '-startsAt'] as const;
const statusColor = { draft: 'default', published: 'green', finished: 'blue', cancelled: 'red' } as const;

export function EventsPage() {
  const t = useT();
  const { locale } = useLocale();
  const words = useWords();
  const navigate = useNavigate();
  const canEdit = useCanEditDirectory();
  const params = useListParams({ filterKeys, sorts, defaultSort: '-startsAt' });
  const { page, pageSize, get, sort } = params;
  const [creating, setCreating] = useState(false);
  const filters = {
    q: get('q'),
    kind: get('kind'),
    status: get('status'),
    districtCode: get('districtCode'),
    from: get('from'),
    to: get('to'),
    sort: sort === 'startsAt' ? 'starts_asc' : 'starts_desc',
  };
  const list = useEvents({ ...filters, page, pageSize });

  const columns: NonNullable<TableProps<EventSummary>['columns']> = [
    {
      key: 'title',
      title: t('event.name'),
      render: (_, row) => (
        <Link to={`/events/${row.id}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {row.title}
          </Typography.Text>
        </Link>
      ),
    },
    { key: 'kind', title: t('event.kind'), width: 120, render: (_, row) => <Tag color="geekblue">{words(eventKindLabels, row.kind)}</Tag> },
    { key: 'status', title: t('event.status'), width: 100, render: (_, row) => <Tag color={statusColor[row.status]}>{words(eventStatusLabels, row.status)}</Tag> },
    { key: 'startsAt', dataIndex: 'startsAt', title: t('event.startsAt'), width: 160, ...params.sortable('startsAt'), render: (_, row) => shanghaiText(row.startsAt) },
    { key: 'district', title: t('event.district'), width: 110, render: (_, row) => districtLabel(row.districtCode, locale, row.districtName) || '—' },
    {
      key: 'series',
      title: t('event.series'),
      width: 200,
      ellipsis: true,
      render: (_, row) => (row.seriesName ? `${row.seriesName}${row.sequence ? ` · ${t('event.sequence', { n: row.sequence })}` : ''}` : '—'),
    },
  ];

  return (
    <ListPage<EventSummary>
      title={t('event.title')}
      subtitle={t('event.subtitle')}
      actions={
        <ListActions
          exportMenu={
            <>
              <Link to="/events/calendar">
                <Button icon={<CalendarOutlined />}>{t('calendar.title')}</Button>
              </Link>
              <Link to="/events/agreements">
                <Button>{t('event.agreementsTitle')}</Button>
              </Link>
              <Button icon={<DownloadOutlined />} href={withQuery('/api/events/export.xlsx', filters)}>
                {t('event.export')}
              </Button>
            </>
          }
          onCreate={canEdit ? () => setCreating(true) : undefined}
          createLabel={t('event.create')}
        />
      }
      params={params}
      search={{ placeholder: t('event.searchPlaceholder') }}
      filters={
        <>
          <Select
            allowClear
            style={{ width: 140 }}
            aria-label={t('event.kind')}
            placeholder={t('event.allKinds')}
            value={filters.kind}
            options={optionsOf(eventKinds, eventKindLabels, locale)}
            onChange={(kind?: string) => params.update({ kind })}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            aria-label={t('event.status')}
            placeholder={t('event.allStatuses')}
            value={filters.status}
            options={optionsOf(eventStatuses, eventStatusLabels, locale)}
            onChange={(status?: string) => params.update({ status })}
          />
          <DistrictFilter params={params} width={130} />
          <DatePicker
            aria-label={t('event.from')}
            placeholder={t('event.from')}
            value={filters.from ? dayjs(filters.from) : null}
            onChange={(d) => params.update({ from: d ? d.format('YYYY-MM-DD') : undefined })}
          />
          <DatePicker
            aria-label={t('event.to')}
            placeholder={t('event.to')}
            value={filters.to ? dayjs(filters.to) : null}
            onChange={(d) => params.update({ to: d ? d.format('YYYY-MM-DD') : undefined })}
          />
        </>
      }
      list={list}
      columns={columns}
      emptyText={{ empty: t('event.empty'), filtered: t('event.emptyFiltered') }}
      totalText={(total) => t('event.total', { total })}
      scrollX={900}
    >
      {creating ? <EventFormDrawer onClose={() => setCreating(false)} onSaved={(ev) => navigate(`/events/${ev.id}`)} /> : null}
    </ListPage>
  );
}
