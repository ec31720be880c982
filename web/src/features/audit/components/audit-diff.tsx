import { Flex, Table, Typography, type TableProps } from 'antd';
import {
  auditFieldChanges,
  auditFieldLabel,
  auditValueText,
  type AuditFieldChange,
} from '../../../../../common/audit';
import { isMessageKey, useLocale, useT, type Translate } from '../../../app/i18n';
import { districtLabel } from '../../../lib/districts';
import type { Locale } from '../../../app/i18n';
import {
  networkKindLabel,
  organizationKindLabel,
  organizationSizeLabel,
  personRoleLabel,
  placeKindLabel,
  tierLabel,
} from '../../directory/labels';
import type { AuditEntry } from '../api';

/** A snapshot value as the reader knows it: enumerations and districts by their labels, lists joined. */
export function auditValue(entry: Pick<AuditEntry, 'entity'>, key: string, value: unknown, t: Translate, locale: Locale): string {
  if (typeof value === 'string') {
    if (key === 'districtCode') return districtLabel(value, locale) || value;
    if (key === 'tier') return tierLabel(t, value);
    if (key === 'size') return organizationSizeLabel(t, value);
    if (key === 'kind') {
      if (entry.entity === 'organization') return organizationKindLabel(t, value);
      if (entry.entity === 'network') return networkKindLabel(t, value);
      if (entry.entity === 'place') return placeKindLabel(t, value);
    }
    const roleKey = `role.${value}`;
    if (key === 'role' && entry.entity === 'user' && isMessageKey(roleKey)) return t(roleKey);
  }
  if (key === 'roles' && Array.isArray(value) && entry.entity === 'person') {
    return value.length ? value.map((v) => personRoleLabel(t, String(v))).join(locale === 'en' ? ', ' : '、') : '—';
  }
  return auditValueText(value, locale);
}

interface Row extends AuditFieldChange {
  label: string;
}

/** The expanded row of an audit entry: each field by its label, before and after, the changed ones highlighted. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const { locale } = useLocale();
  const rows: Row[] = auditFieldChanges(entry.before, entry.after).map((c) => ({ ...c, label: auditFieldLabel(c.key, locale) }));
  const hasBefore = entry.before !== null && entry.before !== undefined;
  const hasAfter = entry.after !== null && entry.after !== undefined;
  const changedCount = rows.filter((r) => r.changed).length;
  const value = (key: string, v: unknown) => auditValue(entry, key, v, t, locale);
  const columns: TableProps<Row>['columns'] = [
    { key: 'field', title: t('audit.field'), dataIndex: 'label', width: 140 },
    ...(hasBefore ? [{ key: 'before', title: t('audit.before'), render: (_: unknown, r: Row) => value(r.key, r.before) }] : []),
    ...(hasAfter ? [{ key: 'after', title: t('audit.after'), render: (_: unknown, r: Row) => value(r.key, r.after) }] : []),
  ];
  return (
    <Flex vertical gap={8}>
      {hasBefore && hasAfter ? (
        <Typography.Text type="secondary">{t('audit.changedCount', { count: changedCount })}</Typography.Text>
      ) : null}
      {rows.length ? (
        <Table<Row>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          rowClassName={(r) => (r.changed ? 'tx-audit-changed' : '')}
          onRow={(r) => (r.changed ? { 'aria-label': t('audit.changedField', { field: r.label }) } : {})}
          className="tx-audit-diff"
        />
      ) : (
        <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>
      )}
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
