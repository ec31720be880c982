import { tagWords, type TaggedWord } from '../../../lib/text';
import { afterCategory, afterConjunction, hostOfLaboratory, notAnOrganisation } from './org-rules';

export interface OrgMention {
  name: string;
  start: number;
  end: number;
  confidence: number;
}

/** Endings of organisation names in this genre (companies, bodies of the Party and the state, associations, parks). */
export const ORG_SUFFIX =
  /(有限责任公司|股份有限公司|有限公司|公司|集团|大学|学院|研究院|研究所|研究会|研究中心|实验室|中心|协会|学会|商会|联合会|联谊会|促进会|联盟|委员会|[融执管党]委会|工委|党委|党组|区委|市委|县委|统战部|组织部|宣传部|政府|管理局|银行|支行|分行|医院|出版社|事务所|基金会|智库|共同体|理事会|导师团|服务团|专家团|专委会|产业园|工业区|试验区|商务区|开发区|科技园|度假区|旅游区|风景区|信息化委|国资委|卫健委|住建委|新联会|知联会|侨联|工商联|科协|报社|电视台|经信委|科经委|发改委|教委|科委|经委|商务委|建委|农委|侨办|台办|外办|网信办|服务站|[\p{Script=Han}]{2}村)$/u;

/** Tokens that never belong to a name: they end the leftward extension. */
const STOP = new Set(
  ('来自 会同 以及 和 与 及 等 由 为 在 对 向 从 把 将 被 让 同 跟 会上 当天 其中 包括 还 分别 共同 活动 会议 代表 负责人 ' +
    '相关 有关 各 各类 其他 其它 本次 此次 这 该 了 是 有 并 也 都 就 均 已 于 至 到 赴 任 担任 出席 举行 举办 揭牌 成立 发布 ' +
    '聘任 邀请 汇集 汇聚 依托 通过 围绕 推动 加强 建立 组织 召开 签订 签署 参与 参加 实施 打造 联合 牵头 发起 主办 承办 指导 ' +
    '支持 服务 新一批 新一届 首批 一批 各位 全市 全区 区内外 市内外 国内外 走进 进驻 受聘 旗下 所属 下属 龙头').split(' '),
);
/** Verbs that do occur inside names (中新国际联合研究院, 外商投资企业协会), unless an organisation ends right before them. */
const NAME_VERBS = new Set('联合 投资 发展 促进 创业 创新 管理 研究 建设 合作 交流 孵化 引领 服务 验证 调控 工作 推进 监督 保护'.split(' '));
const NAME_TAGS = /^(n|nr|nrt|nrfg|ns|nt|nz|nw|j|b|vn|an|eng|l|a|f|x|s|ng|zg|i|k|h)$/;
/** Names that are only a level of government or a generic body, not a specific organisation. */
const GENERIC =
  /^(市委|区委|县委|市政府|区政府|县政府|政府|党委|公司|子公司|分公司|执委会|党委会|集团|大学|学院|中心|协会|联盟|共同体|智库|委员会|理事会|商会|学会|银行|医院|统战部|组织部|宣传部|服务站|[\p{Script=Han}]{0,4}(相关|有关|行业|各|其他|国有|外资|头部|龙头|科研|民营|重点|示范|区内|市级|基层)[\p{Script=Han}]{0,4}|[\p{Script=Han}]*(系统|方面|领域|部门|单位|代表|企业|人士)|[沪在].*)$/u;

