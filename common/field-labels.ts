/**
 * The label of each request field, as the forms, templates and error messages call it: the one table
 * the server uses to name a field in an error ("名称：最多 200 个字符", not "name ..."). No zod, no React.
 */
export interface FieldLabel {
  'zh-CN': string;
  en: string;
}

export const fieldLabels: Record<string, FieldLabel> = {
  name: { 'zh-CN': '名称', en: 'Name' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  uscc: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  districtCode: { 'zh-CN': '所在区', en: 'District' },
  aliases: { 'zh-CN': '别名', en: 'Aliases' },
  formerNames: { 'zh-CN': '曾用名', en: 'Former names' },
  address: { 'zh-CN': '地址', en: 'Address' },
  lng: { 'zh-CN': '经度', en: 'Longitude' },
  lat: { 'zh-CN': '纬度', en: 'Latitude' },
  crs: { 'zh-CN': '坐标系', en: 'Coordinate system' },
  industryIds: { 'zh-CN': '产业', en: 'Industries' },
  industryId: { 'zh-CN': '产业', en: 'Industry' },
  size: { 'zh-CN': '规模', en: 'Size' },
  website: { 'zh-CN': '网址', en: 'Website' },
  description: { 'zh-CN': '简介', en: 'Description' },
  force: { 'zh-CN': '仍然保存', en: 'Save anyway' },
  roles: { 'zh-CN': '角色', en: 'Roles' },
  role: { 'zh-CN': '角色', en: 'Role' },
  titles: { 'zh-CN': '职务', en: 'Titles' },
  expertise: { 'zh-CN': '专长', en: 'Expertise' },
  bio: { 'zh-CN': '简介', en: 'Biography' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  email: { 'zh-CN': '电子邮箱', en: 'E-mail' },
  politicalAffiliation: { 'zh-CN': '政治面貌', en: 'Political affiliation' },
  politicalConsent: { 'zh-CN': '本人同意', en: 'Consent' },
  affiliations: { 'zh-CN': '任职', en: 'Affiliations' },
  organizationId: { 'zh-CN': '单位', en: 'Organisation' },
  organizationIds: { 'zh-CN': '单位', en: 'Organisations' },
  organizationName: { 'zh-CN': '单位名称', en: 'Organisation name' },
  position: { 'zh-CN': '职务', en: 'Position' },
  startOn: { 'zh-CN': '开始日期', en: 'Start date' },
  endOn: { 'zh-CN': '结束日期', en: 'End date' },
  isContact: { 'zh-CN': '联系人', en: 'Contact' },
  personId: { 'zh-CN': '人员', en: 'Person' },
  networkId: { 'zh-CN': '网络', en: 'Network' },
  parentId: { 'zh-CN': '上级', en: 'Parent' },
  tier: { 'zh-CN': '层级', en: 'Tier' },
  joinedOn: { 'zh-CN': '加入日期', en: 'Joined on' },
  leftOn: { 'zh-CN': '退出日期', en: 'Left on' },
  declaredCounts: { 'zh-CN': '申报数量', en: 'Declared counts' },
  upstreamId: { 'zh-CN': '上游产业', en: 'Upstream industry' },
  downstreamId: { 'zh-CN': '下游产业', en: 'Downstream industry' },
  sourceId: { 'zh-CN': '被合并的记录', en: 'Record to merge' },
  excludeId: { 'zh-CN': '排除的记录', en: 'Excluded record' },
  username: { 'zh-CN': '用户名', en: 'Username' },
  password: { 'zh-CN': '密码', en: 'Password' },
  displayName: { 'zh-CN': '姓名', en: 'Display name' },
  scopes: { 'zh-CN': '管理范围', en: 'Scopes' },
  value: { 'zh-CN': '值', en: 'Value' },
  permissions: { 'zh-CN': '权限', en: 'Permissions' },
  disabled: { 'zh-CN': '停用', en: 'Disabled' },
  q: { 'zh-CN': '关键词', en: 'Keyword' },
  types: { 'zh-CN': '类型', en: 'Types' },
  limit: { 'zh-CN': '条数', en: 'Limit' },
  page: { 'zh-CN': '页码', en: 'Page' },
  pageSize: { 'zh-CN': '每页条数', en: 'Page size' },
  sort: { 'zh-CN': '排序', en: 'Sort' },
  current: { 'zh-CN': '仅当前成员', en: 'Current only' },
  unmasked: { 'zh-CN': '不打码', en: 'Unmasked' },
  mode: { 'zh-CN': '导入方式', en: 'Import mode' },
  file: { 'zh-CN': '文件', en: 'File' },
  token: { 'zh-CN': '报告编号', en: 'Report token' },
  id: { 'zh-CN': '编号', en: 'Id' },
  membershipId: { 'zh-CN': '成员编号', en: 'Membership id' },
  entity: { 'zh-CN': '对象类型', en: 'Object type' },
  entityId: { 'zh-CN': '对象', en: 'Object' },
  action: { 'zh-CN': '动作', en: 'Action' },
  actor: { 'zh-CN': '操作人', en: 'User' },
  from: { 'zh-CN': '开始时间', en: 'From' },
  to: { 'zh-CN': '结束时间', en: 'To' },
};

/**
 * A field's label from its dotted path: `affiliations.0.position` → 任职第 1 项·职务; unknown keys stay as they are.
 */
export function fieldLabel(path: string, locale: keyof FieldLabel): string {
  const parts = path.split('.').filter((p) => p !== '');
  const out: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      const n = Number(part) + 1;
      const last = out.length - 1;
      if (last >= 0) out[last] += locale === 'en' ? ` #${n}` : `第 ${n} 项`;
      continue;
    }
    out.push(fieldLabels[part]?.[locale] ?? part);
  }
  return out.join(locale === 'en' ? ' › ' : '·');
}
