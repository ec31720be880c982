import { collapsePunctuation } from '../../../lib/text';

/**
 * Doubled punctuation collapsed: ",," → ","; ",、" → "、" (lib/text), plus "!!" / "??" / "。。" in both
 * widths, and a comma or enumeration mark left before a closing quote or bracket. Ellipses (…… / ...)
 * are kept.
 */
export function collapseDoubledPunctuation(s: string): string {
  return collapsePunctuation(s)
    .replace(/([!！?？；;])\1+/g, '$1')
    .replace(/[，,、](?=[”’」』)）])/g, '');
}

/** Emoji and pictographs injected into the text are dropped (keycaps, variation selectors too). */
export function removeEmoji(s: string): string {
  return s.replace(/\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\uFE0F|\u20E3|[\u{1F3FB}-\u{1F3FF}]/gu, '');
}
