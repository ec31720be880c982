import { Col, Flex, Row, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n';
import type { AuditEntry } from '../api';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level keys whose values differ between before and after. */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const t = useT();
  return (
    <section aria-label={label}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <pre className="tx-json">{value === null || value === undefined ? t('common.none') : JSON.stringify(value, null, 2)}</pre>
    </section>
  );
}

/** The expanded row of an audit entry: what changed, and the record before and after. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const changed = changedKeys(entry.before, entry.after);
  return (
    <Flex vertical gap={12}>
      {changed.length > 0 ? (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">{t('audit.changedFields')}:</Typography.Text>
          {changed.map((key) => (
            <Tag key={key} color="orange">
              {key}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <JsonBlock label={t('audit.before')} value={entry.before} />
        </Col>
        <Col xs={24} md={12}>
          <JsonBlock label={t('audit.after')} value={entry.after} />
        </Col>
      </Row>
      {entry.requestId || entry.ip ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {entry.requestId ? `${t('audit.requestId')}: ${entry.requestId}` : null}
          {entry.requestId && entry.ip ? ' · ' : null}
          {entry.ip ? `${t('audit.ip')}: ${entry.ip}` : null}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
