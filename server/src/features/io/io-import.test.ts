import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/build-test-app';
import { loginAs, makeOrganization, countRows, makeIndustry, makeUscc } from '../../test/factories';
import { csvText, gb18030, readXlsxWithJszip, uploadFile, xlsxFile } from '../../test/files';
import { searchRow } from '../search/search-index';
import { searchRowsBuilt, warmSearchRowPool } from './io-search-rows';

const t = useTestApp();
const PUDONG = '310115';
const JINSHAN = '310116';
const ORG_HEADER = ['名称*', '类型*', '所在区', '统一社会信用代码', '别名', '地址', '产业', '规模', '网站', '简介'];
const tag = () => randomBytes(3).toString('hex');
const byTag = (x: string) => sql`name like ${`%${x}%`}`;

/** Three good organisations and, on spreadsheet row 3, one with a kind that does not exist. */
function orgRows(x: string) {
  return [
    [`上海甲${x}科技有限公司`, '企业', '浦东新区', makeUscc(), `甲${x}；甲科`, '张江路1号', '', '小型', '', ''],
    [`上海乙${x}科技有限公司`, '公司', '浦东', '', '', '', '', '', '', ''],
    [`上海丙${x}研究院`, '科研院所', '310115', '', '', '', '', '', '', '=1+1'],
    [`上海丁${x}银行`, 'bank', '浦東新區', '', '', '', '', '大型', 'https://www.example.com', ''],
  ];
}

