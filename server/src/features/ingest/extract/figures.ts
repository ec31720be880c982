import { tagWords } from '../../../lib/text';
import { NUM, parseNumber } from './numerals';

export interface FigureMention {
  label: string;
  value: number;
  start: number;
  end: number;
  confidence: number;
}

const MEASURE = '平方公里|公里|人次|家次|场次|年期|万元|亿元|元|家|人|名|位|个|场|项|批|次|所|支|条|户|亩|款|期|届|大|余家|余人';
const FIGURE = new RegExp(`(近|约|超过|超|逾|共有|共|达到|达|累计|计)?(${NUM})(余|多)?(万|亿)?(${MEASURE})`, 'gu');
const PARTICIPANTS = new RegExp(`(近|约|超过|超|逾|共)?(${NUM})(余|多)?(万)?(人|名|位)(?:[^,，。;；]{0,8}?)(?:参加|出席|参与|与会|到场|参会)`, 'gu');

const PARTICIPANTS_AFTER = new RegExp(`(?:参加|出席|参会|与会)(?:人员|人数|代表|嘉宾)(?:共|达|约|超过|近|逾)?(${NUM})(余|多)?(万)?(人|名|位)`, 'gu');

export interface Participants {
  value: number;
  start: number;
  end: number;
}

/** The attendance figure: "200余人参加", "150余人参加了…主会场活动"; the first one of the body. */
export function participantCount(body: string, offset: number): Participants | null {
  for (const m of body.matchAll(PARTICIPANTS)) {
    if (m[5] === '人' && body.slice(m.index + m[0].length - 6, m.index + m[0].length).includes('人次')) continue;
    const v = parseNumber(m[2], m[4]);
    if (v === null || v < 3) continue;
    return { value: v, start: offset + m.index, end: offset + m.index + m[0].length };
  }
  // "参会人员达300余人", "与会代表共120人"
  for (const m of body.matchAll(PARTICIPANTS_AFTER)) {
    const v = parseNumber(m[1], m[3]);
    if (v !== null && v >= 3) return { value: v, start: offset + m.index, end: offset + m.index + m[0].length };
  }
  return null;
}

function insideQuotes(s: string, at: number): boolean {
  const before = s.slice(0, at);
  return (before.match(/“/g)?.length ?? 0) > (before.match(/”/g)?.length ?? 0);
}

const FOLLOW_LABEL = /^[的]?[“"]?([\p{Script=Han}A-Za-z“”"]{1,14}?)(?=[,，。;；、:：!！?？\s]|和|及|与|等|的|参|为|在|将|都|是|$)/u;
const LEAD_WORDS = /^(其中|目前|共有|共|有|已|还|并|累计|据不完全统计|全市|首批)+/;

/**
 * The words after a number up to the first verb, time or adverb that follows a noun: 百名专家助力湾区…
 * → 专家, 15个区分会场当天同步开展… → 区分会场; a label that opens with a verb keeps it (13家发起单位).
 */
export function nounPhrase(words: string): string {
  let seenNoun = false;
  let end = 0;
  for (const w of tagWords(words)) {
    // a verb ends the label when a clause follows it (专家助力湾区发展…), not inside a compound (战略导航书)
    const clause = /^(v|vd)$/.test(w.tag) && words.length - (w.start + w.word.length) > 3;
    if (seenNoun && (clause || /^(t|d|p|c|u|ul|uj|r)$/.test(w.tag))) break;
    if (/^(n|nr|ns|nt|nz|ng|vn|j|l|b|an|x|eng)/.test(w.tag)) seenNoun = true;
    end = w.start + w.word.length;
  }
  return words.slice(0, end);
}

/**
 * Every other figure the report states: a number (digits or Chinese numerals, 万 multiplied) with its
 * measure word (家, 人, 场, 平方公里 …); approximate words (近, 超, 余) drop, the wording stays in the
 * label. Ordinals (第三届), vague amounts (上百家, 数十), numbers inside quotes (“五个中心”), a lone 一
 * (一批) and back-references (两个联盟) are not figures.
 */
export function figuresInText(text: string, offset: number): FigureMention[] {
  const out: FigureMention[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const at = m.index + (m[1]?.length ?? 0);
    const prev = text.slice(Math.max(0, at - 1), at);
    const num = m[2];
    if (/[第上数几这那每]/.test(prev) || /\d/.test(prev) || insideQuotes(text, at)) continue;
    // “看、学、联”三个环节: the count of the items just quoted, not a figure of the event
    if (/“[^“”]*、[^“”]*”$/.test(text.slice(Math.max(0, at - 30), at))) continue;
    if (num === '一' || (num === '两' && m[5] === '个')) continue;
    if (m[5] === '大' && !/^[\p{Script=Han}]/u.test(text.slice(m.index + m[0].length))) continue;
    if (m[5] === '届' || (m[5] === '期' && !/^\d/.test(num))) continue;
    const value = parseNumber(num, m[4]);
    if (value === null) continue;
    const endAt = m.index + m[0].length;
    const follow = FOLLOW_LABEL.exec(text.slice(endAt));
    let label = nounPhrase(follow?.[1]?.replace(/[“”"]/g, '') ?? '');
    if (!label || /^(参加|出席|参与|左右|以上|之多)/.test(label)) {
      const clauseStart = Math.max(...[',', '，', '。', ';', '；', '、', ':', '：', '\n'].map((c) => text.lastIndexOf(c, m.index - 1))) + 1;
      label = text.slice(clauseStart, m.index).replace(LEAD_WORDS, '').replace(/(超过|超|近|约|达|共|逾|有)$/, '');
    }
    label = label.replace(/[“”"]/g, '').trim();
    if (!label || label.length > 24) continue;
    const unit = /^(平方公里|公里|人次|场次|万元|亿元|元|亩)$/.test(m[5]) ? `(${m[5]})` : '';
    out.push({ label: `${label}${unit}`, value, start: offset + m.index, end: offset + endAt, confidence: 0.7 });
  }
  return out;
}

/** One figure per value and label; the participant count is left out. */
export function mergeFigures(found: FigureMention[], participants: Participants | null): FigureMention[] {
  const seen = new Set<string>();
  const out: FigureMention[] = [];
  for (const f of found) {
    if (participants && f.start >= participants.start && f.start < participants.end) continue;
    const key = `${f.value}`;
    if (seen.has(key) && out.some((o) => o.value === f.value && (o.label.includes(f.label) || f.label.includes(o.label) || o.label.slice(-2) === f.label.slice(-2)))) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
