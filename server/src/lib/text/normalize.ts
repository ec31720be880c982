import { Converter } from 'opencc-js/t2cn';

/**
 * Names that OpenCC would change although they are already correct Simplified text
 * (it maps 徵→征 everywhere, so 李姝徵 would become 李姝征). Add names here when the
 * directory meets more of them; callers can pass extra names per call too.
 */
export const protectedNames: readonly string[] = ['李姝徵'];

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN_LETTER = `a-zü${TONE_VOWELS}`;
/**
 * A pinyin annotation right after a Han character: 網(wǎng), 區（qū）, 網絡(wǎng luò).
 * At least one tone mark is required so that ordinary bracketed Latin text such as
 * 看看新闻(knews) or 公司(ltd) is kept.
 */
const PINYIN_ANNOTATION = new RegExp(
  `(?<=\\p{Script=Han})[(（] ?(?=[${PINYIN_LETTER} ]*[${TONE_VOWELS}])[${PINYIN_LETTER}]+(?: +[${PINYIN_LETTER}]+)* ?[)）]`,
  'gu',
);

// Invisible characters that break matching: controls other than tab and line breaks,
// zero-width spaces and joiners, the BOM.
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\u200B-\u200D\u2060\uFEFF]/gu;
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const CLAUSE_PUNCT = '，,。、；;：:！!？?';
/** A comma directly before another punctuation mark is noise (seed 003: "发展,、产业", "丰富,。"). */
const COMMA_BEFORE_PUNCT = new RegExp(`[，,](?=[${CLAUSE_PUNCT}])`, 'g');
const REPEATED_PUNCT = new RegExp(`([${CLAUSE_PUNCT}])\\1+`, 'g');

let converter: ((s: string) => string) | undefined;
/** Plain OpenCC Traditional → Simplified (t → cn) with no protected names; the converter is cached. */
export function convertT2S(s: string): string {
  converter ??= Converter({ from: 't', to: 'cn' });
  return converter(s);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const protectorCache = new Map<string, RegExp | null>();
function protector(extra: readonly string[]): RegExp | null {
  const key = extra.join('\n');
  let re = protectorCache.get(key);
  if (re === undefined) {
    const names = [...new Set([...protectedNames, ...extra])].filter((n) => n.length > 0);
    // longest first, so a longer name wins over a name it contains
    names.sort((a, b) => b.length - a.length);
    re = names.length ? new RegExp(names.map(escapeRegExp).join('|'), 'g') : null;
    if (protectorCache.size > 64) protectorCache.clear();
    protectorCache.set(key, re);
  }
  return re;
}

/**
 * Traditional → Simplified (OpenCC t → cn, phrase-aware), leaving protected names untouched:
 * each protected name is swapped for a placeholder made of Unicode noncharacters (U+FDD0,
 * U+FDD1, never valid in interchanged text, so removed from the input first), which OpenCC
 * passes through, and put back afterwards.
 */
export function toSimplified(s: string, extraProtectedNames: readonly string[] = []): string {
  const re = protector(extraProtectedNames);
  if (!re) return convertT2S(s);
  const kept: string[] = [];
  const masked = s
    .replace(/[\uFDD0\uFDD1]/g, '')
    .replace(re, (m) => `\uFDD0${(kept.push(m) - 1).toString(36)}\uFDD1`);
  if (kept.length === 0) return convertT2S(masked);
  return convertT2S(masked).replace(/\uFDD0([0-9a-z]+)\uFDD1/g, (_m, i: string) => kept[parseInt(i, 36)]);
}

/** Full-width ASCII letters and digits and the ideographic space become half-width. */
export function toHalfWidthAlnum(s: string): string {
  return s
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Drops pinyin annotations that follow Han characters: 發(fā)揮 → 發揮. */
export function stripPinyinAnnotations(s: string): string {
  return s.replace(PINYIN_ANNOTATION, '');
}

/** ",," → ","; "。。" → "。"; ",、" → "、" (Chinese punctuation itself is kept). */
export function collapsePunctuation(s: string): string {
  return s.replace(COMMA_BEFORE_PUNCT, '').replace(REPEATED_PUNCT, '$1');
}

/** Runs of spaces become one space; runs containing a line break become one "\n"; ends trimmed. */
export function collapseWhitespace(s: string): string {
  return s
    .replace(/\s+/g, (run) => (/[\n\r\u2028\u2029]/.test(run) ? '\n' : ' '))
    .trim();
}

/**
 * The one normalisation applied to stored text and to every search query, so both sides
 * agree: NFC, invisible characters removed, full-width alphanumerics made half-width,
 * pinyin annotations removed, doubled punctuation collapsed, Traditional → Simplified
 * (protected names kept), whitespace collapsed.
 */
export function normalizeText(s: string, extraProtectedNames: readonly string[] = []): string {
  if (!s) return '';
  let t = s.normalize('NFC').replace(INVISIBLE, '');
  t = toHalfWidthAlnum(t);
  t = stripPinyinAnnotations(t);
  t = collapsePunctuation(t);
  t = toSimplified(t, extraProtectedNames);
  return collapseWhitespace(t);
}
