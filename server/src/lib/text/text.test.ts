import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  namePinyin,
  normalizeText,
  pinyinKeys,
  queryTokens,
  searchTokens,
  segment,
  toSimplified,
  toTsqueryText,
  toTsvectorText,
} from './index';

// Excerpts copied from /work/shared/seeds (Traditional text with pinyin annotations).
const seed000Title = '發(fā)揮新階層人士優(yōu)勢 助力“未來車”加速馳騁';
const seed000Byline = '中新網(wǎng)上海新聞10月12日電(記者 李姝徵)';
const seed000Dateline = '2024年10月12日 21:53\u00a0\u00a0 來源:中新網(wǎng)上海\u00a0\u00a0';
const seed000Lead = '浦東新區(qū)區(qū)委常委、統(tǒng)戰(zhàn)部部長張峰出席活動。';
const seed000Esg =
  '發(fā)布浦東新區(qū)“未來車”產業(yè)創(chuàng)新企業(yè)ESG能力提升“同心”引領行動倡議書,浦東新區(qū)新聯(lián)會聯(lián)合浦東新區(qū)外商投資企業(yè)協(xié)會共同發(fā)出倡議';
const seed003Open =
  '上海正在全力推進(jìn)安亭國(guó)際汽車智慧城建設(shè),,在構(gòu)建汽車“新四化”產(chǎn)業(yè)集群黨建共同體的過程中,,新近發(fā)布了';
const seed003List = '向產(chǎn)業(yè)集群發(fā)展,、產(chǎn)業(yè)生態(tài)優(yōu)化,、產(chǎn)城深度融合發(fā)力。';
const seed003End = '資源要素豐富,。';

describe('normalizeText', () => {
  it('turns an annotated Traditional headline into plain Simplified', () => {
    expect(normalizeText('發(fā)揮新階層人士優(yōu)勢')).toBe('发挥新阶层人士优势');
    expect(normalizeText(seed000Title)).toBe('发挥新阶层人士优势 助力“未来车”加速驰骋');
  });

  it('keeps the reporter name 李姝徵 (OpenCC alone turns 徵 into 征)', () => {
    expect(normalizeText(seed000Byline)).toBe('中新网上海新闻10月12日电(记者 李姝徵)');
    expect(toSimplified('李姝徵')).toBe('李姝徵');
    expect(toSimplified('徵求意見')).toBe('征求意见');
    expect(toSimplified('文徵明')).toBe('文征明');
    expect(toSimplified('文徵明', ['文徵明'])).toBe('文徵明');
  });

  it('removes annotations in full-width brackets and with several syllables', () => {
    expect(normalizeText('中新網（wǎng）上海')).toBe('中新网上海');
    expect(normalizeText('網絡(wǎng luò)安全')).toBe('网络安全');
  });

  it('keeps brackets that are content, not pinyin', () => {
    expect(normalizeText('新加坡南洋理工大学副校长(产业)')).toBe('新加坡南洋理工大学副校长(产业)');
    expect(normalizeText('看看新闻(knews)综合')).toBe('看看新闻(knews)综合');
  });

  it('collapses the doubled punctuation of seed 003', () => {
    expect(normalizeText(seed003Open)).toBe(
      '上海正在全力推进安亭国际汽车智慧城建设,在构建汽车“新四化”产业集群党建共同体的过程中,新近发布了',
    );
    expect(normalizeText(seed003List)).toBe('向产业集群发展、产业生态优化、产城深度融合发力。');
    expect(normalizeText(seed003End)).toBe('资源要素丰富。');
    expect(normalizeText('好。。真好，，是')).toBe('好。真好，是');
  });

  it('makes full-width letters and digits half-width and collapses whitespace', () => {
    expect(normalizeText('ＥＳＧ能力提升　２０２４年')).toBe('ESG能力提升 2024年');
    expect(normalizeText(seed000Dateline)).toBe('2024年10月12日 21:53 来源:中新网上海');
    expect(normalizeText(' 第一段\n\n\n  第二段 ')).toBe('第一段\n第二段');
  });
});

