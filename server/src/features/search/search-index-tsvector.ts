/**
 * The tsvector of a search row written as a tsvector literal ('a':1 'b':2 …), for bulk writes: casting the
 * literal (tsvectorin) costs the database a fraction of to_tsvector('simple', tokens), measured 8 % less time for
 * the import's search-document inserts (the database still parses and sorts the lexemes). The literal is the same value to_tsvector gives, byte for byte
 * (search-index-tsvector.test.ts compares the two on both databases): tokens (see toTsvectorText) are
 * single words separated by spaces, numbered from 1 in order, a lexeme met twice keeping both positions.
 *
 * Only for texts whose every token is plain — Han characters and a–z, or only digits, which every locale's
 * parser keeps as one word and no lowercasing changes (letters mixed with digits are not: the parser reads
 * "2228e0kj" as the number 2228e0 and the word kj) — and short: anything else gives null, and the caller lets the
 * database run to_tsvector as before.
 */
const PLAIN = /^(?:[\p{Script=Han}a-z]+|[0-9]+)$/u;
/** well under to_tsvector's position limit (16,383) and lexeme length limit */
const MAX_TOKENS = 2000;
const MAX_TOKEN_CHARS = 200;

export function tsvectorLiteral(tokens: string): string | null {
  if (tokens === '') return '';
  const words = tokens.split(' ');
  if (words.length > MAX_TOKENS) return null;
  const positions = new Map<string, number[]>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '' || w.length > MAX_TOKEN_CHARS || !PLAIN.test(w)) return null;
    const list = positions.get(w);
    if (list) list.push(i + 1);
    else positions.set(w, [i + 1]);
  }
  let out = '';
  for (const [w, list] of positions) out += `${out ? ' ' : ''}'${w}':${list.join(',')}`;
  return out;
}

/** bulk-written documents whose tsvector went as a literal, and those left to to_tsvector (read by the import benchmark) */
export const tsvectorLiterals = { given: 0, fallback: 0 };
