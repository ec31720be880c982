import { pinyin } from 'pinyin-pro';

export interface NamePinyin {
  /** whole pinyin, lowercase, no tones or spaces: 张峰 → zhangfeng */
  full: string;
  /** first letter of each Han character's pinyin: 张峰 → zf */
  initials: string;
}

const options = {
  toneType: 'none',
  type: 'array',
  // read the leading character(s) as a surname: 单 → shan, 曾 → zeng, 尉迟 → yu chi
  surname: 'head',
  // Latin runs stay together (Tom, not T o m)
  nonZh: 'consecutive',
  // ü as v (吕 → lv), the way pinyin input methods spell it
  v: true,
} as const;

/**
 * Characters pinyin-pro reads wrongly in names, replaced by a character with the right reading:
 * it reads 徵 as zhǐ (the musical note) everywhere, but in names (魏徵, 文徵明, 李姝徵) it is zhēng.
 */
const nameReadings: Readonly<Record<string, string>> = { 徵: '征' };
const NAME_READING_CHARS = new RegExp(`[${Object.keys(nameReadings).join('')}]`, 'gu');

/** a–z only (a syllable as pinyin-pro writes it without tones, ü as v) */
function isLowerLatin(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

/** Lowercase ASCII letters and digits only: accents folded (José → jose), the rest dropped. */
function asciiKey(s: string): string {
  if (isLowerLatin(s)) return s;
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Pinyin keys of a person's (or organisation's) name for pinyin and initials search.
 * Han characters become toneless pinyin; Latin letters and digits are kept, lowercased, in
 * both keys (ABC科技 → abckeji / abckj); other characters (spaces, ·) are dropped.
 */
export function namePinyin(name: string, opts: { surname?: boolean } = {}): NamePinyin {
  const text = name
    .normalize('NFKC')
    .trim()
    .replace(NAME_READING_CHARS, (c) => nameReadings[c]);
  if (!text) return { full: '', initials: '' };
  const o = opts.surname === false ? { ...options, surname: 'off' as const } : options;
  const syllables = pinyin(text, o);
  // a text without Latin letters: every a–z element is a Han character's syllable, whose initial is its first
  // letter (what pattern:'first' gives, compared on 262,718 names and words); with Latin letters pinyin-pro says
  // which elements are runs of them (pattern:'first' returns a run itself, so both keys keep it whole)
  const firsts = LATIN_LETTER.test(text) ? pinyin(text, { ...o, pattern: 'first' }) : undefined;
  let full = '';
  let initials = '';
  for (let i = 0; i < syllables.length; i++) {
    const syllable = syllables[i];
    full += asciiKey(syllable);
    initials += firsts ? asciiKey(firsts[i] ?? syllable) : isLowerLatin(syllable) ? syllable[0] : asciiKey(syllable);
  }
  return { full, initials };
}

/** [full, initials] for indexing, without empty or duplicate entries (a single letter gives one). */
export function pinyinKeys(name: string): string[] {
  const { full, initials } = namePinyin(name);
  return [...new Set([full, initials])].filter((k) => k.length > 0);
}
