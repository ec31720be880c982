/**
 * The audit log's vocabulary (zod-free, read by the server's export and the web page): the actions and
 * record kinds it records, the labels of both and of the fields of its before/after snapshots, in both
 * languages, and the one comparison of a before and an after.
 */
export type AuditLocale = 'zh-CN' | 'en';
interface Label {
  zh: string;
  en: string;
}

export const auditActions = [
  'create',
  'update',
  'update+password',
  'delete',
  'merge',
  'change-tier',
  'leave',
  'import',
  'export',
  'unmask',
  'login',
  'logout',
  'lock',
  'unlock',
  'load-demo',
  'confirm',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: Record<AuditAction, Label> = {
  create: { zh: '创建', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  'update+password': { zh: '修改（含密码）', en: 'Update (password)' },
  delete: { zh: '删除', en: 'Delete' },
  merge: { zh: '合并', en: 'Merge' },
  'change-tier': { zh: '调整层级', en: 'Change tier' },
  leave: { zh: '退出', en: 'Leave' },
  import: { zh: '导入', en: 'Import' },
  export: { zh: '导出', en: 'Export' },
  unmask: { zh: '查看联系方式', en: 'Reveal contact' },
  login: { zh: '登录', en: 'Log in' },
  logout: { zh: '退出登录', en: 'Log out' },
  lock: { zh: '锁定账号', en: 'Lock account' },
  unlock: { zh: '解锁账号', en: 'Unlock account' },
  'load-demo': { zh: '载入演示数据', en: 'Load demo data' },
  confirm: { zh: '确认', en: 'Confirm' },
};

export const auditEntities = [
  'organization',
  'person',
  'network',
  'membership',
  'place',
  'industry',
  'industry_link',
  'user',
  'dataset',
  'audit',
  'area',
  'route',
  'event',
  'agreement',
  'registration',
  'report',
] as const;
export type AuditEntity = (typeof auditEntities)[number];

export const auditEntityLabels: Record<AuditEntity, Label> = {
  organization: { zh: '单位', en: 'Organisation' },
  person: { zh: '人员', en: 'Person' },
  network: { zh: '网络', en: 'Network' },
  membership: { zh: '网络成员', en: 'Network member' },
  place: { zh: '场所', en: 'Place' },
  industry: { zh: '产业', en: 'Industry' },
  industry_link: { zh: '产业链关系', en: 'Industry link' },
  user: { zh: '用户', en: 'User' },
  dataset: { zh: '数据集', en: 'Dataset' },
  audit: { zh: '审计日志', en: 'Audit log' },
  area: { zh: '片区', en: 'Area' },
  route: { zh: '线路', en: 'Route' },
  event: { zh: '活动', en: 'Event' },
  agreement: { zh: '协议', en: 'Agreement' },
  registration: { zh: '报名', en: 'Registration' },
  report: { zh: '报道', en: 'Report' },
};

/** The fields of the snapshots the services write (`audit<Kind>()` in each presenter). */
export const auditFieldLabels: Record<string, Label> = {
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  districtCode: { zh: '所属区', en: 'District' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  aliases: { zh: '别名', en: 'Aliases' },
  formerNames: { zh: '曾用名', en: 'Former names' },
  address: { zh: '地址', en: 'Address' },
  lng: { zh: '经度', en: 'Longitude' },
  lat: { zh: '纬度', en: 'Latitude' },
  size: { zh: '规模', en: 'Size' },
  website: { zh: '网址', en: 'Website' },
  description: { zh: '简介', en: 'Description' },
  industryIds: { zh: '所属产业', en: 'Industries' },
  roles: { zh: '身份', en: 'Roles' },
  expertise: { zh: '专长', en: 'Expertise' },
  bio: { zh: '简介', en: 'Biography' },
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '电子邮箱', en: 'E-mail' },
  politicalAffiliation: { zh: '政治面貌', en: 'Political affiliation' },
  politicalConsent: { zh: '同意公开政治面貌', en: 'Consent to show affiliation' },
  affiliations: { zh: '任职单位', en: 'Affiliations' },
  networkId: { zh: '网络', en: 'Network' },
  organizationId: { zh: '单位', en: 'Organisation' },
  personId: { zh: '人员', en: 'Person' },
  tier: { zh: '层级', en: 'Tier' },
  personRole: { zh: '个人角色', en: 'Person role' },
  role: { zh: '职务', en: 'Role' },
  joinedOn: { zh: '加入日期', en: 'Joined on' },
  leftOn: { zh: '退出日期', en: 'Left on' },
  membershipId: { zh: '原成员记录', en: 'Previous membership' },
  parentId: { zh: '上级', en: 'Parent' },
  declaredCounts: { zh: '声明的成员数', en: 'Declared counts' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Display name' },
  scopes: { zh: '权限范围', en: 'Scopes' },
  permissions: { zh: '附加权限', en: 'Permissions' },
  disabled: { zh: '已停用', en: 'Disabled' },
  failedLogins: { zh: '登录失败次数', en: 'Failed logins' },
  format: { zh: '格式', en: 'Format' },
  filter: { zh: '筛选条件', en: 'Filter' },
  count: { zh: '条数', en: 'Count' },
  unmasked: { zh: '不打码', en: 'Unmasked' },
  fileName: { zh: '文件名', en: 'File name' },
  mode: { zh: '方式', en: 'Mode' },
  total: { zh: '总行数', en: 'Total rows' },
  rejected: { zh: '错误行数', en: 'Rejected rows' },
  upstream: { zh: '上游产业', en: 'Upstream' },
  downstream: { zh: '下游产业', en: 'Downstream' },
  upstreamId: { zh: '上游产业编号', en: 'Upstream id' },
  downstreamId: { zh: '下游产业编号', en: 'Downstream id' },
  sortOrder: { zh: '排序', en: 'Order' },
  kept: { zh: '保留的记录', en: 'Kept record' },
  source: { zh: '被合并的记录', en: 'Merged record' },
  mergedFrom: { zh: '合并自', en: 'Merged from' },
  mergedInto: { zh: '已合并到', en: 'Merged into' },
  moved: { zh: '转移的关联', en: 'Moved links' },
  id: { zh: '编号', en: 'Id' },
  areaKm2: { zh: '面积（平方公里）', en: 'Area (km²)' },
  approximate: { zh: '约略范围', en: 'Approximate' },
  note: { zh: '说明', en: 'Note' },
  published: { zh: '公开', en: 'Published' },
  placeIds: { zh: '途经场所', en: 'Stops' },
  totalM: { zh: '总长（米）', en: 'Total (m)' },
  routeName: { zh: '线路', en: 'Route' },
};

const pick = (l: Label, locale: AuditLocale) => (locale === 'en' ? l.en : l.zh);
const has = <T extends string>(map: Record<T, Label>, key: string): key is T => Object.hasOwn(map, key);

export const auditActionLabel = (code: string, locale: AuditLocale) => (has(auditActionLabels, code) ? pick(auditActionLabels[code], locale) : code);
export const auditEntityLabel = (code: string, locale: AuditLocale) => (has(auditEntityLabels, code) ? pick(auditEntityLabels[code], locale) : code);
export const auditFieldLabel = (key: string, locale: AuditLocale) => (has(auditFieldLabels, key) ? pick(auditFieldLabels[key], locale) : key);

export interface AuditFieldChange {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const fieldOrder = new Map(Object.keys(auditFieldLabels).map((key, index) => [key, index]));
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The fields of a before/after pair in the order of the label table (unknown keys last; a database keeps
 * JSON keys in its own order), each marked changed or not; fields empty on both sides are left out. A
 * snapshot that is not an object (or absent) contributes no fields: a create has only `after`, a delete only `before`.
 */
export function auditFieldChanges(before: unknown, after: unknown): AuditFieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => !(isEmpty(b[key]) && isEmpty(a[key])))
    .sort((x, y) => (fieldOrder.get(x) ?? Infinity) - (fieldOrder.get(y) ?? Infinity) || x.localeCompare(y));
  const both = isRecord(before) && isRecord(after);
  return keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    changed: both && JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null),
  }));
}

