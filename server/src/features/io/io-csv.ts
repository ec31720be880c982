/**
 * CSV as Chinese users produce it: UTF-8 with or without a BOM (WPS, LibreOffice, Excel "CSV UTF-8"),
 * GB18030/GBK (Excel's plain "CSV" on a Chinese Windows), or UTF-16 with a BOM (Excel "Unicode text",
 * tab-separated).
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a CSV file, whatever of the encodings above it is in. */
export function decodeCsv(data: Uint8Array): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  try {
    return utf8.decode(data);
  } catch {
    // not valid UTF-8: the Chinese Windows code page (GB18030 is a superset of GBK and GB2312)
    return new TextDecoder('gb18030').decode(data);
  }
}

/** Comma, unless the first line has more tabs or semicolons (Excel "Unicode text", European exports). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  const count = (c: string) => firstLine.split(c).length - 1;
  const [best] = [',', '\t', ';'].sort((a, b) => count(b) - count(a));
  return count(best) > 0 ? best : ',';
}

/**
 * The records of a CSV text (RFC 4180: quoted fields may hold delimiters, quotes written "" and line
 * breaks), each with its record number (the header is record 1, as the row number in a spreadsheet).
 */
export function* parseCsv(text: string): Generator<{ row: number; cells: string[] }> {
  const delimiter = detectDelimiter(text);
  let row = 0;
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // copy a run of ordinary characters at once
      const next = text.indexOf('"', i);
      const end = next < 0 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endField();
      row++;
      yield { row, cells };
      cells = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      let j = i + 1;
      while (j < n) {
        const d = text[j];
        if (d === delimiter || d === '\r' || d === '\n' || d === '"') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || cells.length > 0) {
    endField();
    row++;
    yield { row, cells };
  }
}

/** One CSV line (CRLF-terminated) with fields quoted where needed. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\r\n`;
}

/** The UTF-8 byte order mark: Excel reads a CSV as UTF-8 (and Chinese correctly) only with it. */
export const UTF8_BOM = '\uFEFF';
