import { escapeLike, escapeTsToken, nameNorm, queryTokens, toTsqueryText } from '../../lib/text';

/** A search box input prepared once for matching: the same normalisation as the index. */
export interface ParsedQuery {
  /** normalized (Simplified, half-width), lowercased: compared with title_norm */
  norm: string;
  /** `${norm}%` with LIKE wildcards escaped: title prefix */
  titlePrefix: string;
  /** to_tsquery('simple', …) text ANDing the jieba terms, or null when there are none */
  tsquery: string | null;
  /** letters (and digits) only, spaces and apostrophes dropped: compared with pinyin keys; null for other input */
  pinyin: string | null;
  /** `${pinyin}%` escaped, or null */
  pinyinPrefix: string | null;
  /**
   * to_tsquery('simple', …) text matching the pinyin as a prefix of any pinyin key of a name —
   * of the whole name or of a suffix from a word on (see namePinyinKeys) — and of Latin words
   * (`jinqiao:*`), or null for other input
   */
  pinyinTsquery: string | null;
  /** what to mark in titles and snippets, longest first */
  terms: string[];
}

/** Escapes LIKE's wildcards and its escape character (backslash). */
export { escapeLike };

/** Input that reads as pinyin: Latin letters, optionally with digits, spaces or apostrophes (xi'an). */
const PINYIN_INPUT = /^[a-z][a-z0-9' ]*$/;

export function parseQuery(q: string): ParsedQuery {
  const norm = nameNorm(q);
  const tokens = queryTokens(q);
  const tsquery = toTsqueryText(tokens) || null;
  const pinyin = PINYIN_INPUT.test(norm) ? norm.replace(/[' ]/g, '') : null;
  const terms = [...new Set([norm, ...norm.split(/\s+/), ...tokens.map((t) => t.toLowerCase())])]
    .filter((t) => t.trim().length > 0)
    .sort((a, b) => [...b].length - [...a].length);
  return {
    norm,
    titlePrefix: `${escapeLike(norm)}%`,
    tsquery,
    pinyin: pinyin || null,
    pinyinPrefix: pinyin ? `${escapeLike(pinyin)}%` : null,
    pinyinTsquery: pinyin && escapeTsToken(pinyin) ? `'${escapeTsToken(pinyin)}':*` : null,
    terms,
  };
}
