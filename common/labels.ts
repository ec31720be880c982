import {
  membershipTiers,
  networkKinds,
  networkPersonRoles,
  organizationKinds,
  organizationSizes,
  personRoles,
  placeKinds,
  type MembershipTier,
  type NetworkKind,
  type NetworkPersonRole,
  type OrganizationKind,
  type OrganizationSize,
  type PersonRole,
  type PlaceKind,
} from './domain';
import {
  membershipTierLabelsEn,
  networkKindLabelsEn,
  networkPersonRoleLabelsEn,
  organizationKindLabelsEn,
  organizationSizeLabelsEn,
  personRoleLabelsEn,
  placeKindLabelsEn,
} from './labels-en';

/**
 * The Chinese words for the glossary's enumerations: the first label is the one written (spreadsheets, search
 * subtitles, the web app's zh-CN labels), the others are also read (imports). One table for every side.
 */
export const organizationKindLabels: Record<OrganizationKind, string[]> = {
  enterprise: ['企业', '民营企业', '私营企业'],
  soe: ['国有企业', '国企'],
  university: ['高校', '大学', '高等院校'],
  institute: ['科研院所', '研究院所', '科研机构'],
  bank: ['银行', '金融机构'],
  association: ['协会', '社会组织', '商会', '学会'],
  government: ['政府部门', '政府机关'],
  party_org: ['党组织'],
  park_operator: ['园区运营方', '园区'],
  other: ['其他'],
};

export const organizationSizeLabels: Record<OrganizationSize, string[]> = {
  micro: ['微型', '微'],
  small: ['小型', '小'],
  medium: ['中型', '中'],
  large: ['大型', '大'],
};

export const personRoleLabels: Record<PersonRole, string[]> = {
  expert: ['专家'],
  mentor: ['导师'],
  representative: ['代表人士'],
  staff: ['工作人员'],
};

export const membershipTierLabels: Record<MembershipTier, string[]> = {
  founding: ['发起单位'],
  joint_meeting: ['联席会议单位'],
  member: ['成员单位'],
  convening: ['召集单位'],
  chain_leader: ['链长', '链长单位'],
};

export const networkKindLabels: Record<NetworkKind, string[]> = {
  think_tank: ['智库'],
  mentor_team: ['导师团'],
  service_team: ['专家服务团'],
  alliance: ['联盟'],
  cluster_community: ['产业集群共同体'],
  association: ['联谊会', '联谊会/协会'],
  council: ['理事会'],
  committee: ['委员会'],
  station_roster: ['服务站名册'],
};

export const placeKindLabels: Record<PlaceKind, string[]> = {
  park: ['园区'],
  community: ['社区'],
  block: ['街区'],
  exhibition: ['展区'],
  scenic: ['景区'],
  station: ['服务站'],
  service_point: ['服务点位', '点位'],
  base: ['合作基地', '基地'],
  venue: ['会场', '场馆'],
};

export const networkPersonRoleLabels: Record<NetworkPersonRole, string[]> = {
  founding_expert: ['首批专家'],
  expert: ['专家'],
  mentor: ['导师'],
  adviser: ['顾问'],
  secretary_general: ['秘书长'],
  individual_member: ['成员', '个人成员'],
};

export const memberTypes = ['organization', 'person'] as const;
export type MemberType = (typeof memberTypes)[number];
export const memberTypeLabels: Record<MemberType, string[]> = {
  organization: ['单位', '组织', '机构', '企业'],
  person: ['个人', '人员'],
};

/** A parser from a label (or the code name itself) to the code, and the list of labels for messages. */
export interface Vocabulary<T extends string> {
  parse(text: string): T | undefined;
  label(code: T): string;
  /** the labels a user may write, for the template and the error messages */
  allowed: string[];
}

export function vocabulary<T extends string>(codes: readonly T[], labels: Record<T, string[]>): Vocabulary<T> {
  const byText = new Map<string, T>();
  for (const code of codes) {
    byText.set(code.toLowerCase(), code);
    for (const l of labels[code]) byText.set(l, code);
  }
  return {
    parse: (text) => byText.get(text.trim().replace(/\s+/g, '')) ?? byText.get(text.trim().toLowerCase()),
    label: (code) => labels[code][0],
    allowed: codes.map((c) => labels[c][0]),
  };
}

export const organizationKindVocabulary = vocabulary(organizationKinds, organizationKindLabels);
export const organizationSizeVocabulary = vocabulary(organizationSizes, organizationSizeLabels);
export const personRoleVocabulary = vocabulary(personRoles, personRoleLabels);
export const membershipTierVocabulary = vocabulary(membershipTiers, membershipTierLabels);
export const networkPersonRoleVocabulary = vocabulary(networkPersonRoles, networkPersonRoleLabels);
/** The words of a position: an organisation's tier or a person's role (exports, messages). */
export const memberPositionLabel = (code: string, locale: LabelLocale = 'zh-CN'): string =>
  enumerationLabel(Object.hasOwn(networkPersonRoleLabels, code) ? 'networkPersonRole' : 'membershipTier', code, locale);
export const memberTypeVocabulary = vocabulary(memberTypes, memberTypeLabels);
export const networkKindVocabulary = vocabulary(networkKinds, networkKindLabels);
export const placeKindVocabulary = vocabulary(placeKinds, placeKindLabels);

/** Splits a cell holding several values: 别名, 产业, 角色, 专长 (；; 、 and line breaks; commas too where asked). */
export function splitList(text: string, commas = false): string[] {
  const re = commas ? /[；;、,，\n\r]+/ : /[；;、\n\r]+/;
  return [...new Set(text.split(re).map((v) => v.trim()).filter((v) => v !== ''))];
}

/** Written back into one cell (exports, error reports). */
export const joinList = (values: readonly string[]) => values.join('；');

export type LabelLocale = 'zh-CN' | 'en';

/** Each enumeration's words in both languages: the Chinese table (first word written) and the English one. */
export const enumerationTables = {
  organizationKind: { zh: organizationKindLabels, en: organizationKindLabelsEn },
  organizationSize: { zh: organizationSizeLabels, en: organizationSizeLabelsEn },
  personRole: { zh: personRoleLabels, en: personRoleLabelsEn },
  membershipTier: { zh: membershipTierLabels, en: membershipTierLabelsEn },
  networkPersonRole: { zh: networkPersonRoleLabels, en: networkPersonRoleLabelsEn },
  networkKind: { zh: networkKindLabels, en: networkKindLabelsEn },
  placeKind: { zh: placeKindLabels, en: placeKindLabelsEn },
} as const;
export type Enumeration = keyof typeof enumerationTables;

/** A code's word in a language (the code itself when the enumeration does not know it: old data). */
export function enumerationLabel(enumeration: Enumeration, code: string, locale: LabelLocale): string {
  const table: { zh: Record<string, string[]>; en: Record<string, string> } = enumerationTables[enumeration];
  if (!Object.hasOwn(table.en, code)) return code;
  return locale === 'en' ? table.en[code]! : table.zh[code]![0]!;
}
