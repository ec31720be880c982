import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT, type MessageKey } from '../../../app/i18n';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useInbox, useMarkRead } from '../api';
import { DeadlineTag } from './needs-page';

const kindColor = { due: 'orange', assigned: 'blue', escalated: 'red', status: 'green' } as const;

/** 待办: what is due today in my scope, and my messages (assigned to me, escalated, status). */
export function InboxPage() {
  const t = useT();
  const { locale } = useLocale();
  // messages are stored as "中文 / English": show the reader's side
  const side = (m: string) => {
    const cut = m.lastIndexOf(' / ');
    return cut < 0 ? m : locale === 'en' ? m.slice(cut + 3) : m.slice(0, cut);
  };
  const inbox = useInbox();
  const markRead = useMarkRead();
  return (
    <>
      <PageHeader title={t('needs.inbox.title')} subtitle={t('needs.inbox.subtitle')} />
      {inbox.isError ? <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card variant="borderless" title={t('needs.inbox.dueToday')}>
          <List
            loading={inbox.isPending}
            dataSource={inbox.data?.dueToday ?? []}
            locale={{ emptyText: <Empty description={t('needs.inbox.empty')} /> }}
            renderItem={(n) => (
              <List.Item>
                <Space wrap>
                  <Link to={`/needs/${n.id}`}>{n.title}</Link>
                  <Typography.Text type="secondary">{n.organizationName}</Typography.Text>
                  <DeadlineTag need={n} />
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <Card variant="borderless" title={t('needs.inbox.messages')}>
          <List
            data-testid="inbox-items"
            loading={inbox.isPending}
            dataSource={inbox.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('needs.inbox.empty')} /> }}
            renderItem={(item) => (
              <List.Item
                actions={item.read ? [] : [<Button key="r" size="small" type="link" onClick={() => markRead.mutate(item.id)}>{t('needs.inbox.markRead')}</Button>]}
              >
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <Tag color={kindColor[item.kind]}>{t(`needs.inbox.kind.${item.kind}` as MessageKey)}</Tag>
                    {item.needId ? <Link to={`/needs/${item.needId}`}>{item.needTitle}</Link> : null}
                    {item.read ? null : <Tag color="red">•</Tag>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {side(item.message)} · {item.createdAt.slice(0, 16).replace('T', ' ')}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Space>
    </>
  );
}
