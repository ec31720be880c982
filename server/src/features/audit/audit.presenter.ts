import {
  auditActionLabel,
  auditEntityLabel,
  auditFieldChanges,
  auditFieldLabel,
  auditValueText,
  snapshotName,
  type AuditLocale,
} from '../../../../common/audit';
import { enumerationLabel, memberPositionLabel, type Enumeration } from '../../../../common/labels';
import type { AuditEntry } from '../../../../common/schemas/accounts';
import { districtName } from '../../../../common/validators';
import type { AuditRow } from './audit.repository';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** The page that shows the record of an entry: a membership's network, an industry link's upstream industry. */
export function auditTarget(r: Pick<AuditRow, 'entity' | 'entityId' | 'before' | 'after'>): AuditEntry['target'] {
  const snap = isRecord(r.after) ? r.after : isRecord(r.before) ? r.before : {};
  switch (r.entity) {
    case 'organization':
    case 'person':
    case 'network':
    case 'place':
    case 'industry':
    case 'user':
      return r.entityId ? { type: r.entity, id: r.entityId } : null;
    case 'membership': {
      const networkId = str(snap.networkId);
      return networkId ? { type: 'network', id: networkId } : null;
    }
    case 'industry_link': {
      const id = str(snap.upstreamId) ?? r.entityId;
      return id ? { type: 'industry', id } : null;
    }
    default:
      return null;
  }
}

export function presentAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorUsername: r.actorUsername,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    // entries written before names were kept: the snapshot's name
    entityName: r.entityName ?? snapshotName(r.after, r.before),
    target: auditTarget(r),
    before: r.before,
    after: r.after,
    requestId: r.requestId,
    ip: r.ip,
  };
}

/** Which enumeration a snapshot field holds, by the record's kind (`kind` means a different one for each). */
function enumerationOf(entity: string, key: string): Enumeration | 'position' | undefined {
  if (key === 'tier') return 'position';
  if (key === 'size') return 'organizationSize';
  if (key === 'roles' && entity === 'person') return 'personRole';
  if (key === 'personRole') return 'networkPersonRole';
  if (key !== 'kind') return undefined;
  if (entity === 'organization') return 'organizationKind';
  if (entity === 'network') return 'networkKind';
  if (entity === 'place') return 'placeKind';
  return undefined;
}

/** Districts by name; enumerations by their words in the reader's language (common/labels.ts, labels-en.ts). */
function valueText(entity: string, key: string, value: unknown, locale: AuditLocale): string {
  if (key === 'districtCode' && typeof value === 'string') return districtName(value, locale) ?? value;
  const enumeration = enumerationOf(entity, key);
  if (enumeration) {
    const word = (code: unknown) =>
      typeof code !== 'string' ? code : enumeration === 'position' ? memberPositionLabel(code, locale) : enumerationLabel(enumeration, code, locale);
    return auditValueText(Array.isArray(value) ? value.map(word) : word(value), locale);
  }
  return auditValueText(value, locale);
}

/** What changed, one line a field: "名称：旧 → 新" for an update, "名称：值" for a create or delete. */
export function auditChangesText(before: unknown, after: unknown, locale: AuditLocale, entity = ''): string {
  const sep = locale === 'en' ? ': ' : '：';
  const changes = auditFieldChanges(before, after);
  const both = isRecord(before) && isRecord(after);
  return changes
    .filter((c) => !both || c.changed)
    .map((c) => {
      const label = auditFieldLabel(c.key, locale);
      const text = (v: unknown) => valueText(entity, c.key, v, locale);
      if (!both) return `${label}${sep}${text(c.after ?? c.before)}`;
      return `${label}${sep}${text(c.before)} → ${text(c.after)}`;
    })
    .join('\n');
}

const headers: Record<AuditLocale, string[]> = {
  'zh-CN': ['时间', '操作人', '动作', '对象类型', '对象', '对象编号', '变更内容', 'IP 地址', '请求编号'],
  en: ['Time', 'By', 'Action', 'Record type', 'Record', 'Record id', 'Changes', 'IP address', 'Request id'],
};
const widths = [20, 14, 12, 12, 30, 38, 60, 16, 24];

export const auditExportColumns = (locale: AuditLocale) => headers[locale].map((header, i) => ({ header, width: widths[i]! }));

/** Time in Shanghai as YYYY-MM-DD HH:mm:ss. */
const shanghaiTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

export function auditExportCells(r: AuditRow, locale: AuditLocale): string[] {
  const e = presentAuditEntry(r);
  return [
    shanghaiTime(r.at),
    e.actorUsername ?? (locale === 'en' ? 'System' : '系统'),
    auditActionLabel(e.action, locale),
    auditEntityLabel(e.entity, locale),
    e.entityName ?? '',
    e.entityId ?? '',
    auditChangesText(e.before, e.after, locale, e.entity),
    e.ip ?? '',
    e.requestId ?? '',
  ];
}
