import { Readable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * A streaming reader of .xlsx sheets, written for imports because ExcelJS's streaming reader decodes
 * each inflated chunk on its own and so garbles a Chinese character cut by a chunk boundary (“乡村振��”,
 * exceljs issues #2063, #2084, #2316: open in 4.4). The file is in memory (an upload); each part is
 * inflated as a stream through a UTF-8 string decoder, and rows are cut out of the XML as they arrive.
 * Reads what Excel, WPS, LibreOffice and ExcelJS write: shared and inline strings, numbers, booleans,
 * cached formula results, dates by their number format (1900 and 1904 date systems).
 */

interface ZipEntry {
  method: number;
  compressedSize: number;
  offset: number;
}

const badFile = () => new Error('not a readable .xlsx (zip) file');

/** What a sheet may hold; beyond it the upload is refused at once, naming the limit (zip bombs, runaway rows). */
export const xlsxLimits = {
  /** inflated size of one part (sheet, shared strings, …) */
  maxInflatedBytes: 200 * 1024 * 1024,
  /** inflated size against the compressed bytes read so far: spreadsheets compress 5–30×, a bomb 1000× */
  maxRatio: 100,
  /** inflated bytes always allowed whatever the ratio (small files of repeated text) */
  ratioFreeBytes: 1024 * 1024,
  /** XML of one row (or shared string) not yet complete */
  maxPendingBytes: 4 * 1024 * 1024,
  maxRows: 200_000,
  /** Excel's own limit of a cell */
  maxCellChars: 32_767,
};

export type XlsxLimit = 'inflated' | 'ratio' | 'pending' | 'rows' | 'cell';

/** A limit of `xlsxLimits` was reached: the caller turns it into a 413/422 naming the limit. */
export class XlsxLimitError extends Error {
  constructor(
    readonly limit: XlsxLimit,
    readonly value: number,
    readonly at?: { row: number; column?: number },
  ) {
    super(`xlsx limit ${limit} (${value}) reached`);
  }
}

/** The client went away: stop reading. */
export class ReadAbortedError extends Error {}

/** The entries of a zip file, from its central directory. */
function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw badFile();
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw badFile();
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    let compressedSize = buf.readUInt32LE(p + 20);
    let offset = buf.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || offset === 0xffffffff) {
      // zip64 extra field: uncompressed, compressed size and offset, each present only when needed
      let x = p + 46 + nameLength;
      const end = x + extraLength;
      while (x + 4 <= end) {
        const id = buf.readUInt16LE(x);
        const size = buf.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (buf.readUInt32LE(p + 24) === 0xffffffff) q += 8;
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(buf.readBigUInt64LE(q));
            q += 8;
          }
          if (offset === 0xffffffff) offset = Number(buf.readBigUInt64LE(q));
        }
        x += 4 + size;
      }
    }
    entries.set(name.replace(/^\//, ''), { method: buf.readUInt16LE(p + 10), compressedSize, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The text of an entry as a stream of string chunks (a character is never cut in two), stopped as soon as
 * it inflates beyond the size or ratio limits or the signal aborts.
 */
async function* entryText(buf: Buffer, e: ZipEntry, signal?: AbortSignal): AsyncGenerator<string> {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) throw badFile();
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  // fed in slices, so that the ratio is known from the first megabytes on, not after the whole part
  let consumed = 0;
  const slices = function* () {
    for (let i = 0; i < data.length; i += 16 * 1024) {
      const slice = data.subarray(i, i + 16 * 1024);
      consumed += slice.length;
      yield slice;
    }
  };
  let stream: Readable = Readable.from(slices(), { objectMode: false });
  if (e.method === 8) stream = stream.pipe(zlib.createInflateRaw({ chunkSize: 64 * 1024 }));
  else if (e.method !== 0) throw badFile();
  stream.setEncoding('utf8');
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (signal?.aborted) throw new ReadAbortedError();
      inflated += chunk.length;
      if (inflated > xlsxLimits.maxInflatedBytes) throw new XlsxLimitError('inflated', xlsxLimits.maxInflatedBytes);
      if (inflated > xlsxLimits.ratioFreeBytes && inflated > consumed * xlsxLimits.maxRatio) throw new XlsxLimitError('ratio', xlsxLimits.maxRatio);
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}

async function wholeText(buf: Buffer, e: ZipEntry | undefined, signal?: AbortSignal): Promise<string> {
  if (!e) return '';
  let s = '';
  for await (const chunk of entryText(buf, e, signal)) s += chunk;
  return s;
}

/**
 * Cuts complete elements `tag` out of streamed XML. Each chunk is searched once (plus a few characters of
 * overlap for a tag cut in two), so the cost grows with the size of the XML, not its square.
 */
class ElementCutter {
  private pending = '';
  private searchFrom = 0;
  private readonly closeRe: RegExp;
  private readonly selfClosedRe: RegExp;
  constructor(tag: string) {
    this.closeRe = new RegExp(`</(?:\\w+:)?${tag}>`, 'g');
    this.selfClosedRe = new RegExp(`<(?:\\w+:)?${tag}\\b[^<>]{0,1024}/>`, 'g');
  }

  /** The complete elements the chunk finished (with whatever came before them), or '' when none. */
  push(chunk: string): string {
    this.pending += chunk;
    let cut = -1;
    this.closeRe.lastIndex = Math.max(0, this.searchFrom - 16);
    for (let m = this.closeRe.exec(this.pending); m; m = this.closeRe.exec(this.pending)) cut = m.index + m[0].length;
    this.selfClosedRe.lastIndex = Math.max(0, cut, this.searchFrom - 1100);
    for (let m = this.selfClosedRe.exec(this.pending); m; m = this.selfClosedRe.exec(this.pending)) cut = Math.max(cut, m.index + m[0].length);
    if (cut < 0) {
      this.searchFrom = this.pending.length;
      if (this.pending.length > xlsxLimits.maxPendingBytes) throw new XlsxLimitError('pending', xlsxLimits.maxPendingBytes);
      return '';
    }
    const complete = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    this.searchFrom = this.pending.length;
    if (this.pending.length > xlsxLimits.maxPendingBytes) throw new XlsxLimitError('pending', xlsxLimits.maxPendingBytes);
    return complete;
  }
}

const unescapeXml = (s: string) =>
  s.indexOf('&') < 0
    ? s
    : s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_m, e: string) => {
        if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
        return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[e.toLowerCase()] ?? '';
      });

