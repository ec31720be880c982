import mammoth from 'mammoth';
import type { Extraction } from '../../../../common/schemas/ingest';
import { decodeBytes } from './decode';
import { extractReportText } from './ingest';

export interface ReportFile {
  fileName: string;
  data: Buffer;
}

export const REPORT_FILE_TYPES = ['.txt', '.html', '.htm', '.docx'] as const;

/** The file's type by extension, or by content (a .docx is a zip beginning with "PK"). */
export function reportFileType(file: ReportFile): 'docx' | 'text' | null {
  const ext = file.fileName.toLowerCase().match(/\.[a-z]+$/)?.[0] ?? '';
  if (ext === '.docx' || (ext === '' && file.data.subarray(0, 2).toString('latin1') === 'PK')) return 'docx';
  if (ext === '' || ext === '.txt' || ext === '.html' || ext === '.htm' || ext === '.text') return 'text';
  return null;
}

/** A .docx's text (mammoth's raw text: one paragraph a line). */
export async function docxText(data: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: data });
  return value.replace(/\n{2,}/g, '\n');
}

/** An uploaded report (.txt / .html in UTF-8, GBK/GB18030 or Big5, or .docx) → its extraction. */
export async function readReportFile(file: ReportFile, protectedNames: readonly string[] = []): Promise<Extraction> {
  const type = reportFileType(file);
  if (type === 'docx') return extractReportText(await docxText(file.data), { encoding: 'docx', protectedNames });
  if (type === null) throw new UnsupportedReportFile(file.fileName);
  const decoded = decodeBytes(file.data);
  return extractReportText(decoded.text, { encoding: decoded.encoding, protectedNames });
}

export class UnsupportedReportFile extends Error {
  constructor(readonly fileName: string) {
    super(`unsupported report file: ${fileName} (use .txt, .html or .docx)`);
  }
}
