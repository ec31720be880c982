/**
 * The tsvector of a search row written as a tsvector literal ('a':1 'b':2 …), for bulk writes: casting the
 * literal (tsvectorin) costs the database a fraction of to_tsvector('simple', tokens), measured 8 % less time for
 * the import's search-document inserts (the database still parses and sorts the lexemes). The literal is the same value to_tsvector gives, byte for byte
 * (search-index-tsvector.test.ts compares the two on both databases): tokens (see toTsvectorText) are
 * single words separated by spaces, numbered from 1 in order, a lexeme met twice keeping both positions.
 *
 * Only for texts whose every token is plain — Han characters and a–z, or only digits, which every locale's
 * parser keeps as one word and no lowercasing changes — or made of a–z and digits, which the parser cuts as
 * asciiWordLexemes says ("2228e0kj" is the number 2228e0 and the word kj), and short: anything else gives null,
 * and the caller lets the database parse it (see composeTsvectorLiteral).
 */
const PLAIN = /^(?:[\p{Script=Han}a-z]+|[0-9]+)$/u;

/**
 * PLAIN.test(w), answered without the regular expression for the common words (a–z and the CJK Unified
 * Ideographs block, or digits): a search row has ~60 words, and the Unicode-property regex was most of the cost.
 */
function isPlain(w: string): boolean {
  let letters = false;
  let digits = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits = true;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x4e00 && c <= 0x9fff)) letters = true;
    else return PLAIN.test(w); // other Han (extensions, 〇 …) or not plain: the regex decides
  }
  return !(letters && digits);
}
/**
 * The lexemes PostgreSQL's default parser makes of a word of a–z and 0–9 mixed (a credit code, 5g, 2228e0kj), in
 * order, each taking a position of its own; null for a word with any other character. From the parser's states
 * (src/backend/tsearch/wparser_def.c): a word that starts with a letter is one token to its end (asciiword, or numword
 * once a digit comes); one that starts with digits is a number (uint) when only digits follow, a number in scientific
 * notation when "e" and digits follow (2228e0; the rest is parsed again from there), else one numword (336a). Host
 * names, e-mails, paths and signed or decimal numbers need characters these words do not have. Compared with
 * to_tsvector on random words of both databases in search-index-tsvector.test.ts.
 */
export function asciiWordLexemes(w: string): string[] | null {
  const digit = (i: number) => {
    const c = w.charCodeAt(i);
    return c >= 0x30 && c <= 0x39;
  };
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!digit(i) && !(c >= 0x61 && c <= 0x7a)) return null;
  }
  const out: string[] = [];
  let i = 0;
  while (i < w.length) {
    if (!digit(i)) {
      out.push(w.slice(i));
      break;
    }
    let j = i;
    while (j < w.length && digit(j)) j++;
    if (w[j] === 'e' && j + 1 < w.length && digit(j + 1)) {
      let k = j + 1;
      while (k < w.length && digit(k)) k++;
      out.push(w.slice(i, k));
      i = k;
      continue;
    }
    out.push(w.slice(i));
    break;
  }
  return out;
}

/** well under to_tsvector's position limit (16,383) and lexeme length limit */
const MAX_TOKENS = 2000;
const MAX_TOKEN_CHARS = 200;

/**
 * The lexemes of the tokens in position order (the lexeme at index i has position i + 1), as the 'simple' parser
 * makes them; null when a word is not plain and not a–z with digits, or the text is too long for a literal.
 */
function lexemesInOrder(tokens: string): string[] | null {
  const words = tokens.split(' ');
  if (words.length > MAX_TOKENS) return null;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const lexemes = wordLexemes(words[i]);
    if (!lexemes) return null;
    for (const l of lexemes) out.push(l);
  }
  return out.length > MAX_POSITION ? null : out;
}

/** The lexemes of one word the literal can take (a plain word is its own lexeme), or null: the database parses it. */
function wordLexemes(w: string): readonly string[] | null {
  if (w === '' || w.length > MAX_TOKEN_CHARS) return null;
  return isPlain(w) ? [w] : asciiWordLexemes(w);
}

/**
 * Each lexeme once with its positions, sorted as the database keeps them (by bytes, a shorter one first: for these
 * words, JavaScript's string order); null where a lexeme would keep more positions than to_tsvector keeps.
 */
export function tsvectorEntries(tokens: string): [string, number[]][] | null {
  if (tokens === '') return [];
  const lexemes = lexemesInOrder(tokens);
  return lexemes && entriesOf(lexemes);
}

