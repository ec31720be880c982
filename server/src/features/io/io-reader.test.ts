import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { gb18030 } from '../../test/files';
import { readSheet, type SheetRow } from './io-reader';
import { streamToBuffer } from './io-xlsx';

const all = async (data: Buffer, fileName = 'f.xlsx', isHeader = (c: string[]) => c[0] === '名称') => {
  const out: SheetRow[] = [];
  for await (const r of readSheet({ fileName, data }, isHeader)) out.push(r);
  return out;
};
/** Distinct Chinese texts of varying length: enough of them that UTF-8 characters straddle inflate chunk boundaries. */
const texts = Array.from({ length: 4000 }, (_, i) => `上海${'乡村振兴智能网联汽车'.slice(0, 1 + (i % 9))}第${i}号有限公司`);

describe('reading spreadsheets', () => {
  it('reads every Chinese character of a big streamed .xlsx intact (no character cut at a chunk boundary)', async () => {
    for (const useSharedStrings of [true, false]) {
      const out = new PassThrough();
      const done = streamToBuffer(out);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings });
      const ws = wb.addWorksheet('单位');
      ws.addRow(['名称', '类型']).commit();
      for (const t of texts) ws.addRow([t, '企业']).commit();
      ws.commit();
      await wb.commit();
      const rows = await all(await done);
      expect(rows).toHaveLength(texts.length + 1);
      expect(rows.slice(1).map((r) => r.cells[0])).toEqual(texts);
      expect(rows.some((r) => r.cells.join('').includes('\uFFFD'))).toBe(false);
    }
  });

  it('reads the sheet with the expected header, with dates, numbers, formulas, rich text and gaps as a user sees them', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['这是说明，不是数据']);
    const ws = wb.addWorksheet('单位');
    ws.addRow(['名称', '日期', '手机', '公式', '布尔']);
    const r2 = ws.addRow(['甲公司', new Date(Date.UTC(2024, 0, 15)), 13800138000, { formula: 'A2&"x"', result: '甲公司x' }, true]);
    r2.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
    ws.addRow([]);
    ws.addRow([{ richText: [{ text: '乙' }, { text: '公司', font: { bold: true } }] }, null, '021-62345678']);
    ws.getCell('A6').value = '丙公司'; // a gap: row 5 is missing
    ws.getCell('E6').value = 'x';
    const rows = await all(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { row: 1, cells: ['名称', '日期', '手机', '公式', '布尔'] },
      { row: 2, cells: ['甲公司', '2024-01-15', '13800138000', '甲公司x', 'TRUE'] },
      { row: 4, cells: ['乙公司', '', '021-62345678'] },
      { row: 6, cells: ['丙公司', '', '', '', 'x'] },
    ]);
  });

  it('reads CSV with quotes, commas and line breaks in fields, in UTF-8, GB18030 and UTF-16 (tab-separated)', async () => {
    const text = '名称,简介\r\n"甲,公司","他说""好""\n第二行"\r\n\r\n乙公司,\r\n';
    const expected = [
      { row: 1, cells: ['名称', '简介'] },
      { row: 2, cells: ['甲,公司', '他说"好"\n第二行'] },
      { row: 4, cells: ['乙公司', ''] },
    ];
    expect(await all(Buffer.from(text), 'a.csv')).toEqual(expected);
    expect(await all(Buffer.from(`\uFEFF${text}`), 'a.csv')).toEqual(expected);
    expect(await all(gb18030(text), 'a.csv')).toEqual(expected);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称\t简介\r\n甲公司\t很好\r\n', 'utf16le')]);
    expect(await all(utf16, 'a.txt')).toEqual([
      { row: 1, cells: ['名称', '简介'] },
      { row: 2, cells: ['甲公司', '很好'] },
    ]);
  });

  it('refuses what is not a spreadsheet with a message on the file', async () => {
    await expect(all(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).rejects.toMatchObject({ fields: [{ path: 'file' }] });
    await expect(all(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).rejects.toMatchObject({ fields: [{ path: 'file' }] });
    await expect(all(Buffer.from([1, 0, 2, 0]), 'x.bin')).rejects.toMatchObject({ fields: [{ path: 'file' }] });
  });
});