/** A snapshot value as one line of text: lists joined with 、, yes/no, nested objects as 键：值. */
export function auditValueText(value: unknown, locale: AuditLocale): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? (locale === 'en' ? 'Yes' : '是') : locale === 'en' ? 'No' : '否';
  if (Array.isArray(value)) return value.length ? value.map((v) => auditValueText(v, locale)).join(locale === 'en' ? ', ' : '、') : '—';
  if (isRecord(value)) {
    const sep = locale === 'en' ? ': ' : '：';
    const parts = Object.entries(value).map(([k, v]) => `${auditFieldLabel(k, locale)}${sep}${auditValueText(v, locale)}`);
    return parts.length ? parts.join(locale === 'en' ? '; ' : '；') : '—';
  }
  return String(value as string | number);
}

/** The snapshot's own name for a record (name, display name or username), when it has one. */
export function snapshotName(...snapshots: unknown[]): string | null {
  for (const s of snapshots) {
    if (!isRecord(s)) continue;
    for (const key of ['name', 'displayName', 'username']) {
      const v = s[key];
      if (typeof v === 'string' && v.trim() !== '') return v;
    }
    if (typeof s.upstream === 'string' && typeof s.downstream === 'string') return `${s.upstream} → ${s.downstream}`;
  }
  return null;
}
