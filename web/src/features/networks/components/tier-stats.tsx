import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { memberPositions, tierColors, tierLabel } from '../../directory/labels';
import type { MemberPosition } from '../../directory/types';
import type { NetworkDetail } from '../api';
import { networkMembersPath } from './network-members';

export const declaredPersonRoles = ['expert', 'mentor'] as const;

const tierHex: Record<string, string> = {
  red: '#cf1322',
  orange: '#d46b08',
  blue: '#1f4e9e',
  purple: '#531dab',
  gold: '#d48806',
  magenta: '#c41d7f',
  cyan: '#08979c',
  green: '#389e0d',
  geekblue: '#1d39c4',
  volcano: '#d4380d',
};

function StatCard({ to, label, value, note, warn, testId, color }: { to: string; label: string; value: number; note: string; warn: boolean; testId: string; color?: string }) {
  return (
    <Link to={to} aria-label={`${label} ${value}`} data-testid={testId} style={{ display: 'block' }}>
      <Card size="small" variant="borderless" hoverable style={{ background: '#f7f9fc' }}>
        <Typography.Text type="secondary">{label}</Typography.Text>
        <div style={{ fontSize: 24, fontWeight: 600, color }}>
          {value}
        </div>
        <Typography.Text type={warn ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      </Card>
    </Link>
  );
}

/**
 * 声明 13 / 已登记 n per tier (organisations) and per role (people), each member counted once, and the
 * total; every card links to the members it counts.
 */
export function TierStats({ network }: { network: NetworkDetail }) {
  const t = useT();
  const counts = network.memberCounts;
  const declaredOf = (position: MemberPosition) => network.declaredCounts?.[position];
  const positions = memberPositions.filter((p) => (counts?.[p] ?? 0) > 0 || (declaredOf(p) ?? 0) > 0);
  if (positions.length === 0) return null;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {positions.map((position) => {
        const recorded = counts?.[position] ?? 0;
        const declared = declaredOf(position);
        return (
          <Col key={position} xs={12} md={8} xl={4}>
            <StatCard
                color={tierHex[tierColors[position]]}
                to={networkMembersPath(network.id, position)}
                testId={`tier-stat-${position}`}
                label={tierLabel(t, position)}
                value={recorded}
                warn={declared !== undefined && recorded < declared}
                note={declared !== undefined ? t('network.declaredVsRecorded', { declared, recorded }) : t('network.recordedOnly', { recorded })}
              />
          </Col>
        );
      })}
      <Col xs={12} md={8} xl={4}>
        <StatCard
          to={networkMembersPath(network.id, 'all')}
          testId="tier-stat-total"
          label={t('network.total')}
          value={counts?.total ?? 0}
          warn={false}
          note={`${t('network.organizationsCount', { count: counts?.organizations ?? 0 })} · ${t('network.peopleCount', { count: counts?.people ?? 0 })}`}
        />
      </Col>
    </Row>
  );
}
