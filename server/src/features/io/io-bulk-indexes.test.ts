import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { systemActor } from '../../lib/actor';
import { csvText } from '../../test/factories-io';
import { searchRow } from '../search/search-index';
import { organizationSearchDoc } from './io-organizations.importer';
import { rowsOf } from './io-import.repository';
import { deferredIndexes, isEmbedded, shouldDefer } from './io-bulk-indexes';
import { createIoService } from './io.service';
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

  it('is only chosen for files large beside what the tables hold', () => {
    expect(shouldDefer(5000, 0, 5000)).toBe(false); // one batch: never
    expect(shouldDefer(10_000, 0, 5000)).toBe(true);
    expect(shouldDefer(10_000, 10_000, 5000)).toBe(true);
    expect(shouldDefer(10_000, 10_001, 5000)).toBe(false);
  });
});
