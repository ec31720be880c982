import { Badge, Calendar, Card, Empty, Grid, List, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Link, useSearchParams } from 'react-router';
import { shanghaiDate } from '../../../../../common/shanghai-date';
import { useLocale, useT } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { eventKindLabels, eventStatusLabels, shanghaiText, useEvents, useWords, type EventSummary } from '../api';

const statusColor = { draft: 'default', published: 'green', finished: 'blue', cancelled: 'red' } as const;

/**
 * The events of a month (the actor's scope) on a calendar, each linking to its page. `?month=YYYY-MM` and
 * `?day=YYYY-MM-DD` keep the place (back button, links). On a phone the calendar is compact (a dot per
 * day with events) and the chosen day's events are listed below it.
 */
export function EventsCalendarPage() {
  const t = useT();
  const { locale } = useLocale();
  const words = useWords();
  // month and weekday names in the page's language
  const dj = (s: string) => dayjs(s).locale(locale === 'en' ? 'en' : 'zh-cn');
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.md);
  const [params, setParams] = useSearchParams();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : shanghaiDate(new Date()).slice(0, 7);
  const day = params.get('day') ?? null;
  const first = dj(`${month}-01`);
  const list = useEvents({ from: `${month}-01`, to: first.endOf('month').format('YYYY-MM-DD'), sort: 'starts_asc', page: 1, pageSize: 200 });
  const byDay = new Map<string, EventSummary[]>();
  for (const e of list.data?.items ?? []) {
    if (!e.startsAt) continue;
    const d = shanghaiDate(new Date(e.startsAt));
    byDay.set(d, [...(byDay.get(d) ?? []), e]);
  }
  const shown = day && day.startsWith(month) ? (byDay.get(day) ?? []) : (list.data?.items ?? []);

  const go = (d: Dayjs, info: { source: string }) => {
    const next = new URLSearchParams(params);
    next.set('month', d.format('YYYY-MM'));
    if (info.source === 'date') next.set('day', d.format('YYYY-MM-DD'));
    else next.delete('day');
    setParams(next, { replace: true });
  };

  const cell = (d: Dayjs) => {
    const events = byDay.get(d.format('YYYY-MM-DD')) ?? [];
    if (!events.length) return null;
    if (!wide) return <Badge count={events.length} size="small" color="#c41d1d" aria-label={String(events.length)} />;
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {events.slice(0, 3).map((e) => (
          <li key={e.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            <Badge status={e.status === 'cancelled' ? 'error' : e.status === 'draft' ? 'default' : 'success'} />
            <Link to={`/events/${e.id}`} onClick={(ev) => ev.stopPropagation()}>
              {e.title}
            </Link>
          </li>
        ))}
        {events.length > 3 ? <li>{t('calendar.more', { n: events.length - 3 })}</li> : null}
      </ul>
    );
  };

  return (
    <>
      <PageHeader title={t('calendar.title')} subtitle={<Link to="/events">{t('event.title')}</Link>} />
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card size="small" styles={{ body: { padding: wide ? 12 : 4 } }}>
        <Calendar
          fullscreen={wide}
          value={day && day.startsWith(month) ? dj(day) : first}
          onSelect={go}
          cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)}
        />
      </Card>
      <Card size="small" title={day && day.startsWith(month) ? day : month} style={{ marginTop: 12 }}>
        <List
          loading={list.isPending}
          dataSource={shown}
          locale={{ emptyText: <Empty description={t('calendar.none')} /> }}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/events/${e.id}`}>{e.title}</Link>}
                description={
                  <>
                    <Typography.Text type="secondary">{shanghaiText(e.startsAt)}</Typography.Text> <Tag>{words(eventKindLabels, e.kind)}</Tag>
                    <Tag color={statusColor[e.status]}>{words(eventStatusLabels, e.status)}</Tag>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