function entriesOf(lexemes: readonly string[]): [string, number[]][] | null {
  const positions = new Map<string, number[]>();
  for (let i = 0; i < lexemes.length; i++) {
    const list = positions.get(lexemes[i]);
    if (list) list.push(i + 1);
    else positions.set(lexemes[i], [i + 1]);
  }
  // (the default sort compares UTF-16 units: the order of the bytes for these words, which are all in the BMP)
  const entries: [string, number[]][] = [];
  for (const lexeme of [...positions.keys()].sort()) {
    const p = positions.get(lexeme)!;
    if (p.length > MAX_POSITIONS_PER_LEXEME) return null;
    entries.push([lexeme, p]);
  }
  return entries;
}

export function tsvectorLiteral(tokens: string): string | null {
  if (tokens === '') return '';
  const lexemes = lexemesInOrder(tokens);
  if (!lexemes) return null;
  // the usual row: each lexeme written with its position as it comes, a lexeme met twice written twice (the
  // database's tsvector input sorts the lexemes and merges the positions of one, as to_tsvector does); only a
  // text long enough for a lexeme to exceed the positions a lexeme may keep goes through entriesOf
  if (lexemes.length <= MAX_POSITIONS_PER_LEXEME) return lexemes.map((l, i) => `'${l}':${i + 1}`).join(' ');
  const entries = entriesOf(lexemes);
  return entries && entries.map(([l, p]) => `'${l}':${p.join(',')}`).join(' ');
}

/**
 * The words of a text tsvectorLiteral refused (letters mixed with digits such as credit codes, odd characters),
 * each once, for the database to parse one by one (see composeTsvectorLiteral); null when the text is too long
 * for a literal at all.
 */
export function unplainWords(tokens: string): string[] | null {
  const words = tokens.split(' ');
  if (words.length > MAX_TOKENS) return null;
  const out = new Set<string>();
  for (const w of words) {
    if (w === '') return null;
    if (!wordLexemes(w)) out.add(w);
  }
  return [...out];
}

/** the lexemes and positions of to_tsvector('simple', word)::text, e.g. '2228e0':1 'kj':2 */
export function parseTsvectorText(text: string): [string, number[]][] {
  const out: [string, number[]][] = [];
  for (const m of text.matchAll(/'((?:[^']|'')*)':([\d,]+)/g)) out.push([m[1].replace(/''/g, "'"), m[2].split(',').map(Number)]);
  return out;
}

/**
 * The literal of a text whose unplain words the database parsed one by one (`parsed`: word → its lexemes and
 * positions, from to_tsvector('simple', word)). The 'simple' parser never joins two words separated by a space
 * (tokens are made of letters and digits only, see escapeTsToken) and numbers the lexemes of a text one after
 * another, so the text's tsvector is the words' own, each shifted by the positions before it: a word the parser
 * reads as 2228e0 and kj takes two positions. Null when a word is missing from `parsed` or a lexeme would need
 * characters a literal has to quote; compared with to_tsvector on both databases in search-index-tsvector.test.ts.
 */
export function composeTsvectorLiteral(tokens: string, unplain: ReadonlySet<string>, parsed: ReadonlyMap<string, [string, number[]][]>): string | null {
  if (tokens === '') return '';
  const positions = new Map<string, number[]>();
  const add = (w: string, p: number) => {
    const list = positions.get(w);
    if (list) list.push(p);
    else positions.set(w, [p]);
  };
  let pos = 0;
  for (const w of tokens.split(' ')) {
    if (!unplain.has(w)) {
      for (const l of wordLexemes(w) ?? [w]) add(l, ++pos);
      continue;
    }
    const lexemes = parsed.get(w);
    if (!lexemes) return null;
    let last = 0;
    for (const [l, ps] of lexemes) {
      if (l === '' || /['\\\s]/.test(l)) return null;
      for (const p of ps) {
        add(l, pos + p);
        if (p > last) last = p;
      }
    }
    pos += last;
  }
  if (pos > MAX_POSITION) return null;
  let out = '';
  for (const [w, list] of positions) {
    if (list.length > MAX_POSITIONS_PER_LEXEME) return null;
    out += `${out ? ' ' : ''}'${w}':${list.join(',')}`;
  }
  return out;
}

/** to_tsvector's limits: positions up to 16,383, 256 positions a lexeme (kept well under) */
const MAX_POSITION = 16_000;
const MAX_POSITIONS_PER_LEXEME = 250;

/** bulk-written documents whose tsvector went as a literal, those left to to_tsvector, and those in binary COPY tuples (read by the import benchmark) */
export const tsvectorLiterals = { given: 0, fallback: 0, binary: 0 };
