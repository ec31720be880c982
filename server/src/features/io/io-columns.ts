import type { IoKind } from '../../../../common/schemas/io';
import { shanghaiDistricts } from '../../../../common/validators';
import {
  memberTypeVocabulary,
  membershipTierVocabulary,
  networkPersonRoleVocabulary,
  organizationKindVocabulary,
  organizationSizeVocabulary,
  personRoleVocabulary,
  placeKindVocabulary,
} from '../../../../common/labels';

/** One column of a template: its Chinese header, whether it is required, an example and what it takes. */
export interface ColumnSpec {
  key: string;
  header: string;
  required?: boolean;
  example: string;
  note: string;
  /** allowed values (a drop-down in the template) */
  allowed?: string[];
  width: number;
}

const districtNames = shanghaiDistricts.map((d) => d.name);
const LIST = '多个用“；”或“、”分隔';

export const organizationColumns = [
  { key: 'name', header: '名称', required: true, example: '上海示例智能科技有限公司', note: '单位全称，不超过200字', width: 32 },
  {
    key: 'kind',
    header: '类型',
    required: true,
    example: '企业',
    note: '单位类型',
    allowed: organizationKindVocabulary.allowed,
    width: 12,
  },
  { key: 'district', header: '所在区', example: '浦东新区', note: '上海市的区名（如 浦东新区、浦东）或行政区划代码（如 310115）', allowed: districtNames, width: 12 },
  { key: 'uscc', header: '统一社会信用代码', example: '91310115MA1H7XKQ1D', note: '18位，校验位须正确；不能与系统中已有单位重复', width: 22 },
  { key: 'aliases', header: '别名', example: '示例智能；示例科技', note: `简称、曾用简称等，${LIST}`, width: 20 },
  { key: 'address', header: '地址', example: '上海市浦东新区张江路100号', note: '不超过300字', width: 30 },
  { key: 'industries', header: '产业', example: '', note: `系统中已有的产业名称，${LIST}`, width: 16 },
  { key: 'size', header: '规模', example: '小型', note: '企业规模', allowed: organizationSizeVocabulary.allowed, width: 8 },
  { key: 'website', header: '网站', example: 'https://www.example.com', note: '网址', width: 24 },
  { key: 'description', header: '简介', example: '从事人工智能软件研发。', note: '不超过5000字', width: 40 },
] as const satisfies readonly ColumnSpec[];

export const personColumns = [
  { key: 'name', header: '姓名', required: true, example: '张三', note: '不超过100字', width: 10 },
  { key: 'roles', header: '角色', example: '专家、导师', note: LIST, allowed: personRoleVocabulary.allowed, width: 14 },
  { key: 'organization', header: '单位', example: '上海示例智能科技有限公司', note: '任职单位；与系统中已有单位名称或别名相同时自动关联', width: 28 },
  { key: 'position', header: '职务', example: '总经理', note: '不超过100字', width: 14 },
  { key: 'district', header: '所在区', example: '浦东新区', note: '上海市的区名或行政区划代码', allowed: districtNames, width: 12 },
  { key: 'phone', header: '手机', example: '13800138000', note: '11位手机号或座机号（如 021-62345678）', width: 16 },
  { key: 'email', header: '邮箱', example: 'zhangsan@example.com', note: '电子邮箱', width: 24 },
  { key: 'expertise', header: '专长', example: '人工智能；知识产权', note: `专长关键词，${LIST}`, width: 24 },
] as const satisfies readonly ColumnSpec[];

export const membershipColumns = [
  { key: 'network', header: '网络名称', required: true, example: '示例产业联盟', note: '系统中已有的网络（联盟、智库、导师团等）名称', width: 24 },
  {
    key: 'memberType',
    header: '成员类型',
    required: true,
    example: '单位',
    note: '单位或个人',
    allowed: memberTypeVocabulary.allowed,
    width: 10,
  },
  { key: 'member', header: '成员名称', required: true, example: '上海示例智能科技有限公司', note: '系统中已有的单位名称（或别名）或人员姓名', width: 28 },
  {
    key: 'tier',
    header: '层级',
    required: true,
    example: '成员单位',
    note: '单位填层级（如成员单位），个人填角色（如导师、首批专家）',
    allowed: [...membershipTierVocabulary.allowed, ...networkPersonRoleVocabulary.allowed],
    width: 14,
  },
  { key: 'role', header: '角色', example: '副理事长单位', note: '在网络中的角色，不超过100字', width: 16 },
  { key: 'joinedOn', header: '加入日期', example: '2024-01-15', note: '日期，如 2024-01-15', width: 12 },
] as const satisfies readonly ColumnSpec[];

export type OrganizationKey = (typeof organizationColumns)[number]['key'];
export type PersonKey = (typeof personColumns)[number]['key'];
export type MembershipKey = (typeof membershipColumns)[number]['key'];

export const placeColumns = [
  { key: 'name', header: '名称', required: true, example: '张江人工智能岛', note: '不超过200字', width: 28 },
  { key: 'kind', header: '类型', required: true, example: '园区', note: '场所类型', allowed: placeKindVocabulary.allowed, width: 12 },
  { key: 'district', header: '所在区', example: '浦东新区', note: '上海市的区名（如 浦东新区、浦东）或行政区划代码（如 310115）', allowed: districtNames, width: 12 },
  { key: 'address', header: '地址', example: '上海市浦东新区海趣路58号', note: '不超过500字', width: 30 },
  { key: 'lng', header: '经度', example: '121.6', note: '与纬度同时填写；上海范围内', width: 12 },
  { key: 'lat', header: '纬度', example: '31.2', note: '与经度同时填写；上海范围内', width: 12 },
  { key: 'crs', header: '坐标系', example: 'WGS-84', note: 'WGS-84（GPS、天地图，默认）或 GCJ-02（高德、腾讯地图）；保存为 WGS-84', allowed: ['WGS-84', 'GCJ-02'], width: 12 },
  { key: 'description', header: '简介', example: '', note: '不超过5000字', width: 40 },
] as const satisfies readonly ColumnSpec[];
export type PlaceKey = (typeof placeColumns)[number]['key'];

export const columnsOf: Record<IoKind, readonly ColumnSpec[]> = {
  organizations: organizationColumns,
  people: personColumns,
  memberships: membershipColumns,
  places: placeColumns,
};

/** Sheet names and file names in Chinese. */
export const kindTitles: Record<IoKind, string> = { organizations: '单位', people: '人员', memberships: '网络成员', places: '场所' };

/** The audit entity of each kind. */
export const kindEntities: Record<IoKind, 'organization' | 'person' | 'membership' | 'place'> = {
  organizations: 'organization',
  people: 'person',
  memberships: 'membership',
  places: 'place',
};

/** A header as users write it: spaces and a required-mark (*, ＊) dropped. */
export const headerKey = (text: string) => text.replace(/[\s*＊]/g, '');
