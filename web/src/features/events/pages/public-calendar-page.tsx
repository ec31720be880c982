import { CalendarOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { QueryError } from '../../../components/query-error';
import { eventKindLabels, shanghaiText, usePublicCalendar, useWords, type EventSummary } from '../api';
import { PublicShell } from '../components/public-shell';

/** The public calendar: published events by month, and the iCalendar feed to subscribe to. */
export function PublicCalendarPage() {
  const t = useT();
  const words = useWords();
  const q = usePublicCalendar();
  const months = new Map<string, EventSummary[]>();
  for (const e of q.data ?? []) {
    const m = shanghaiText(e.startsAt).slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), e]);
  }
  return (
    <PublicShell>
      <Typography.Title level={3}>{t('event.publicCalendar')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('event.publicCalendarSubtitle')}</Typography.Paragraph>
      <Button icon={<CalendarOutlined />} href="/api/events.ics" style={{ marginBottom: 16 }}>
        {t('event.icsSubscribe')}
      </Button>
      {q.isPending ? <Skeleton active /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && q.data.length === 0 ? <Empty description={t('event.noPublicEvents')} /> : null}
      {[...months].map(([month, list]) => (
        <Card key={month} size="small" title={month} style={{ marginBottom: 12 }}>
          <List
            dataSource={list}
            renderItem={(e) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/public/events/${e.id}`}>{e.title}</Link>}
                  description={
                    <>
                      {shanghaiText(e.startsAt)} <Tag>{words(eventKindLabels, e.kind)}</Tag>
                      {e.districtName ?? ''}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </PublicShell>
  );
}
