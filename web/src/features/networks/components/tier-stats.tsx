import { Card, Col, Row, Typography } from 'antd';
import { useT } from '../../../app/i18n';
import { membershipTiers, tierColors } from '../../directory/labels';
import type { NetworkDetail } from '../api';

export const declaredPersonRoles = ['expert', 'mentor'] as const;

const tierHex: Record<string, string> = {
  red: '#cf1322',
  orange: '#d46b08',
  blue: '#1f4e9e',
  purple: '#531dab',
  gold: '#d48806',
};

/** 声明 13 / 已登记 n per tier: what the network announced against what is recorded here. */
export function TierStats({ network }: { network: NetworkDetail }) {
  const t = useT();
  const tiers = membershipTiers.filter(
    (tier) => (network.memberCounts?.[tier] ?? 0) > 0 || (network.declaredCounts?.[tier] ?? 0) > 0,
  );
  // a network may also declare people by role (e.g. a think tank's 55 experts): compared with its individual members
  const people = (network.members ?? []).filter((member) => member.person).length;
  const roles = declaredPersonRoles.filter((role) => (network.declaredCounts?.[role] ?? 0) > 0);
  if (tiers.length === 0 && roles.length === 0) return null;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {tiers.map((tier) => {
        const recorded = network.memberCounts?.[tier] ?? 0;
        const declared = network.declaredCounts?.[tier];
        const short = declared !== undefined && recorded < declared;
        return (
          <Col key={tier} xs={12} md={8} xl={4}>
            <Card size="small" variant="borderless" style={{ background: '#f7f9fc' }} data-testid={`tier-stat-${tier}`}>
              <Typography.Text type="secondary">{t(`tier.${tier}`)}</Typography.Text>
              <div style={{ fontSize: 24, fontWeight: 600, color: tierHex[tierColors[tier]] ?? undefined }}>{recorded}</div>
              <Typography.Text type={short ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                {declared !== undefined
                  ? t('network.declaredVsRecorded', { declared, recorded })
                  : t('network.recordedOnly', { recorded })}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
      {roles.map((role) => {
        const declared = network.declaredCounts[role] ?? 0;
        return (
          <Col key={role} xs={12} md={8} xl={4}>
            <Card size="small" variant="borderless" style={{ background: '#f7f9fc' }} data-testid={`tier-stat-${role}`}>
              <Typography.Text type="secondary">{t(`network.declared.${role}`)}</Typography.Text>
              <div style={{ fontSize: 24, fontWeight: 600, color: '#0e7c66' }}>{people}</div>
              <Typography.Text type={people < declared ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                {t('network.declaredVsRecordedPeople', { declared, recorded: people })}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
