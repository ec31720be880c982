import { organizationKinds, type OrganizationKind } from './domain';
import { organizationKindLabels } from './labels';

/**
 * The kind of a new organisation guessed from its name (a report's 某某大学, 某某商会 …), for the
 * coordinator to check before it is created. The endings of the genre first (most specific first:
 * 中国科学院 is an institute although it ends in 学院; a company's 党委 is a party organisation),
 * then the words of common/labels.ts read as endings (…银行, …协会, …园区), else `other`.
 */
const ENDINGS: ReadonlyArray<readonly [RegExp, OrganizationKind]> = [
  [/(党委|党组|党支部|党总支|党工委|工委|区委|市委|县委|统战部|组织部|宣传部)$|^中共/, 'party_org'],
  [/(银行|支行|分行|信用社|农商行)$/, 'bank'],
  [/(科学院|工程院|社会科学院|研究院|研究所|研究中心|实验室|设计院)$/, 'institute'],
  [/(大学|学院|高等专科学校|职业技术学院)$/, 'university'],
  [/(协会|学会|商会|联合会|联谊会|促进会|研究会|基金会|新联会|知联会|侨联|工商联|科协|同学会|校友会)$/, 'association'],
  [/(人民政府|政府|管理局|管委会|委员会|经信委|科经委|发改委|国资委|信息化委|[教科经商建农卫]委|办公室|办事处|街道|局|厅)$/, 'government'],
  [/(产业园|科技园|园区|工业区|开发区|试验区|商务区|度假区|孵化器|众创空间)$/, 'park_operator'],
  [/^(中国|中)\p{Script=Han}*(集团|公司)$|^(中船|中建|中海|国药|国家电网|中石化|中石油)/u, 'soe'],
  [/(有限责任公司|股份有限公司|有限公司|公司|集团|事务所|工作室|厂)$/, 'enterprise'],
];

/** The label words of each kind, longest first, read as name endings (大学, 银行, 商会, 园区 …). */
const LABEL_ENDINGS: ReadonlyArray<readonly [string, OrganizationKind]> = organizationKinds
  .filter((k) => k !== 'other')
  .flatMap((k) => organizationKindLabels[k].filter((w) => w.length >= 2).map((w) => [w, k] as const))
  .sort((a, b) => b[0].length - a[0].length);

export function inferOrganizationKind(name: string): OrganizationKind {
  const n = name.trim().replace(/[(（][^)）]*[)）]$/, '');
  for (const [re, kind] of ENDINGS) if (re.test(n)) return kind;
  for (const [word, kind] of LABEL_ENDINGS) if (n.endsWith(word)) return kind;
  return 'other';
}
