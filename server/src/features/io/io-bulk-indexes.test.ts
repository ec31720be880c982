import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { systemActor } from '../../lib/actor';
import { csvText } from '../../test/factories-io';
import { searchRow } from '../search/search-index';
import { organizationSearchDoc } from './io-organizations.importer';
import { checkIndustryLinks, insertIndustryLinks, rowsOf } from './io-import.repository';
import { deferredIndexes, isEmbedded, shouldDefer } from './io-bulk-indexes';
import { createIoService } from './io.service';
import { copiedRows } from './io-copy';
import { copyBinaryTuples } from './io-copy-binary';
import { importSearchRow, isBinaryRow, SEARCH_COLUMNS, type SearchRowText } from './io-search-row';
import type { SearchDoc } from '../search/search-row';
import { randomBytes, randomUUID } from 'node:crypto';
import { ImportInvalidError } from './io-import.service';

// An embedded database of its own: the deferral only happens when the file is big beside the tables.
let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
}, 60_000);
afterAll(async () => database?.close());

const HEADER = ['名称*', '类型*', '所在区', '统一社会信用代码', '别名'];
const indexes = async () =>
  rowsOf<{ def: string }>(
    await database.db.execute(sql`select indexdef as def from pg_indexes
      where tablename in ('organizations', 'search_documents', 'organization_industries') order by indexname`),
  ).map((r) => r.def);
const count = async (table: string) => rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;
const file = (rows: string[][]) => ({ fileName: 'orgs.csv', data: Buffer.from(csvText(HEADER, rows)) });
const names = (n: number, x: string) => Array.from({ length: n }, (_, i) => [`上海批量${x}${i}号科技有限公司`, '企业', '浦东新区', '', `批量${x}${i}`]);