describe('import templates', () => {
  it('downloads an XLSX template with the Chinese headers and a 说明 sheet', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    for (const [kind, first] of [
      ['organizations', '名称*'],
      ['people', '姓名*'],
      ['memberships', '网络名称*'],
    ] as const) {
      const res = await session.get(`/api/io/templates/${kind}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
      const book = await readXlsxWithJszip(res.rawPayload);
      expect(book.rows.get(1)!.A).toBe(first);
      expect(book.files).toContain('xl/worksheets/sheet2.xml'); // 说明
    }
    const orgs = await readXlsxWithJszip((await session.get('/api/io/templates/organizations')).rawPayload);
    expect(Object.values(orgs.rows.get(1)!)).toEqual(ORG_HEADER);
    const help = await readXlsxWithJszip((await session.get('/api/io/templates/organizations')).rawPayload, 2);
    const helpText = [...help.rows.values()].flatMap((r) => Object.values(r)).join(' ');
    expect(helpText).toContain('国有企业');
    expect(helpText).toContain('浦东新区');
  });
});

describe('importing organisations', () => {
  it('mode=all refuses a CSV with a bad row, naming its row, column and problem, and lands nothing', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    const before = await countRows(t.app, 'organizations');
    const res = await uploadFile(session, '/api/io/import/organizations', 'orgs.csv', Buffer.from(csvText(ORG_HEADER, orgRows(x))));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.report.total).toBe(4);
    expect(body.report.errors).toEqual([{ row: 3, column: '类型', message: expect.stringContaining('“公司”不是允许的值') }]);
    expect(body.report.errors[0].message).toContain('国有企业');
    expect(await countRows(t.app, 'organizations')).toBe(before);
  });

  it('mode=valid lands the good rows of an XLSX and offers the bad one as an error report', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const x = tag();
    const industry = await makeIndustry(t.app, `集成电路${x}`);
    const rows = orgRows(x);
    rows[0][6] = industry.name;
    const file = await xlsxFile(ORG_HEADER, rows);
    const fileName = `orgs-${x}.xlsx`;
    const res = await uploadFile(session, '/api/io/import/organizations?mode=valid', fileName, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 3, total: 4, errorCount: 1, errors: [{ row: 3, column: '类型' }] });
    expect(await countRows(t.app, 'organizations', byTag(x))).toBe(3);

    const [jia] = (await t.app.services.db.execute(sql`select * from organizations where name = ${`上海甲${x}科技有限公司`}`)).rows as {
      id: string;
      aliases: string[];
      district_code: string;
      name_norm: string;
      size: string;
    }[];
    expect(jia).toMatchObject({ aliases: [`甲${x}`, '甲科'], district_code: PUDONG, size: 'small', name_norm: `上海甲${x}科技有限公司` });
    const linked = await t.app.services.db.execute(sql`select industry_id from organization_industries where organization_id = ${jia.id}`);
    expect(linked.rows).toEqual([{ industry_id: industry.id }]);
    // findable through the search box straight away
    const search = await session.get(`/api/search?q=${encodeURIComponent(`甲${x}`)}`);
    expect(search.json().items.map((i: { id: string }) => i.id)).toContain(jia.id);

    const admin = (await loginAs(t.app, { role: 'admin' })).session;
    const audit = await admin.get('/api/audit?action=import&entity=organization');
    // this import's entry, wherever other imports put it in the log
    const entries = audit.json().items.filter((i: { after: { fileName?: string } }) => i.after?.fileName === fileName);
    expect(entries.map((i: { after: unknown }) => i.after)).toEqual([expect.objectContaining({ count: 3, fileName, mode: 'valid' })]);

    const report = await session.get(`/api/io/error-report/${res.json().errorReportToken}`);
    expect(report.statusCode).toBe(200);
    const book = await readXlsxWithJszip(report.rawPayload);
    expect(book.rows.get(1)!.K).toBe('错误');
    expect(book.rows.get(2)!.A).toBe(`上海乙${x}科技有限公司`);
    expect(book.rows.get(2)!.K).toMatch(/^第3行：类型：“公司”不是允许的值/);
    expect(book.rows.size).toBe(2);
    // the report is the importer's only
    expect((await admin.get(`/api/io/error-report/${res.json().errorReportToken}`)).statusCode).toBe(404);
  });

  it('reads a GB18030 CSV (Excel on Chinese Windows) and one with a UTF-8 BOM', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const x = tag();
    const gb = gb18030(csvText(['名称', '类型', '所在区'], [[`上海戊${x}集团有限公司`, '国有企业', '金山区']]));
    const res = await uploadFile(session, '/api/io/import/organizations', 'gbk.csv', gb);
    expect(res.statusCode).toBe(200);
    expect(res.json().imported).toBe(1);
    const bom = Buffer.from(`\uFEFF${csvText(['名称*', '类型*'], [[`上海己${x}有限公司`, '高校']])}`);
    expect((await uploadFile(session, '/api/io/import/organizations', 'bom.csv', bom)).json().imported).toBe(1);
    const rows = (await t.app.services.db.execute(sql`select name, kind, district_code from organizations where ${byTag(x)} order by name`)).rows;
    expect(rows).toEqual([
      { name: `上海己${x}有限公司`, kind: 'university', district_code: null },
      { name: `上海戊${x}集团有限公司`, kind: 'soe', district_code: JINSHAN },
    ]);
  });

  it('refuses a credit code that a record out of scope has, or twice in the file, or with a wrong check character', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const x = tag();
    const uscc = makeUscc();
    // in 金山区: the coordinator may not see it, so the row is not "that record" but a taken code
    await makeOrganization(t.app, { name: `已有单位${x}`, uscc, districtCode: '310116' });
    const fresh = makeUscc();
    const rows = [
      [`新单位一${x}`, '企业', '浦东新区', uscc],
      [`新单位二${x}`, '企业', '浦东新区', fresh],
      [`新单位三${x}`, '企业', '浦东新区', fresh],
      [`新单位四${x}`, '企业', '浦东新区', `${fresh.slice(0, 17)}${fresh[17] === '0' ? '1' : '0'}`],
    ];
    const res = await uploadFile(session, '/api/io/import/organizations', 'dup.csv', Buffer.from(csvText(['名称', '类型', '所在区', '统一社会信用代码'], rows)));
    expect(res.statusCode).toBe(422);
    const errors = res.json().report.errors;
    expect(errors).toContainEqual({ row: 2, column: '统一社会信用代码', message: '该统一社会信用代码已被系统中的其他单位使用' });
    expect(errors).toContainEqual({ row: 4, column: '统一社会信用代码', message: '与第3行的统一社会信用代码重复' });
    expect(errors).toContainEqual({ row: 5, column: '统一社会信用代码', message: expect.stringContaining('校验位应为') });
    expect(await countRows(t.app, 'organizations', byTag(x))).toBe(1);
  });

  it('lets a coordinator import only into their districts, and reports required fields and a missing column', async () => {
    const { session } = await loginAs(t.app, { role: 'coordinator', scopes: [{ kind: 'district', value: PUDONG }] });
    const x = tag();
    const rows = [
      [`金山单位${x}`, '企业', '金山区'],
      [`无区单位${x}`, '企业', ''],
      ['', '', '浦东新区'],
    ];
    const res = await uploadFile(session, '/api/io/import/organizations', 'scope.csv', Buffer.from(csvText(['名称', '类型', '所在区'], rows)));
    expect(res.json().report.errors).toEqual([
      { row: 2, column: '所在区', message: '您只能导入所辖区（浦东新区）的数据' },
      { row: 3, column: '所在区', message: '必填：您只能导入所辖区（浦东新区）的数据' },
      { row: 4, column: '名称', message: '必填' },
      { row: 4, column: '类型', message: expect.stringContaining('必填') },
    ]);
    const noKind = await uploadFile(session, '/api/io/import/organizations', 'cols.csv', Buffer.from(csvText(['名称'], [['某单位']])));
    expect(noKind.statusCode).toBe(422);
    expect(noKind.json().report.errors).toEqual([{ row: 1, column: '类型', message: expect.stringContaining('缺少必填列') }]);
    const noUpload = await session.send('POST', '/api/io/import/organizations', { name: 'x' });
    expect(noUpload.statusCode).toBe(400);
    expect(noUpload.json().fields).toEqual([{ path: 'file', message: expect.stringContaining('请选择') }]);
    const viewer = (await loginAs(t.app, { role: 'viewer', scopes: [{ kind: 'district', value: PUDONG }] })).session;
    expect((await uploadFile(viewer, '/api/io/import/organizations', 'v.csv', Buffer.from(csvText(['名称', '类型'], [['x', '企业']])))).statusCode).toBe(403);
  });

  it('imports a big file in batches, building search documents on a worker thread (and the waiting main thread) after the first batch', async () => {
    const { user } = await loginAs(t.app, { role: 'admin' });
    const actor = { userId: user.id, username: user.username, role: 'admin' as const, scopes: [], permissions: [], requestId: 'test', ip: null };
    const x = tag();
    const rows = Array.from({ length: 2600 }, (_, i) => [`批量${x}单位${i}号有限公司`, '企业', '松江区', `批量${x}-${i}`]);
    const data = Buffer.from(csvText(['名称', '类型', '所在区', '别名'], rows));
    const batches: number[] = [];
    await warmSearchRowPool(); // the worker ready (on a slow machine the main thread might otherwise build every chunk)
    const before = { ...searchRowsBuilt };
    const result = await t.app.services.io.importFile(actor, 'organizations', { fileName: 'big.csv', data }, {
      mode: 'all',
      batchSize: 1000,
      onBatch: (b) => batches.push(b.rows),
    });
    expect(result).toMatchObject({ imported: 2600, errorCount: 0 });
    expect(batches).toEqual([1000, 1000, 600]);
    // the first batch's search rows were built in place, the next two batches' on a worker thread, or by the main
    // thread taking its share of the queued chunks while it waited for them (none fell back after a failure)
    const built = {
      inPlace: searchRowsBuilt.inPlace - before.inPlace,
      onWorkers: searchRowsBuilt.onWorkers - before.onWorkers,
      helping: searchRowsBuilt.inPlaceHelping - before.inPlaceHelping,
      inPlaceAfterWorkerFailed: searchRowsBuilt.inPlaceAfterWorkerFailed - before.inPlaceAfterWorkerFailed,
    };
    expect(built).toMatchObject({ inPlace: 1000, inPlaceAfterWorkerFailed: 0 });
    expect(built.onWorkers).toBeGreaterThan(0);
    expect(built.onWorkers + built.helping).toBe(1600);
    const docs = await countRows(t.app, 'search_documents', sql`entity_type = 'organization' and title like ${`批量${x}%`}`);
    expect(docs).toBe(2600);
    // the worker built the same document as searchRow in place: findable by alias and pinyin initials
    const name = `批量${x}单位2599号有限公司`;
    const [doc] = (await t.app.services.db.execute(sql`select id from organizations where name = ${name}`)).rows as { id: string }[];
    const expected = searchRow({ entityType: 'organization', entityId: doc.id, title: name, subtitle: '企业 · 松江区', aliases: [`批量${x}-2599`], texts: [null, null, null], districtCode: '310117', kind: 'enterprise', industryIds: [] });
    const [same] = (
      await t.app.services.db.execute(sql`
        select body = ${expected.body} and tokens = to_tsvector('simple', ${expected.tokens}) and pinyin_initials = ${expected.pinyinInitials}
          and subtitle = ${expected.subtitle} as same
        from search_documents where entity_id = ${doc.id}`)
    ).rows as { same: boolean }[];
    expect(same).toEqual({ same: true });
  }, 60_000);
});
