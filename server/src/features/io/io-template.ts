import ExcelJS from 'exceljs';
import type { IoKind } from '../../../../common/schemas/io';
import { columnsOf, kindTitles } from './io-columns';
import { addListValidation } from './io-xlsx';

const TEMPLATE_ROWS = 5000;
const colLetter = (i: number) => String.fromCharCode(65 + i);

/**
 * The import template of a kind: a sheet with the Chinese headers (required ones marked *), an example
 * row and drop-down lists for fixed values, and a 说明 sheet listing every column and its allowed values.
 */
export async function buildTemplate(kind: IoKind): Promise<Buffer> {
  const columns = columnsOf[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '同心 Tongxin';
  const sheet = workbook.addWorksheet(kindTitles[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const header = sheet.addRow(columns.map((c) => (c.required ? `${c.header}*` : c.header)));
  header.font = { bold: true };
  header.eachCell((cell, i) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: columns[i - 1].required ? 'FFFDE2E2' : 'FFE8F0FE' } };
    cell.note = columns[i - 1].note;
  });
  const example = sheet.addRow(columns.map((c) => c.example));
  example.font = { color: { argb: 'FF888888' } };
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).numFmt = '@'; // text: credit codes and phone numbers keep their digits
    if (c.allowed) addListValidation(sheet, `${colLetter(i)}2:${colLetter(i)}${TEMPLATE_ROWS}`, c.allowed);
  });

  const help = workbook.addWorksheet('说明');
  help.columns = [{ width: 18 }, { width: 10 }, { width: 60 }, { width: 60 }];
  help.addRow([`${kindTitles[kind]}导入说明`]).font = { bold: true, size: 14 };
  help.addRow(['第1行为表头，请勿修改列名；带 * 的列必须填写；第2行是示例，导入前请删除或改写。']);
  help.addRow(['支持 .xlsx 或 .csv（UTF-8 或 GB18030 编码）；默认只有全部行都正确时才会导入，也可以选择只导入正确的行并下载错误行。']);
  help.addRow([]);
  help.addRow(['列名', '是否必填', '说明', '可选值']).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? '必填' : '选填', c.note, c.allowed?.join('、') ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
