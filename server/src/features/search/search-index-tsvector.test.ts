import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { rowsOf } from '../io/io-import.repository';
import { searchRow } from './search-index';
import { composeTsvectorLiteral, parseTsvectorText, tsvectorLiteral, unplainWords } from './search-index-tsvector';

const t = useTestApp();
const seeds = path.join(import.meta.dirname, '../../../../../shared/seeds');

/** tokens texts as the one builder makes them: from the five articles, names with Latin letters, digits and odd characters */
function corpus(): string[] {
  const texts: string[] = [];
  for (const f of fs.readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
    const lines = fs.readFileSync(path.join(seeds, f), 'utf8').split('\n').filter((l) => l.trim());
    for (let i = 0; i < lines.length; i += 3) texts.push(lines.slice(i, i + 3).join(' '));
  }
  // names with random hex tags, as the tests make them: "2228e0kejiyouxiangongsi" is a number and a word to the parser
  for (let i = 0; i < 300; i++) texts.push(`上海甲${randomBytes(3).toString('hex')}科技有限公司`);
  // words of digits, e and other letters, the way the parser's number states meet them: 1e5, 0e0e1, 12ab, a1e5, 336号
  const pick = (chars: string, n: number) => Array.from(randomBytes(n), (b) => chars[b % chars.length]).join('');
  for (let i = 0; i < 400; i++) texts.push(Array.from({ length: 1 + (i % 7) }, (_, j) => pick('0123456789eeeab', 1 + ((i + j) % 11))).join(' '));
  // credit codes and websites as an import meets them
  for (let i = 0; i < 100; i++) texts.push(`91${pick('0123456789ABCDEFGHJKLMNPQRTUWXY', 16)} https://www.${pick('abcde12', 6)}.com`);
  texts.push('a a a 1e5 1e5 上海 上海 2e1a 2e1 a', Array.from({ length: 300 }, (_, i) => `上海 ${i % 7}`).join(' '), '上海ESG能力提升 5G 网络', 'C++ 开发 c 语言 Ⅻ ① x² 3.14 1e5 a-b foo_bar', 'ABC科技 abc科技 Abc', '第1届 2024年 0123', 'İstanbul ǅ Ǆ ß', '');
  return texts.map((text, i) =>
    searchRow({ entityType: 'organization', entityId: '00000000-0000-4000-8000-000000000000', title: `单位${'甲乙丙丁戊己庚辛壬癸'[i % 10]}`, texts: [text], districtCode: null }).tokens,
  );
}

describe('the tsvector literal of bulk search-document writes', () => {
  it('is, wherever it is given, the very value to_tsvector gives (text form and equality), and is given for plain ones', async () => {
    const texts = corpus();
    const literals = texts.map(tsvectorLiteral);
    const given = literals.filter((l) => l !== null).length;
    // the articles, plain names, and words of letters and digits (credit codes, hex tags): all but the odd characters
    expect(given).toBeGreaterThan(texts.length - 5);
    expect(literals.some((l) => l === null)).toBe(true); // the odd characters fall back to to_tsvector
    const rows = rowsOf<{ a: string; b: string; same: boolean }>(
      await t.database.db.execute(sql`
        select to_tsvector('simple', x)::text as a, l::tsvector::text as b, to_tsvector('simple', x) = l::tsvector as same
        from unnest(${sql.param(texts)}::text[], ${sql.param(literals)}::text[]) as u(x, l) where l is not null`),
    );
    expect(rows).toHaveLength(given);
    for (const r of rows) {
      expect(r.b).toBe(r.a);
      expect(r.same).toBe(true);
    }
  });

  it('composed from the words the database parsed one by one, is the very value to_tsvector gives for every text', async () => {
    // the corpus, credit codes and websites as the one builder makes tokens of them, and random words of
    // letters and digits the parser reads as numbers, words or both (1e5, 2228e0kj, 0x1f, 12ab34)
    const pick = (chars: string, n: number) => Array.from(randomBytes(n), (b) => chars[b % chars.length]).join('');
    const codes = Array.from({ length: 200 }, (_, i) =>
      searchRow({ entityType: 'organization', entityId: '00000000-0000-4000-8000-000000000000', title: `上海${i}号公司`, texts: [`91${pick('0123456789ABCDEFGHJKLMNPQRTUWXY', 16)} www.${pick('abcde12', 6)}.com 第${i}届`], districtCode: null }).tokens,
    );
    const random = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + (randomBytes(1)[0] % 30) }, () => pick('0123456789e.x+-abz上海', 1 + (randomBytes(1)[0] % 12)).replace(/[.+-]/g, 'x2ex'))
        .filter((w) => w !== '')
        .join(' '),
    );
    const texts = [...corpus(), ...codes, ...random, 'a a a 1e5 1e5 上海 上海'];
    const unplain = texts.map(unplainWords);
    const distinct = [...new Set(unplain.flatMap((w) => w ?? []))];
    expect(distinct.length).toBeGreaterThan(300);
    const parsed = new Map(
      rowsOf<{ w: string; v: string }>(
        await t.database.db.execute(sql`select w, to_tsvector('simple', w)::text as v from unnest(${sql.param(distinct)}::text[]) as w`),
      ).map((r) => [r.w, parseTsvectorText(r.v)]),
    );
    const literals = texts.map((x, i) => (unplain[i] ? composeTsvectorLiteral(x, new Set(unplain[i]), parsed) : null));
    expect(literals.filter((l) => l === null)).toEqual([]);
    const rows = rowsOf<{ a: string; b: string; same: boolean }>(
      await t.database.db.execute(sql`
        select to_tsvector('simple', x)::text as a, l::tsvector::text as b, to_tsvector('simple', x) = l::tsvector as same
        from unnest(${sql.param(texts)}::text[], ${sql.param(literals)}::text[]) as u(x, l)`),
    );
    expect(rows).toHaveLength(texts.length);
    for (const r of rows) expect([r.b, r.same]).toEqual([r.a, true]);
  });

  it('keeps both positions of a lexeme met twice, and refuses uppercase, punctuation and very long texts', () => {
    // a lexeme met twice is written twice: the database's tsvector input merges its positions (compared above)
    expect(tsvectorLiteral('上海 abc 上海')).toBe("'上海':1 'abc':2 '上海':3");
    expect(tsvectorLiteral('Abc')).toBeNull();
    expect(tsvectorLiteral('2228e0kjyxgs 336a 1e5 e5 12e')).toBe("'2228e0':1 'kjyxgs':2 '336a':3 '1e5':4 'e5':5 '12e':6");
    expect(tsvectorLiteral('91310115ma1k4xyz0e')).toBe("'91310115ma1k4xyz0e':1");
    expect(tsvectorLiteral('ⅻ')).toBeNull();
    expect(tsvectorLiteral('2024 shanghai')).toBe("'2024':1 'shanghai':2");
    expect(tsvectorLiteral("a'b")).toBeNull();
    expect(tsvectorLiteral(Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' '))).toBeNull();
    expect(tsvectorLiteral('')).toBe('');
  });
});
