import { toHalfWidthAlnum, toSimplified } from '../../../lib/text';
import { htmlMainText, looksLikeHtml, stripStrayHtml } from './html';
import { classifyLines, type ClassifiedLine } from './lines';
import { removePinyinAnnotations } from './pinyin';
import { collapseDoubledPunctuation, removeEmoji } from './punctuation';
import { repairStrippedHighBit, repairUtf8ReadAsGbk, type Repair } from './repair-encoding';

export type { ClassifiedLine, LineKind } from './lines';
export type { Repair } from './repair-encoding';

export interface Cleaned {
  /** header, meta and body lines joined by "\n": the text every extracted span points into */
  text: string;
  lines: Array<ClassifiedLine & { start: number }>;
  repairs: Repair[];
  /** a headline found outside the header (本文链接 line, HTML <title>) */
  fallbackTitle: string | null;
}

const INVISIBLE = /(?![\t\n\r])[\p{Cc}\u00AD\u200B-\u200F\u2060\uFEFF]/gu;

/** Character-level cleaning of text that is already decoded (each step a pure function). */
export function cleanCharacters(s: string, protectedNames: readonly string[] = []): { text: string; repairs: Repair[] } {
  let t = stripStrayHtml(s.normalize('NFC').replace(INVISIBLE, '').replace(/\u00a0/g, ' '));
  t = toHalfWidthAlnum(t);
  t = removePinyinAnnotations(removeEmoji(t));
  const utf8 = repairUtf8ReadAsGbk(t);
  const highBit = repairStrippedHighBit(utf8.text);
  t = highBit.text;
  t = collapseDoubledPunctuation(t);
  t = toSimplified(t, protectedNames);
  return { text: t, repairs: [...utf8.repairs, ...highBit.repairs] };
}

/**
 * A report as received (plain text or HTML) → its cleaned text: main text out of the page
 * (Readability for HTML, line classification for text), encoding damage repaired, pinyin
 * annotations and emoji removed, doubled punctuation collapsed, Simplified with names protected.
 */
export function cleanReport(raw: string, protectedNames: readonly string[] = []): Cleaned {
  let source = raw;
  let fallbackTitle: string | null = null;
  if (looksLikeHtml(raw)) {
    const page = htmlMainText(raw);
    source = [...page.header, page.text].join('\n');
    if (page.pageTitle) fallbackTitle = page.pageTitle.split(/\s+[-_|–—]\s+|[_|]/)[0].trim() || null;
  }
  const { text, repairs } = cleanCharacters(source, protectedNames);
  const classified = classifyLines(text.split(/\r?\n|\r/).map((l) => l.replace(/\s+/g, ' ')));
  fallbackTitle = classified.linkTitle ?? fallbackTitle;
  const kept = classified.lines.filter((l) => l.kind !== 'boilerplate');
  const lines: Cleaned['lines'] = [];
  let pos = 0;
  for (const l of kept) {
    lines.push({ ...l, start: pos });
    pos += l.text.length + 1;
  }
  return { text: kept.map((l) => l.text).join('\n'), lines, repairs, fallbackTitle };
}
