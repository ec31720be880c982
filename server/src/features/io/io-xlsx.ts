import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Text that a spreadsheet could run as a formula (= + - @, or a leading tab or carriage return) gets
 * a leading apostrophe (OWASP "CSV injection"), in XLSX as in CSV.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
  rows: AsyncIterable<string[]> | Iterable<string[]>;
}

/** Wait while the reader of `out` is behind, so that a slow download does not fill the memory. */
async function keepPace(out: PassThrough) {
  if (!out.writableNeedDrain || out.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * A workbook written as a stream (ExcelJS streaming writer, inline strings): bold header row, one row per
 * item, every text cell escaped against formulas. Errors end the stream with that error.
 */
export function xlsxStream(sheets: SheetSpec[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '同心 Tongxin';
  const write = async () => {
    for (const spec of sheets) {
      const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = spec.columns.map((c) => ({ width: c.width }));
      const header = sheet.addRow(spec.columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
      let n = 0;
      for await (const cells of spec.rows) {
        if (out.destroyed) return;
        sheet.addRow(cells.map((c) => (c === '' ? null : escapeFormula(c)))).commit();
        if (++n % 500 === 0) await keepPace(out);
      }
      sheet.commit();
    }
    await workbook.commit();
  };
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/** Collects a stream into one buffer (small files: templates, tests). */
export async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** A drop-down list on a column (ExcelJS has it at runtime; its typings lack worksheet.dataValidations). */
export function addListValidation(sheet: ExcelJS.Worksheet, range: string, values: string[]) {
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  validations.add(range, {
    type: 'list',
    allowBlank: true,
    showErrorMessage: false,
    formulae: [`"${values.join(',')}"`],
  });
}
