import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { eventKindLabels, eventStatusLabels, shanghaiText, useWords } from '../../events/api';
import type { EventKind, EventStatus } from '../../../../../common/events-vocabulary';
import type { NeedStatus } from '../../../../../common/need-workflow';
import { statusColor, useNeedLabels } from '../../needs/labels';
import type { LinkedEvent, LinkedNeed, LinkedPlan } from '../../../../../common/schemas/map';

/** Events as the map lists them (a place's, an area's, a route's): date, title, kind and status, each a link. */
export function LinkedEvents({ items, testId }: { items: LinkedEvent[]; testId?: string }) {
  const t = useT();
  const words = useWords();
  if (!items.length) return <Typography.Text type="secondary" data-testid={testId}>{t('map.noEvents')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={items}
      renderItem={(e) => (
        <List.Item style={{ padding: '4px 0', flexWrap: 'wrap', gap: 4 }}>
          <Link to={`/events/${e.id}`}>{e.title}</Link>
          <span>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 6 }}>
              {shanghaiText(e.startsAt) || t('map.dateUnknown')}
            </Typography.Text>
            <Tag>{words(eventKindLabels, e.kind as EventKind)}</Tag>
            <Tag>{words(eventStatusLabels, e.status as EventStatus)}</Tag>
          </span>
        </List.Item>
      )}
    />
  );
}

/** Open needs of the organisations at a place or inside an area. */
export function LinkedNeeds({ items, testId }: { items: LinkedNeed[]; testId?: string }) {
  const t = useT();
  const labels = useNeedLabels();
  if (!items.length) return <Typography.Text type="secondary" data-testid={testId}>{t('map.noOpenNeeds')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={items}
      renderItem={(n) => (
        <List.Item style={{ padding: '4px 0', flexWrap: 'wrap', gap: 4 }}>
          <Link to={`/needs/${n.id}`}>{n.title}</Link>
          <span>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 6 }}>
              {n.organizationName}
            </Typography.Text>
            <Tag color={statusColor[n.status as NeedStatus]}>{labels.status(n.status as NeedStatus)}</Tag>
          </span>
        </List.Item>
      )}
    />
  );
}

/** Plans linked to an area: title, term and signing date, and the event they were published at (a link). */
export function LinkedPlans({ items, testId }: { items: LinkedPlan[]; testId?: string }) {
  const t = useT();
  if (!items.length) return <Typography.Text type="secondary" data-testid={testId}>{t('map.noPlans')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={items}
      renderItem={(p) => (
        <List.Item style={{ padding: '4px 0', flexWrap: 'wrap', gap: 4 }}>
          <Typography.Text>{p.title}</Typography.Text>
          <span>
            {p.termYears ? <Tag>{t('map.planTerm', { years: p.termYears })}</Tag> : null}
            {p.signedOn ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 6 }}>
                {p.signedOn}
              </Typography.Text>
            ) : null}
            {p.eventId && p.eventTitle ? <Link to={`/events/${p.eventId}`}>{p.eventTitle}</Link> : null}
          </span>
        </List.Item>
      )}
    />
  );
}