describe('a big import into the embedded database', () => {
  it('builds the indexes at the end: the same indexes afterwards, the rows and search documents landed and found by index', async () => {
    expect(isEmbedded(database.db)).toBe(true);
    const before = await indexes();
    expect(before.length).toBeGreaterThan(10);
    const io = createIoService({ db: database.db });
    const dropped = deferredIndexes.dropped;
    const result = await io.importFile(systemActor('test'), 'organizations', file(names(23, 'a')), { mode: 'all', batchSize: 5 });
    expect(result.imported).toBe(23);
    // every non-unique index of the three tables was dropped and built again
    const nonUnique = before.filter((d) => !/UNIQUE/.test(d)).length;
    expect(deferredIndexes.dropped - dropped).toBe(nonUnique);
    expect(deferredIndexes.rebuilt - dropped).toBe(nonUnique);
    expect(await indexes()).toEqual(before);
    expect(await count('organizations')).toBe(23);
    expect(await count('search_documents')).toBe(23);
    // the rebuilt GIN index answers a token query (forced through the index)
    await database.db.execute(sql`set enable_seqscan = off`);
    const found = rowsOf<{ title: string }>(
      await database.db.execute(sql`select title from search_documents where tokens @@ to_tsquery('simple', 'piliang:*') order by title`),
    );
    await database.db.execute(sql`reset enable_seqscan`);
    expect(found.length).toBe(23);
    // and each document is what the one builder makes of the record
    const one = rowsOf<{ id: string; name: string; aliases: string[]; pinyin_full: string; body: string }>(
      await database.db.execute(sql`select o.id, o.name, o.aliases, s.pinyin_full, s.body from organizations o
        join search_documents s on s.entity_id = o.id where o.name = ${'上海批量a7号科技有限公司'}`),
    )[0];
    const built = searchRow(
      organizationSearchDoc({ row: 0, id: one.id, name: one.name, nameNorm: '', kind: 'enterprise', districtCode: '310115', uscc: null, aliases: one.aliases, address: null, size: null, website: null, description: null, industryIds: [] }),
    );
    expect([one.pinyin_full, one.body]).toEqual([built.pinyinFull, built.body]);
  });

  it('mode=all with a bad row after the indexes were dropped: nothing lands and every index is back', async () => {
    const before = await indexes();
    const orgs = await count('organizations');
    const rows = names(80, 'b');
    rows[75] = [`上海坏行${rows.length}`, '不存在的类型', '', '', ''];
    const io = createIoService({ db: database.db });
    const dropped = deferredIndexes.dropped;
    const rebuilt = deferredIndexes.rebuilt;
    await expect(io.importFile(systemActor('test'), 'organizations', file(rows), { mode: 'all', batchSize: 20 })).rejects.toBeInstanceOf(ImportInvalidError);
    expect(deferredIndexes.dropped).toBeGreaterThan(dropped); // (23 rows in the tables, 40 read at the second batch: deferred)
    expect(deferredIndexes.rebuilt).toBe(rebuilt); // not rebuilt: the rollback brought them back
    expect(await indexes()).toEqual(before);
    expect(await count('organizations')).toBe(orgs);
  });

  it('links the records to their industries, the foreign keys checked once at the end, and leaves the row checks on', async () => {
    const db = database.db;
    const [industry] = rowsOf<{ id: string }>(await db.execute(sql`insert into industries (name) values ('批量测试产业') returning id`));
    const header = [...HEADER, '产业'];
    const rows = names(45, 'c').map((r) => [...r, '批量测试产业']);
    const io = createIoService({ db });
    const dropped = deferredIndexes.dropped;
    const result = await io.importFile(systemActor('test'), 'organizations', { fileName: 'orgs.csv', data: Buffer.from(csvText(header, rows)) }, { mode: 'all', batchSize: 15 });
    expect(result.imported).toBe(45);
    expect(deferredIndexes.dropped).toBeGreaterThan(dropped); // the bulk path ran (23 rows in the tables, 30 read at the second batch)
    const linked = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from organization_industries where industry_id = ${industry.id}`))[0].n;
    expect(linked).toBe(45);
    const documents = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from search_documents where ${industry.id}::uuid = any(industry_ids)`))[0].n;
    expect(documents).toBe(45);
    // the foreign keys are enforced again after the import
    const missing = '00000000-0000-4000-8000-00000000dead';
    const [org] = rowsOf<{ id: string }>(await db.execute(sql`select id from organizations limit 1`));
    await expect(db.execute(sql`insert into organization_industries (organization_id, industry_id) values (${org.id}, ${missing})`)).rejects.toThrow();
    // and the check at the end of a bulk import refuses a link to a missing industry or record, as the constraint would
    for (const pair of [[org.id, missing], [missing, industry.id]] as [string, string][]) {
      await expect(
        db.transaction(async (tx) => {
          await insertIndustryLinks(tx, 'organization', [pair], { fresh: true, bulk: true });
          await checkIndustryLinks(tx, 'organization');
        }),
      ).rejects.toThrow(/foreign keys/);
    }
    await expect(db.transaction((tx) => checkIndustryLinks(tx, 'organization'))).resolves.toBeUndefined();
  });

  it('writes by COPY the very values the statements write: quotes, backslashes, tabs and line breaks, lists, null cells, and documents', async () => {
    const db = database.db;
    const [industry] = rowsOf<{ id: string }>(await db.execute(sql`insert into industries (name) values ('复制测试产业') returning id`));
    const header = ['名称*', '类型*', '所在区', '统一社会信用代码', '别名', '地址', '产业', '简介'];
    const odd = ['上海"引号"\\反斜杠科技有限公司', '企业', '浦东新区', '913101143G0D0UAX2Y', '别名"一"；别名\\二；{括号},逗号', '第一行\n第二行\t制表', '复制测试产业', ''];
    const plain = ['上海复制测试科技有限公司', '企业', '', '', '', '', '', 'NULL \\N'];
    const copied = copiedRows.count;
    const result = await createIoService({ db }).importFile(systemActor('test'), 'organizations', { fileName: 'odd.csv', data: Buffer.from(csvText(header, [odd, plain])) }, { mode: 'all' });
    expect(result.imported).toBe(2);
    expect(copiedRows.count - copied).toBe(5); // two organisations, a link, two documents (binary tuples)
    const rows = rowsOf<{ id: string; name: string; aliases: string[]; address: string | null; uscc: string | null; description: string | null; district_code: string | null; industries: string[] }>(
      await db.execute(sql`select o.id, o.name, o.aliases, o.address, o.uscc, o.description, o.district_code,
          array(select industry_id::text from organization_industries i where i.organization_id = o.id) as industries
        from organizations o where o.name in (${odd[0]}, ${plain[0]})`),
    ).sort((a) => (a.name === odd[0] ? -1 : 1));
    expect(rows.map((r) => [r.name, r.aliases, r.address, r.uscc, r.description, r.industries])).toEqual([
      [odd[0], ['别名"一"', '别名\\二', '{括号},逗号'], '第一行\n第二行\t制表', '913101143G0D0UAX2Y', null, [industry.id]],
      [plain[0], [], null, null, 'NULL \\N', []],
    ]);
    // each document is, column by column, what the one builder makes of the record
    for (const r of rows) {
      const built = searchRow(
        organizationSearchDoc({ row: 0, id: r.id, name: r.name, nameNorm: '', kind: 'enterprise', districtCode: r.district_code, uscc: r.uscc, aliases: r.aliases, address: r.address, size: null, website: null, description: r.description, industryIds: r.industries }),
      );
      const [same] = rowsOf<{ same: boolean }>(
        await db.execute(sql`select title = ${built.title} and subtitle is not distinct from ${built.subtitle} and body = ${built.body}
            and district_code is not distinct from ${built.districtCode} and kind is not distinct from ${built.kind}
            and industry_ids = ${sql.param(built.industryIds)}::uuid[] and tokens = to_tsvector('simple', ${built.tokens})
            and tokens::text = to_tsvector('simple', ${built.tokens})::text and title_norm = ${built.titleNorm}
            and pinyin_full = ${built.pinyinFull} and pinyin_initials = ${built.pinyinInitials} and boost = ${built.boost}::real as same
          from search_documents where entity_id = ${r.id}`),
      );
      expect(same).toEqual({ same: true });
    }
  });

  it('writes binary COPY tuples that are, column by column, the row the one builder makes, and leaves odd words to the database', async () => {
    const pick = (chars: string, n: number) => Array.from(randomBytes(n), (b) => chars[b % chars.length]).join('');
    const industry = randomUUID();
    const docs: SearchDoc[] = Array.from({ length: 300 }, (_, i) => ({
      entityType: i % 4 ? 'organization' : 'person',
      entityId: randomUUID(),
      title: `上海${pick('甲乙丙abc12e', 1 + (i % 9))}有限公司`,
      subtitle: i % 2 ? '企业 · 浦东新区' : null,
      aliases: [pick('xyz01e', 1 + (i % 6))],
      texts: [`91${pick('0123456789ABCDEFGHJKLMNPQRTUWXY', 16)}`, `第${i}号 ${pick('上海浦东1e2a ', 12)}`, '"引号" \\反斜杠\t制表'],
      districtCode: i % 2 ? '310115' : null,
      kind: i % 3 ? 'enterprise' : null,
      industryIds: i % 3 ? [industry, randomUUID()] : [],
      boost: (i % 5) / 2,
    }));
    const rows = docs.map((d) => searchRow(d)); // what the one builder makes: the expected columns
    const tuples = docs.map((d) => importSearchRow(d, { binary: true }));
    const bins = tuples.filter(isBinaryRow).map((r) => r.bin);
    expect(bins).toHaveLength(docs.length);
    const odd = importSearchRow({ ...docs[0], texts: ['Ⅻ é'] }, { binary: true });
    expect(isBinaryRow(odd)).toBe(false); // the database parses those words (composeTsvectorLiteral)
    expect((odd as SearchRowText).tsvWords).toEqual(['ⅻ', 'é']);
    const col = <T,>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
    const checked = await database.db
      .transaction(async (tx) => {
        expect(await copyBinaryTuples(tx, 'search_documents', SEARCH_COLUMNS, bins)).toBe(true);
        const found = rowsOf<{ n: number; same: number }>(
          await tx.execute(sql`
            select count(*)::int as n, count(*) filter (where d.entity_type = t.entity_type and d.title = t.title
              and d.subtitle is not distinct from t.subtitle and d.body = t.body and d.district_code is not distinct from t.district_code
              and d.kind is not distinct from t.kind and d.industry_ids = string_to_array(t.industry_ids, ',')::uuid[]
              and d.tokens = to_tsvector('simple', t.tokens) and d.tokens::text = to_tsvector('simple', t.tokens)::text
              and d.title_norm = t.title_norm and d.pinyin_full = t.pinyin_full and d.pinyin_initials = t.pinyin_initials
              and d.boost = t.boost)::int as same
            from search_documents d join unnest(${col((r) => r.entityId)}::uuid[], ${col((r) => r.entityType)}::text[],
              ${col((r) => r.title)}::text[], ${col((r) => r.subtitle)}::text[], ${col((r) => r.body)}::text[],
              ${col((r) => r.districtCode)}::text[], ${col((r) => r.kind)}::text[], ${col((r) => r.industryIds.join(','))}::text[],
              ${col((r) => r.tokens)}::text[], ${col((r) => r.titleNorm)}::text[], ${col((r) => r.pinyinFull)}::text[],
              ${col((r) => r.pinyinInitials)}::text[], ${col((r) => r.boost)}::real[])
              as t(entity_id, entity_type, title, subtitle, body, district_code, kind, industry_ids, tokens, title_norm,
                pinyin_full, pinyin_initials, boost) on d.entity_id = t.entity_id`),
        )[0];
        throw Object.assign(new Error('rollback'), { found });
      })
      .catch((e: { found?: { n: number; same: number } }) => e.found);
    expect(checked).toEqual({ n: 300, same: 300 });
  });

  it('is only chosen for files large beside what the tables hold', () => {
    expect(shouldDefer(5000, 0, 5000)).toBe(false); // one batch: never
    expect(shouldDefer(10_000, 0, 5000)).toBe(true);
    expect(shouldDefer(10_000, 10_000, 5000)).toBe(true);
    expect(shouldDefer(10_000, 10_001, 5000)).toBe(false);
  });
});