const isPunct = (w: string) => !/[\p{L}\p{N}]/u.test(w);
const OPEN = /[“(（《]/;
const CLOSE = /[”)）》]/;

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (OPEN.test(ch)) depth++;
    else if (CLOSE.test(ch)) {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

/** Drops unbalanced or dangling quotes/brackets at the ends of a candidate name. */
function trimName(s: string): string {
  let t = s.replace(/^[\s、,，]+|[\s、,，]+$/g, '');
  for (let i = 0; i < 4; i++) {
    if (/^[“”《》]/.test(t) && !balanced(t)) t = t.slice(1);
    else if (/^[)）]/.test(t)) t = t.slice(1);
    else if (/[“(（]$/.test(t)) t = t.slice(0, -1);
    else break;
  }
  if (!balanced(t)) {
    const cut = Math.max(t.lastIndexOf('('), t.lastIndexOf('（'), t.lastIndexOf('“'));
    if (cut >= 0) t = t.slice(cut + 1);
  }
  if (/^“[^“”]*”$/.test(t)) t = t.slice(1, -1);
  return t.trim();
}

/**
 * Organisation names in one sentence: every place where the text so far ends with an organisation
 * ending (公司, 大学, 区委, 联谊会, 产业园 …) starts a candidate, extended leftwards over jieba tokens
 * that can be part of a name (nouns, place names, quoted words, bracketed 集团), and stopped at
 * punctuation, verbs and function words. Names in brackets right after another name (its short name)
 * are skipped.
 */
export function orgsInSentence(sentence: string, offset: number, tagged?: TaggedWord[]): OrgMention[] {
  const words = tagged ?? tagWords(sentence);
  const out: OrgMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const end = words[i].start + words[i].word.length;
    const tail = sentence.slice(Math.max(0, end - 12), end);
    if (!ORG_SUFFIX.test(tail)) continue;
    const next = words[i + 1]?.word ?? '';
    // 区委 in 区委常委 / 党委 in 党委委员 is part of a title, not a name
    if (/^(常委|委员|副书记|书记|副|主任|部长)/.test(next) && /(区委|市委|县委|党委)$/.test(tail)) continue;
    // "…大学" directly followed by more of the same name ("大学汽车学院") is still a name of its own
    let j = i;
    let depth = 0;
    while (j > 0 && i - j < 12) {
      const w = words[j - 1];
      const before = sentence.slice(0, w.start);
      if (CLOSE.test(w.word) && w.word.length === 1) {
        depth++;
        j--;
        continue;
      }
      if (OPEN.test(w.word) && w.word.length === 1) {
        if (depth === 0) break;
        depth--;
        j--;
        continue;
      }
      // inside quotes or brackets anything goes (“智能制造”产业智库)
      if (depth > 0 && !/[。;；!！?？]/.test(w.word)) {
        j--;
        continue;
      }
      if (isPunct(w.word) || STOP.has(w.word)) break;
      if (w.tag.startsWith('v') && w.tag !== 'vn') {
        if (!NAME_VERBS.has(w.word) || ORG_SUFFIX.test(before.slice(-12))) break;
      } else if (!NAME_TAGS.test(w.tag) || (w.tag === 'nr' && w.word.length > 2)) break;
      j--;
    }
    // a name does not start with an adjective, a locality word or a number
    while (j < i && /^(m|d|vn|v)$/.test(words[j].tag)) j++;
    const start = words[j].start;
    const raw = sentence.slice(start, end);
    const whole = trimName(raw);
    const at0 = sentence.indexOf(whole, start);
    if (notAnOrganisation(whole, sentence.slice(0, at0 < 0 ? start : at0), sentence.slice(end))) continue;
    const name = hostOfLaboratory(afterCategory(afterConjunction(whole)));
    if (name.length < 3 || name.length > 40 || GENERIC.test(name)) continue;
    if (/^[(（]/.test(sentence.slice(start - 1, start)) && /[)）]/.test(sentence.slice(end, end + 1))) continue;
    const at = sentence.indexOf(name, start);
    out.push({ name, start: offset + (at < 0 ? start : at), end: offset + (at < 0 ? start : at) + name.length, confidence: next && /^(等|和|与|及|、|,|，)$/.test(next) ? 0.8 : 0.7 });
  }
  // 上海市委 inside 上海市委组织部, 中国建设银行 inside 中国建设银行上海闵行支行: one mention, the longer name
  return out.filter((o) => !out.some((l) => l !== o && l.start === o.start && l.end > o.end));
}

/**
 * Members of an enumeration "A、B、C、D等" in which at least two items are recognised organisations:
 * the other short items are organisations too (上汽大众、沃尔沃、国际汽车城集团、同济大学汽车学院等).
 */
export function enumerationOrgs(
  clause: string,
  offset: number,
  known: Set<string>,
  tagged: (start: number, end: number) => TaggedWord[] = (start, end) => tagWords(clause.slice(start, end)),
): OrgMention[] {
  const parts = clause.split('、');
  if (parts.length < 3) return [];
  const items: Array<{ text: string; start: number }> = [];
  let pos = 0;
  parts.forEach((p, k) => {
    let text = p;
    let start = pos;
    if (k === 0) {
      const words = tagged(pos, pos + p.length);
      let cut = 0;
      for (let w = 0; w < words.length; w++) if (isPunct(words[w].word) || words[w].tag.startsWith('v') || STOP.has(words[w].word)) cut = words[w].start + words[w].word.length;
      text = p.slice(cut);
      start = pos + cut;
    }
    if (k === parts.length - 1) text = text.split(/等|和|及|与|作为|共同|,|，/)[0];
    items.push({ text: text.trim(), start });
    pos += p.length + 1;
  });
  const isKnown = (t: string) => known.has(t) || ORG_SUFFIX.test(t);
  const hits = items.filter((it) => isKnown(it.text)).length;
  if (hits < 2 || hits < items.length / 2) return [];
  return items
    .filter((it) => !isKnown(it.text) && /^[\p{Script=Han}A-Za-z]{2,10}$/u.test(it.text) && !GENERIC.test(it.text))
    .map((it) => ({ name: it.text, start: offset + it.start, end: offset + it.start + it.text.length, confidence: 0.55 }));
}

const PARTY_BODY = /(党委|党组|党支部|党总支|工会|团委)$/;
const COMPANY = /(公司|集团|银行|分行|支行)$/;

/**
 * One entry per organisation: exact repeats merged; a company's party committee counts as the
 * company; a name that is the tail of a longer one found (区新联会 after 浦东新区新联会) is a
 * back-reference to it.
 */
export function mergeOrgs(found: OrgMention[]): OrgMention[] {
  const byName = new Map<string, OrgMention>();
  for (const o of found) {
    let name = o.name;
    const base = name.replace(PARTY_BODY, '');
    if (base !== name && COMPANY.test(base)) name = base;
    if (!byName.has(name)) byName.set(name, { ...o, name, end: o.start + name.length });
  }
  const names = [...byName.keys()];
  return [...byName.values()].filter((o) => !names.some((n) => n !== o.name && n.endsWith(o.name)));
}

export const isGenericOrg = (name: string) => GENERIC.test(name);

/**
 * The tagged words of a whole text, cut ONCE, answering for any stretch of it: jieba cuts each run
 * of Han characters on its own, so the words of a sentence or clause cut from the whole are those
 * cut from the sentence alone. Offsets of the returned words are relative to the stretch.
 */
export function taggedText(text: string): (start: number, end: number) => TaggedWord[] {
  const words = tagWords(text);
  return (start, end) => {
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: TaggedWord[] = [];
    for (let k = lo; k < words.length && words[k].start + words[k].word.length <= end; k++) {
      out.push({ word: words[k].word, tag: words[k].tag, start: words[k].start - start });
    }
    return out;
  };
}
