import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { convertT2S, normalizeText } from './normalize';

/**
 * Words of the field that jieba's default dictionary splits (未来|车, 新|阶层, 同心|荟) or lacks,
 * as [word, frequency]. Frequencies only need to keep each word whole: a much higher one makes
 * jieba prefer the word across a real boundary (实践带|动 instead of 实践|带动).
 */
const domainWords: ReadonlyArray<readonly [string, number]> = [
  ['新阶层', 1000], ['新联会', 1000], ['知联会', 1000], ['统战部', 1000], ['融委会', 1000],
  ['同心荟', 1000], ['导师团', 300], ['服务团', 300], ['专家团', 300], ['智库', 1000],
  ['链长', 50], ['链主', 50], ['党建联盟', 300], ['共同体', 1000], ['实践带', 20],
  ['中金公司', 1000], ['未来车', 1000], ['专精特新', 1000], ['智能网联', 1000],
  ['新能源汽车', 1000], ['低空经济', 1000], ['数字金融', 1000], ['生物医药', 1000],
  ['新材料', 1000], ['人工智能', 1000], ['集成电路', 1000], ['乡村振兴', 1000],
  ['产城融合', 1000], ['科创', 1000], ['产业集群', 500], ['大零号湾', 1000], ['外滩', 1000],
  ['金桥', 1000], ['张江', 1000], ['临港', 1000], ['安亭', 1000], ['虹桥', 1000],
  ['陆家嘴', 1000], ['长三角', 1000],
  // kept whole for report extraction (organisation names, titles)
  ['新的社会阶层人士', 1000], ['经信委', 1000], ['科经委', 1000], ['经信工作党委', 1000], ['统战部门', 500],
  ['无党派人士', 1000], ['党外知识分子', 1000], ['副主委', 1000], ['主委', 500], ['执委会', 500],
];

/** District names, full and short, so that 闵行 or 浦东新区 is one word. */
const districtWords = [
  '黄浦区 黄浦', '徐汇区 徐汇', '长宁区 长宁', '静安区 静安', '普陀区 普陀', '虹口区 虹口',
  '杨浦区 杨浦', '闵行区 闵行', '宝山区 宝山', '嘉定区 嘉定', '浦东新区 浦东', '金山区 金山',
  '松江区 松江', '青浦区 青浦', '奉贤区 奉贤', '崇明区 崇明',
].flatMap((pair) => {
  const [full, short] = pair.split(' ');
  return [`${full} 1000 ns`, `${short} 500 ns`];
});

/** The user dictionary loaded into jieba, one "word freq tag" a line. */
export const domainDictionary: string =
  [...domainWords.map(([w, f]) => `${w} ${f} n`), ...districtWords].join('\n') + '\n';

let instance: Jieba | undefined;
/** One jieba per process, built on first use (~240 ms for the default dictionary). */
export function jieba(): Jieba {
  if (!instance) {
    const j = Jieba.withDict(dict);
    j.loadDict(Buffer.from(domainDictionary));
    instance = j;
  }
  return instance;
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Runs of Han characters, or runs of other letters/digits (marks kept with their letter). */
const PIECES = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;

const HAN_CHARS = /\p{Script=Han}/gu;

/**
 * A jieba token as index/query terms: lowercased, punctuation dropped, Han split from Latin.
 * Remembered per token (the same words come back in almost every text: an import builds 100,000 rows).
 */
const piecesCache = new Map<string, readonly string[]>();
function pieces(token: string): readonly string[] {
  // nearly every token is one piece as it stands: Han characters of the basic block only, or a–z and digits only
  const kind = simpleTokenKind(token);
  if (kind !== MIXED) return [token];
  let p = piecesCache.get(token);
  if (!p) {
    if (piecesCache.size >= 50_000) piecesCache.clear();
    p = Object.freeze(token.toLowerCase().match(PIECES) ?? []);
    piecesCache.set(token, p);
  }
  return p;
}

const MIXED = 0;
const HAN_ONLY = 1;
const ALNUM_ONLY = 2;
/**
 * HAN_ONLY: every character in the CJK Unified Ideographs block (U+4E00–U+9FFF); ALNUM_ONLY: every character a–z or
 * 0–9; else MIXED (uppercase, other scripts, marks, punctuation, Han of the extensions …) and the regular expressions decide.
 */
function simpleTokenKind(token: string): number {
  if (token === '') return MIXED;
  let han = false;
  let alnum = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han = true;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) alnum = true;
    else return MIXED;
    if (han && alnum) return MIXED;
  }
  return han ? HAN_ONLY : ALNUM_ONLY;
}

/** Words of the normalized text (jieba with HMM), punctuation and whitespace dropped. */
export function segment(text: string, extraProtectedNames: readonly string[] = []): string[] {
  return segmentNormalized(normalizeText(text, extraProtectedNames));
}