const attrRes = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`\\b${name}="([^"]*)"`)));
  return re.exec(attrs)?.[1];
}
/** the <t> texts of a string item or inline string, without phonetic runs (<rPh>) */
const itemText = (xml: string) =>
  [...xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)]
    .map((m) => unescapeXml(m[1]))
    .join('');

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Which cell styles (index into cellXfs) show a number as a date. */
function dateStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    custom.set(Number(attr(m[1], 'numFmtId')), unescapeXml(attr(m[1], 'formatCode') ?? ''));
  }
  const isDate = (id: number) => {
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = custom.get(id);
    if (!code) return false;
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    return /[yd]/i.test(bare) || /h.*s/i.test(bare);
  };
  const out = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*)/g)) {
    if (isDate(Number(attr(m[1], 'numFmtId') ?? 0))) out.add(i);
    i++;
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** An Excel date serial as YYYY-MM-DD (with HH:mm when it has a time): days since 1899-12-30, or 1904-01-01. */
function serialDate(serial: number, date1904: boolean): string {
  const d = new Date((date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + Math.round(serial * 86_400_000));
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60;
  return secs === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function numberText(v: string): string {
  if (!/e/i.test(v)) return v;
  const n = Number(v);
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

const colIndex = (ref: string) => {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
};

export interface XlsxSheet {
  name: string;
  rows(): AsyncGenerator<{ row: number; cells: string[] }>;
}

/**
 * The worksheets of an .xlsx in workbook order; each yields its rows as text cells while it is inflated.
 * Throws XlsxLimitError past `xlsxLimits`, ReadAbortedError once `signal` aborts.
 */
export async function xlsxSheets(buf: Buffer, signal?: AbortSignal): Promise<XlsxSheet[]> {
  const entries = zipEntries(buf);
  const workbook = await wholeText(buf, entries.get('xl/workbook.xml'), signal);
  const rels = await wholeText(buf, entries.get('xl/_rels/workbook.xml.rels'), signal);
  const date1904 = /date1904="(1|true)"/.test(workbook);
  const targets = new Map(
    [...rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)].map((m) => [attr(m[1], 'Id'), (attr(m[1], 'Target') ?? '').replace(/^\/?(xl\/)?/, 'xl/')]),
  );
  const strings: string[] = [];
  const shared = entries.get('xl/sharedStrings.xml');
  if (shared) {
    const cutter = new ElementCutter('si');
    for await (const chunk of entryText(buf, shared, signal)) {
      const complete = cutter.push(chunk);
      if (!complete) continue;
      for (const m of complete.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) strings.push(itemText(m[1] ?? ''));
    }
  }
  const dates = dateStyles(await wholeText(buf, entries.get('xl/styles.xml'), signal));

  const cellValue = (attrs: string, body: string): string => {
    const t = attr(attrs, 't');
    if (t === 'inlineStr') return itemText(body);
    const v = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(body)?.[1];
    if (v === undefined) return '';
    switch (t ?? 'n') {
      case 's':
        return strings[Number(v)] ?? '';
      case 'str':
        return unescapeXml(v);
      case 'b':
        return v === '1' ? 'TRUE' : 'FALSE';
      case 'e':
        return '';
      default: {
        const s = Number(attr(attrs, 's') ?? 0);
        return dates.has(s) && v !== '' ? serialDate(Number(v), date1904) : numberText(v);
      }
    }
  };

  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: unescapeXml(attr(m[1], 'name') ?? ''),
    entry: entries.get(targets.get(/\b(?:\w+:)?id="([^"]*)"/.exec(m[1])?.[1]) ?? ''),
  }));
  return sheets
    .filter((s): s is { name: string; entry: ZipEntry } => s.entry !== undefined)
    .map((s) => ({
      name: s.name,
      async *rows() {
        let next = 1;
        let count = 0;
        const cutter = new ElementCutter('row');
        const rowRe = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
        const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
        for await (const chunk of entryText(buf, s.entry, signal)) {
          const complete = cutter.push(chunk);
          if (!complete) continue;
          for (const m of complete.matchAll(rowRe)) {
            const number = Number(attr(m[1], 'r') ?? next);
            next = number + 1;
            if (++count > xlsxLimits.maxRows) throw new XlsxLimitError('rows', xlsxLimits.maxRows, { row: number });
            const cells: string[] = [];
            let col = 0;
            for (const c of (m[2] ?? '').matchAll(cellRe)) {
              const ref = attr(c[1], 'r');
              if (ref) col = colIndex(ref);
              if (col > 16_383) break; // beyond column XFD: not a real sheet
              while (cells.length < col) cells.push('');
              const value = cellValue(c[1], c[2] ?? '');
              if (value.length > xlsxLimits.maxCellChars) throw new XlsxLimitError('cell', xlsxLimits.maxCellChars, { row: number, column: col });
              cells[col] = value;
              col++;
            }
            yield { row: number, cells };
          }
        }
      },
    }));
}
