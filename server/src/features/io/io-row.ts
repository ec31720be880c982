import type { ExistingMode, ImportDuplicateCandidate, ImportError } from '../../../../common/schemas/io';
import type { Db, Executor } from '../../db/client';
import type { Vocabulary } from '../../../../common/labels';
import { districtCodeByName } from '../../../../common/validators';
import type { Actor } from '../../lib/actor';
import { type ColumnSpec, headerKey } from './io-columns';
import type { SearchDoc } from '../search/search-index';
import type { SearchRowData } from './io-search-rows';
import { canImportInto, scopeNames } from './io.policy';

/** A data row with its cells by column key (trimmed text, '' when empty or the column is absent). */
export interface ParsedRow<K extends string = string> {
  row: number;
  /** the cells as they were, for the error report */
  cells: string[];
  get(key: K): string;
}

/** Which cell holds which column; the required columns the header lacks. */
export function mapHeader(columns: readonly ColumnSpec[], header: string[]) {
  const index = new Map<string, number>();
  const byHeader = new Map(columns.map((c) => [headerKey(c.header), c.key]));
  header.forEach((text, i) => {
    const key = byHeader.get(headerKey(text));
    if (key && !index.has(key)) index.set(key, i);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  return { index, missing };
}

export function parsedRow<K extends string>(index: Map<string, number>, row: number, cells: string[]): ParsedRow<K> {
  return {
    row,
    cells,
    get: (key) => {
      const i = index.get(key);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    },
  };
}

/** Collects the problems of a batch, each under the Chinese header of its column. */
export class RowErrors<K extends string = string> {
  readonly errors: ImportError[] = [];
  private readonly bad = new Set<number>();
  constructor(private readonly columns: readonly ColumnSpec[]) {}

  add(row: number, key: K, message: string) {
    this.errors.push({ row, column: this.columns.find((c) => c.key === key)?.header ?? key, message });
    this.bad.add(row);
  }
  has(row: number) {
    return this.bad.has(row);
  }
}

/** What one kind of import does: the steps the import pipeline runs batch by batch. */
export interface LandOptions {
  /** a big import into the embedded database (indexes deferred, see io-bulk-indexes.ts): links' keys checked per batch */
  bulk?: boolean;
  /** the embedded database: new rows go by COPY (see io-copy.ts) */
  copy?: boolean;
}

export interface Importer<R extends { row: number }, Ctx> {
  columns: readonly ColumnSpec[];
  /** per-file state: lookups loaded once, keys seen in earlier rows */
  /**
   * `alone`: the import's transaction is the only one (the embedded database has one connection), so what prepare
   * reads stays true until it commits
   */
  prepare(ex: Executor, actor: Actor, opts?: { existing?: ExistingMode; alone?: boolean }): Promise<Ctx>;
  /** rows that matched existing records exactly: left out (skip) or written into them (update) */
  tally?(ctx: Ctx): { skipped: number; updated: number };
  /** the checks that need only the row (and the rows before it): good rows become records */
  check(ctx: Ctx, rows: ParsedRow[], errors: RowErrors): R[];
  /** the checks against the database (and lookups); the records that pass */
  confirm(ex: Executor, ctx: Ctx, records: R[], errors: RowErrors): Promise<R[]>;
  /** the search documents of the records (built off the main thread); none for memberships */
  searchDocs?(records: R[]): SearchDoc[];
  /** write the records (and their search rows, in the same order as searchDocs gave them) */
  land(ex: Executor, records: R[], searchRows: SearchRowData[], opts?: LandOptions): Promise<void>;
  /** the tables land() fills, the records' own first: a big import into the embedded database builds their indexes at the end */
  bulkTables?: readonly string[];
  /** land() writes the new records' search rows by COPY on the embedded database: they are built as binary tuples */
  copiesSearchRows?: boolean;
  /** after such a bulk import's indexes are built: checks what its writes left to the end (foreign keys written without row triggers) */
  afterBulk?(ex: Executor): Promise<void>;
  /** likely duplicates of the rows, for /check */
  duplicates(db: Db, ctx: Ctx, actor: Actor, rows: ParsedRow[]): Promise<{ row: number; candidates: ImportDuplicateCandidate[] }[]>;
  /** rows compared for near names so far (the costly kind, bounded per file) */
  nearNamesChecked?(ctx: Ctx): number;
}

// ---------------------------------------------------------------------------------------------
// values
// ---------------------------------------------------------------------------------------------

const validDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 1900 && y <= 2100;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A date as people write it (2024-01-15, 2024/1/15, 2024.1.15, 2024年1月15日, 20240115, an Excel serial) → YYYY-MM-DD. */
export function parseDate(text: string): string | undefined {
  const t = text.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? iso(y, mo, d) : undefined;
  }
  m = /^\d{4,5}$/.exec(t);
  if (m) {
    // an Excel date serial (days since 1899-12-30) when the cell lost its date format
    const day = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000);
    const [y, mo, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    return validDate(y, mo, d) ? iso(y, mo, d) : undefined;
  }
  return undefined;
}

/** Length in characters (a CJK character counts one). */
export const charLength = (s: string) => [...s].length;

/** `“X”不是允许的值，可选：A、B、C` */
export const notAllowed = (value: string, allowed: readonly string[]) => `“${value}”不是允许的值，可选：${allowed.join('、')}`;

/** The message of a cell longer than `max` characters. */
export const tooLong = (max: number) => `不能超过${max}个字`;

/**
 * A row's error recorder and its optional text cells: `text(key, max)` is the cell's value, null when
 * empty, and records "too long" against the column when it has more than `max` characters.
 */
export function rowCells<K extends string>(r: ParsedRow<K>, errors: RowErrors<K>) {
  const add = (key: K, message: string) => errors.add(r.row, key, message);
  const text = (key: K, max: number) => {
    const v = r.get(key);
    if (charLength(v) > max) add(key, tooLong(max));
    return v === '' ? null : v;
  };
  return { add, text };
}

/** A required enumeration cell read through its vocabulary (Chinese words or codes); a missing or unknown value is reported. */
export function enumerationCell<T extends string>(text: string, words: Vocabulary<T>, fail: (message: string) => void): T | undefined {
  const code = text ? words.parse(text) : undefined;
  if (!text) fail(`必填，可选：${words.allowed.join('、')}`);
  else if (!code) fail(notAllowed(text, words.allowed));
  return code;
}

/** A row's Shanghai district (name or code) or null; an unknown one, or one outside the actor's districts, is reported. */
export function importDistrict(text: string, actor: Actor, fail: (message: string) => void): string | null {
  const districtCode = text ? (districtCodeByName(text) ?? null) : null;
  if (text && !districtCode) fail(`无法识别“${text}”，请填写上海市的区名（如 浦东新区）或行政区划代码（如 310115）`);
  else if (!canImportInto(actor, districtCode)) {
    fail(districtCode ? `您只能导入所辖区（${scopeNames(actor)}）的数据` : `必填：您只能导入所辖区（${scopeNames(actor)}）的数据`);
  }
  return districtCode;
}

/**
 * A row that matches an existing record exactly (re-import): with existing=skip it is dropped and
 * counted as skipped (false); with existing=update it will update that record (true).
 */
export function matchedRow(ctx: { existing: ExistingMode; skipped: number; updated: number }, record: { existingId?: string | null }, id: string): boolean {
  if (ctx.existing === 'skip') {
    ctx.skipped++;
    return false;
  }
  record.existingId = id;
  ctx.updated++;
  return true;
}
