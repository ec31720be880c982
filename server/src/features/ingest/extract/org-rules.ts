import { tagWords } from '../../../lib/text';
import { CITIES, DISTRICTS } from './places';

/**
 * Rules that decide whether a candidate organisation name is a specific organisation the report
 * mentions (report-labels.md: "every organisation the text names"), and which candidates are the
 * same organisation written twice. Pure functions over a name and the text around it.
 */

/** Standard short forms of endings in this genre and the full endings they stand for. */
const SHORT_ENDINGS: Record<string, readonly string[]> = {
  新联会: ['新的社会阶层人士联谊会', '新阶层人士联谊会', '新的社会阶层人士联合会'],
  知联会: ['知识分子联谊会'],
  经信委: ['经济信息化委', '经济和信息化委员会', '经济信息化委员会'],
  科经委: ['科技和经济委员会', '科技经济委员会'],
  发改委: ['发展改革委', '发展和改革委员会'],
  国资委: ['国有资产监督管理委员会'],
  工商联: ['工商业联合会'],
  侨联: ['归国华侨联合会'],
  科协: ['科学技术协会'],
  统战部: ['统一战线工作部'],
  侨办: ['侨务办公室'],
  台办: ['台湾事务办公室'],
};
const SHORT_KEYS = Object.keys(SHORT_ENDINGS).sort((a, b) => b.length - a.length);

/** The common ending (公司, 党委, 联谊会 …) that two names must share to be the same kind of body. */
const ENDING =
  /(有限责任公司|股份有限公司|有限公司|公司|集团|大学|学院|研究院|研究所|研究会|实验室|中心|协会|学会|商会|联合会|联谊会|促进会|联盟|委员会|党委|党组|区委|市委|县委|统战部|组织部|宣传部|政府|管理局|银行|支行|分行|医院|基金会|智库|共同体|理事会|导师团|服务团|新联会|知联会|侨联|工商联|科协|经信委|科经委|发改委|工委)$/;

const LEVEL = /^[市区县]/;
const PLACE_WORDS = new RegExp(
  `^(${[...DISTRICTS.flatMap((d) => [d.full, d.short]), ...CITIES, '中共', '中国', '全国'].join('|')})`,
);

function isSubsequence(short: string, long: string): boolean {
  let k = 0;
  for (const ch of long) if (k < short.length && ch === short[k]) k++;
  return k === short.length;
}

/**
 * The leading part of a short name matches the leading part of the full one: its characters appear
 * in order and it starts the same way (浦东 ~ 浦东新区, 上海市经信工作 ~ 上海市经济信息化工作); a bare
 * level word (市, 区) stands for the place the full name starts with (市知联会 ~ 上海…知识分子联谊会).
 */
function prefixMatches(short: string, full: string, allowBareLevel: boolean): boolean {
  if (short === full) return true;
  if (LEVEL.test(short) && PLACE_WORDS.test(full)) {
    const rest = short.slice(1);
    if (!rest) return allowBareLevel;
    return isSubsequence(rest, full);
  }
  if (!short) return allowBareLevel;
  return short[0] === full[0] && isSubsequence(short, full);
}

/**
 * Whether `short` is a short form of `full` (the same organisation written again, shorter):
 *  - a standard short ending for the full ending (浦东新联会 / 浦东新区新的社会阶层人士联谊会,
 *    市经信委 / 市经济信息化委), with a matching leading part; or
 *  - the same ending and a leading part that skips characters of the full one
 *    (上海市经信工作党委 / 上海市经济信息化工作党委). A leading part that is a contiguous piece of the
 *    full one names another body (上海大学 is not 上海交通大学, 中国银行 not 中国建设银行).
 */
export function isShortFormOf(short: string, full: string, fullWrittenFirst = true): boolean {
  if (short.length >= full.length || short === full) return false;
  const key = SHORT_KEYS.find((k) => short.endsWith(k));
  if (key) {
    for (const long of SHORT_ENDINGS[key]) {
      if (full.endsWith(long) && prefixMatches(short.slice(0, -key.length), full.slice(0, -long.length), true)) return true;
    }
  }
  // an ad-hoc short name is a back-reference only after the full one (中船集团 … 中国船舶集团 are both written as names)
  if (!fullWrittenFirst) return false;
  const a = ENDING.exec(short)?.[1];
  const b = ENDING.exec(full)?.[1];
  if (!a || a !== b) return false;
  const ps = short.slice(0, -a.length);
  const pf = full.slice(0, -b.length);
  const bare = ps.replace(LEVEL, '');
  if (bare.length < 2 || pf.includes(ps) || pf.includes(bare)) return false;
  return prefixMatches(ps, pf, false);
}

/**
 * Drops the names that are a short form of another name in the list (the full name stays): a
 * standard short ending wherever it is written, an ad-hoc one when written after the full name.
 */