/** segment() of a text normalizeText already gave (a search row's names): not normalized again */
export function segmentNormalized(n: string): string[] {
  if (!n) return [];
  return jieba()
    .cut(n, true)
    .filter((t) => WORD_CHAR.test(t));
}

/**
 * Index-time terms for a record: deduplicated, lowercased, punctuation dropped. The union of
 *  - cutForSearch (words plus their dictionary sub-words: 浦东新区 → 浦东, 新区, 浦东新区),
 *  - cutAll (every dictionary word found anywhere, even across the boundaries jieba chose,
 *    so a query word is indexed however the surrounding text was cut), and
 *  - every Han character on its own.
 * The unigrams are what make 1-character queries (张) and words jieba only guessed with its HMM
 * (names such as 张峰, 李姝徵, which it may cut differently in other contexts) findable: the query
 * side turns such words into single characters, see queryTokens.
 * Characters that protection kept Traditional (徵 in 李姝徵) are indexed in their converted form
 * too, so a query for 李姝征 or for part of the name still finds the record.
 */
export function searchTokens(text: string, extraProtectedNames: readonly string[] = []): string[] {
  const n = normalizeText(text, extraProtectedNames);
  if (!n) return [];
  const j = jieba();
  const out = new Set<string>();
  for (const t of j.cutForSearch(n, true)) for (const p of pieces(t)) out.add(p);
  for (const t of j.cutAll(n)) for (const p of pieces(t)) out.add(p);
  for (const ch of n.match(HAN_CHARS) ?? []) out.add(ch);
  const unprotected = convertT2S(n);
  if (unprotected !== n) for (const ch of unprotected.match(HAN_CHARS) ?? []) out.add(ch);
  return [...out];
}

/**
 * The terms a search query ANDs together. The query is cut with the dictionary only (no HMM):
 * each Han term is then either a single character (indexed as a unigram) or a dictionary word
 * (indexed by cutAll wherever it occurs), so any record whose normalized text contains the
 * normalized query matches: 张 → [张]; 浦东 → [浦东]; 未来车产业 → [未来车, 产业];
 * 张峰 → [张, 峰]. Latin and digits become lowercase runs, as on the index side.
 */
export function queryTokens(text: string, extraProtectedNames: readonly string[] = []): string[] {
  const n = normalizeText(text, extraProtectedNames);
  if (!n) return [];
  const j = jieba();
  const out = new Set<string>();
  for (const t of j.cut(n, false)) {
    for (const p of pieces(t)) {
      // a multi-character Han piece that cutAll would not emit (e.g. outside jieba's Han
      // ranges) is only findable through its characters
      if (p.length > 1 && HAN.test(p) && !j.cutAll(p).includes(p)) {
        for (const ch of p) out.add(ch);
      } else {
        out.add(p);
      }
    }
  }
  return [...out];
}

/** Characters that PostgreSQL's default parser keeps inside one word. */
const PG_WORD_CHAR = /[\p{L}\p{M}\p{Nd}\p{Nl}]/u;
const PG_WORD = /^[\p{L}\p{M}\p{Nd}\p{Nl}]*$/u;
const MAX_TOKEN_LENGTH = 256;

/**
 * Makes a token exactly one lexeme for to_tsvector/to_tsquery('simple'): lowercased, and every
 * character the parser would split on or read as syntax (' \ & | ! : * ( ) - . _ @ ① …) written as
 * x<hex>x, so "c++" stays one lexeme distinct from "c". Tokens from searchTokens/queryTokens are
 * already letters and digits (only rare ones such as ① or ² get encoded, the same on both sides);
 * the escaping makes the two functions below safe for any input.
 */
export function escapeTsToken(token: string): string {
  if (simpleTokenKind(token) !== MIXED) return token.length > MAX_TOKEN_LENGTH ? '' : token;
  const lower = token.toLowerCase();
  // nearly every token: nothing to escape
  if (PG_WORD.test(lower)) return lower.length > MAX_TOKEN_LENGTH ? '' : lower;
  let out = '';
  for (const ch of lower) {
    out += PG_WORD_CHAR.test(ch) ? ch : `x${ch.codePointAt(0)!.toString(16)}x`;
  }
  return out.length > MAX_TOKEN_LENGTH ? '' : out;
}

/** Text for to_tsvector('simple', $1): escaped tokens separated by spaces. */
export function toTsvectorText(tokens: readonly string[]): string {
  return tokens
    .map(escapeTsToken)
    .filter((t) => t.length > 0)
    .join(' ');
}

/**
 * Text for to_tsquery('simple', $1): escaped, quoted tokens joined by &, e.g. '未来车' & '产业'.
 * Returns '' when there is nothing to search for; callers should then skip the full-text filter
 * (to_tsquery('simple', '') matches nothing).
 */
export function toTsqueryText(tokens: readonly string[]): string {
  const quoted = new Set<string>();
  for (const t of tokens) {
    const e = escapeTsToken(t);
    if (e) quoted.add(`'${e.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
  }
  return [...quoted].join(' & ');
}
