import { App, Button, Card, Empty, List, Progress, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT, type MessageKey } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { useAssign, useMatches, type MatchCandidate, type NeedDetail } from '../api';

const types = ['all', 'person', 'organization', 'network', 'place'] as const;
const parts = ['text', 'industry', 'category', 'district', 'load', 'rating'] as const;
const linkOf = (c: MatchCandidate) =>
  c.entityType === 'person' ? `/directory/people/${c.entityId}` : c.entityType === 'organization' ? `/directory/organizations/${c.entityId}` : c.entityType === 'network' ? `/directory/networks/${c.entityId}` : `/directory/places/${c.entityId}`;

/** The ranked, explained providers for a need, with their score parts and reasons, and 指派 for people and organisations. */
export function MatchPanel({ need }: { need: NeedDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [type, setType] = useState<(typeof types)[number]>('all');
  const matches = useMatches(need.id, true, type === 'all' ? undefined : type);
  const assign = useAssign(need.id);
  const canAssign = need.allowedActions.includes('assign');

  const reason = (r: MatchCandidate['reasons'][number]) => {
    const params = Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v]));
    return t(`needs.reason.${r.code}` as MessageKey, params);
  };

  const onAssign = (c: MatchCandidate) =>
    assign.mutate(
      { candidates: [c.entityType === 'person' ? { personId: c.entityId, score: c.score } : { organizationId: c.entityId, score: c.score }] },
      { onSuccess: () => void message.success(t('needs.match.assignedOk', { name: c.name })), onError: (e) => void message.error(errorMessage(e, t)) },
    );

  return (
    <Card variant="borderless" title={t('needs.match.title')} extra={<Typography.Text type="secondary">{t('needs.match.hint')}</Typography.Text>} styles={{ header: { flexWrap: 'wrap' } }}>
      <Segmented
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        value={type}
        onChange={(v) => setType(v as typeof type)}
        options={types.map((value) => ({ value, label: t(`needs.match.type.${value}` as MessageKey) }))}
      />
      <List<MatchCandidate>
        loading={matches.isPending}
        dataSource={matches.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('needs.match.empty')} /> }}
        renderItem={(c, i) => (
          <List.Item
            data-testid="match-candidate"
            actions={
              canAssign && (c.entityType === 'person' || c.entityType === 'organization')
                ? [
                    c.assigned ? (
                      <Tag key="a" color="green">
                        {t('needs.match.assigned')}
                      </Tag>
                    ) : (
                      <Button key="a" size="small" type="primary" loading={assign.isPending} onClick={() => onAssign(c)}>
                        {t('needs.match.assign')}
                      </Button>
                    ),
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{i + 1}.</span>
                  <Link to={linkOf(c)}>{c.name}</Link>
                  <Tag>{t(`needs.match.type.${c.entityType}` as MessageKey)}</Tag>
                  <Tooltip title={parts.map((p) => `${t(`needs.match.part.${p}` as MessageKey)} ${c.parts[p] ?? 0}`).join(' · ')}>
                    <Tag color="blue">
                      {t('needs.match.score')} {c.score.toFixed(2)}
                    </Tag>
                  </Tooltip>
                </Space>
              }
              description={
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  {c.subtitle ? <Typography.Text type="secondary">{c.subtitle}</Typography.Text> : null}
                  <Space wrap size={[4, 4]}>
                    {c.reasons.map((r) => (
                      <Tag key={r.code} color={r.code === 'load' ? 'orange' : 'geekblue'}>
                        {reason(r)}
                      </Tag>
                    ))}
                  </Space>
                  <Space wrap size={[12, 0]}>
                    {parts.map((p) => (
                      <span key={p} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontSize: 12, whiteSpace: 'nowrap' }}>
                        {t(`needs.match.part.${p}` as MessageKey)}
                        <Progress percent={Math.round(((c.parts[p] ?? 0) / Math.max(c.score, 0.001)) * 100)} size={[48, 6]} showInfo={false} />
                        {(c.parts[p] ?? 0).toFixed(2)}
                      </span>
                    ))}
                  </Space>
                  {c.terms.length ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.terms.map((x) => `${x.term}(${x.weight})`).join(' ')}
                    </Typography.Text>
                  ) : null}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
