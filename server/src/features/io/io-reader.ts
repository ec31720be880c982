import { AppError } from '../../lib/errors';
import { decodeCsv, parseCsv } from './io-csv';
import { xlsxSheets, type XlsxSheet } from './io-xlsx-reader';

/** An uploaded spreadsheet. */
export interface UploadedFile {
  fileName: string;
  data: Buffer;
}

/** One row of a sheet as text cells (index 0 = column A), numbered as in the spreadsheet. */
export interface SheetRow {
  row: number;
  cells: string[];
}

const fileError = (zh: string, en: string) =>
  new AppError('VALIDATION', { fields: [{ path: 'file', message: `${zh} / ${en}` }], userMessage: { zh, en } });

export function fileFormat(file: UploadedFile): 'xlsx' | 'csv' {
  const d = file.data;
  if (d.length === 0) throw fileError('文件是空的', 'the file is empty');
  if (d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04) return 'xlsx';
  if (d[0] === 0xd0 && d[1] === 0xcf && d[2] === 0x11 && d[3] === 0xe0) {
    throw fileError('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入', 'old .xls files are not supported: save as .xlsx or .csv');
  }
  const utf16 = (d[0] === 0xff && d[1] === 0xfe) || (d[0] === 0xfe && d[1] === 0xff);
  if (!utf16 && d.subarray(0, 4096).includes(0)) throw fileError('仅支持 .xlsx 或 .csv 文件', 'only .xlsx and .csv files can be imported');
  return 'csv';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of an Excel cell value as a user sees it (dates as YYYY-MM-DD). */
export function cellText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const day = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const secs = v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds();
    return secs === 0 ? day : `${day} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: string; sharedFormula?: string; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? '').join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.formula !== undefined || o.sharedFormula !== undefined) return cellText(o.result);
    if (o.error !== undefined) return '';
  }
  return String(v);
}

const isEmpty = (cells: string[]) => cells.every((c) => c.trim() === '');

async function* xlsxRows(file: UploadedFile, isHeader: (cells: string[]) => boolean): AsyncGenerator<SheetRow> {
  let sheets: XlsxSheet[];
  try {
    sheets = await xlsxSheets(file.data);
  } catch {
    throw fileError('无法读取该 Excel 文件，请确认文件未损坏且为 .xlsx 格式', 'could not read the .xlsx file');
  }
  let firstHeader: SheetRow | undefined;
  for (const sheet of sheets) {
    let header: SheetRow | undefined;
    for await (const r of sheet.rows()) {
      if (isEmpty(r.cells)) continue;
      if (header) {
        yield r;
        continue;
      }
      header = r;
      firstHeader ??= r;
      if (!isHeader(r.cells)) break; // another sheet (说明 …): look further
      yield r;
    }
    if (header && isHeader(header.cells)) return;
  }
  // no sheet has the expected columns: hand out the first header so that the caller names what is missing
  if (firstHeader) yield firstHeader;
}

function* csvRows(file: UploadedFile): Generator<SheetRow> {
  let header = false;
  for (const r of parseCsv(decodeCsv(file.data))) {
    if (isEmpty(r.cells)) continue;
    if (!header) header = true;
    yield r;
  }
}

/**
 * The rows of an uploaded .xlsx (streamed: the first sheet whose first row `isHeader` accepts) or
 * .csv, header row first, empty rows skipped.
 */
export async function* readSheet(file: UploadedFile, isHeader: (cells: string[]) => boolean): AsyncGenerator<SheetRow> {
  if (fileFormat(file) === 'xlsx') yield* xlsxRows(file, isHeader);
  else yield* csvRows(file);
}
