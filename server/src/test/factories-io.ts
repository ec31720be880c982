import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import type { TongxinApp } from '../app';
import { industries, networks } from '../db/schema';
import type { Session } from './factories';
import { indexForSearch } from './search-docs';

/** An .xlsx built with ExcelJS (the way a user's spreadsheet would be). */
export async function xlsxFile(header: string[], rows: (string | number | Date | null)[][], sheetName = '单位'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
export const csvText = (header: string[], rows: string[][]) => [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

let gbTable: Map<string, number[]> | undefined;
/** GB18030 bytes of a text (the two-byte GBK range is enough for test data): Excel's CSV on Chinese Windows. */
export function gb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbTable.has(ch)) gbTable.set(ch, [a, b]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const enc = gbTable.get(ch);
      if (!enc) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...enc);
    }
  }
  return Buffer.from(bytes);
}

/** POST a file as multipart/form-data (field `file`), the way the browser uploads it. */
export function uploadFile(session: Session, url: string, fileName: string, data: Buffer) {
  const boundary = `----tongxin${randomBytes(8).toString('hex')}`;
  const type = fileName.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return session.send('POST', url, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

const unescapeXml = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');

/**
 * The cells of the first sheet of an .xlsx, read with a second library (JSZip + the sheet XML), not ExcelJS:
 * what another program (LibreOffice, Excel) finds in the file. Rows by number, cells by column letter.
 */
export async function readXlsxWithJszip(data: Buffer, sheet = 1) {
  const zip = await JSZip.loadAsync(data);
  const shared = zip.file('xl/sharedStrings.xml');
  const strings = shared ? [...(await shared.async('string')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1])) : [];
  const xml = await zip.file(`xl/worksheets/sheet${sheet}.xml`)!.async('string');
  const rows = new Map<number, Record<string, string>>();
  for (const r of xml.matchAll(/<row [^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: Record<string, string> = {};
    for (const c of r[2].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /t="(\w+)"/.exec(c[2])?.[1];
      const body = c[3] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      cells[c[1]] = type === 's' ? strings[Number(v)] : type === 'inlineStr' ? texts(body) : unescapeXml(v ?? '');
    }
    rows.set(Number(r[1]), cells);
  }
  return { rows, files: Object.keys(zip.files) };
}

export async function makeIndustry(app: TongxinApp, name = `测试产业${randomBytes(3).toString('hex')}`) {
  const [row] = await app.services.db.insert(industries).values({ name }).returning();
  return row!;
}

export async function makeNetwork(app: TongxinApp, opts: { name?: string; districtCode?: string | null } = {}) {
  const name = opts.name ?? `测试联盟${randomBytes(3).toString('hex')}`;
  const [row] = await app.services.db
    .insert(networks)
    .values({ name, nameNorm: name.toLowerCase(), kind: 'alliance', districtCode: opts.districtCode === undefined ? '310115' : opts.districtCode })
    .returning();
  await indexForSearch(app, { kind: 'network', row: row! });
  return row!;
}

/** Number of rows of a table matching a condition (to show that nothing landed). */
export async function countRows(app: TongxinApp, table: 'organizations' | 'people' | 'memberships' | 'search_documents', where = sql`true`) {
  const res = (await app.services.db.execute(sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`)) as unknown as { rows: { n: number }[] };
  return res.rows[0].n;
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A fresh, valid 统一社会信用代码 (GB 32100-2015 check character) of a Shanghai district. */
export function makeUscc(districtCode = '310115'): string {
  const body = `91${districtCode}${[...randomBytes(9)].map((b) => USCC_CHARSET[b % 31]).join('')}`;
  const sum = [...body].reduce((s, c, i) => s + USCC_CHARSET.indexOf(c) * USCC_WEIGHTS[i], 0);
  const check = 31 - (sum % 31);
  return body + USCC_CHARSET[check === 31 ? 0 : check];
}
