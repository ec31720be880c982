import type { FastifyReply } from 'fastify';
import { AppError } from '../../lib/errors';
import { decodeCsv, parseCsv } from './io-csv';
import { ReadAbortedError, XlsxLimitError, xlsxLimits, xlsxSheets, type XlsxSheet } from './io-xlsx-reader';

/** An uploaded spreadsheet. */
export interface UploadedFile {
  fileName: string;
  data: Buffer;
  /** aborts when the client goes away: reading stops */
  signal?: AbortSignal;
}

/** One row of a sheet as text cells (index 0 = column A), numbered as in the spreadsheet. */
export interface SheetRow {
  row: number;
  cells: string[];
}

const fileError = (zh: string, en: string) =>
  new AppError('VALIDATION', { fields: [{ path: 'file', message: `${zh} / ${en}` }], userMessage: { zh, en } });

const notXlsx = () => fileError('不是有效的 XLSX 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入', 'not a valid XLSX file: save it as .xlsx in Excel or WPS');

/** The limit an upload reached, as a 413 (too much) or 422 (cannot be read), in both languages. */
function limitError(e: XlsxLimitError): AppError {
  const at = e.at;
  const texts: Record<XlsxLimitError['limit'], [number, string, string]> = {
    inflated: [413, `文件解压后超过 ${e.value / 1024 / 1024} MB 的上限（疑似压缩炸弹），已停止读取`, `the file expands beyond the ${e.value / 1024 / 1024} MB limit when unzipped (a zip bomb?): reading stopped`],
    ratio: [413, `文件解压后膨胀超过 ${e.value} 倍的上限（疑似压缩炸弹），已停止读取`, `the file expands more than the ${e.value}× limit when unzipped (a zip bomb?): reading stopped`],
    pending: [422, `工作表中有一行超过 ${e.value / 1024 / 1024} MB 的上限，无法读取`, `a row of the sheet exceeds the ${e.value / 1024 / 1024} MB limit: cannot read it`],
    rows: [413, `超过 ${e.value} 行的上限，请拆分后分批导入`, `more than the ${e.value}-row limit: split the file`],
    cell: [
      422,
      `第${at?.row ?? '?'}行第${(at?.column ?? 0) + 1}列超过 ${e.value} 个字符的上限`,
      `row ${at?.row ?? '?'}, column ${(at?.column ?? 0) + 1} exceeds the ${e.value}-character limit`,
    ],
  };
  const [status, zh, en] = texts[e.limit];
  return new AppError('VALIDATION', { status, fields: [{ path: 'file', message: `${zh} / ${en}` }], userMessage: { zh, en }, details: { limit: e.limit } });
}

/** A signal that aborts when the connection closes before the answer went out (the client gave up): readers stop there. */
export function clientSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

const clientGone = () => new AppError('VALIDATION', { status: 400, userMessage: { zh: '上传已中断', en: 'The upload was abandoned' } });

export function fileFormat(file: UploadedFile): 'xlsx' | 'csv' {
  const d = file.data;
  if (d.length === 0) throw fileError('文件是空的', 'the file is empty');
  if (d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04) return 'xlsx';
  // named .xlsx but not a zip: say so, rather than read it as a CSV and miss every column
  if (/\.xls[xm]$/i.test(file.fileName)) throw notXlsx();
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

/** A reader's failure as the answer to give: a named limit, the client gone, or a file that is not a readable XLSX. */
function readError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  if (e instanceof XlsxLimitError) return limitError(e);
  if (e instanceof ReadAbortedError) return clientGone();
  return notXlsx();
}

async function* xlsxRows(file: UploadedFile, isHeader: (cells: string[]) => boolean): AsyncGenerator<SheetRow> {
  try {
    yield* xlsxSheetRows(file, isHeader);
  } catch (e) {
    throw readError(e);
  }
}

async function* xlsxSheetRows(file: UploadedFile, isHeader: (cells: string[]) => boolean): AsyncGenerator<SheetRow> {
  const sheets: XlsxSheet[] = await xlsxSheets(file.data, file.signal);
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
  let count = 0;
  for (const r of parseCsv(decodeCsv(file.data))) {
    if (file.signal?.aborted) throw clientGone();
    if (++count > xlsxLimits.maxRows) throw limitError(new XlsxLimitError('rows', xlsxLimits.maxRows, { row: r.row }));
    const long = r.cells.findIndex((c) => c.length > xlsxLimits.maxCellChars);
    if (long >= 0) throw limitError(new XlsxLimitError('cell', xlsxLimits.maxCellChars, { row: r.row, column: long }));
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
