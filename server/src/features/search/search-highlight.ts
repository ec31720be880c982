import type { HighlightSegment } from '../../../../common/schemas/search';
import { namePinyin, normalizeText } from '../../lib/text';

/**
 * The text's characters in the query's normal form, one entry per character of the text, so
 * that a hit found in the normalized form marks the same characters of the text as written
 * (Traditional 國藥 is found by 国药 and shown as 國藥).
 */
function normalizedChars(chars: string[]): string[] {
  const whole = [...normalizeText(chars.join('')).toLowerCase()];
  if (whole.length === chars.length) return whole;
  // normalisation changed the length (annotations, spaces): fall back to one character at a time
  return chars.map((c) => {
    const n = [...normalizeText(c).toLowerCase()];
    return n.length === 1 ? n[0] : c.toLowerCase();
  });
}

/** Marks every occurrence of every term (longest first; no HTML: plain segments). */
function markTerms(norm: string[], terms: readonly string[]): boolean[] {
  const hit = new Array<boolean>(norm.length).fill(false);
  for (const term of terms) {
    const t = [...term];
    if (!t.length || t.length > norm.length) continue;
    outer: for (let i = 0; i + t.length <= norm.length; i++) {
      for (let k = 0; k < t.length; k++) if (norm[i + k] !== t[k]) continue outer;
      for (let k = 0; k < t.length; k++) hit[i + k] = true;
    }
  }
  return hit;
}

function toSegments(chars: string[], hit: boolean[]): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  for (let i = 0; i < chars.length; i++) {
    const last = out[out.length - 1];
    if (last && last.hit === hit[i]) last.text += chars[i];
    else out.push({ text: chars[i], hit: hit[i] });
  }
  return out;
}

/** The leading characters of a name whose pinyin (full or initials) the query is a prefix of. */
function pinyinPrefixLength(chars: string[], pinyin: string, surname: boolean): number {
  for (let k = 1; k <= chars.length; k++) {
    const { full, initials } = namePinyin(chars.slice(0, k).join(''), { surname });
    if (full.startsWith(pinyin) || initials.startsWith(pinyin)) return k;
    if (!pinyin.startsWith(full) && !pinyin.startsWith(initials)) return 0;
  }
  return 0;
}

/**
 * A title split into segments with the query's terms marked, or for a pinyin match the first run
 * of characters whose pinyin the query is a prefix of (zzg → 张兆国, jinqiao → 上海【金桥】…).
 */
export function highlightTitle(title: string, terms: readonly string[], pinyin: string | null): HighlightSegment[] {
  const chars = [...title];
  const hit = markTerms(normalizedChars(chars), terms);
  if (pinyin && !hit.includes(true)) {
    for (let start = 0; start < chars.length; start++) {
      if (!/[\p{Script=Han}\p{L}\p{N}]/u.test(chars[start])) continue;
      const k = pinyinPrefixLength(chars.slice(start), pinyin, start === 0);
      if (k === 0) continue;
      for (let i = start; i < start + k; i++) hit[i] = true;
      break;
    }
  }
  return toSegments(chars, hit);
}

const SNIPPET_LENGTH = 40;
const SNIPPET_BEFORE = 12;

/**
 * About 40 characters of the document's other text (aliases, titles, keywords … — the body
 * after the title) around its first hit, or [] when the query does not occur there.
 */
export function highlightSnippet(title: string, body: string, terms: readonly string[]): HighlightSegment[] {
  const rest = body.startsWith(title) ? body.slice(title.length).trimStart() : body;
  if (!rest) return [];
  const chars = [...rest];
  const hit = markTerms(normalizedChars(chars), terms);
  const first = hit.indexOf(true);
  if (first < 0) return [];
  const start = Math.max(0, Math.min(first - SNIPPET_BEFORE, chars.length - SNIPPET_LENGTH));
  const end = Math.min(chars.length, start + SNIPPET_LENGTH);
  const segments = toSegments(chars.slice(start, end), hit.slice(start, end));
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < chars.length) segments.push({ text: '…', hit: false });
  return segments;
}