export function dropShortForms<T extends { name: string; start: number }>(orgs: T[]): T[] {
  return orgs.filter((o) => !orgs.some((f) => f !== o && isShortFormOf(o.name, f.name, f.start < o.start)));
}

/** Group-like endings: such a name is often a description (互联网企业党建联盟) rather than a name. */
const GROUP_ENDING = /(联盟|共同体|专委会|导师团|服务团|专家团|智库|服务站|工作站)$/;
const PROPER_TAG = /^(ns|nr|nrt|nrfg|nt|nz|x|eng)$/;
const PLACE_ANYWHERE = new RegExp(
  `${[...DISTRICTS.flatMap((d) => [d.full, d.short]), ...CITIES, '外滩', '金桥', '张江', '临港', '安亭', '虹桥', '陆家嘴', '长三角', '漕河泾', '央企'].join('|')}`,
);

/**
 * A group-like name made only of common words — no place, person or brand name, no Latin letters,
 * quoted slogans not counted — describes a kind of body (互联网企业党建联盟, 党外知识分子专家服务团,
 * 产业社区邻里共同体) rather than naming one; 央企外滩党建联盟 and 上海创新创业导师团 name one.
 */
export function isDescriptiveGroup(name: string): boolean {
  const m = GROUP_ENDING.exec(name);
  if (!m) return false;
  const rest = name.slice(0, -m[1].length).replace(/“[^”]*”|"[^"]*"|《[^》]*》/g, '');
  if (!rest) return false;
  if (PLACE_ANYWHERE.test(rest) || /[A-Za-z0-9]/.test(rest)) return false;
  return !tagWords(rest).some((w) => PROPER_TAG.test(w.tag));
}

/** Qualifiers that open a description, never a name (重点产业专委会, 相关行业协会, 各区知联会). */
const GENERIC_START = /^(重点|相关|有关|各类|各级|各|部分|其他|其它|若干|多家|一批|全市|全区|全国各)/;

/**
 * The text right around a candidate tells that it is not an organisation mentioned:
 *  - an honour: 中国科学院院士, 新加坡工程院院士 (the academy is a title, not a participant);
 *  - a programme: 上海科创中心建设, 产城融合示范区建设 (what is being built);
 *  - a body of several levels at once: 市、区新阶层人士创新创业导师团 (市、区 X = the X of each level);
 *  - a description opened by a generic qualifier (重点产业专委会).
 */
export function notAnOrganisation(name: string, before: string, after: string): boolean {
  if (after.startsWith('院士')) return true;
  if (/(中心|示范区)$/.test(name) && /^(建设|战略)/.test(after)) return true;
  if (/[市区县镇]、$/.test(before) && LEVEL.test(name)) return true;
  return GENERIC_START.test(name);
}

/** A laboratory is a unit of its host: 某研究所生命过程…全国重点实验室 → 某研究所. */
export function hostOfLaboratory(name: string): string {
  const m = /^(.{4,}(?:研究所|研究院|大学|学院|医院|公司|集团))(.{4,}实验室)$/.exec(name);
  return m ? m[1] : name;
}

/**
 * "category noun + name": 乡村振兴示范村山塘村, 特色小镇某某镇 — the name starts after the category word
 * that ends like it (示范村 … 村).
 */
export function afterCategory(name: string): string {
  const last = name.slice(-1);
  const m = new RegExp(`^.*?(?:示范|重点|特色|先进|模范)[\\p{Script=Han}]?${last}(?=[\\p{Script=Han}]{2,}$)`, 'u').exec(name);
  return m ? name.slice(m[0].length) : name;
}

const NAME_END = /(公司|集团|大学|学院|研究院|研究所|中心|协会|学会|商会|联合会|联谊会|联盟|委员会|党委|区委|市委|县委|统战部|组织部|政府|银行|支行|分行|医院|新联会|知联会|工商联)$/;

/** Two names joined by 及/和/与 that the segmenter glued (黄浦区委及中国船舶集团): the second one. */
export function afterConjunction(name: string): string {
  for (let i = name.length - 2; i > 1; i--) {
    if ('及和与'.includes(name[i]) && NAME_END.test(name.slice(0, i))) return name.slice(i + 1);
  }
  return name;
}

/** Posts held in an association, a board or an academy, and honours: not where the person works. */
const HONORARY_POST = /^(副?会长|副?理事长|理事|常务理事|副?主委|委员|常委|院士|专家|顾问|成员|会员|副?秘书长)/;

/**
 * An organisation named only as the seat of someone's honorary or association post
 * (某研究会会长, 某专工委委员, 某中心专家, 某院院士) is part of that person's title, not an
 * organisation the report is about; the employer in a title (某大学副校长, 某公司总经理) is.
 * True when every mention is followed by such a post.
 */
export function onlyAsHonoraryPost(afters: readonly string[]): boolean {
  return afters.length > 0 && afters.every((a) => HONORARY_POST.test(a));
}