describe('segment and search tokens', () => {
  it('keeps field words whole', () => {
    const words = segment(seed000Title);
    expect(words).toContain('未来车');
    expect(words).toContain('新阶层');
    expect(words).not.toContain('“');
    expect(segment(seed000Lead)).toEqual(['浦东新区', '区委', '常委', '统战部', '部长', '张峰', '出席', '活动']);
  });

  it('indexes single characters, words and their sub-words', () => {
    const tokens = searchTokens(seed000Lead);
    expect(tokens).toEqual(expect.arrayContaining(['张', '峰', '张峰', '浦东新区', '浦东', '统战部']));
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every((t) => /^[\p{L}\p{N}]+$/u.test(t))).toBe(true);
  });

  it('finds a record by 1 character, by part of a district name, by a phrase not cut the same way', () => {
    const index = new Set(searchTokens(`${seed000Title}\n${seed000Byline}\n${seed000Lead}\n${seed000Esg}`));
    const matches = (q: string) => queryTokens(q).every((t) => index.has(t));
    expect(queryTokens('张')).toEqual(['张']);
    expect(queryTokens('未来车产业')).toEqual(['未来车', '产业']);
    for (const q of ['张', '浦东', '未来车产业', '未來車', '张峰', '李姝徵', '李姝征', '姝徵', 'esg', 'ＥＳＧ']) {
      expect(matches(q), q).toBe(true);
    }
    expect(matches('浦西')).toBe(false);
  });

  it('builds safe PostgreSQL text-search input', () => {
    expect(toTsqueryText(['未来车', '产业'])).toBe("'未来车' & '产业'");
    const injected = toTsqueryText(["o'neil", "x' | 'y", 'a&b']);
    expect(injected).not.toMatch(/[|!()\\]/);
    expect(injected.split(' & ')).toHaveLength(3);
    expect(injected.split(' & ').every((t) => /^'[\p{L}\p{N}]+'$/u.test(t))).toBe(true);
    expect(toTsqueryText([])).toBe('');
    expect(toTsvectorText(['张峰', 'c++', 'ai-2024'])).toMatch(/^张峰 \S+ \S+$/);
  });
});

describe('full-text search in PostgreSQL (PGlite)', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    await db.exec('create table doc (id int primary key, tsv tsvector)');
    const docs = [seed000Byline + seed000Lead, seed003Open, "O'Neil & C++ 研讨会"];
    for (const [i, d] of docs.entries()) {
      await db.query("insert into doc values ($1, to_tsvector('simple', $2))", [i, toTsvectorText(searchTokens(d))]);
    }
  }, 30_000);
  afterAll(async () => {
    await db?.close();
  });

  const search = async (q: string) => {
    const res = await db.query<{ id: number }>(
      "select id from doc where tsv @@ to_tsquery('simple', $1) order by id",
      [toTsqueryText(queryTokens(q))],
    );
    return res.rows.map((r) => r.id);
  };

  it('matches what a user types', async () => {
    expect(await search('张')).toEqual([0]);
    expect(await search('浦東')).toEqual([0]);
    expect(await search('李姝徵')).toEqual([0]);
    expect(await search('安亭 党建')).toEqual([1]);
    expect(await search('集群党建共同体')).toEqual([1]);
    expect(await search("o'neil")).toEqual([2]);
    expect(await search('C++')).toEqual([2]);
    expect(await search('浦西')).toEqual([]);
  });

  it('keeps each escaped token one lexeme, so operators in input cannot change the query', async () => {
    const tokens = ['c++', 'ai-2024', "o'neil", 'a&b', '张峰'];
    const res = await db.query<{ n: number; hit: boolean }>(
      "select length(to_tsvector('simple', $1)) as n, to_tsvector('simple', $1) @@ to_tsquery('simple', $2) as hit",
      [toTsvectorText(tokens), toTsqueryText(tokens)],
    );
    expect(res.rows[0]).toEqual({ n: 5, hit: true });
  });
});

describe('name pinyin', () => {
  it('gives full pinyin and initials of people in the seeds', () => {
    expect(namePinyin('张峰')).toEqual({ full: 'zhangfeng', initials: 'zf' });
    expect(namePinyin('张兆国')).toEqual({ full: 'zhangzhaoguo', initials: 'zzg' });
    expect(namePinyin('俞飚')).toEqual({ full: 'yubiao', initials: 'yb' });
    expect(namePinyin('李姝徵')).toEqual({ full: 'lishuzheng', initials: 'lsz' });
  });

  it('reads surnames as surnames', () => {
    expect(namePinyin('单雄信').full).toBe('shanxiongxin');
    expect(namePinyin('曾国藩')).toEqual({ full: 'zengguofan', initials: 'zgf' });
  });

  it('keeps Latin letters and digits, lowercased', () => {
    expect(namePinyin('ＡＢＣ科技')).toEqual({ full: 'abckeji', initials: 'abckj' });
    expect(pinyinKeys('张峰')).toEqual(['zhangfeng', 'zf']);
    expect(pinyinKeys('')).toEqual([]);
  });
});
