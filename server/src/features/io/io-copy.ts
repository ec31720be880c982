import type { Executor } from '../../db/client';

/**
 * COPY … FROM for imports into the embedded database: the rows of a batch go to PGlite as one blob of
 * COPY text (its /dev/blob), parsed by the database's COPY in C and written with its multi-row insert and
 * its bulk-write buffer ring, instead of one parameter per column (PGlite's protocol code measures every
 * parameter string's UTF-8 length and escapes every array element in JavaScript on the main thread, then the
 * database parses the array literals and unnests them). Measured on 100,000 organisations: see bench/README.md.
 *
 * Same rows, same constraints (unique, foreign keys and NOT NULL are checked by COPY as by INSERT); only for
 * new rows (COPY has no ON CONFLICT) and only values, no SQL expressions (the caller computes them).
 * PostgreSQL (node-postgres has no COPY without another package) keeps the INSERT … unnest statements.
 */
type CopyClient = { query(text: string, params?: unknown[], opts?: { blob?: Blob }): Promise<unknown> };

/** the PGlite connection (or transaction) under a drizzle executor; undefined on PostgreSQL */
export function copyClient(ex: Executor): CopyClient | undefined {
  const client = (ex as unknown as { session?: { client?: unknown } }).session?.client as
    | (CopyClient & { exec?: unknown; connect?: unknown })
    | undefined;
  // a PGlite instance or PGlite transaction has query and exec; node-postgres' pool has connect
  if (!client || typeof client.query !== 'function' || typeof client.exec !== 'function' || client.connect) return undefined;
  return client;
}

/** rows written by COPY since the process started (read by tests) */
export const copiedRows = { count: 0 };

export type CopyValue = string | number | null;

/** one field of COPY's text format: \N for null, backslash, tab and line breaks escaped */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  const s = typeof v === 'number' ? String(v) : v;
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

/** a PostgreSQL array literal of texts ({"a","b"}), every element quoted */
export function arrayLiteral(values: readonly string[]): string {
  if (!values.length) return '{}';
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out += `${i ? ',' : ''}"${/["\\]/.test(v) ? v.replace(/["\\]/g, (c) => `\\${c}`) : v}"`;
  }
  return `${out}}`;
}

/** Rows (values in the columns' order) into the table with COPY; false when the executor is not PGlite. */
export async function copyRows(ex: Executor, table: string, columns: readonly string[], rows: readonly CopyValue[][]): Promise<boolean> {
  const client = copyClient(ex);
  if (!client) return false;
  if (!rows.length) return true;
  const lines: string[] = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = rows[i].map(copyField).join('\t');
  const blob = new Blob([`${lines.join('\n')}\n`]);
  await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
  copiedRows.count += rows.length;
  return true;
}
